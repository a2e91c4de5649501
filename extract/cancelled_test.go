package extract

import "testing"

// TestCancelledMeetings checks that calling off a meeting, talks or a
// visit with another party rejects it and engages no one, in sentences
// written for this test.
func TestCancelledMeetings(t *testing.T) {
	runCases(t, []extractCase{
		{"cancelled a meeting with a titled person", "Kenya cancelled a meeting with Ugandan President Yoweri Museveni that was due on Friday.", []string{"Kenya REJECTS Uganda"}},
		{"called off talks", "Kenya called off planned talks with Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"a meeting between", "Kenya cancelled a planned meeting between its envoy and his Ugandan counterpart.", []string{"Kenya REJECTS Uganda"}},
		{"scrapped a visit", "Ghana has scrapped a state visit to Togo.", nil},
		{"negated", "Kenya did not cancel its talks with Uganda.", nil},
		{"a call is no calling off", "Kenya called for talks with Uganda.", nil},
		{"content of an accusation", "Uganda accused Kenya of cancelling talks with Ethiopia.", []string{"Uganda ACCUSES Kenya"}},
	})
}
