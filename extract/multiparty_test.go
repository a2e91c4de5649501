package extract

import "testing"

// TestMultiPartyTalks checks talks of three or more parties, in
// sentences written for this test: those who hold talks are parties,
// those who open them may be conveners.
func TestMultiPartyTalks(t *testing.T) {
	three := []string{"Jordan ENGAGES Russia", "Jordan ENGAGES Egypt", "Russia ENGAGES Egypt"}
	runCases(t, []extractCase{
		{"three held talks", "Jordan, Russia and Egypt held talks in Amman.", three},
		{"their officials", "Officials from Jordan, Russia and Egypt held talks in Amman.", three},
		{"trilateral with a third", "Jordan and Russia held trilateral talks with Egypt in Amman.", three},
		{"opened: conveners", "The US, Saudi Arabia and Switzerland opened talks aimed at a ceasefire in Sudan.", nil},
		{"held on an actor", "The US, Saudi Arabia and Switzerland held talks on Sudan.", nil},
		{"held between others", "Jordan, Russia and Egypt held talks between the Syrian government and the rebels.", nil},
		{"among", "The talks among Egypt, Sudan and Ethiopia ended without agreement.",
			[]string{"Egypt ENGAGES Sudan", "Egypt ENGAGES Ethiopia", "Sudan ENGAGES Ethiopia"}},
		{"tripartite talks of", "The ministers praised the tripartite talks of Jordan, Russia and Egypt.", three},
		{"talks of two is no list of parties", "The ministers discussed the talks of Jordan and Russia.", nil},
	})
}
