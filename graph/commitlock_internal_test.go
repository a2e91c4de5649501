package graph

import (
	"context"
	"testing"
)

// TestReadersDoNotWaitForCommit pins that a write's commit, which takes
// Badger milliseconds for a large transaction, does not hold the lock
// every actor lookup takes: a reader in the middle of a commit gets it,
// and finds the actors and the page totals of the last commit.
func TestReadersDoNotWaitForCommit(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Load(ctx, Batch{Actors: []Actor{{Name: "Alpha"}, {Name: "Beta"}, {Name: "Gamma"}}, Stances: eventSpecs(0, 30, "Alpha", "Beta", "Gamma")}); err != nil {
		t.Fatal(err)
	}
	var during []string
	ran := 0
	s.commitHook = func() {
		ran++
		if !s.mu.TryRLock() {
			during = append(during, "actor cache locked")
			return
		}
		s.mu.RUnlock()
		a, err := s.Actor(ctx, "Alpha")
		if err != nil {
			during = append(during, "Actor: "+err.Error())
			return
		}
		pg, err := s.ActorStances(ctx, a.ID, AdjacencyQuery{Direction: Out, First: 5})
		if err != nil {
			during = append(during, "ActorStances: "+err.Error())
			return
		}
		if pg.Total != 10 {
			during = append(during, "page total is not the last commit's")
		}
	}
	if _, err := s.Load(ctx, Batch{Stances: eventSpecs(30, 30, "Alpha", "Beta", "Gamma")}); err != nil {
		t.Fatal(err)
	}
	s.commitHook = nil
	if ran == 0 {
		t.Fatal("the hook never ran")
	}
	for _, d := range during {
		t.Errorf("during the commit: %s", d)
	}
	a, err := s.Actor(ctx, "Alpha")
	if err != nil {
		t.Fatal(err)
	}
	pg, err := s.ActorStances(ctx, a.ID, AdjacencyQuery{Direction: Out, First: 5})
	if err != nil {
		t.Fatal(err)
	}
	if pg.Total != 20 {
		t.Errorf("after the commit the page total is %d, want 20", pg.Total)
	}
}
