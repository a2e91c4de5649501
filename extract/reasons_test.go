package extract

import "testing"

// TestNoReasonRefusals checks that seeing no reason for an act of
// cooperation or a meeting with X rejects X, quoted or not, and that no
// reason for another act refuses nothing, in sentences written for this
// test.
func TestNoReasonRefusals(t *testing.T) {
	runCases(t, []extractCase{
		{"sees no reason to", "Ghana sees no reason to hold talks with Togo.", []string{"Ghana REJECTS Togo"}},
		{"reported", "Ghana said it saw no reason to meet Togo.", []string{"Ghana REJECTS Togo"}},
		{"not any reason why", "Ghana said it did not see any reason why it should negotiate with Togo.", []string{"Ghana REJECTS Togo"}},
		{"quoted words", `Ghana said it did not "see a single reason" why it should hold talks with Togo.`, []string{"Ghana REJECTS Togo"}},
		{"no reason for a hostile act", "Ghana saw no reason to condemn Togo.", nil},
		{"no reason to doubt", "Ghana found no reason to doubt that Togo would meet Benin.", nil},
	})
}
