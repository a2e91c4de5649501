package server

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
)

// TestRequestLogCost keeps the request log cheap: a GraphQL request's
// line, with every attribute, costs one allocation (slog's own, for the
// attributes past a record's first five), and a level that is off
// nothing at all.
func TestRequestLogCost(t *testing.T) {
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sch, err := schema.New(resolvers.New(resolvers.Config{Store: st}))
	if err != nil {
		t.Fatal(err)
	}
	e, err := schema.NewEngine(sch, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var line bytes.Buffer
	loggers := []struct {
		name   string
		logger *slog.Logger
		max    float64 // allocations beyond the unlogged server's
	}{
		{"a line a request", slog.New(slog.NewTextHandler(&line, nil)), 1},
		{"level off", slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelWarn})), 0},
	}
	allocs := func(logger *slog.Logger) float64 {
		s, err := New(Config{Engine: e, Logger: logger})
		if err != nil {
			t.Fatal(err)
		}
		return testing.AllocsPerRun(200, func() {
			r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"query Q { __typename }"}`))
			r.Header.Set("Content-Type", "application/json")
			s.ServeHTTP(httptest.NewRecorder(), r)
		})
	}
	base := allocs(nil)
	for _, l := range loggers {
		got := allocs(l.logger) - base
		if got > l.max && !raceDetector {
			t.Errorf("%s: %.1f allocations more than without a log, want at most %.0f", l.name, got, l.max)
		}
	}
	first, _, _ := strings.Cut(line.String(), "\n")
	for _, want := range []string{`msg="http request"`, "method=POST", "path=/graphql", "status=200", "bytes=", "duration=", "remote=192.0.2.1:1234", "operation=Q", "op_type=query"} {
		if !strings.Contains(first, want) {
			t.Errorf("the line lacks %s: %s", want, first)
		}
	}
}
