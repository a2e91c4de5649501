package resolvers

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// TestActorBatchAllocations checks that the values of a batch of actors
// looked up together take one allocation for the batch, not one an
// actor: a page of 20 stances names up to 40 actors. It compares
// batches of 1 and of 32 actors, each in a fresh scope.
func TestActorBatchAllocations(t *testing.T) {
	st := memStore(t)
	ctx := context.Background()
	var ids []string
	for i := range 32 {
		a, err := st.UpsertActor(ctx, stance.Actor{Name: fmt.Sprintf("actor %d", i), Kind: "STATE"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	r := New(Config{Store: st})
	lookup := func(n int) float64 {
		return testing.AllocsPerRun(20, func() {
			sc := r.newScope()
			sc.want(ids[:n]...)
			for _, id := range ids[:n] {
				if v, err := sc.actor(ctx, id); err != nil || v.a.ID != id {
					t.Fatalf("actor %s: %v, %v", id, v, err)
				}
			}
		})
	}
	one, many := lookup(1), lookup(32)
	// What grows with the batch: ActorsByID's result, the lookup's ID
	// list and the scope's maps, none of them one an actor.
	if perActor := (many - one) / 31; perActor >= 1 {
		t.Errorf("%.2f allocations an actor looked up in a batch (1 actor: %.0f, 32: %.0f), want under 1", perActor, one, many)
	}
}

// TestPageActorsAllocations counts what naming the subject and object of
// a page of 20 stances costs a request, from its scope to the last
// lookup: the scope, the subject's value and the scope's map, the
// page's values (three), the page's ID list and places, ActorsByID's
// result and the values. A set of wanted IDs and maps grown one actor
// at a time made it 25; a batch through the scope's map, 16.
func TestPageActorsAllocations(t *testing.T) {
	st, subj, page := outgoingPage(t)
	ctx := context.Background()
	r := New(Config{Store: st})
	n := testing.AllocsPerRun(50, func() {
		sc := r.newScope()
		sc.actorValue(subj)
		for _, v := range sc.stanceValues(page) {
			for role, id := range []string{v.s.Subject, v.s.Object} {
				if a := v.pageActor(ctx, role); a == nil || a.a.ID != id {
					t.Fatalf("actor %s: %v", id, a)
				}
			}
		}
	})
	if n > 11 {
		t.Errorf("%.0f allocations to name a page's actors, want at most 11", n)
	}
}

// TestPageActors: a page's actors come from the scope when it knows them
// and otherwise from one lookup, each run of one actor once; when that
// lookup fails, every stance is left to look its actors up alone, so
// that the missing one's error is reported.
func TestPageActors(t *testing.T) {
	st := memStore(t)
	ctx := context.Background()
	var as []stance.Actor
	for i := range 4 {
		a, err := st.UpsertActor(ctx, stance.Actor{Name: fmt.Sprintf("actor %d", i), Kind: "STATE"})
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	const gone = "00000000-0000-4000-8000-000000000000"
	tests := []struct {
		name     string
		pairs    [][2]int // subject, object by index in as; -1 names no stored actor
		lookedUp int      // values made by the page's lookup
	}{
		{"known subject", [][2]int{{0, 1}, {0, 2}, {0, 3}}, 3},
		{"runs looked up once", [][2]int{{1, 2}, {1, 2}, {1, 3}}, 3},
		{"a missing actor", [][2]int{{0, 1}, {0, -1}}, 0},
	}
	r := New(Config{Store: st})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := func(i int) string {
				if i < 0 {
					return gone
				}
				return as[i].ID
			}
			var page []stance.Stance
			for _, p := range tc.pairs {
				page = append(page, stance.Stance{Subject: id(p[0]), Object: id(p[1])})
			}
			sc := r.newScope()
			known := sc.actorValue(as[0])
			vals := sc.stanceValues(page)
			made := map[*actorValue]bool{}
			for i, v := range vals {
				for role, want := range tc.pairs[i] {
					a := v.pageActor(ctx, role)
					switch {
					case tc.lookedUp == 0 && a != nil:
						t.Fatalf("stance %d role %d: a value after a failed lookup", i, role)
					case tc.lookedUp == 0:
					case a == nil || a.a.ID != id(want):
						t.Fatalf("stance %d role %d: %v, want %s", i, role, a, id(want))
					case want == 0 && a != known:
						t.Errorf("stance %d role %d: a new value for an actor the scope knew", i, role)
					case want != 0:
						made[a] = true
					}
				}
			}
			if len(made) != tc.lookedUp {
				t.Errorf("%d values made, want %d", len(made), tc.lookedUp)
			}
			if tc.lookedUp == 0 {
				if _, err := sc.actor(ctx, gone); err == nil {
					t.Error("the missing actor looked up alone: no error")
				}
			}
		})
	}
}

// TestScopeBatch: a lookup fetches the asked actor and every wanted one
// not known yet, each once, and leaves nothing wanted.
func TestScopeBatch(t *testing.T) {
	known := stance.Actor{ID: "k"}
	for _, tc := range []struct {
		name   string
		wanted []string
		id     string
		want   []string
	}{
		{"nothing wanted", nil, "a", []string{"a"}},
		{"repeats once", []string{"b", "c", "b", "c", "b"}, "a", []string{"a", "b", "c"}},
		{"the asked one wanted too", []string{"a", "b", "a"}, "a", []string{"a", "b"}},
		{"known ones dropped", []string{"k", "b", "k"}, "a", []string{"a", "b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := (&Resolver{}).newScope()
			sc.remember(known)
			sc.want(tc.wanted...)
			if got := sc.batch(tc.id); !slices.Equal(got, tc.want) {
				t.Errorf("batch(%q) = %q, want %q", tc.id, got, tc.want)
			}
			if len(sc.wanted) != 0 {
				t.Errorf("still wanted: %q", sc.wanted)
			}
		})
	}
}

// TestPageActorBytes bounds the bytes naming a page's 20 objects costs
// beside the store's lookup: the values point into the list ActorsByID
// returns instead of holding a copy of each actor, 2.4 KB a page of 20
// copied, allocated and scanned again.
func TestPageActorBytes(t *testing.T) {
	st, subj, page := outgoingPage(t)
	ctx := context.Background()
	r := New(Config{Store: st})
	ids := make([]string, len(page))
	for i, s := range page {
		ids[i] = s.Object
	}
	perPage := func(f func()) float64 {
		const runs = 200
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range runs {
			f()
		}
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc-before.TotalAlloc) / runs
	}
	lookup := perPage(func() { st.ActorsByID(ctx, ids) })
	named := perPage(func() {
		sc := r.newScope()
		sc.actorValue(subj)
		for _, v := range sc.stanceValues(page) {
			if a := v.pageActor(ctx, objectRole); a == nil || a.a.ID != v.s.Object {
				t.Fatalf("object %s: %v", v.s.Object, a)
			}
		}
	})
	if extra := named - lookup; extra > 4000 {
		t.Errorf("%.0f bytes a page beside the store's lookup (%.0f), want at most 4000", extra, lookup)
	}
}

// outgoingPage stores 21 actors and returns the store, the first actor
// and a page of 20 stances from it to each of the others, as an actor's
// outgoing page names them.
func outgoingPage(t *testing.T) (st *graph.Store, subj stance.Actor, page []stance.Stance) {
	t.Helper()
	st = memStore(t)
	for i := range 21 {
		a, err := st.UpsertActor(context.Background(), stance.Actor{Name: fmt.Sprintf("actor %d", i), Kind: "STATE"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			subj = a
			continue
		}
		page = append(page, stance.Stance{Subject: subj.ID, Object: a.ID})
	}
	return st, subj, page
}
