package extract

import "testing"

// TestEncounters checks meetings and calls told as the setting of
// another act, in sentences written for this test: the subject engages
// the actor met or called; a call that names or labels is no call.
func TestEncounters(t *testing.T) {
	runCases(t, []extractCase{
		{"after meeting X, Y said", "After meeting Kenya's president on Monday, the Ugandan envoy said the talks went well.", []string{"Uganda ENGAGES Kenya"}},
		{"after talks with X", "After talks with Kenya, Uganda said it was pleased.", []string{"Uganda ENGAGES Kenya"}},
		{"fronted with no comma is no clause", "After meeting Kenya Uganda left.", nil},
		{"during a meeting with, after the verb", "Uganda said during a meeting with Kenya that it was pleased.", []string{"Uganda ENGAGES Kenya"}},
		{"in a phone call with", "Uganda decried the move in a phone call with its Kenyan counterpart.", []string{"Uganda ENGAGES Kenya"}},
		{"speaker after the verb", "Uganda is ready to pay, said Yoweri Museveni during the meeting with the Kenyan president.", []string{"Uganda ENGAGES Kenya"}},
		{"negated verb", "Uganda will say nothing in a call with Kenya.", nil},
		{"a letter received", "Upon receiving Uganda's letter, Kenya said it was pleased.", nil},
		{"a meeting cancelled, fronted", "After a meeting with Uganda was cancelled, Kenya criticised Rwanda.", []string{"Kenya ACCUSES Rwanda"}},
		{"a meeting called off", "Kenya criticised Rwanda after the meeting with Uganda was called off.", []string{"Kenya ACCUSES Rwanda"}},
		{"a meeting to come", "Kenya said it would raise the issue at a meeting with Uganda next week.", nil},
		{"a call denied", "Kenya denied that its president spoke in a call with Uganda.", nil},
		{"whose meeting is unclear", "Kenya accused Uganda of lying in a meeting with Tanzania.", []string{"Kenya ACCUSES Uganda"}},
		{"called a counterpart", "Sudan's president called his Egyptian counterpart late on Tuesday.", []string{"Sudan ENGAGES Egypt"}},
		{"called a minister by name", "Kenya called the Ugandan foreign minister Sam Kutesa on Friday.", []string{"Kenya ENGAGES Uganda"}},
		{"called a person a label", "Kenya's president called his Ugandan counterpart a liar.", []string{"Kenya ACCUSES Uganda"}},
	})
}
