package graph_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
	"github.com/stancegraph/stancegraph/stance/storetest"
)

// TestStoreContract runs the stance.Store conformance suite on the
// embedded Badger store, in memory and on disk.
func TestStoreContract(t *testing.T) {
	for _, c := range []struct {
		name string
		opts func(t *testing.T) (string, *graph.Options)
	}{
		{"memory", func(*testing.T) (string, *graph.Options) { return "", &graph.Options{InMemory: true} }},
		{"disk", func(t *testing.T) (string, *graph.Options) { return t.TempDir(), nil }},
	} {
		t.Run(c.name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) stance.Store {
				s, err := graph.Open(c.opts(t))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				return s
			})
		})
	}
}
