package extract

import "testing"

// TestTalksGuarantors checks talks named by their parties after
// "involving" and guarantors or observers of the talks named last, in
// sentences written for this test.
func TestTalksGuarantors(t *testing.T) {
	runCases(t, []extractCase{
		{"process involving", "The peace process involving Kenya and the Oromo Liberation Army resumed on Friday.",
			[]string{"Kenya ENGAGES Oromo Liberation Army"}},
		{"the government of, remnants of", "Talks between the government of Kenya and remnants of the Oromo Liberation Army began.",
			[]string{"Kenya ENGAGES Oromo Liberation Army"}},
		{"members of in a subject list", "The government of Kenya and members of the Oromo Liberation Army decided to invite Ghana to the talks.",
			[]string{"Kenya OFFERS Ghana", "Oromo Liberation Army OFFERS Ghana"}},
		{"mediators are no parties", "The talks involving Ghanaian and Togolese mediators resumed.", nil},
		{"those sent to talks involving mediators", "Kenya and Uganda dispatched teams to Accra for talks involving Ghanaian and Togolese mediators.",
			[]string{"Kenya ENGAGES Ghana", "Kenya ENGAGES Togo", "Uganda ENGAGES Ghana", "Uganda ENGAGES Togo"}},
		{"guarantors of the talks", "Talks between Kenya and Uganda resumed in Nairobi. The parties confirmed Ghana, Togo and Norway as guarantors of the talks.",
			[]string{"Kenya ENGAGES Uganda", "Ghana ENGAGES Kenya", "Ghana ENGAGES Uganda", "Togo ENGAGES Kenya", "Togo ENGAGES Uganda",
				"Norway ENGAGES Kenya", "Norway ENGAGES Uganda"}},
		{"guarantor countries in", "The peace process involving Kenya and Uganda moved to Accra, with Ghana and Togo as guarantor countries in the talks.",
			[]string{"Kenya ENGAGES Uganda", "Ghana ENGAGES Kenya", "Ghana ENGAGES Uganda", "Togo ENGAGES Kenya", "Togo ENGAGES Uganda"}},
		{"represented at the talks", "Talks between Kenya and Uganda resumed. The UN, formally represented at the talks by its envoy, called for calm.",
			[]string{"Kenya ENGAGES Uganda", "United Nations ENGAGES Kenya", "United Nations ENGAGES Uganda"}},
		{"represented, no talks", "Talks between Kenya and Uganda resumed. Ghana was represented at the funeral by its envoy.", []string{"Kenya ENGAGES Uganda"}},
		{"no talks named before", "Ghana and Togo served as observers of the talks.", nil},
		{"an observer of an election", "Talks between Kenya and Uganda resumed. Ghana sent officials as observers of the election.", []string{"Kenya ENGAGES Uganda"}},
	})
}
