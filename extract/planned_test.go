package extract

import "testing"

// TestPlannedMeetings checks that a meeting one actor will hold with
// another engages the other as well as offering to it, that an
// invitation or a condition does not, and that the body of European
// security is named in its American spelling, in sentences written for
// this test.
func TestPlannedMeetings(t *testing.T) {
	runCases(t, []extractCase{
		{"will meet with", "Next week Brazil will meet with Argentina in Geneva.", []string{"Brazil OFFERS Argentina", "Brazil ENGAGES Argentina"}},
		{"agreed to hold talks", "Kenya agreed to hold talks with Uganda.", []string{"Kenya OFFERS Uganda", "Kenya ENGAGES Uganda"}},
		{"spelled without a hyphen", "Chile will meet with the Organization for Security and Cooperation in Europe on Monday.", []string{"Chile OFFERS OSCE", "Chile ENGAGES OSCE"}},
		{"an invitation", "They decided to invite Peru to join the process.", nil},
		{"a condition", "Brazil will meet with Argentina if the ships leave.", nil},
		{"negated", "Brazil will not meet with Argentina.", []string{"Brazil REJECTS Argentina"}},
	})
}
