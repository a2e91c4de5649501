package server_test

import (
	"context"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
)

// analysisFixture stores the graph of graph's analysis tests: A's line
// toward B turns in April 2020; blocs {A, B, E} and {C, D}; triangles ABD
// and ACD balanced, ACE not. Net weights:
//
//	A-B +1.4  A-E +7.4  C-E +3.4  C-D +3.4  A-C -2  A-D -4  B-D -5
func analysisFixture(t *testing.T) *fixture {
	t.Helper()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{st: st, stances: map[string]graph.Stance{}}
	var b graph.Batch
	for _, n := range []string{"A", "B", "C", "D", "E"} {
		b.Actors = append(b.Actors, graph.Actor{Name: n, Kind: graph.KindState})
	}
	for _, s := range []struct {
		subj, typ, obj string
		m, d           int
	}{
		{"A", "SUPPORTS", "B", 1, 10}, {"A", "OFFERS", "B", 2, 5}, {"A", "REJECTS", "B", 4, 20}, {"A", "ACCUSES", "B", 4, 22},
		{"C", "SUPPORTS", "D", 1, 15}, {"E", "SUPPORTS", "A", 1, 20}, {"E", "OFFERS", "A", 1, 21}, {"E", "SUPPORTS", "C", 1, 22},
		{"A", "ACCUSES", "C", 3, 1}, {"B", "DEMANDS", "D", 3, 2}, {"A", "REJECTS", "D", 3, 3},
	} {
		b.Stances = append(b.Stances, graph.StanceSpec{Subject: s.subj, Type: s.typ, Object: s.obj, Date: graph.NewDate(2020, time.Month(s.m), s.d)})
	}
	if _, err := st.Load(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestAnalysisQueries asks the four analysis fields over HTTP and checks
// the hand-computed answers and the stances behind them.
func TestAnalysisQueries(t *testing.T) {
	ts := newServer(t, analysisFixture(t), nil, nil)
	r := mustData(t, ts, `{
		timeline(a: "A", b: "B", direction: OUT, from: "2020-01-01", to: "2020-05-31", bucket: MONTH) {
			a { name } b { name } bucket
			buckets { start end total net counts { type count } stances { type date } } }
		shifts(a: "A", b: "B") { date kind before after beforeStances { type date } afterStances { type date } }
		alignment(actor: "A", first: 3) { actor { name } score shared { counterpart { name } weight otherWeight contribution stances { type } } }
		coalitions { frustration balance { triads balanced share }
			blocs { actors { name } stanceCount stances(first: 1) { type date } }
			actors { actor { name } bloc balance { triads balanced } } }
	}`, nil)
	want := map[string]any{
		"data.timeline.a.name":                       "A",
		"data.timeline.b.name":                       "B",
		"data.timeline.bucket":                       "MONTH",
		"data.timeline.buckets.0.start":              "2020-01-01",
		"data.timeline.buckets.1.end":                "2020-02-29",
		"data.timeline.buckets.2.total":              0.0, // March: empty, but present
		"data.timeline.buckets.3.net":                -6.0,
		"data.timeline.buckets.3.counts.0.type":      "REJECTS",
		"data.timeline.buckets.3.stances.1.date":     "2020-04-22",
		"data.timeline.buckets.4.start":              "2020-05-01",
		"data.shifts.0.date":                         "2020-04-01",
		"data.shifts.0.kind":                         "SIGN",
		"data.shifts.0.before":                       4.0,
		"data.shifts.0.after":                        -6.0,
		"data.shifts.0.beforeStances.0.type":         "OFFERS",
		"data.shifts.0.afterStances.0.date":          "2020-04-20",
		"data.alignment.0.actor.name":                "B",
		"data.alignment.0.shared.0.counterpart.name": "D",
		"data.alignment.0.shared.0.weight":           -4.0,
		"data.alignment.0.shared.0.otherWeight":      -5.0,
		"data.alignment.0.shared.0.stances.1.type":   "DEMANDS",
		"data.alignment.2.actor.name":                "C",
		"data.coalitions.frustration":                3.4,
		"data.coalitions.balance.triads":             3.0,
		"data.coalitions.balance.balanced":           2.0,
		"data.coalitions.blocs.0.stanceCount":        4.0,
		"data.coalitions.blocs.0.stances.1":          nil, // first: 1
		"data.coalitions.blocs.0.stances.0.date":     "2020-01-10",
		"data.coalitions.blocs.1.actors.0.name":      "C",
		"data.coalitions.blocs.1.actors.1.name":      "D",
	}
	for path, w := range want {
		if got := r.get(path); got != w {
			t.Errorf("%s = %v, want %v", path, got, w)
		}
	}
	if n := len(r.list("data.timeline.buckets")); n != 5 {
		t.Errorf("%d buckets, want 5 (January to May)", n)
	}
	if got := r.get("data.alignment.0.score").(float64); math.Abs(got-20/(math.Sqrt(20)*5)) > 1e-6 {
		t.Errorf("alignment score of B %v, want 2/sqrt(5)", got)
	}
	if n := len(r.list("data.coalitions.blocs.0.actors")); n != 3 {
		t.Errorf("first bloc has %d actors, want A, B, E", n)
	}
}

// TestAnalysisErrors: bad arguments are refused with a message naming the
// argument and a BAD_USER_INPUT code.
func TestAnalysisErrors(t *testing.T) {
	ts := newServer(t, analysisFixture(t), nil, nil)
	tests := []struct {
		name, query, code string
	}{
		{"unknown actor", `{ timeline(a: "Nobody") { bucket } }`, "NOT_FOUND"},
		{"too many day buckets", `{ timeline(a: "A", bucket: DAY, from: "1900-01-01", to: "2020-01-01") { bucket } }`, "BAD_USER_INPUT"},
		{"reversed range", `{ coalitions(from: "2021-01-01", to: "2020-01-01") { frustration } }`, "BAD_USER_INPUT"},
		{"window below one", `{ shifts(a: "A", b: "B", window: 0) { date } }`, "BAD_USER_INPUT"},
		{"negative threshold", `{ shifts(a: "A", b: "B", threshold: -1) { date } }`, "BAD_USER_INPUT"},
		{"first too large", `{ alignment(actor: "A", first: 5000) { score } }`, "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, ts, tt.query, nil)
			if r.code() != tt.code {
				t.Errorf("code %q (%s), want %s", r.code(), r.errorText(), tt.code)
			}
		})
	}
}

// TestReadmeAnalysisQuery runs the README's analysis example on the
// fixture, so the README shows a query that works.
func TestReadmeAnalysisQuery(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "## Analysis\n")
	_, rest, ok2 := strings.Cut(rest, "```graphql\n")
	query, _, ok3 := strings.Cut(rest, "```\n")
	if !ok || !ok2 || !ok3 {
		t.Fatal("README has no graphql block under ## Analysis")
	}
	ts := newServer(t, newFixture(t), nil, nil)
	r := mustData(t, ts, query, nil)
	if len(r.list("data.timeline.buckets")) != 72 {
		t.Errorf("timeline 2015-2020 by month has %d buckets, want 72", len(r.list("data.timeline.buckets")))
	}
}
