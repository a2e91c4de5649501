package extract

import "testing"

// TestContactPhrasings checks contact named by a noun the subject
// conducts, makes or has ("conducted a telephone call with X", "made
// contact with X", "a video call with X") and reaching out to an actor
// as engagement, not a demand, in sentences written for this test.
func TestContactPhrasings(t *testing.T) {
	runCases(t, []extractCase{
		{"conducted a telephone call with", "Kenya's foreign minister conducted a telephone call with Uganda's president on Monday.",
			[]string{"Kenya ENGAGES Uganda"}},
		{"held a video call with", "Germany held a video call with France about energy prices.",
			[]string{"Germany ENGAGES France"}},
		{"made contact with", "Chile has made contact with Peru several times this month.",
			[]string{"Chile ENGAGES Peru"}},
		{"reached out to X to", "Norway reached out to Sweden to resume the border negotiations.",
			[]string{"Norway ENGAGES Sweden"}},
		{"made calls for is no contact", "Kenya made repeated calls for Uganda to withdraw its troops.", nil},
		{"conducted strikes is no contact", "Kenya conducted air strikes near the border with Somalia on Monday.", nil},
	})
}

// TestEnvoySent checks that a delegation or an envoy sent or dispatched
// to an actor engages it, also past an of-phrase ("a delegation of senior
// diplomats to X"), and that an irregular past ("sent") is a verb, in
// sentences written for this test.
func TestEnvoySent(t *testing.T) {
	runCases(t, []extractCase{
		{"sent a delegation to", "Brazil sent a delegation to Argentina on Tuesday.", []string{"Brazil ENGAGES Argentina"}},
		{"sent an envoy to a capital's country", "Kenya sent an envoy to Uganda.", []string{"Kenya ENGAGES Uganda"}},
		{"dispatched an envoy to", "Egypt dispatched an envoy to Libya.", []string{"Egypt ENGAGES Libya"}},
		{"dispatched a delegation of", "Spain dispatched a delegation of senior diplomats to Morocco.", []string{"Spain ENGAGES Morocco"}},
		{"an envoy withdrawn from is no contact", "Kenya withdrew its envoy from Uganda.", nil},
		{"dispatched troops is no contact", "Egypt dispatched troops to the border with Libya.", nil},
	})
}
