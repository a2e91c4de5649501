package extract

import "testing"

// TestExpectedActs checks that an actor expecting another to act demands
// it of the other, quoted with its speaker or not, that a passive
// expectation or one of no actor states nothing, and that South Korea's
// unification ministry speaks for it, in sentences written for this test.
func TestExpectedActs(t *testing.T) {
	runCases(t, []extractCase{
		{"expects X to", "Ghana expects Togo to take credible action.", []string{"Ghana DEMANDS Togo"}},
		{"quoted with its speaker", `"We expect Togo to reopen the border," the Ghanaian foreign ministry said.`, []string{"Ghana DEMANDS Togo"}},
		{"analysts expect", "Analysts expect Togo to win the vote.", nil},
		{"passive", "Ghana is expected to meet Togo next week.", nil},
		{"unification ministry", "The Unification Ministry called on North Korea to return to talks.", []string{"South Korea DEMANDS North Korea"}},
	})
}
