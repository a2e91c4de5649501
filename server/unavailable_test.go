package server_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/stance"
)

// downStore is a store whose cluster stopped answering: actor look-ups
// fail as dgraphstore's do when its alpha is down.
type downStore struct{ stance.Store }

func (downStore) Actor(context.Context, string) (stance.Actor, error) {
	return stance.Actor{}, fmt.Errorf("%w: 127.0.0.1:9080: connection refused", stance.ErrUnavailable)
}

// TestStoreUnavailable: a query the store could not answer because it was
// unreachable gets 503 with Retry-After and the error code UNAVAILABLE
// marked retry, so that load balancers and clients see whose fault it is;
// a query the store answers still gets 200.
func TestStoreUnavailable(t *testing.T) {
	f := newFixture(t)
	s, err := schema.New(resolvers.New(resolvers.Config{Store: downStore{f.st}}))
	if err != nil {
		t.Fatal(err)
	}
	e, err := schema.NewEngine(s, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := serve(t, server.Config{Engine: e}, nil)
	res := post(t, ts, `{ actor(name: "Taliban") { name } }`, nil)
	if res.status != http.StatusServiceUnavailable || res.header.Get("Retry-After") == "" {
		t.Errorf("status %d (Retry-After %q), want 503 with Retry-After: %s", res.status, res.header.Get("Retry-After"), res.raw)
	}
	if res.code() != resolvers.CodeUnavailable || res.get("errors.0.extensions.retry") != true {
		t.Errorf("answer %s, want code UNAVAILABLE with retry", res.raw)
	}
	if ok := post(t, ts, `{ stats { actors } }`, nil); ok.status != http.StatusOK {
		t.Errorf("a query the store answers: status %d, want 200: %s", ok.status, ok.raw)
	}
}
