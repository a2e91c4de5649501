package extract

import "testing"

// TestRestoredTies checks that relations agreed to be restored, or
// restored, engage the two sides instead of offering, while readiness or
// an offer to restore them stays an offer, in sentences written for this
// test.
func TestRestoredTies(t *testing.T) {
	runCases(t, []extractCase{
		{"agreed, a list", "Kenya and Uganda agreed to re-establish diplomatic ties after years of feuding.", []string{"Kenya ENGAGES Uganda"}},
		{"agreed with a day", "Chile and Peru agreed on Monday to restore full diplomatic relations.", []string{"Chile ENGAGES Peru"}},
		{"agreed, an object", "Ghana agreed to normalise relations with Togo.", []string{"Ghana ENGAGES Togo"}},
		{"decided", "Kenya and Uganda decided to resume diplomatic relations.", []string{"Kenya ENGAGES Uganda"}},
		{"restored, a list", "Kenya and Uganda restored diplomatic relations in March.", []string{"Kenya ENGAGES Uganda"}},
		{"re-established, a list", "Chile and Peru re-established ties last year.", []string{"Chile ENGAGES Peru"}},
		{"offered stays an offer", "Ghana offered to restore ties with Togo.", []string{"Ghana OFFERS Togo"}},
		{"readiness stays an offer", "Ghana is ready to restore relations with Togo.", []string{"Ghana OFFERS Togo"}},
		{"a truce agreed is not ties", "Kenya and Uganda agreed to a truce.", []string{"Kenya OFFERS Uganda", "Uganda OFFERS Kenya"}},
		{"negated", "Ghana did not restore relations with Togo.", nil},
	})
}
