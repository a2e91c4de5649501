package extract

import "testing"

// TestNounVisits checks visits named by a noun with their visitor after
// "by" or as the subject after a fronted visit phrase, in sentences
// written for this test.
func TestNounVisits(t *testing.T) {
	runCases(t, []extractCase{
		{"a visit to X by Y", "The strikes began two days after a visit to Nairobi by Uganda's foreign minister.", []string{"Uganda ENGAGES Kenya"}},
		{"during a visit to X, Y said", "During a recent visit to Kenya, the Ugandan foreign minister said the border would reopen.",
			[]string{"Uganda ENGAGES Kenya"}},
		{"a planned visit, no visitor", "A visit to Kenya is planned for May.", nil},
		{"a visit inside the sentence", "Uganda said that during a visit to Kenya, Ghana would sign the deal.", nil},
	})
}

// TestMadeVisitsAndInvitations checks that a visit made or paid to X
// engages its visitor with X, and that travel at the invitation of X
// engages X, while a visit not made and a negated journey engage no one,
// in sentences written for this test.
func TestMadeVisitsAndInvitations(t *testing.T) {
	runCases(t, []extractCase{
		{"made an unannounced visit", "Ghana's president made an unannounced visit to Togo.", []string{"Ghana ENGAGES Togo"}},
		{"paid a two-day visit", "Ghana's president paid a two-day visit to Togo.", []string{"Ghana ENGAGES Togo"}},
		{"made no visit", "Ghana's president made no visit to Togo.", nil},
		{"travelled at the invitation of", "Ghana's president travelled to Lome at the invitation of Togo's foreign ministry.", []string{"Ghana ENGAGES Togo"}},
		{"arrived at the invitation of", "Ghana's president arrived in Lome at the invitation of the Togolese government.", []string{"Ghana ENGAGES Togo"}},
		{"negated", "Ghana's president did not travel to Lome at the invitation of Togo.", nil},
	})
}
