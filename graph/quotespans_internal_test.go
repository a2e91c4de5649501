package graph

import "testing"

// TestQuoteSpans checks that each stance's evidence finds what the checks
// recorded for it, and that unrecorded evidence and a missing table say
// so.
func TestQuoteSpans(t *testing.T) {
	ev := func(n int) []EvidenceSpec { return make([]EvidenceSpec, n) }
	stances := []StanceSpec{{Evidence: ev(2)}, {}, {Evidence: ev(1)}, {Evidence: ev(3)}}
	q := newQuoteSpans(stances, false)
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

// TestQuoteSpansEnds checks that the resolved actors of a stance come
// back only when they are kept and were recorded.
func TestQuoteSpansEnds(t *testing.T) {
	stances := make([]StanceSpec, 3)
	kept, dropped := newQuoteSpans(stances, true), newQuoteSpans(stances, false)
	for _, q := range []*quoteSpans{kept, dropped} {
		q.setEnds(1, [2]string{"subject-id", "object-id"})
	}
	for _, tc := range []struct {
		name     string
		q        *quoteSpans
		i        int
		subj, ob string
		ok       bool
	}{
		{"kept and recorded", kept, 1, "subject-id", "object-id", true},
		{"kept, not recorded", kept, 0, "", "", false},
		{"not kept", dropped, 1, "", "", false},
		{"no table", nil, 1, "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			subj, ob, ok := tc.q.resolvedEnds(tc.i)
			if subj != tc.subj || ob != tc.ob || ok != tc.ok {
				t.Errorf("resolvedEnds(%d) = %q, %q, %v; want %q, %q, %v", tc.i, subj, ob, ok, tc.subj, tc.ob, tc.ok)
			}
		})
	}
}
