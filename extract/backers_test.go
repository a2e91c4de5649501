package extract

import "testing"

// TestBackedDescriptions checks, in sentences written for this test, that
// a name joined to a backing word describes what follows and is not the
// actor, and that an armed group's description with modifiers refers
// back to the group named last, of the demonym's country where one is
// given.
func TestBackedDescriptions(t *testing.T) {
	runCases(t, []extractCase{
		{"backed role noun is not its backer", "Iran-backed militias accused the United States of violating Iraqi sovereignty.", nil},
		{"backed separatists are not Russia", "The Russia-backed separatists rejected the ceasefire proposed by Ukraine.", nil},
		{"demonym backer", "Russian-backed forces rejected the ceasefire proposed by Ukraine.", nil},
		{"backed known group", "The Iran-backed Houthis rejected the UN proposal.", []string{"Houthis REJECTS United Nations", "United Nations OFFERS Houthis"}},
		{"led keeps its leader", "The Saudi-led coalition accused the Houthis of firing missiles at Riyadh.", []string{"Saudi Arabia ACCUSES Houthis"}},
		{"backed group refers back", "The Houthis fired missiles on Monday. The Iran-backed group also rejected the UN proposal.", []string{"Houthis REJECTS United Nations", "United Nations OFFERS Houthis"}},
		{"armed group", "The Houthis fired missiles on Monday. The armed group also rejected the UN proposal.", []string{"Houthis REJECTS United Nations", "United Nations OFFERS Houthis"}},
		{"rebel movement", "The Houthis fired missiles on Monday. The rebel movement also rejected the UN proposal.", []string{"Houthis REJECTS United Nations", "United Nations OFFERS Houthis"}},
		{"demonym of the group's country", "Hamas fired rockets on Monday. The Palestinian militant group also rejected the Egyptian proposal.", []string{"Hamas REJECTS Egypt", "Egypt OFFERS Hamas"}},
		{"demonym of another country", "The Houthis fired missiles on Monday. The Palestinian militant group also rejected the Egyptian proposal.", []string{"Palestinian armed groups REJECTS Egypt", "Egypt OFFERS Palestinian armed groups"}},
	})
}
