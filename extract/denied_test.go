package extract

import "testing"

// TestDeniedAccusations checks that an accusation an actor rejects or
// denies accuses it, or the actor its "that" clause names, in sentences
// written for this test.
func TestDeniedAccusations(t *testing.T) {
	runCases(t, []extractCase{
		{"accusations by a titled person", "Ghana has firmly rejected accusations by Nigerian President Bola Tinubu that it shelters smugglers.",
			[]string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Ghana"}},
		{"about", "Ghana dismissed accusations by Nigeria about alleged abuses at the border.", []string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Ghana"}},
		{"another accused", "Ghana rejected claims from Nigeria that Togo shelters smugglers.", []string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Togo"}},
		{"not denied", "Ghana did not deny allegations by Nigeria.", nil},
		{"no denial", "Ghana repeated accusations by Nigeria.", nil},
	})
}
