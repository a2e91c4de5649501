package seed_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/seed"
)

var update = flag.Bool("update", false, "rewrite testdata/seed.golden from the current seed")

// TestSeedGolden pins what the seed graph answers: its actors with aliases
// and every stance with date and quote. Regenerate with -update after a
// deliberate change to seed.jsonl.
func TestSeedGolden(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := seed.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	got := describe(t, s)
	path := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./seed -update to create it)", err)
	}
	if got != string(want) {
		t.Fatalf("seed graph differs from %s (rerun with -update if intended):\n%s", path, got)
	}
}

func describe(t *testing.T, s *graph.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	st, _ := s.Stats(ctx)
	fmt.Fprintf(&b, "actors %d, stances %d, documents %d\n\n", st.Actors, st.Stances, st.Documents)
	actors, err := s.Actors(ctx, graph.ActorQuery{First: graph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, a := range actors.Actors {
		name[a.ID] = a.Name
		fmt.Fprintf(&b, "%s (%s, %s) %s aliases: %s\n", a.Name, a.Kind, a.Country, a.ID, strings.Join(a.Aliases, "; "))
	}
	b.WriteString("\n")
	page, err := s.Stances(ctx, graph.StanceQuery{First: graph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, st := range page.Stances {
		ev := st.Evidence[0]
		lines = append(lines, fmt.Sprintf("%s %s %s [%s] %q @%d-%d", name[st.Subject], st.Type, name[st.Object], st.Date, ev.Quote, ev.Start, ev.End))
	}
	sort.Strings(lines)
	b.WriteString(strings.Join(lines, "\n") + "\n")
	return b.String()
}

// TestRequiredStances checks the stances the foundation issue lists by name.
func TestRequiredStances(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := seed.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ subject, typ, object string }{
		{"United States", "DEMANDS", "Taliban"}, {"United States", "SUPPORTS", "Kabul government"},
		{"Kabul government", "OFFERS", "Taliban"}, {"Kabul government", "DEMANDS", "Taliban"},
		{"Taliban", "REJECTS", "Kabul government"}, {"Taliban", "DEMANDS", "United States"},
		{"Taliban", "ACCUSES", "United States"}, {"Taliban", "DEMANDS", "NATO"},
		{"United States", "REJECTS", "Taliban"}, {"United States", "ACCUSES", "Pakistan"},
		{"Kabul government", "ACCUSES", "Pakistan"}, {"United States", "DEMANDS", "Pakistan"},
		{"Russia", "ENGAGES", "Taliban"}, {"Iran", "ENGAGES", "Taliban"},
	}
	for _, tt := range tests {
		t.Run(tt.subject+" "+tt.typ+" "+tt.object, func(t *testing.T) {
			p, err := s.Stances(ctx, graph.StanceQuery{Subject: tt.subject, Object: tt.object, Types: []string{tt.typ}})
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != 1 {
				t.Fatalf("%d stances, want 1", p.Total)
			}
			st := p.Stances[0]
			if st.Confidence != 1 || len(st.Evidence) == 0 || st.Date.IsZero() {
				t.Fatalf("curated stance lacks confidence 1, evidence or date: %+v", st)
			}
		})
	}
	for _, alias := range []string{"U.S.", "Washington", "Afghan government", "Islamabad", "IS", "Ghani", "Wells"} {
		if _, err := s.Actor(ctx, alias); err != nil {
			t.Errorf("alias %q: %v", alias, err)
		}
	}
	// Idempotent: loading again adds nothing.
	res, err := seed.Load(ctx, s)
	if err != nil || !reflect.DeepEqual(res, graph.LoadResult{}) {
		t.Fatalf("second load: %+v, %v", res, err)
	}
}

// TestInlineLoadsTheSameGraph checks the self-contained form sent to servers.
func TestInlineLoadsTheSameGraph(t *testing.T) {
	ctx := context.Background()
	data, err := seed.Inline()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "text_file") {
		t.Fatal("Inline left a text_file reference")
	}
	a, _ := graph.Open("", &graph.Options{InMemory: true})
	defer a.Close()
	b, _ := graph.Open("", &graph.Options{InMemory: true})
	defer b.Close()
	if _, err := seed.Load(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := jsonl.Load(ctx, b, strings.NewReader(string(data)), "inline", nil); err != nil {
		t.Fatal(err)
	}
	if describe(t, a) != describe(t, b) {
		t.Fatal("inline seed loads a different graph")
	}
}
