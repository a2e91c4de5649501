package extract

import "testing"

// TestPoliticalOffices checks that a political office or its chief after
// an actor's possessive speaks for the actor, in sentences written for
// this test.
func TestPoliticalOffices(t *testing.T) {
	runCases(t, []extractCase{
		{"political chief", "The Taliban's political chief visited Tehran.", []string{"Taliban ENGAGES Iran"}},
		{"head of political office", "The head of the Taliban's political office visited Tehran.", []string{"Taliban ENGAGES Iran"}},
		{"titled political chief", "Taliban political chief Ahmad Karimi met the Iranian foreign minister.", []string{"Taliban ENGAGES Iran"}},
	})
}
