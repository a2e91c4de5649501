package server_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
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

// TestAdminStatus: a backup or check the store does not do is 501, one it
// could not reach 503, and any other failure 500, with the reason.
func TestAdminStatus(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
	}{
		{"unsupported", fmt.Errorf("--store dgraph://h:9080: backup is the cluster's own: %w", errors.ErrUnsupported), http.StatusNotImplemented},
		{"unreachable", fmt.Errorf("%w: h:9080", stance.ErrUnavailable), http.StatusServiceUnavailable},
		{"failed", errors.New("value log: input/output error"), http.StatusInternalServerError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ts := newServer(t, f, nil, func(c *server.Config) {
				c.Backup = func(context.Context, io.Writer) error { return tt.err }
				c.Check = func(context.Context) (any, error) { return nil, tt.err }
			})
			for _, route := range []string{"/backup", "/check"} {
				resp, err := http.Get(ts.URL + route)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != tt.status || !strings.Contains(string(b), tt.err.Error()) {
					t.Errorf("%s: %d %s, want %d naming %q", route, resp.StatusCode, b, tt.status, tt.err)
				}
			}
		})
	}
}
