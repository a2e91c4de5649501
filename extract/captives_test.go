package extract

import "testing"

// TestHeldCaptives checks that a person "held by X" is X's captive, not a
// meeting X held, while talks held still engage their parties, in
// sentences written for this test.
func TestHeldCaptives(t *testing.T) {
	runCases(t, []extractCase{
		{"an engineer held by", "An American engineer held by the Taliban was freed.", nil},
		{"aid workers held by", "Two Kenyan aid workers held by Uganda were released on Monday.", nil},
		{"talks held", "Kenya and Uganda held talks in Geneva.", []string{"Kenya ENGAGES Uganda"}},
	})
}
