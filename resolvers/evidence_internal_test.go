package resolvers

import (
	"reflect"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestPageEvidence checks that a page's evidence values cost two
// allocations for the whole page (they took two a stance) and that each
// stance still gets its own evidence, in order, an empty list for none.
func TestPageEvidence(t *testing.T) {
	page := []stance.Stance{
		{ID: "s1", Evidence: []stance.Evidence{{Quote: "one"}}},
		{ID: "s2"},
		{ID: "s3", Evidence: []stance.Evidence{{Quote: "two"}, {Quote: "three", Start: 4, End: 9}}},
	}
	for range 17 {
		page = append(page, stance.Stance{ID: "more", Evidence: []stance.Evidence{{Quote: "q"}}})
	}
	sc := (&Resolver{}).newScope()
	allocs := testing.AllocsPerRun(20, func() {
		for _, v := range sc.stanceValues(page) {
			v.evidence()
		}
	})
	// Without evidence: the page's values, their pointers, the pageEvidence
	// and the wanted IDs; evidence adds its values and their pointers.
	if max := 4.0 + 2; allocs > max {
		t.Errorf("a page of %d stances and their evidence: %.0f allocations, want at most %.0f", len(page), allocs, max)
	}
	for i, v := range sc.stanceValues(page) {
		got := []stance.Evidence{}
		for _, e := range v.evidence() {
			if e.sc != sc {
				t.Errorf("stance %d: evidence outside the page's scope", i)
			}
			got = append(got, e.e)
		}
		want := page[i].Evidence
		if want == nil {
			want = []stance.Evidence{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("stance %d: evidence %+v, want %+v", i, got, want)
		}
	}
}
