package extract

import "testing"

// TestPartsOfParties checks that a list naming one party through a part
// of it ("remnants of", "factions of") stays a list, which a later "they"
// refers to, in sentences written for this test.
func TestPartsOfParties(t *testing.T) {
	invite := []string{"Peru OFFERS Brazil", "Peru OFFERS Mexico", "Shining Path OFFERS Brazil", "Shining Path OFFERS Mexico"}
	runCases(t, []extractCase{
		{"remnants of a group", "Delegates of the government of Peru and remnants of the Shining Path rebels gathered in Lima on Monday. " +
			"They also decided to invite Brazil and Mexico to join the process.", invite},
		{"factions of a group", "Envoys of Peru and factions of the Shining Path met in Quito in May. " +
			"They also decided to invite Brazil and Mexico to join the process.", append([]string{"Peru ENGAGES Shining Path"}, invite...)},
		{"a part alone is no list", "Remnants of the Shining Path attacked a police post. They later agreed to a truce.", nil},
	})
}
