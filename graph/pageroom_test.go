package graph_test

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestActorPageRoomFollowsDegree checks that a page of an actor's stances
// makes room for the stances the actor has, not for the page size asked
// for: a notebook asks for 50 stances of actors that mostly have a few,
// and the room for 50 was allocated and cleared on every request.
func TestActorPageRoomFollowsDegree(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	quote := "Qatar hosted Taliban envoys for talks on the future of the country. " + strings.Repeat("They met again. ", 20)
	doc := graph.Document{Title: "Wire", Text: quote + " Qatar backed Pakistan's offer to mediate between the parties."}
	doc.ID = graph.DocumentID(doc.Text)
	b := graph.Batch{
		Actors:    []graph.Actor{{Name: "Qatar"}, {Name: "Taliban"}, {Name: "Pakistan"}},
		Documents: []graph.Document{doc},
		Stances: []graph.StanceSpec{
			{Subject: "Qatar", Type: "ENGAGES", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: quote}}},
			{Subject: "Qatar", Type: "SUPPORTS", Object: "Pakistan", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "Qatar backed Pakistan's offer to mediate between the parties."}}},
		},
	}
	if _, err := s.Load(ctx, b); err != nil {
		t.Fatal(err)
	}
	bytesPerPage := func(first int) uint64 {
		const runs = 200
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range runs {
			pg, err := s.ActorStances(ctx, "Qatar", graph.AdjacencyQuery{Direction: graph.Out, First: first})
			if err != nil || len(pg.Stances) != 2 {
				t.Fatalf("first %d: %d stances, %v", first, len(pg.Stances), err)
			}
		}
		runtime.ReadMemStats(&after)
		return (after.TotalAlloc - before.TotalAlloc) / runs
	}
	small, large := bytesPerPage(2), bytesPerPage(50)
	if large > small*3/2 {
		t.Errorf("a page of 2 stances asked as first 50 allocates %d bytes, as first 2 %d: room for 50 was made", large, small)
	}
}
