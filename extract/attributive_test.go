package extract

import "testing"

// TestAttributiveParticiples checks that a cue's participle after a
// possessive or joined by a hyphen to a name states nothing, in sentences
// written for this test.
func TestAttributiveParticiples(t *testing.T) {
	runCases(t, []extractCase{
		{"after a possessive", "Kampala is at the centre of a row with Paris over its proposed use of Russian mercenaries.", nil},
		{"hyphened to a demonym", "Kenya and the Ugandan-backed rebels agreed to withdraw their forces.", nil},
		{"hyphened to a name in a list", "The plan would revive a fund shared by the Somali rebels and the Nairobi-backed government of Somalia.", nil},
		{"a verb still counts", "Uganda backed the Kenyan government.", []string{"Uganda SUPPORTS Kenya"}},
		{"a compound noun", "Kenya referred to the aid offers as Uganda's attempts to meddle.", nil},
		{"a verb after an actor", "The Kenyan government offers talks to Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"a lower-case prefix is no name", "Kenya co-hosted talks with Uganda.", []string{"Kenya ENGAGES Uganda"}},
	})
}
