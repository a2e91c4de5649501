package graph

import (
	"context"
	"fmt"
	"testing"
)

// eventSpecs returns n event-shaped stances (a reference, no quote)
// between the actors named, numbered from first.
func eventSpecs(first, n int, actors ...string) []StanceSpec {
	specs := make([]StanceSpec, n)
	for i := range specs {
		k := first + i
		specs[i] = StanceSpec{Subject: actors[k%len(actors)], Type: "ENGAGES", Object: actors[(k+1)%len(actors)],
			Date: NewDate(2020, 1, 1+k%28), References: []Reference{{Dataset: "GDELT", Record: fmt.Sprint(k)}}}
	}
	return specs
}

// TestSmallLoadSkipsFilterBuild pins when a load builds the identity
// filter from storage: not for a load small against the store (its few
// point reads cost less than scanning every key), yes for a large one;
// and that loads stay idempotent either way.
func TestSmallLoadSkipsFilterBuild(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	actors := []Actor{{Name: "Alpha"}, {Name: "Beta"}, {Name: "Gamma"}}
	if _, err := s.Load(ctx, Batch{Actors: actors, Stances: eventSpecs(0, 400, "Alpha", "Beta", "Gamma")}); err != nil {
		t.Fatal(err)
	}
	s.ident = nil // as after Open
	steps := []struct {
		name        string
		specs       []StanceSpec
		wantCreated int
		wantFilter  bool
	}{
		{"small load into a larger store", eventSpecs(400, 5, "Alpha", "Beta", "Gamma"), 5, false},
		{"the same small load again", eventSpecs(400, 5, "Alpha", "Beta", "Gamma"), 0, false},
		{"small load repeating stored stances", eventSpecs(0, 5, "Alpha", "Beta", "Gamma"), 0, false},
		{"large load", eventSpecs(405, 300, "Alpha", "Beta", "Gamma"), 300, true},
		{"the small load once more, filter built", eventSpecs(400, 5, "Alpha", "Beta", "Gamma"), 0, true},
	}
	for _, st := range steps {
		res, err := s.Load(ctx, Batch{Stances: st.specs})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if res.Stances != st.wantCreated {
			t.Errorf("%s: created %d stances, want %d", st.name, res.Stances, st.wantCreated)
		}
		if got := s.ident != nil; got != st.wantFilter {
			t.Errorf("%s: filter built %v, want %v", st.name, got, st.wantFilter)
		}
	}
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Stances != 705 {
		t.Errorf("store holds %d stances, want 705", stats.Stances)
	}
	checkClean(t, s)
}
