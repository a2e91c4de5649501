package extract

import "testing"

// TestAttributiveParticiples checks that a cue's participle after a
// possessive or joined by a hyphen to a name states nothing, in sentences
// written for this test.
func TestAttributiveParticiples(t *testing.T) {
	runCases(t, []extractCase{
		{"after a possessive", "Ghana faces criticism over its proposed purchase of Russian jets.", nil},
		{"hyphened to a demonym", "The Ugandan-backed rebels raided a Kenyan border post.", nil},
		{"hyphened to a name in a list", "The deal gives seats to the Somali rebels and the Nairobi-backed government of Somalia.", nil},
		{"a verb still counts", "Uganda backed the Kenyan government.", []string{"Uganda SUPPORTS Kenya"}},
		{"a compound noun", "Kenya spoke of the aid offers as Uganda's ploy to buy votes.", nil},
		{"a verb after an actor", "The Kenyan government offers talks to Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"a lower-case prefix is no name", "Kenya co-hosted talks with Uganda.", []string{"Kenya ENGAGES Uganda"}},
	})
}
