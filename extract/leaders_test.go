package extract

import "testing"

// TestCountedLeaders checks that "the N leaders" refers to the people the
// text named last, and that people so counted who meet engage each
// other, in sentences written for this test.
func TestCountedLeaders(t *testing.T) {
	runCases(t, []extractCase{
		{"three leaders met", "Peruvian President Ana Lopez and Bolivian President Juan Perez were joined by French President Emmanuel Macron. " +
			"The three leaders met in Lima on Monday.", []string{"France ENGAGES Bolivia", "France ENGAGES Peru", "Bolivia ENGAGES Peru"}},
		{"four leaders accused", "Peruvian President Ana Lopez and Bolivian President Juan Perez were joined by French President Emmanuel Macron " +
			"and German Chancellor Olaf Scholz. The four leaders accused Russia of aggression.",
			[]string{"Germany ACCUSES Russia", "France ACCUSES Russia", "Bolivia ACCUSES Russia", "Peru ACCUSES Russia"}},
		{"two presidents after others spoke", "Peruvian President Ana Lopez spoke to Bolivian President Juan Perez by phone. Later Chile urged the two presidents to hold talks.",
			[]string{"Peru ENGAGES Bolivia", "Chile DEMANDS Peru", "Chile DEMANDS Bolivia"}},
		{"fewer people than counted", "Peruvian President Ana Lopez visited Bolivia. The three leaders met in Lima on Monday.", []string{"Peru ENGAGES Bolivia"}},
	})
}
