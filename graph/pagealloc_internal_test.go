package graph

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// TestActorStancesAllocationsPerStance measures what one more stance
// costs a page of Store.ActorStances, the notebook's read, by the
// allocations of pages of 40 and of 10 cited stances: none of its own,
// its strings and evidence list in the page's arena. A stance took four
// (its record, text array, evidence list and type string).
func TestActorStancesAllocationsPerStance(t *testing.T) {
	ctx := context.Background()
	s := speakerStore(t)
	doc, _, err := s.PutDocument(ctx, Document{Title: "Report", Date: NewDate(2020, 1, 1), Text: "The speaker demanded talks with each of them."})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		name := fmt.Sprintf("Counterpart %d", i)
		if _, err := s.UpsertActor(ctx, Actor{Name: name, Kind: KindState}); err != nil {
			t.Fatal(err)
		}
		_, _, err := s.AddStance(ctx, StanceSpec{Subject: "Speaker", Type: "DEMANDS", Object: name,
			Date: NewDate(2020, time.January, 1+i%28), Topic: "talks",
			Evidence: []EvidenceSpec{{Document: doc.ID, Quote: "demanded talks"}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	pageAllocs := func(n int) float64 {
		return testing.AllocsPerRun(50, func() {
			pg, err := s.ActorStances(ctx, "Speaker", AdjacencyQuery{Direction: Out, First: n})
			if err != nil || len(pg.Stances) != n || len(pg.Stances[n-1].Evidence) != 1 {
				t.Fatalf("page of %d: %d stances, %v", n, len(pg.Stances), err)
			}
		})
	}
	small, large := pageAllocs(10), pageAllocs(40)
	if perStance := (large - small) / 30; perStance >= 1 {
		t.Errorf("%.2f allocations a stance (a page of 10: %.0f, of 40: %.0f), want under 1", perStance, small, large)
	}
}

// TestActorStancesSkips: a page read without its total or cursors holds
// the same stances and HasNext, with Total 0 and no cursors, and costs
// fewer allocations (the cursors' text and list).
func TestActorStancesSkips(t *testing.T) {
	ctx := context.Background()
	s := speakerStore(t)
	for i := range 25 {
		name := fmt.Sprintf("Counterpart %d", i)
		if _, err := s.UpsertActor(ctx, Actor{Name: name, Kind: KindState}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.AddStance(ctx, StanceSpec{Subject: "Speaker", Type: "DEMANDS", Object: name, Date: NewDate(2020, 1, 1+i)}); err != nil {
			t.Fatal(err)
		}
	}
	full, err := s.ActorStances(ctx, "Speaker", AdjacencyQuery{First: 20})
	if err != nil || full.Total != 25 || len(full.Cursors) != 20 || full.EndCursor == "" {
		t.Fatalf("full page: total %d, %d cursors, %v", full.Total, len(full.Cursors), err)
	}
	tests := []struct {
		name                   string
		skipTotal, skipCursors bool
	}{
		{"no total", true, false},
		{"no cursors", false, true},
		{"neither", true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := AdjacencyQuery{First: 20, SkipTotal: tc.skipTotal, SkipCursors: tc.skipCursors}
			pg, err := s.ActorStances(ctx, "Speaker", q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(pg.Stances, full.Stances) || pg.HasNext != full.HasNext {
				t.Errorf("stances or HasNext differ from the full page's")
			}
			if wantTotal := map[bool]int{false: 25, true: 0}[tc.skipTotal]; pg.Total != wantTotal {
				t.Errorf("Total = %d, want %d", pg.Total, wantTotal)
			}
			if tc.skipCursors != (pg.Cursors == nil && pg.EndCursor == "") {
				t.Errorf("cursors %d, EndCursor %q with SkipCursors %v", len(pg.Cursors), pg.EndCursor, tc.skipCursors)
			}
		})
	}
	allocs := func(q AdjacencyQuery) float64 {
		return testing.AllocsPerRun(50, func() { s.ActorStances(ctx, "Speaker", q) })
	}
	if with, without := allocs(AdjacencyQuery{First: 20}), allocs(AdjacencyQuery{First: 20, SkipCursors: true}); without > with-2 {
		t.Errorf("%.0f allocations without cursors, %.0f with: want at least 2 fewer", without, with)
	}
}

// speakerStore opens a small in-memory store holding the actor "Speaker",
// whose page the tests above read; it is closed when the test ends.
func speakerStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open("", &Options{InMemory: true, MemTableSize: 8 << 20, BlockCacheSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.UpsertActor(context.Background(), Actor{Name: "Speaker", Kind: KindState}); err != nil {
		t.Fatal(err)
	}
	return s
}
