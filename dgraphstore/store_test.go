package dgraphstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/dgraphstore"
	"github.com/stancegraph/stancegraph/dgraphstore/dgraphtest"
	"github.com/stancegraph/stancegraph/stance"
	"github.com/stancegraph/stancegraph/stance/storetest"
)

// TestStoreContract runs the stance.Store conformance suite, the one
// graph.TestStoreContract runs on the embedded store, against Dgraph. The
// subtests share one cluster; each starts from an empty store.
func TestStoreContract(t *testing.T) {
	c := dgraphtest.Require(t)
	storetest.Run(t, func(t *testing.T) stance.Store {
		return openEmpty(t, c)
	})
}

// openEmpty opens a store on c with every record dropped.
func openEmpty(t *testing.T, c *dgraphtest.Cluster) *dgraphstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := dgraphstore.Open(ctx, c.Addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.DropAll(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}
