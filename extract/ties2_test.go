package extract

import "testing"

// TestBreaksAndAnswers checks breaks with an actor, siding with one,
// contact by informing, and answers by an act, in sentences
// written for this test.
func TestBreaksAndAnswers(t *testing.T) {
	runCases(t, []extractCase{
		{"pulled out of a meeting with", "Chile pulled out of a planned meeting with Peru.", []string{"Chile REJECTS Peru"}},
		{"withdrew recognition of", "Tuvalu withdrew recognition of Taiwan.", []string{"Tuvalu REJECTS Taiwan"}},
		{"closed its embassy in", "Chile closed its embassy in Peru.", []string{"Chile REJECTS Peru"}},
		{"sided with", "Chile sided with Peru.", []string{"Chile SUPPORTS Peru"}},
		{"informed", "Chile informed Peru of its decision.", []string{"Chile ENGAGES Peru"}},
		{"briefed others about", "Chile's minister briefed reporters about the attack by Peru.", nil},
		{"withdrew its recognition of", "Tuvalu withdrew its recognition of Taiwan.", []string{"Tuvalu REJECTS Taiwan"}},
		{"informed sources", "According to informed sources, Chile met Peru.", []string{"Chile ENGAGES Peru"}},
		{"an embassy in a place", "Gunmen attacked the Chilean embassy in Peru.", nil},
		{"replied by accusing", "Chile replied by accusing Peru of lying.", []string{"Chile ACCUSES Peru"}},
	})
}
