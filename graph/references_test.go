package graph_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

func eventStore(t *testing.T) *graph.Store {
	t.Helper()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Load(ctx, graph.Batch{Actors: []graph.Actor{{Name: "Russia", Code: "RUS"}, {Name: "Ukraine", Code: "UKR"}}}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReferenceEvidence(t *testing.T) {
	s := eventStore(t)
	m := &graph.Measures{EventCode: "0431", Goldstein: 2.8, HasGoldstein: true, QuadClass: 1, Mentions: 5, Sources: 1, Articles: 5, Tone: -4.5, HasTone: true,
		Location: graph.Location{Name: "Kyiv, Ukraine", Country: "UP", Latitude: 50.43, Longitude: 30.52, HasPoint: true}}
	ref := graph.Reference{Dataset: "GDELT", Record: "410412347", URL: "http://example.org/a", Publisher: "example.org"}
	spec := graph.StanceSpec{Subject: "RUS", Type: "ENGAGES", Object: "Ukraine", Date: graph.NewDate(2015, 2, 18), Confidence: 0.5, References: []graph.Reference{ref}, Event: m}
	spec.Subject = "Russia"
	res, err := s.Load(ctx, graph.Batch{Stances: []graph.StanceSpec{spec}})
	if err != nil || res.Stances != 1 {
		t.Fatalf("first load: %+v, %v", res, err)
	}
	// The same event again, alone or beside another, adds nothing for it.
	other := spec
	other.References = []graph.Reference{{Dataset: "GDELT", Record: "410412348"}}
	res, err = s.Load(ctx, graph.Batch{Stances: []graph.StanceSpec{spec, other}})
	if err != nil || res.Stances != 1 {
		t.Fatalf("second load: %+v, %v; want 1 stance added (the other event)", res, err)
	}
	page, err := s.Stances(ctx, graph.StanceQuery{Subject: "Russia"})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 2 {
		t.Fatalf("%d stances, want 2", page.Total)
	}
	var got *graph.Stance
	for i := range page.Stances {
		if page.Stances[i].References[0].Record == "410412347" {
			got = &page.Stances[i]
		}
	}
	if got == nil || !reflect.DeepEqual(got.References, []graph.Reference{ref}) || !reflect.DeepEqual(got.Event, m) {
		t.Errorf("stance read back: %+v", got)
	}
	mustCheck(t, s)
}

func TestReferenceRefused(t *testing.T) {
	s := eventStore(t)
	base := graph.StanceSpec{Subject: "Russia", Type: "ENGAGES", Object: "Ukraine"}
	tests := []struct {
		name string
		refs []graph.Reference
		m    *graph.Measures
	}{
		{"no record", []graph.Reference{{Dataset: "GDELT"}}, nil},
		{"no dataset", []graph.Reference{{Record: "1"}}, nil},
		{"bad utf-8", []graph.Reference{{Dataset: "GDELT", Record: "1", URL: "\xff"}}, nil},
		{"goldstein", nil, &graph.Measures{Goldstein: 11, HasGoldstein: true}},
		{"quad class", nil, &graph.Measures{QuadClass: 5}},
		{"latitude", nil, &graph.Measures{Location: graph.Location{Latitude: 91, HasPoint: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := base
			spec.References, spec.Event = tt.refs, tt.m
			if _, err := s.Load(ctx, graph.Batch{Stances: []graph.StanceSpec{spec}}); !errors.Is(err, graph.ErrInvalidInput) {
				t.Errorf("Load: %v, want ErrInvalidInput", err)
			}
			if _, _, err := s.AddStance(ctx, spec); !errors.Is(err, graph.ErrInvalidInput) {
				t.Errorf("AddStance: %v, want ErrInvalidInput", err)
			}
		})
	}
	if st, _ := s.Stats(ctx); st.Stances != 0 {
		t.Errorf("%d stances stored from refused input", st.Stances)
	}
}
