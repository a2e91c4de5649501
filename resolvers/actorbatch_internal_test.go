package resolvers

import (
	"context"
	"fmt"
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
