package schema_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/seed"
	"github.com/stancegraph/stancegraph/stance"
)

// feedEngine returns an engine over a seeded in-memory store, and the store
// to write to.
func feedEngine(t *testing.T, feedBuffer int) (*schema.Engine, *graph.Store) {
	t.Helper()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := seed.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	s, err := schema.New(resolvers.New(resolvers.Config{Store: st, FeedBuffer: feedBuffer}))
	if err != nil {
		t.Fatal(err)
	}
	e, err := schema.NewEngine(s, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return e, st
}

// subscribe starts a subscription that must start.
func subscribe(t *testing.T, e *schema.Engine, query string, vars map[string]interface{}) *schema.Stream {
	t.Helper()
	s, res := e.Subscribe(context.Background(), schema.Request{Query: query, Variables: vars})
	if s == nil {
		t.Fatalf("not subscribed: %v %s", res.Err, res.JSON)
	}
	t.Cleanup(s.Close)
	return s
}

// next reads one answer, failing after a while.
func next(t *testing.T, s *schema.Stream) (string, bool) {
	t.Helper()
	select {
	case b, ok := <-s.C:
		return string(b), ok
	case <-time.After(5 * time.Second):
		t.Fatal("no answer within 5 s")
	}
	return "", false
}

func add(t *testing.T, st *graph.Store, subject, typ, object, topic string, date graph.Date) {
	t.Helper()
	if _, _, err := st.AddStance(context.Background(), graph.StanceSpec{Subject: subject, Type: typ, Object: object, Topic: topic, Date: date, Confidence: 0.5}); err != nil {
		t.Fatal(err)
	}
}

// TestSubscribeStanceAdded writes stances that do and do not match each
// filter; the stream must answer the first matching one, in query order.
func TestSubscribeStanceAdded(t *testing.T) {
	tests := []struct {
		name, filter string
	}{
		{"no filter", ""},
		{"subject by alias", `(filter: {subject: "Islamabad"})`},
		{"object and type", `(filter: {object: "Taliban", types: [OFFERS]})`},
		{"dates", `(filter: {from: "2019-01-01", to: "2019-12-31"})`},
		{"confidence", `(filter: {minConfidence: 0.4})`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, st := feedEngine(t, 0)
			s := subscribe(t, e, `subscription { stanceAdded`+tt.filter+` { type topic subject { name } object { name } } }`, nil)
			if tt.filter != "" {
				// Matches none of the filters.
				if _, _, err := st.AddStance(context.Background(), graph.StanceSpec{Subject: "Russia", Type: "ENGAGES", Object: "Iran", Topic: "no", Date: graph.NewDate(2020, 1, 1), Confidence: 0.1}); err != nil {
					t.Fatal(err)
				}
			}
			add(t, st, "Pakistan", "OFFERS", "Taliban", "a venue", graph.NewDate(2019, 5, 1))
			got, ok := next(t, s)
			want := `{"data":{"stanceAdded":{"type":"OFFERS","topic":"a venue","subject":{"name":"Pakistan"},"object":{"name":"Taliban"}}}}` + "\n"
			if !ok || got != want {
				t.Errorf("got %q (open %v), want %q", got, ok, want)
			}
		})
	}
}

