package extract

import "testing"

// TestYielding checks yielding to an actor's demands, in sentences
// written for this test: it accepts them, and refusing to yield rejects
// them; a cue word in -s after a preposition is a noun.
func TestYielding(t *testing.T) {
	runCases(t, []extractCase{
		{"will not bow to demands by", "Chile will not bow to demands by Peru.", []string{"Chile REJECTS Peru", "Peru DEMANDS Chile"}},
		{"will not give in to", "Chile will not give in to Peru's demands.", []string{"Chile REJECTS Peru", "Peru DEMANDS Chile"}},
		{"bowed to pressure", "Chile bowed to Peruvian pressure.", []string{"Chile SUPPORTS Peru"}},
		{"demands after to is a noun", "Chile caved in to demands from Peru.", []string{"Chile SUPPORTS Peru"}},
	})
}
