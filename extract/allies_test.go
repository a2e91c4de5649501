package extract

import "testing"

// TestOwnAllies checks that demonyms before "allies" after a possessive
// name their states, in sentences written for this test.
func TestOwnAllies(t *testing.T) {
	runCases(t, []extractCase{
		{"a list of allies", "Kenya and its Ugandan and Tanzanian allies have accused the Somali rebels of raiding a refugee camp.",
			[]string{"Kenya ACCUSES Somali rebels", "Uganda ACCUSES Somali rebels", "Tanzania ACCUSES Somali rebels"}},
		{"one ally", "Kenya and its Ugandan allies condemned Eritrea.", []string{"Kenya ACCUSES Eritrea", "Uganda ACCUSES Eritrea"}},
		{"no possessive", "Ugandan allies condemned Eritrea.", nil},
	})
}
