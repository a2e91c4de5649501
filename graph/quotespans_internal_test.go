package graph

import "testing"

// TestQuoteSpans checks that each stance's evidence finds what the checks
// recorded for it, and that unrecorded evidence and a missing table say
// so.
func TestQuoteSpans(t *testing.T) {
	ev := func(n int) []EvidenceSpec { return make([]EvidenceSpec, n) }
	stances := []StanceSpec{{Evidence: ev(2)}, {}, {Evidence: ev(1)}, {Evidence: ev(3)}}
	q := newQuoteSpans(stances)
	sets := []struct{ i, j, start, end int }{{0, 0, 0, 5}, {0, 1, 7, 9}, {2, 0, 3, 4}, {3, 2, 100, 120}}
	for _, s := range sets {
		q.set(s.i, s.j, s.start, s.end)
	}
	for _, tc := range []struct {
		name       string
		q          *quoteSpans
		i, j       int
		start, end int
		ok         bool
	}{
		{"first stance, first quote", q, 0, 0, 0, 5, true},
		{"first stance, second quote", q, 0, 1, 7, 9, true},
		{"after a stance without evidence", q, 2, 0, 3, 4, true},
		{"last quote", q, 3, 2, 100, 120, true},
		{"not recorded", q, 3, 0, 0, 0, false},
		{"no table", nil, 0, 0, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start, end, ok := tc.q.get(tc.i, tc.j)
			if start != tc.start || end != tc.end || ok != tc.ok {
				t.Errorf("get(%d, %d) = %d, %d, %v; want %d, %d, %v", tc.i, tc.j, start, end, ok, tc.start, tc.end, tc.ok)
			}
		})
	}
}
