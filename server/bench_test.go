package server_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/logbuf"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
)

// typicalQuery is the notebook query of the performance issue: an actor by
// name with 20 stances, their objects and evidence.
const typicalQuery = `{"query":"query Typical { actor(name: \"U.S.\") { id name stances(first: 20) { totalCount nodes { id type date object { id name } evidence { quote document { title } } } } } }"}`

// BenchmarkTypicalQuery measures the handler alone (no network) on the
// typical query; the document cache makes every iteration after the first
// skip parsing and validation.
func BenchmarkTypicalQuery(b *testing.B) {
	benchTypicalQuery(b, newBenchHandler(b, nil))
}

// BenchmarkRequestLog is BenchmarkTypicalQuery with graphd serve's
// request log (a line per request into a file, batched by logbuf), with
// the same lines written one write each, and with none: what the log
// costs a request.
func BenchmarkRequestLog(b *testing.B) {
	loggers := []struct {
		name string
		make func(w io.Writer) (*slog.Logger, func())
	}{
		{"none", func(io.Writer) (*slog.Logger, func()) { return nil, func() {} }},
		{"line-by-line", func(w io.Writer) (*slog.Logger, func()) {
			return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})), func() {}
		}},
		{"batched", func(w io.Writer) (*slog.Logger, func()) {
			l, bw := logbuf.NewLogger(w, slog.LevelInfo, 100*time.Millisecond)
			return l, func() { bw.Close() }
		}},
	}
	for _, lg := range loggers {
		b.Run(lg.name, func(b *testing.B) {
			f, err := os.Create(filepath.Join(b.TempDir(), "requests.log"))
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			l, done := lg.make(f)
			defer done()
			benchTypicalQuery(b, newBenchHandler(b, l))
		})
	}
}

func benchTypicalQuery(b *testing.B, h *server.Server) {
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(typicalQuery))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != 200 || strings.Contains(w.Body.String(), `"errors"`) {
				b.Fatalf("%d %s", w.Code, w.Body.String())
			}
		}
	})
}

// newBenchHandler serves newBenchFixture's store as graphd serve would.
func newBenchHandler(b *testing.B, logger *slog.Logger) *server.Server {
	b.Helper()
	f := newBenchFixture(b)
	e, err := schema.NewEngineFor(resolvers.New(resolvers.Config{Store: f.st}), schema.Config{})
	if err != nil {
		b.Fatal(err)
	}
	h, err := server.New(server.Config{Engine: e, Logger: logger})
	if err != nil {
		b.Fatal(err)
	}
	return h
}

// newBenchFixture is the test fixture plus 30 more stances of the United
// States, each quoting the document.
func newBenchFixture(b *testing.B) *fixture {
	b.Helper()
	ctx := context.Background()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	f := &fixture{st: st}
	doc, _, err := st.PutDocument(ctx, graph.Document{Text: testText, Title: "Test report", Date: graph.NewDate(2018, 3, 10)})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.UpsertActor(ctx, graph.Actor{Name: "United States", Kind: graph.KindState, Aliases: []string{"U.S."}}); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 30; i++ {
		name := fmt.Sprintf("Actor %d", i)
		if _, err := st.UpsertActor(ctx, graph.Actor{Name: name, Kind: graph.KindOther}); err != nil {
			b.Fatal(err)
		}
		_, _, err := st.AddStance(ctx, graph.StanceSpec{Subject: "U.S.", Type: "ENGAGES", Object: name, Date: graph.NewDate(2018, 1, i+1),
			Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "join talks"}}})
		if err != nil {
			b.Fatal(err)
		}
	}
	return f
}

// BenchmarkTypicalQueryHTTP measures the typical query over loopback HTTP
// with as many concurrent clients as GOMAXPROCS.
func BenchmarkTypicalQueryHTTP(b *testing.B) {
	h := newBenchHandler(b, nil)
	ts := httptest.NewServer(h)
	defer ts.Close()
	client := ts.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
	b.ReportAllocs()
	b.SetParallelism(4)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			res, err := client.Post(ts.URL+"/graphql", "application/json", strings.NewReader(typicalQuery))
			if err != nil {
				b.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || strings.Contains(string(body), `"errors"`) {
				b.Fatalf("%d %s", res.StatusCode, body)
			}
		}
	})
}
