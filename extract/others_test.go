package extract

import "testing"

// TestListsClosedByOthers checks that a comma-joined list closed by "and
// other ..." is a list, in sentences written for this test.
func TestListsClosedByOthers(t *testing.T) {
	runCases(t, []extractCase{
		{"and other parties", "Kenya demanded that Ghana join the talks. France, Germany and other parties rejected the demand.",
			[]string{"Kenya DEMANDS Ghana", "France REJECTS Kenya", "Germany REJECTS Kenya"}},
		{"and several other states", "Kenya, Uganda and several other states condemned Sudan.", []string{"Kenya ACCUSES Sudan", "Uganda ACCUSES Sudan"}},
		{"an apposition stays one", "Kenya, Uganda's neighbour, condemned Sudan.", []string{"Kenya ACCUSES Sudan"}},
	})
}
