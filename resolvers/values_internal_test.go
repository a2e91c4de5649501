package resolvers

import (
	"context"
	"testing"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// TestScopeSharesActorValues checks that the fields of one scope naming
// one actor (the subject of every stance of a page) get one value, not a
// copy of the actor each, whichever way the actor came into the scope.
func TestScopeSharesActorValues(t *testing.T) {
	ctx := context.Background()
	st := memStore(t)
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

// TestLeavesDoNotAllocate checks that the leaves of a request's values
// resolve to pointers into them, with no allocation each: boxed one by
// one they were over a hundred allocations for a page of 20 stances. The
// value pointed to is the field's, and an empty optional one is null.
func TestLeavesDoNotAllocate(t *testing.T) {
	st0 := memStore(t)
	r := New(Config{Store: st0})
	sc := r.newScope()
	st := &stanceValue{s: &stance.Stance{ID: "s1", Type: "DEMANDS", Topic: "talks", Date: stance.NewDate(2018, 3, 9)}, sc: sc}
	ac := &actorValue{a: &stance.Actor{ID: "a1", Name: "Taliban", Country: "AFG"}, sc: sc}
	ev := &evidenceValue{e: &stance.Evidence{Quote: "join talks"}, sc: sc}
	doc := &documentValue{d: stance.Document{Title: "Report"}, sc: sc}
	tests := []struct {
		typ, field string
		source     any
		want       any // the value pointed to; nil for null
	}{
		{"Stance", "id", st, "s1"},
		{"Stance", "type", st, "DEMANDS"},
		{"Stance", "topic", st, "talks"},
		{"Stance", "date", st, stance.NewDate(2018, 3, 9)},
		{"Stance", "retractReason", st, nil},
		{"Actor", "id", ac, "a1"},
		{"Actor", "name", ac, "Taliban"},
		{"Actor", "country", ac, "AFG"},
		{"Actor", "code", ac, nil},
		{"Evidence", "quote", ev, "join talks"},
		{"Document", "title", doc, "Report"},
		{"Document", "url", doc, nil},
	}
	for _, tc := range tests {
		resolve := r.fields[tc.typ][tc.field]
		p := graphql.ResolveParams{Source: tc.source, Context: context.Background()}
		var got any
		if allocs := testing.AllocsPerRun(20, func() { got, _ = resolve(p) }); allocs != 0 {
			t.Errorf("%s.%s: %.0f allocations, want 0", tc.typ, tc.field, allocs)
		}
		var deref any
		switch v := got.(type) {
		case *string:
			deref = *v
		case *stance.Date:
			deref = *v
		case nil:
		default:
			t.Errorf("%s.%s resolved to a %T, want a pointer", tc.typ, tc.field, got)
			continue
		}
		if deref != tc.want {
			t.Errorf("%s.%s = %v, want %v", tc.typ, tc.field, deref, tc.want)
		}
	}
}

// memStore opens an empty in-memory store, closed when the test ends.
func memStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
