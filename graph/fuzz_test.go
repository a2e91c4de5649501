package graph_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/graph"
	"golang.org/x/text/unicode/norm"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2018-03-09", "2018-03-09T23:30:00-05:00", "", "0000-01-01", "9999-12-31", "2018-02-30", "yesterday"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := graph.ParseDate(s)
		if err != nil {
			return
		}
		if strings.TrimSpace(s) == "" {
			if !d.IsZero() {
				t.Fatalf("empty input gave %v", d)
			}
			return
		}
		back, err := graph.ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q -> %s -> %v, %v", s, d, back, err)
		}
	})
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"U.S.", "  United   States ", "al-Qaeda", "Côte d’Ivoire", "\xff\xfe", "", "Taliba\u0301n", "a.\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := graph.NormalizeName(s)
		if graph.NormalizeName(n) != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, graph.NormalizeName(n))
		}
		if !utf8.ValidString(n) || strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("%q normalized to %q", s, n)
		}
		if d := graph.NormalizeName(norm.NFD.String(s)); d != n {
			t.Fatalf("NFD spelling of %q normalized to %q, NFC spelling to %q", s, d, n)
		}
	})
}

// FuzzCursor feeds arbitrary cursors to every listing: each answers a page
// or ErrInvalidCursor, never a panic or another error.
func FuzzCursor(f *testing.F) {
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	s.UpsertActor(ctx, graph.Actor{Name: "A"})
	s.UpsertActor(ctx, graph.Actor{Name: "B"})
	for i := 0; i < 5; i++ {
		s.AddStance(ctx, graph.StanceSpec{Subject: "A", Type: "DEMANDS", Object: "B", Topic: strings.Repeat("t", i+1)})
	}
	p, _ := s.Stances(ctx, graph.StanceQuery{First: 2})
	f.Add(p.EndCursor)
	a, _ := s.ActorStances(ctx, "A", graph.AdjacencyQuery{First: 2})
	f.Add(a.EndCursor)
	f.Add("")
	f.Add("!!!")
	f.Add("cw")
	f.Fuzz(func(t *testing.T, c string) {
		checks := []func() error{
			func() error { _, err := s.Stances(ctx, graph.StanceQuery{After: c}); return err },
			func() error { _, err := s.Stances(ctx, graph.StanceQuery{Subject: "A", After: c}); return err },
			func() error { _, err := s.Stances(ctx, graph.StanceQuery{From: 1, After: c}); return err },
			func() error {
				_, err := s.ActorStances(ctx, "A", graph.AdjacencyQuery{Counterpart: "B", After: c})
				return err
			},
			func() error { _, err := s.Actors(ctx, graph.ActorQuery{After: c}); return err },
			func() error { _, err := s.Documents(ctx, graph.PageQuery{After: c}); return err },
			func() error { _, err := s.DyadStances(ctx, "A", "B", graph.PageQuery{After: c}); return err },
		}
		for i, check := range checks {
			if err := check(); err != nil && !errors.Is(err, graph.ErrInvalidCursor) {
				t.Fatalf("listing %d, cursor %q: %v", i, c, err)
			}
		}
	})
}
