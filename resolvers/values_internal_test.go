package resolvers

import (
	"context"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// TestScopeSharesActorValues checks that the fields of one scope naming
// one actor (the subject of every stance of a page) get one value, not a
// copy of the actor each, whichever way the actor came into the scope.
func TestScopeSharesActorValues(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var ids []string
	for _, name := range []string{"United States", "Taliban", "Pakistan"} {
		a, err := st.UpsertActor(ctx, stance.Actor{Name: name, Kind: stance.KindState})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	us, err := st.Actor(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	r := New(Config{Store: st})
	ways := []struct {
		name  string
		first func(sc *scope) (*actorValue, error)
	}{
		{"looked up", func(sc *scope) (*actorValue, error) { return sc.actor(ctx, ids[0]) }},
		{"wanted, then looked up", func(sc *scope) (*actorValue, error) { sc.want(ids...); return sc.actor(ctx, ids[0]) }},
		{"at hand", func(sc *scope) (*actorValue, error) { return sc.actorValue(us), nil }},
	}
	for _, w := range ways {
		t.Run(w.name, func(t *testing.T) {
			sc := r.newScope()
			first, err := w.first(sc)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 3; i++ {
				again, err := sc.actor(ctx, ids[0])
				if err != nil {
					t.Fatal(err)
				}
				if again != first || again.a.Name != "United States" {
					t.Fatalf("lookup %d: %p %q, want the first value %p", i, again, again.a.Name, first)
				}
			}
			if other, err := sc.actor(ctx, ids[1]); err != nil || other == first || other.a.Name != "Taliban" {
				t.Errorf("another actor: %v, %+v", err, other)
			}
		})
	}
}

// TestStanceValuesAllocateOnce checks that a page's stance values, and a
// stance's evidence values, are made in one allocation each and not one
// per stance or quote.
func TestStanceValuesAllocateOnce(t *testing.T) {
	page := make([]stance.Stance, 20)
	for i := range page {
		page[i] = stance.Stance{ID: string(rune('a' + i)), Subject: "s", Object: string(rune('A' + i)),
			Evidence: []stance.Evidence{{Quote: "one"}, {Quote: "two"}, {Quote: "three"}}}
	}
	sc := (&Resolver{}).newScope()
	vals := sc.stanceValues(page)
	for i, v := range vals {
		if v.s.ID != page[i].ID || v.sc != sc {
			t.Fatalf("value %d is %+v, want stance %q in the scope", i, v.s, page[i].ID)
		}
		if ev := v.evidence(); len(ev) != 3 || ev[2].e.Quote != "three" || ev[0].sc != sc {
			t.Fatalf("evidence of value %d: %+v", i, ev)
		}
	}
	var kept []*stanceValue // results escape, as the executor's do
	var keptEvidence []*evidenceValue
	tests := []struct {
		name string
		max  float64
		fn   func()
	}{
		// The scope, its maps and their growth for 21 IDs, then out, the
		// values and the IDs: not one per stance.
		{"page of 20", 16, func() { kept = (&Resolver{}).newScope().stanceValues(page) }},
		{"evidence of 3", 2, func() { keptEvidence = vals[0].evidence() }},
	}
	for _, tc := range tests {
		if got := testing.AllocsPerRun(50, tc.fn); got > tc.max {
			t.Errorf("%s: %.0f allocations, want at most %.0f", tc.name, got, tc.max)
		}
	}
	_, _ = kept, keptEvidence
}
