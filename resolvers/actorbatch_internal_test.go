package resolvers

import (
	"context"
	"fmt"
	"slices"
	"testing"

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
// lookup: the scope, the subject's value, the page's values (four), the
// wanted list, the batch's ID list, ActorsByID's result, the batch's
// values and the actors map made once at its size (two or three). A set
// of wanted IDs and maps grown one actor at a time made it 25.
func TestPageActorsAllocations(t *testing.T) {
	st := memStore(t)
	ctx := context.Background()
	var subj stance.Actor
	var page []stance.Stance
	for i := range 21 {
		a, err := st.UpsertActor(ctx, stance.Actor{Name: fmt.Sprintf("actor %d", i), Kind: "STATE"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			subj = a
			continue
		}
		page = append(page, stance.Stance{Subject: subj.ID, Object: a.ID})
	}
	r := New(Config{Store: st})
	n := testing.AllocsPerRun(50, func() {
		sc := r.newScope()
		sc.actorValue(subj)
		for _, v := range sc.stanceValues(page) {
			for _, id := range []string{v.s.Subject, v.s.Object} {
				if a, err := sc.actor(ctx, id); err != nil || a.a.ID != id {
					t.Fatalf("actor %s: %v, %v", id, a, err)
				}
			}
		}
	})
	if n > 16 {
		t.Errorf("%.0f allocations to name a page's actors, want at most 16", n)
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
