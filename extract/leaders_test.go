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

// TestCountedModifiers checks that capitalised modifiers naming no actor
// may stand between a count and its noun, in sentences written for this
// test.
func TestCountedModifiers(t *testing.T) {
	truce := "Peru and Bolivia agreed on a truce. "
	agreed := []string{"Peru OFFERS Bolivia", "Bolivia OFFERS Peru"}
	runCases(t, []extractCase{
		{"a region's name", truce + "The presidents of the two Andean nations also met on Saturday.", append([]string{"Peru ENGAGES Bolivia"}, agreed...)},
		{"two words of a region", truce + "The two South American states later spoke on the phone.", append([]string{"Peru ENGAGES Bolivia"}, agreed...)},
		{"a demonym is an actor", truce + "Chile urged the two Russian ministers to leave.", append([]string{"Chile DEMANDS Russia"}, agreed...)},
	})
}

// TestCountedNounNoVerb checks that the noun of a counted reference is
// no verb ("states" in "the two West African states" coded a statement
// of support toward the next actor), in sentences written for this test.
func TestCountedNounNoVerb(t *testing.T) {
	runCases(t, []extractCase{
		{"states after a count", "Ghana and Togo cut ties with Benin. The two West African states accused Benin of supporting the rebels.",
			[]string{"Ghana ACCUSES Benin", "Ghana REJECTS Benin", "Togo ACCUSES Benin", "Togo REJECTS Benin"}},
	})
}
