package extract

import "testing"

// TestParticiplePhraseSubjects checks that an actor in a participle
// phrase after a subject noun is not the subject, in sentences written
// for this test.
func TestParticiplePhraseSubjects(t *testing.T) {
	runCases(t, []extractCase{
		{"a coalition fighting", "Kenya and the Ugandan-led coalition battling the Somali rebels accused them of kidnapping aid workers.",
			[]string{"Kenya ACCUSES Somali rebels", "Uganda ACCUSES Somali rebels"}},
		{"a gerund's object", "The Somali rebels accused Kenyan troops of backing Ethiopia.", []string{"Somali rebels ACCUSES Kenya"}},
	})
}

// TestWarringSides checks that a state before "warring parties" is not
// the object, in sentences written for this test.
func TestWarringSides(t *testing.T) {
	runCases(t, []extractCase{
		{"warring parties", "Kenya called on Ethiopia's warring parties to lay down their arms.", nil},
		{"rival factions", "Kenya urged Somalia's rival factions to end the fighting.", nil},
		{"the state itself", "Kenya urged Somalia's government to end the fighting.", []string{"Kenya DEMANDS Somalia"}},
	})
}
