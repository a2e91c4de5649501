package extract

import "testing"

// TestBritishSpellings checks that bodies' names match in British and
// American spelling, in sentences written for this test.
func TestBritishSpellings(t *testing.T) {
	runCases(t, []extractCase{
		{"Organisation, Co-operation", "Russia is ready to work with the Organisation for Security and Co-operation in Europe.", []string{"Russia OFFERS OSCE"}},
		{"Organisation, Cooperation", "Kenya praised the Organisation for Security and Cooperation in Europe.", []string{"Kenya SUPPORTS OSCE"}},
		{"Co-operation in a name written so", "Kenya praised the Organisation of Islamic Co-operation.", []string{"Kenya SUPPORTS OIC"}},
	})
}
