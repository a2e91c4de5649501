package graph_test

import (
	"errors"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestLoadRetractedStance loads stances that arrive retracted, as an export
// that keeps retracted stances does, through Load and through an import.
func TestLoadRetractedStance(t *testing.T) {
	_, doc := newStore(t)
	batch := func() graph.Batch {
		return graph.Batch{
			Actors:    []graph.Actor{{Name: "United States", Kind: graph.KindState}, {Name: "Taliban", Kind: graph.KindArmedGroup}},
			Documents: []graph.Document{doc},
			Stances: []graph.StanceSpec{
				{Subject: "United States", Type: "DEMANDS", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "urged the Taliban to talk"}},
					Retracted: true, RetractReason: "misread quote"},
				{Subject: "Taliban", Type: "REJECTS", Object: "United States", Date: graph.NewDate(2018, 3, 1)},
			},
		}
	}
	loaders := []struct {
		name string
		load func(t *testing.T, s *graph.Store, b graph.Batch)
	}{
		{"Load", func(t *testing.T, s *graph.Store, b graph.Batch) {
			if _, err := s.Load(ctx, b); err != nil {
				t.Fatal(err)
			}
		}},
		{"Import", func(t *testing.T, s *graph.Store, b graph.Batch) {
			im, err := s.Import(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer im.Abort()
			if _, err := im.Load(ctx, b); err != nil {
				t.Fatal(err)
			}
			if err := im.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, l := range loaders {
		t.Run(l.name, func(t *testing.T) {
			s := emptyStore(t)
			l.load(t, s, batch())
			if st := mustStats(t, s); st.Stances != 1 || st.Retracted != 1 {
				t.Fatalf("stats %+v, want 1 live and 1 retracted stance", st)
			}
			p, err := s.Stances(ctx, graph.StanceQuery{Subject: "United States", IncludeRetracted: true})
			if err != nil || len(p.Stances) != 1 {
				t.Fatalf("stances %+v, %v", p.Stances, err)
			}
			if got := p.Stances[0]; !got.Retracted || got.RetractReason != "misread quote" {
				t.Fatalf("stance %+v, want retracted with its reason", got)
			}
			mustCheck(t, s)
		})
	}
}

// TestAddRetractedSpecRetractsStoredStance: a retracted record for a
// stance already stored live retracts it; a live record leaves a
// retracted stance retracted.
func TestAddRetractedSpecRetractsStoredStance(t *testing.T) {
	s, doc := newStore(t)
	spec := graph.StanceSpec{Subject: "United States", Type: "DEMANDS", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "urged the Taliban to talk"}}}
	before := mustStats(t, s)
	retracted := spec
	retracted.Retracted, retracted.RetractReason = true, "duplicate"
	got, created, err := s.AddStance(ctx, retracted)
	if err != nil || created || !got.Retracted || got.RetractReason != "duplicate" {
		t.Fatalf("AddStance(retracted) = %+v, created %v, %v", got, created, err)
	}
	if got, _, err := s.AddStance(ctx, spec); err != nil || !got.Retracted {
		t.Fatalf("a live spec revived the retracted stance: %+v, %v", got, err)
	}
	if st := mustStats(t, s); st.Stances != before.Stances-1 || st.Retracted != before.Retracted+1 {
		t.Fatalf("stats %+v after retracting one of %+v", st, before)
	}
	mustCheck(t, s)
}

func TestRetractReasonNeedsRetracted(t *testing.T) {
	s, doc := newStore(t)
	_, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "Taliban", Type: "REJECTS", Object: "United States",
		Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "The Taliban rejected talks"}}, RetractReason: "why"})
	if !errors.Is(err, graph.ErrInvalidInput) {
		t.Fatalf("a reason on a live stance: %v, want ErrInvalidInput", err)
	}
}

func emptyStore(t *testing.T) *graph.Store {
	t.Helper()
	s, err := graph.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
