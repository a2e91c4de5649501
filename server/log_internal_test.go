package server

import (
	"bytes"
	"context"
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
	e := emptyEngine(t)
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

// TestServerAllocations keeps what the server adds to the engine's work
// on a GraphQL request small: reading the body, negotiating, recording
// the status, the headers, the metrics and an unlogged request's
// bookkeeping. It counts the allocations of a whole request, less those
// of building the test's request and recorder and of the engine's Answer.
func TestServerAllocations(t *testing.T) {
	if raceDetector {
		t.Skip("sync.Pool drops values at random under -race")
	}
	e := emptyEngine(t)
	s, err := New(Config{Engine: e})
	if err != nil {
		t.Fatal(err)
	}
	const query = `query Q { __typename }`
	request := func() (http.ResponseWriter, *http.Request) {
		r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"`+query+`"}`))
		r.Header.Set("Content-Type", "application/json")
		return httptest.NewRecorder(), r
	}
	whole := testing.AllocsPerRun(200, func() { s.ServeHTTP(request()) })
	setup := testing.AllocsPerRun(200, func() { request() })
	engine := testing.AllocsPerRun(200, func() {
		e.Answer(context.Background(), schema.Request{Query: query}, func(schema.Response) {})
	})
	const max = 22
	if got := whole - setup - engine; got > max {
		t.Errorf("the server adds %.0f allocations to a request (%.0f in all, %.0f the test's, %.0f the engine's), want at most %d", got, whole, setup, engine, max)
	}
}

// emptyEngine is an engine over an empty in-memory store, closed when the
// test ends.
func emptyEngine(t *testing.T) *schema.Engine {
	t.Helper()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := schema.NewEngineFor(resolvers.New(resolvers.Config{Store: st}), schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestRequestLineAsLogger checks that the request line logRequest hands
// its handler directly is the line slog.Logger.LogAttrs would have made:
// the same text byte for byte but the time, and with AddSource the
// source in this package's server.go.
func TestRequestLineAsLogger(t *testing.T) {
	e := emptyEngine(t)
	noTime := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	cases := []struct {
		name string
		opts slog.HandlerOptions
		want func(r *http.Request) string
	}{
		{"text", slog.HandlerOptions{ReplaceAttr: noTime}, func(*http.Request) string {
			return `level=INFO msg="http request" method=POST path=/graphql status=200 bytes=32 duration=D remote=192.0.2.1:1234 operation=Q op_type=query` + "\n"
		}},
		{"source", slog.HandlerOptions{ReplaceAttr: noTime, AddSource: true}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			s, err := New(Config{Engine: e, Logger: slog.New(slog.NewTextHandler(&buf, &c.opts))})
			if err != nil {
				t.Fatal(err)
			}
			for range 2 {
				r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"query Q { __typename }"}`))
				r.Header.Set("Content-Type", "application/json")
				s.ServeHTTP(httptest.NewRecorder(), r)
			}
			lines := strings.SplitAfter(buf.String(), "\n")
			if len(lines) != 3 || lines[0] != lines[1] && !durationsOnly(lines[0], lines[1]) {
				t.Fatalf("two requests logged %q, want two like lines", buf.String())
			}
			if c.want != nil {
				if got := maskDuration(lines[0]); got != c.want(nil) {
					t.Errorf("line\n%s want\n%s", got, c.want(nil))
				}
				return
			}
			if !strings.Contains(lines[0], "source=") || !strings.Contains(lines[0], "server/server.go:") {
				t.Errorf("line %q names no source in server/server.go", lines[0])
			}
		})
	}
}

// maskDuration replaces a line's duration value with D.
func maskDuration(line string) string {
	i := strings.Index(line, "duration=")
	if i < 0 {
		return line
	}
	j := strings.IndexByte(line[i:], ' ')
	return line[:i] + "duration=D" + line[i+j:]
}

// durationsOnly reports whether lines a and b differ only in duration.
func durationsOnly(a, b string) bool { return maskDuration(a) == maskDuration(b) }
