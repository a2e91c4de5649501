package graph_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// recorder collects what a store reports to Subscribe.
type recorder struct {
	mu     sync.Mutex
	got    []string
	missed int
}

func (r *recorder) observe(c graph.StanceChanges) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, ch := range c.List {
		r.got = append(r.got, fmt.Sprintf("%s %s %s", ch.Kind, ch.Stance.Type, ch.Stance.Topic))
	}
	r.missed += c.Missed
}

func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.got
	r.got = nil
	return out
}

func TestSubscribeReportsCommittedStanceChanges(t *testing.T) {
	s, doc := newStore(t)
	rec := &recorder{}
	cancel := s.Subscribe(rec.observe)
	defer cancel()
	quote := []graph.EvidenceSpec{{Document: doc.ID, Quote: "urged the Taliban to talk"}}
	var added graph.Stance
	steps := []struct {
		name string
		do   func() error
		want []string
	}{
		{"a new stance", func() (err error) {
			added, _, err = s.AddStance(ctx, graph.StanceSpec{Subject: "Taliban", Type: "ACCUSES", Object: "U.S.", Topic: "talks"})
			return err
		}, []string{"stanceAdded ACCUSES talks"}},
		{"the same stance again adds nothing", func() error {
			_, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "Taliban", Type: "ACCUSES", Object: "U.S.", Topic: "talks"})
			return err
		}, nil},
		{"evidence merged into a stored stance is no new stance", func() error {
			_, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "U.S.", Type: "DEMANDS", Object: "Taliban", Evidence: quote})
			return err
		}, nil},
		{"a retraction", func() error {
			_, err := s.RetractStance(ctx, added.ID, "misread")
			return err
		}, []string{"stanceRetracted ACCUSES talks"}},
		{"retracting again changes no live stance", func() error {
			_, err := s.RetractStance(ctx, added.ID, "misread twice")
			return err
		}, nil},
		{"a load reports its new stances in order", func() error {
			_, err := s.Load(ctx, graph.Batch{Stances: []graph.StanceSpec{
				{Subject: "Taliban", Type: "REJECTS", Object: "U.S.", Topic: "one"},
				{Subject: "Taliban", Type: "ACCUSES", Object: "U.S.", Topic: "talks"}, // stored, retracted
				{Subject: "U.S.", Type: "OFFERS", Object: "Taliban", Topic: "two"},
			}})
			return err
		}, []string{"stanceAdded REJECTS one", "stanceAdded OFFERS two"}},
		{"a load retracting a stored stance", func() error {
			_, err := s.Load(ctx, graph.Batch{Stances: []graph.StanceSpec{
				{Subject: "Taliban", Type: "REJECTS", Object: "U.S.", Topic: "one", Retracted: true, RetractReason: "wrong"},
			}})
			return err
		}, []string{"stanceRetracted REJECTS one"}},
		{"a retracted stance loaded new is history, not news", func() error {
			_, err := s.Load(ctx, graph.Batch{Stances: []graph.StanceSpec{
				{Subject: "Taliban", Type: "REJECTS", Object: "U.S.", Topic: "three", Retracted: true, RetractReason: "old"},
			}})
			return err
		}, nil},
		{"a refused write reports nothing", func() error {
			_, err := s.Load(ctx, graph.Batch{Stances: []graph.StanceSpec{
				{Subject: "Taliban", Type: "REJECTS", Object: "U.S.", Topic: "four"},
				{Subject: "Taliban", Type: "REJECTS", Object: "Taliban"},
			}})
			if err == nil {
				return fmt.Errorf("a self-stance was accepted")
			}
			return nil
		}, nil},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := rec.take(); !slices.Equal(got, st.want) {
			t.Errorf("%s: observed %q, want %q", st.name, got, st.want)
		}
	}
	cancel()
	if _, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "Taliban", Type: "DEMANDS", Object: "U.S.", Topic: "after"}); err != nil {
		t.Fatal(err)
	}
	if got := rec.take(); got != nil {
		t.Errorf("after cancel: observed %q", got)
	}
}

func TestSubscribeBoundsOneCommit(t *testing.T) {
	s, _ := newStore(t)
	rec := &recorder{}
	defer s.Subscribe(rec.observe)()
	const extra = 7
	specs := make([]graph.StanceSpec, graph.MaxStanceChanges+extra)
	for i := range specs {
		specs[i] = graph.StanceSpec{Subject: "Taliban", Type: "REJECTS", Object: "U.S.", Topic: fmt.Sprint("topic ", i)}
	}
	if _, err := s.Load(ctx, graph.Batch{Stances: specs}); err != nil {
		t.Fatal(err)
	}
	if got := len(rec.take()); got != graph.MaxStanceChanges || rec.missed != extra {
		t.Errorf("listed %d and missed %d, want %d and %d", got, rec.missed, graph.MaxStanceChanges, extra)
	}
}
