package graph

import (
	"context"
	"fmt"
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
	s, err := Open("", &Options{InMemory: true, MemTableSize: 8 << 20, BlockCacheSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.UpsertActor(ctx, Actor{Name: "Speaker", Kind: KindState}); err != nil {
		t.Fatal(err)
	}
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
