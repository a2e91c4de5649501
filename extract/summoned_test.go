package extract

import "testing"

// TestSummonedInProtest checks that an envoy summoned "in protest" is
// still contact with the envoy's state, in sentences written for this
// test.
func TestSummonedInProtest(t *testing.T) {
	runCases(t, []extractCase{
		{"demonym, in protest", "Ghana summoned the Togolese charge d'affaires in protest.", []string{"Ghana ENGAGES Togo"}},
		{"possessive, in protest at", "Ghana summoned Togo's ambassador in protest at the arrests.", []string{"Ghana ENGAGES Togo"}},
		{"plain summons", "Ghana summoned Togo's ambassador.", []string{"Ghana ENGAGES Togo"}},
	})
}
