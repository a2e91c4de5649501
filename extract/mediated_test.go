package extract

import "testing"

// TestMediatedBetween checks that bridging differences between actors
// and talks described as "X-mediated" engage the mediator with each
// party, in sentences written for this test.
func TestMediatedBetween(t *testing.T) {
	runCases(t, []extractCase{
		{"bridge differences", "Qatar has tried to bridge differences between Kenya and Uganda.", []string{"Qatar ENGAGES Kenya", "Qatar ENGAGES Uganda"}},
		{"bridging the gap", "Qatar is bridging the gap between Kenya and Uganda.", []string{"Qatar ENGAGES Kenya", "Qatar ENGAGES Uganda"}},
		{"X-mediated talks", "The visit shows progress in the Qatar-mediated talks between Kenya and Uganda.", []string{"Kenya ENGAGES Uganda", "Qatar ENGAGES Kenya", "Qatar ENGAGES Uganda"}},
		{"X-brokered consultations", "The Qatar-brokered consultations between Nairobi and Kampala resumed.", []string{"Kenya ENGAGES Uganda", "Qatar ENGAGES Kenya", "Qatar ENGAGES Uganda"}},
		{"differences alone", "The differences between Kenya and Uganda grew.", nil},
		{"negated", "Qatar did not bridge the differences between Kenya and Uganda.", nil},
	})
}
