package extract

import "testing"

// TestDeniedAccusations checks that an accusation an actor rejects or
// denies accuses it, or the actor its "that" clause names, in sentences
// written for this test.
func TestDeniedAccusations(t *testing.T) {
	runCases(t, []extractCase{
		{"accusations by a titled person", "Ghana rejected accusations by Nigerian President Bola Tinubu that it was harbouring pirates.",
			[]string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Ghana"}},
		{"about", "Ghana dismissed accusations by Nigeria about the treatment of fishermen.", []string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Ghana"}},
		{"another accused", "Ghana rejected claims from Nigeria that Togo shelters smugglers.", []string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Togo"}},
		{"not denied", "Ghana did not deny allegations by Nigeria.", nil},
		{"no denial", "Ghana repeated accusations by Nigeria.", nil},
	})
}

// TestChargeJustMade checks that "a charge X denies" after an accusation
// rejects its accusers whoever it named, in sentences written for this
// test.
func TestChargeJustMade(t *testing.T) {
	runCases(t, []extractCase{
		{"after a dash", "Kenya and Uganda accuse the Somali rebels of using Tanzanian airstrips — a charge Tanzania rejects.",
			[]string{"Kenya ACCUSES Somali rebels", "Uganda ACCUSES Somali rebels", "Tanzania REJECTS Kenya", "Tanzania REJECTS Uganda"}},
		{"the accused denies", "Kenya accused Uganda of smuggling weapons, a charge Uganda denies.", []string{"Kenya ACCUSES Uganda", "Uganda REJECTS Kenya"}},
	})
}
