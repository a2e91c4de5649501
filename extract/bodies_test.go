package extract

import "testing"

// TestGroupBodies checks that a group's name before words of its organs
// names the group, and a longer name with another head another body, in
// sentences written for this test.
func TestGroupBodies(t *testing.T) {
	runCases(t, []extractCase{
		{"a group's council", "A member of the Houthi Supreme Political Council accused Saudi Arabia of stalling.", []string{"Houthis ACCUSES Saudi Arabia"}},
		{"a group's leadership council", "The Taliban Leadership Council rejected Qatar's offer.", []string{"Taliban REJECTS Qatar"}},
		{"another head is another body", "The Taliban Veterans Association rejected Qatar's offer.", []string{"Taliban Veterans Association REJECTS Qatar"}},
	})
}
