package graph_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestActorKindsIsACopy: a caller that changes the list it got changes
// neither another caller's list nor which kinds are valid.
func TestActorKindsIsACopy(t *testing.T) {
	k := graph.ActorKinds()
	k[0] = "PLANET"
	if got := graph.ActorKinds()[0]; got != graph.KindState {
		t.Fatalf("ActorKinds()[0] = %q after a caller changed its copy", got)
	}
	if graph.ActorKind("PLANET").Valid() || !graph.KindState.Valid() {
		t.Fatal("changing a copy changed which kinds are valid")
	}
}
