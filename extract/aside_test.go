package extract

import "testing"

// TestAgentPastAside checks that a passive's agent may follow an aside
// set off by commas ("was accused of X, much of it Y, by Z"), and that a
// clause of its own or an open comma is no aside, in sentences written
// for this test.
func TestAgentPastAside(t *testing.T) {
	runCases(t, []extractCase{
		{"an aside", "Peru was accused of hiding funds, much of it believed to have been stolen, by Chilean officials.", []string{"Chile ACCUSES Peru"}},
		{"an aside with an amount", "Peru has been accused of misusing $40 million, including aid money, by Bolivia.", []string{"Bolivia ACCUSES Peru"}},
		{"a clause of its own", "Peru was accused of hiding funds, and Chile said so, by Bolivia.", nil},
		{"no agent after the aside", "Peru was accused of hiding funds, much of it stolen, in Bolivia.", nil},
	})
}

// TestAgentThroughOffice checks that a passive's agent may be an office
// noun before "for" or "of" and its actor ("by a spokesman for X"), in
// sentences written for this test.
func TestAgentThroughOffice(t *testing.T) {
	runCases(t, []extractCase{
		{"spokesman for", "Peru was accused of hiding rebels by a spokesman for Chile.", []string{"Chile ACCUSES Peru"}},
		{"minister of", "Peru was accused of hiding rebels by the foreign minister of Chile.", []string{"Chile ACCUSES Peru"}},
		{"a place after the content", "Peru was accused of hiding rebels by a river in Chile.", nil},
	})
}
