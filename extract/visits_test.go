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
