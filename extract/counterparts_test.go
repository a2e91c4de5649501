package extract

import "testing"

// TestCounterpartRefs checks that "the South" and "the North" name one
// Korea where the other was named, and no one where neither was, in
// sentences written for this test.
func TestCounterpartRefs(t *testing.T) {
	runCases(t, []extractCase{
		{"the South after the North's official", "North Korea's vice foreign minister, Pak Chol, spoke on Monday. Pak accused the South of provocation.", []string{"North Korea ACCUSES South Korea"}},
		{"the North after the South", "South Korea held drills. The North accused the South of provocation.", []string{"North Korea ACCUSES South Korea"}},
		{"neither named", "The South must act, Kenya said.", nil},
	})
}
