package graph_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestSkeleton checks the exported skeleton another store indexes to find
// look-alike names: look-alikes share one, other names keep their own.
func TestSkeleton(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"\u0422\u0430liban", "Taliban"}, // Cyrillic Te and a
		{"U.S.", "us"},
		{"  Pakistan ", "pakistan"},
	} {
		if ga, gb := graph.Skeleton(c.a), graph.Skeleton(c.b); ga != gb {
			t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q; want them equal", c.a, ga, c.b, gb)
		}
	}
	if graph.Skeleton("Iran") == graph.Skeleton("Iraq") {
		t.Error("Iran and Iraq share a skeleton")
	}
}
