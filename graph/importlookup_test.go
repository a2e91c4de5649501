package graph_test

import (
	"errors"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestImporterFindsImportedActors: during an import the store shows no
// actor, but the importer finds those of earlier batches by code and by
// name, answering as the store does after Commit.
func TestImporterFindsImportedActors(t *testing.T) {
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	im, err := s.Import(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer im.Abort()
	for _, b := range []graph.Batch{
		{Actors: []graph.Actor{{Name: "Taliban", Kind: graph.KindArmedGroup, Code: "AFGINSTAL"}, {Name: "Kabul government", Code: "AFGGOV"}}},
		{Actors: []graph.Actor{{Name: "Second government", Code: "AFGGOV"}, {Name: "No code"}}},
	} {
		if _, err := im.Load(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		code, name, want string
		err              error
	}{
		{code: "afginstal", want: "Taliban"},
		{code: " AFGGOV ", want: "Kabul government"}, // shared: listing order decides
		{code: "USA", err: graph.ErrNotFound},
		{code: "", err: graph.ErrInvalidInput},
		{name: "no  CODE", want: "No code"},
		{name: "Nobody", err: graph.ErrNotFound},
	}
	for _, tt := range tests {
		var a graph.Actor
		var err error
		if tt.name != "" {
			a, err = im.Actor(ctx, tt.name)
		} else {
			a, err = im.ActorByCode(ctx, tt.code)
		}
		if !errors.Is(err, tt.err) || a.Name != tt.want {
			t.Errorf("importer lookup %q%q = %q, %v; want %q, %v", tt.code, tt.name, a.Name, err, tt.want, tt.err)
		}
	}
	if _, err := s.ActorByCode(ctx, "AFGINSTAL"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("the store shows an imported actor before Commit: %v", err)
	}
	if err := im.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if a, err := s.ActorByCode(ctx, "AFGGOV"); err != nil || a.Name != "Kabul government" {
		t.Errorf("after Commit ActorByCode(AFGGOV) = %q, %v", a.Name, err)
	}
}