func TestSubscribeStanceRetracted(t *testing.T) {
	e, st := feedEngine(t, 0)
	s := subscribe(t, e, `subscription Gone { stanceRetracted { retractReason retracted type } }`, nil)
	if s.OperationName != "Gone" {
		t.Errorf("OperationName %q", s.OperationName)
	}
	added, _, err := st.AddStance(context.Background(), graph.StanceSpec{Subject: "Iran", Type: "DEMANDS", Object: "Taliban"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.RetractStance(context.Background(), added.ID, "misread"); err != nil {
		t.Fatal(err)
	}
	got, _ := next(t, s)
	if want := `{"data":{"stanceRetracted":{"retractReason":"misread","retracted":true,"type":"DEMANDS"}}}` + "\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSubscribeRefusals: what cannot start is answered once, as Execute
// would answer, or as the stream's one answer when the Subscribe function
// refuses its arguments.
func TestSubscribeRefusals(t *testing.T) {
	e, _ := feedEngine(t, 0)
	tests := []struct {
		name, query string
		vars        map[string]interface{}
		stream      bool
		err         error
		want        string
	}{
		{"two root fields", `subscription { stanceAdded { id } stanceRetracted { id } }`, nil, false, schema.ErrInvalid, `exactly one root field (stanceAdded or stanceRetracted); this one selects 2`},
		{"two through a fragment", `subscription { ...F } fragment F on Subscription { stanceAdded { id } __typename }`, nil, false, schema.ErrInvalid, `this one selects 2`},
		{"unknown field", `subscription { stats { actors } }`, nil, false, schema.ErrInvalid, `Cannot query field \"stats\" on type \"Subscription\"`},
		{"a query is answered once", `{ stats { actors } }`, nil, false, nil, `{"data":{"stats":{"actors":`},
		{"unknown actor in the filter", `subscription { stanceAdded(filter: {subject: "Atlantis"}) { id } }`, nil, true, nil, `{"errors":[{"message":"argument filter.subject: `},
		{"bad variable", `subscription($f: StanceFilter) { stanceAdded(filter: $f) { id } }`, map[string]interface{}{"f": map[string]interface{}{"from": "yesterday"}}, true, nil, `"code":"BAD_REQUEST"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, res := e.Subscribe(context.Background(), schema.Request{Query: tt.query, Variables: tt.vars})
			if (s != nil) != tt.stream {
				t.Fatalf("stream %v, want %v (%s)", s != nil, tt.stream, res.JSON)
			}
			got := string(res.JSON)
			if s != nil {
				defer s.Close()
				var ok bool
				got, ok = next(t, s)
				if _, open := next(t, s); !ok || open {
					t.Errorf("want one answer, then the end")
				}
			} else if !errors.Is(res.Err, tt.err) || (tt.err == nil) != (res.Err == nil) {
				t.Errorf("Err %v, want %v", res.Err, tt.err)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("answer %s, want %s", got, tt.want)
			}
		})
	}
}

// TestSubscribeSlowReaderIsDropped: a reader that reads nothing must not
// hold up writers; once its buffer is full it is dropped, and reads what
// was buffered, then the notice, then the end.
func TestSubscribeSlowReaderIsDropped(t *testing.T) {
	const buffer, writes = 4, 40
	e, st := feedEngine(t, buffer)
	s := subscribe(t, e, `subscription { stanceAdded { topic } }`, nil)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range writes {
			add(t, st, "Iran", "DEMANDS", "Taliban", fmt.Sprint("t", i), 0)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("writers waited for a subscriber that does not read")
	}
	var answers []string
	for {
		got, ok := next(t, s)
		if !ok {
			break
		}
		answers = append(answers, got)
	}
	n := len(answers) - 1
	if n < buffer || n >= writes {
		t.Fatalf("%d stances before the end, want at least the %d buffered and fewer than the %d written", n, buffer, writes)
	}
	for i, a := range answers[:n] {
		if want := fmt.Sprintf(`{"data":{"stanceAdded":{"topic":"t%d"}}}`+"\n", i); a != want {
			t.Errorf("answer %d = %q, want %q", i, a, want)
		}
	}
	last := answers[n]
	if !strings.Contains(last, `"code":"SUBSCRIBER_DROPPED"`) || !strings.Contains(last, "fell 4 changes behind") {
		t.Errorf("last answer %s, want the dropped notice", last)
	}
}

// TestStreamClose: Close ends the stream, and the store stops feeding it.
func TestStreamClose(t *testing.T) {
	e, st := feedEngine(t, 1)
	s := subscribe(t, e, `subscription { stanceAdded { topic } }`, nil)
	s.Close()
	if _, ok := next(t, s); ok {
		t.Fatal("an answer after Close")
	}
	// With the observer gone, writes never reach the closed feed.
	for i := range 5 {
		add(t, st, "Iran", "DEMANDS", "Taliban", fmt.Sprint("after ", i), 0)
	}
}

// quietStore is a store that announces no changes: the stance.Store alone,
// without graph's Subscribe.
type quietStore struct{ stance.Store }

// TestSubscribeNeedsANotifier: a store that is not a stance.Notifier
// answers a subscription with an error saying so, not a silent stream.
func TestSubscribeNeedsANotifier(t *testing.T) {
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := schema.New(resolvers.New(resolvers.Config{Store: quietStore{st}}))
	if err != nil {
		t.Fatal(err)
	}
	e, err := schema.NewEngine(s, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	stream, res := e.Subscribe(context.Background(), schema.Request{Query: `subscription { stanceAdded { id } }`})
	got := string(res.JSON)
	if stream != nil {
		defer stream.Close()
		got, _ = next(t, stream)
	}
	if !strings.Contains(got, "does not announce changes") || !strings.Contains(got, "UNAVAILABLE") {
		t.Errorf("answer %s, want an UNAVAILABLE error saying the store announces no changes", got)
	}
}
