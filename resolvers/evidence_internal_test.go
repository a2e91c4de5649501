package resolvers

import (
	"context"
	"reflect"
	"runtime"
	"testing"

	"github.com/graphql-go/graphql"

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
	// Without evidence: the page's values, their pointers, the stancePage
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
			got = append(got, *e.e)
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

// TestEvidenceFieldDoesNotAllocate checks that Stance.evidence on a
// page's stance resolves to its list without allocating: returned as a
// slice in an interface it took an allocation a stance. The nodes of a
// connection likewise.
func TestEvidenceFieldDoesNotAllocate(t *testing.T) {
	st := memStore(t)
	r := New(Config{Store: st})
	sc := r.newScope()
	page := []stance.Stance{{ID: "s1", Evidence: []stance.Evidence{{Quote: "one"}, {Quote: "two"}}}, {ID: "s2"}}
	conn := &stanceConn{nodes: sc.stanceValues(page), cursors: []string{"c1", "c2"}}
	tests := []struct {
		typ, field string
		source     any
		want       int // the list's length
	}{
		{"Stance", "evidence", conn.nodes[0], 2},
		{"Stance", "evidence", conn.nodes[1], 0},
		{"StanceConnection", "nodes", conn, 2},
	}
	for _, tc := range tests {
		resolve := r.fields[tc.typ][tc.field]
		p := graphql.ResolveParams{Source: tc.source, Context: context.Background()}
		var got any
		if allocs := testing.AllocsPerRun(20, func() { got, _ = resolve(p) }); allocs != 0 {
			t.Errorf("%s.%s: %.0f allocations, want 0", tc.typ, tc.field, allocs)
		}
		if n := reflect.ValueOf(got).Elem().Len(); n != tc.want {
			t.Errorf("%s.%s: a list of %d, want %d", tc.typ, tc.field, n, tc.want)
		}
	}
}

// TestPageValuesShareThePage: a page's stance and evidence values point
// into the page the store returned rather than copying each stance (some
// 200 bytes) and each evidence, so that making them costs under 160
// bytes a stance.
func TestPageValuesShareThePage(t *testing.T) {
	page := make([]stance.Stance, 20)
	for i := range page {
		page[i] = stance.Stance{ID: "s", Subject: "a", Object: "b", Evidence: []stance.Evidence{{Quote: "q"}}}
	}
	sc := (&Resolver{}).newScope()
	vals := sc.stanceValues(page)
	for i, v := range vals {
		if v.s != &page[i] || v.evidence()[0].e != &page[i].Evidence[0] {
			t.Fatalf("stance %d: its value does not point into the page", i)
		}
	}
	const runs = 200
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		sc.wanted = sc.wanted[:0]
		for _, v := range sc.stanceValues(page) {
			v.evidence()
		}
	}
	runtime.ReadMemStats(&after)
	if perStance := float64(after.TotalAlloc-before.TotalAlloc) / runs / float64(len(page)); perStance >= 160 {
		t.Errorf("%.0f bytes a stance, want under 160", perStance)
	}
}
