package extract

import "testing"

// TestRecalledEnvoys checks that an envoy recalled from or to a state
// rejects the state, a decision to recall announced included, and that a
// negated recall, a passive one with no recalling state and a recall of
// something else state nothing, in sentences written for this test.
func TestRecalledEnvoys(t *testing.T) {
	runCases(t, []extractCase{
		{"recalled its ambassador from", "Ghana recalled its ambassador from Togo.", []string{"Ghana REJECTS Togo"}},
		{"top diplomat to, for consultations", "Ghana has recalled its top diplomat to Togo for consultations.", []string{"Ghana REJECTS Togo"}},
		{"a decision announced", "Ghana announced on Monday its decision to recall its ambassador from Togo and suspend all visits.", []string{"Ghana REJECTS Togo"}},
		{"negated", "Ghana did not recall its ambassador from Togo.", nil},
		{"passive", "Ghana's ambassador was recalled from Togo.", nil},
		{"remarks recalled", "Ghana recalled the ambassador's remarks in Togo.", nil},
	})
}
