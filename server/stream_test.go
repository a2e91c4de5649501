package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
)

// sseEvent is one Server-Sent Event as a client parses it.
type sseEvent struct{ event, data string }

// sseStream is an open /graphql/stream response.
type sseStream struct {
	res    *http.Response
	events chan sseEvent
}

// openStream posts a GraphQL request to /graphql/stream and parses the
// events it answers with, as the graphql-sse client does.
func openStream(t *testing.T, url, query string, vars map[string]interface{}) *sseStream {
	t.Helper()
	body, _ := json.Marshal(map[string]interface{}{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, url+"/graphql/stream", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Accept", "text/event-stream")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("status %d, Content-Type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	s := &sseStream{res: res, events: make(chan sseEvent, 1024)}
	go s.read()
	return s
}

func (s *sseStream) read() {
	defer close(s.events)
	sc := bufio.NewScanner(s.res.Body)
	sc.Buffer(nil, 1<<24)
	var ev sseEvent
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if ev.event != "" {
				s.events <- ev
			}
			ev = sseEvent{}
		case strings.HasPrefix(line, ":"):
		case strings.HasPrefix(line, "event:"):
			ev.event = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			ev.data += strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " ")
		}
	}
}

// next returns the next event; ok is false at the end of the stream.
func (s *sseStream) next(t *testing.T) (sseEvent, bool) {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		return ev, ok
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10 s")
	}
	return sseEvent{}, false
}

// expect reads the next event and compares it.
func (s *sseStream) expect(t *testing.T, event, data string) {
	t.Helper()
	got, ok := s.next(t)
	if !ok || got.event != event || got.data != data {
		t.Fatalf("got event %q data %s (open %v), want event %q data %s", got.event, got.data, ok, event, data)
	}
}

// feedServer serves a fixture with a feed of the given buffer.
func feedServer(t *testing.T, feedBuffer int, edit func(*server.Config)) (*fixture, *httptest.Server, *server.Server) {
	t.Helper()
	f := newFixture(t)
	s, err := schema.New(resolvers.New(resolvers.Config{Store: f.st, FeedBuffer: feedBuffer}))
	if err != nil {
		t.Fatal(err)
	}
	e, err := schema.NewEngine(s, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := server.Config{Engine: e, AllowMutations: true}
	if edit != nil {
		edit(&cfg)
	}
	h, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return f, ts, h
}

// TestStreamSubscription follows stanceAdded with a filter while stances
// are added through the /graphql mutation, then ends the stream as a
// shutdown does: next events carry the answers, complete ends it.
func TestStreamSubscription(t *testing.T) {
	_, ts, h := feedServer(t, 0, nil)
	s := openStream(t, ts.URL, `subscription($who: ID) { stanceAdded(filter: {subject: $who}) { type subject { name } object { name } } }`,
		map[string]interface{}{"who": "Islamabad"})
	for _, stance := range []string{
		`{subject: "Taliban", type: ACCUSES, object: "Pakistan", topic: "not followed"}`,
		`{subject: "Pakistan", type: REJECTS, object: "Taliban", topic: "followed"}`,
	} {
		if res := post(t, ts, `mutation { addStance(input: `+stance+`) { id } }`, nil); res.status != http.StatusOK || len(res.list("errors")) > 0 {
			t.Fatalf("addStance: %d %s", res.status, res.raw)
		}
	}
	s.expect(t, "next", `{"data":{"stanceAdded":{"type":"REJECTS","subject":{"name":"Pakistan"},"object":{"name":"Taliban"}}}}`)
	h.EndStreams()
	s.expect(t, "complete", "")
	if ev, ok := s.next(t); ok {
		t.Errorf("event %+v after complete", ev)
	}
}

// TestStreamOneAnswer: what is not a running subscription gets one next
// event and complete, GraphQL errors included, as graphql-sse asks;
// requests that are not GraphQL over SSE get HTTP errors.
func TestStreamOneAnswer(t *testing.T) {
	_, ts, _ := feedServer(t, 0, func(c *server.Config) { c.AllowMutations = false })
	tests := []struct {
		name, query, want string
	}{
		{"query", `{ actor(name: "Islamabad") { name } }`, `{"data":{"actor":{"name":"Pakistan"}}}`},
		{"invalid document", `subscription { nope }`, `"code":"GRAPHQL_VALIDATION_FAILED"`},
		{"refused mutation", `mutation { addAlias(actor: "Pakistan", alias: "PK") { name } }`, `"code":"FORBIDDEN"`},
		{"unknown actor in the filter", `subscription { stanceAdded(filter: {object: "Atlantis"}) { id } }`, `argument filter.object: `},
		{"two root fields", `subscription { a: stanceRetracted { id } b: stanceRetracted { id } }`, `exactly one root field`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStream(t, ts.URL, tt.query, nil)
			ev, _ := s.next(t)
			if ev.event != "next" || !strings.Contains(ev.data, tt.want) {
				t.Errorf("got %+v, want a next event with %s", ev, tt.want)
			}
			s.expect(t, "complete", "")
		})
	}
	for _, tt := range []struct {
		name, method, accept, ctype string
		status                      int
	}{
		{"no event-stream in Accept", http.MethodPost, "application/json", "application/json", http.StatusNotAcceptable},
		{"PUT", http.MethodPut, "text/event-stream", "application/json", http.StatusMethodNotAllowed},
		{"form body", http.MethodPost, "text/event-stream", "application/x-www-form-urlencoded", http.StatusUnsupportedMediaType},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, ts.URL+"/graphql/stream", strings.NewReader(`{"query":"{ stats { actors } }"}`))
			req.Header.Set("Accept", tt.accept)
			req.Header.Set("Content-Type", tt.ctype)
			if res := send(t, req); res.status != tt.status || res.code() == "" {
				t.Errorf("status %d %s, want %d with a code", res.status, res.raw, tt.status)
			}
		})
	}
}

