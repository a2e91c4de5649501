package extract

import "testing"

// TestNeighbours checks that "its neighbour" names the state named last
// that is not the owner, and that a "which" clause denying an
// accusation's content rejects the accusers, in sentences written for
// this test.
func TestNeighbours(t *testing.T) {
	runCases(t, []extractCase{
		{"an object by position", "Bolivia shelled a Peruvian village on Monday. Peru urged its eastern neighbour to withdraw its troops.",
			[]string{"Peru DEMANDS Bolivia"}},
		{"a denier by position", "Bolivian troops fought the M23 rebel group last year. The clashes sparked a row, with Peru " +
			"accusing Bolivia of backing the rebels, which its far smaller neighbor denies.",
			[]string{"Peru ACCUSES Bolivia", "Bolivia REJECTS Peru"}},
		{"a denier named", "Bolivian troops fought the M23 rebel group last year. Peru accused Bolivia of backing the rebels, which Bolivia denies.",
			[]string{"Peru ACCUSES Bolivia", "Bolivia REJECTS Peru"}},
		{"no other state", "Peru urged its neighbour to withdraw its troops.", nil},
	})
}
