package extract

import "testing"

// TestHyphenedGivenNames checks that a person two of whose names the
// text joins by a hyphen ("Jean-Bertrand", "Dae-jung") is the table's
// person written with a space, and that a hyphened pair naming no one
// stays no one, in sentences written for this test.
func TestHyphenedGivenNames(t *testing.T) {
	runCases(t, []extractCase{
		{"hyphened", "Jean-Bertrand Aristide accused France of lying.", []string{"Haitian elites ACCUSES France"}},
		{"spaced, as before", "Jean Bertrand Aristide accused France of lying.", []string{"Haitian elites ACCUSES France"}},
		{"a hyphen before the last word", "Roh Tae-woo accused Japan of lying.", []string{"South Korean elites ACCUSES Japan"}},
		{"no such person", "Jean-Paul Dupont accused France of lying.", nil},
	})
}
