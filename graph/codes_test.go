package graph_test

import (
	"errors"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

func TestActorByCode(t *testing.T) {
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Load(ctx, graph.Batch{Actors: []graph.Actor{
		{Name: "Taliban", Kind: graph.KindArmedGroup, Code: "AFGINSTAL"},
		{Name: "Kabul government", Kind: graph.KindGovernment, Code: "AFGGOV"},
		{Name: "Second government", Code: "AFGGOV"}, // a shared code: listing order decides
		{Name: "No code"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code, want string
		err        error
	}{
		{"AFGINSTAL", "Taliban", nil},
		{"afginstal", "Taliban", nil},
		{" AFGGOV ", "Kabul government", nil},
		{"USA", "", graph.ErrNotFound},
		{"", "", graph.ErrInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			a, err := s.ActorByCode(ctx, tt.code)
			if !errors.Is(err, tt.err) || a.Name != tt.want {
				t.Errorf("ActorByCode(%q) = %q, %v; want %q, %v", tt.code, a.Name, err, tt.want, tt.err)
			}
		})
	}
	// The index follows changes to the actors.
	if _, err := s.UpsertActor(ctx, graph.Actor{Name: "United States", Code: "USA"}); err != nil {
		t.Fatal(err)
	}
	if a, err := s.ActorByCode(ctx, "USA"); err != nil || a.Name != "United States" {
		t.Errorf("after an upsert: ActorByCode(USA) = %q, %v", a.Name, err)
	}
	page, err := s.Actors(ctx, graph.ActorQuery{Code: "afggov"})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 2 || page.Actors[0].Name != "Kabul government" {
		t.Errorf("Actors(Code: afggov) = %d actors, first %v; want 2, Kabul government", page.Total, page.Actors)
	}
}