// TestStreamSlowSubscriberIsDropped: a client that reads nothing must not
// slow the writers; its stream ends with the dropped notice and complete.
func TestStreamSlowSubscriberIsDropped(t *testing.T) {
	f, ts, _ := feedServer(t, 8, nil)
	// Twenty copies of a 1,000-byte topic: 20 KB an event, so the socket
	// buffers fill after a few hundred events and the feed after 8 more.
	var fields []string
	for i := range 20 {
		fields = append(fields, fmt.Sprintf("t%d: topic", i))
	}
	s := openStream(t, ts.URL, `subscription { stanceAdded { `+strings.Join(fields, " ")+` } }`, nil)
	const writes = 1500
	start := time.Now()
	for i := range writes {
		topic := fmt.Sprintf("%04d%s", i, strings.Repeat("x", 996))
		if _, _, err := f.st.AddStance(context.Background(), graph.StanceSpec{Subject: "Taliban", Type: "REJECTS", Object: "Pakistan", Topic: topic}); err != nil {
			t.Fatal(err)
		}
	}
	took := time.Since(start)
	n := 0
	var last sseEvent
	for {
		ev, ok := s.next(t)
		if !ok {
			break
		}
		if ev.event == "next" {
			n++
		}
		last = ev
	}
	if last.event != "complete" {
		t.Fatalf("stream ended on %+v, want complete", last)
	}
	if n >= writes {
		t.Fatalf("%d answers for %d writes: the subscriber was never dropped (writes took %v)", n, writes, took)
	}
	t.Logf("%d writes in %v; the subscriber got %d answers, the last being the notice", writes, took, n)
}

// TestStreamDroppedNotice reads the last answer of a dropped stream.
func TestStreamDroppedNotice(t *testing.T) {
	f, ts, _ := feedServer(t, 2, nil)
	s := openStream(t, ts.URL, `subscription { stanceAdded { topic } }`, nil)
	specs := make([]graph.StanceSpec, 5)
	for i := range specs {
		specs[i] = graph.StanceSpec{Subject: "Taliban", Type: "REJECTS", Object: "Pakistan", Topic: fmt.Sprint("burst ", i)}
	}
	// One load of five stances: more than the two the feed holds.
	if _, err := f.st.Load(context.Background(), graph.Batch{Stances: specs}); err != nil {
		t.Fatal(err)
	}
	// The feed's reader may take some while the load offers them: at
	// least two come, in order, then the notice.
	for i := 0; ; i++ {
		ev, _ := s.next(t)
		if strings.Contains(ev.data, `"code":"SUBSCRIBER_DROPPED"`) {
			if i < 2 || ev.event != "next" || !strings.Contains(ev.data, `"data":null`) || !strings.Contains(ev.data, "fell 2 changes behind") {
				t.Errorf("after %d stances: %+v", i, ev)
			}
			break
		}
		if want := fmt.Sprintf(`{"data":{"stanceAdded":{"topic":"burst %d"}}}`, i); ev.event != "next" || ev.data != want || i >= 4 {
			t.Fatalf("got %+v, want %s or the notice", ev, want)
		}
	}
	s.expect(t, "complete", "")
}

// TestStreamOutlivesServerTimeouts: an http.Server's read and write
// timeouts, meant for ordinary requests, must not cut a stream.
func TestStreamOutlivesServerTimeouts(t *testing.T) {
	f := newFixture(t)
	e := newEngineFor(t, f, schema.Config{})
	h, err := server.New(server.Config{Engine: e, KeepAlive: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(h)
	ts.Config.ReadTimeout, ts.Config.WriteTimeout = 300*time.Millisecond, 300*time.Millisecond
	ts.Start()
	t.Cleanup(ts.Close)
	s := openStream(t, ts.URL, `subscription { stanceRetracted { retractReason } }`, nil)
	time.Sleep(time.Second)
	if _, err := f.st.RetractStance(context.Background(), f.stances["reject"].ID, "late"); err != nil {
		t.Fatal(err)
	}
	s.expect(t, "next", `{"data":{"stanceRetracted":{"retractReason":"late"}}}`)
}

// TestStreamLimit: streams beyond MaxStreams are refused with 503.
func TestStreamLimit(t *testing.T) {
	_, ts, _ := feedServer(t, 0, func(c *server.Config) { c.MaxStreams = 1 })
	openStream(t, ts.URL, `subscription { stanceRetracted { id } }`, nil)
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql/stream", strings.NewReader(`{"query":"subscription { stanceRetracted { id } }"}`))
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Content-Type", "application/json")
	if res := send(t, req); res.status != http.StatusServiceUnavailable || res.header.Get("Retry-After") == "" {
		t.Errorf("status %d %s, want 503 with Retry-After", res.status, res.raw)
	}
}

// TestSchemaSDL: /schema.graphql serves the engine's SDL.
func TestSchemaSDL(t *testing.T) {
	f := newFixture(t)
	e := newEngineFor(t, f, schema.Config{})
	ts := serve(t, server.Config{Engine: e}, nil)
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/schema.graphql", nil)
	res := send(t, req)
	if res.status != http.StatusOK || res.raw != string(e.SDL()) || !strings.Contains(res.raw, "type Subscription {") {
		t.Errorf("status %d, %d bytes, want the SDL", res.status, len(res.raw))
	}
	if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/graphql") {
		t.Errorf("Content-Type %q", ct)
	}
}
