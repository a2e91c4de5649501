package stance_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestActorKindsIsACopy: a caller that changes the list it got changes
// neither another caller's list nor which kinds are valid.
func TestActorKindsIsACopy(t *testing.T) {
	k := stance.ActorKinds()
	k[0] = "PLANET"
	if got := stance.ActorKinds()[0]; got != stance.KindState {
		t.Fatalf("ActorKinds()[0] = %q after a caller changed its copy", got)
	}
	if stance.ActorKind("PLANET").Valid() || !stance.KindState.Valid() {
		t.Fatal("changing a copy changed which kinds are valid")
	}
}
