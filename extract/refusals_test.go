package extract

import "testing"

// TestConditionalRefusals checks that refusing to go to talks with X
// until or unless X acts refuses now (only a change of mind waits on the
// condition), while a promise under a condition states nothing, in
// sentences written for this test.
func TestConditionalRefusals(t *testing.T) {
	runCases(t, []extractCase{
		{"sit down for talks until", "On Friday, Ghana said it would not sit down for talks with Togo until the army withdrew from the border.", []string{"Ghana REJECTS Togo"}},
		{"return to negotiations unless", "Kenya said it will not return to negotiations with Uganda unless the troops leave.", []string{"Kenya REJECTS Uganda"}},
		{"sit down to talks", "Chile refused to sit down to talks with Peru.", []string{"Chile REJECTS Peru"}},
		{"sat down for talks", "Ghana sat down for talks with Togo on Monday.", []string{"Ghana ENGAGES Togo"}},
		{"returned to negotiations", "Kenya returned to negotiations with Uganda in May.", []string{"Kenya ENGAGES Uganda"}},
		{"a promise under a condition", "Kenya will send aid to Uganda if the rains fail.", nil},
		{"a return to a place", "Kenya's envoy returned to Nairobi with Uganda's reply.", nil},
	})
}
