package resolvers_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/stance"
)

func TestAnalysisFields(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	f.run(t, []resolverCase{
		{name: "timeline of the Taliban by month", query: `{ timeline(a: "Taliban", from: "2021-03-01", to: "2021-05-31") { a { name } b { name } bucket buckets { start end total counts { type count } stances { type } } } }`,
			data: `{"timeline":{"a":{"name":"Taliban"},"b":null,"bucket":"MONTH","buckets":[` +
				`{"start":"2021-03-01","end":"2021-03-31","total":2,"counts":[{"type":"REJECTS","count":1},{"type":"DEMANDS","count":1}],"stances":[{"type":"DEMANDS"},{"type":"REJECTS"}]},` +
				`{"start":"2021-04-01","end":"2021-04-30","total":0,"counts":[],"stances":[]},` +
				`{"start":"2021-05-01","end":"2021-05-31","total":1,"counts":[{"type":"ENGAGES","count":1}],"stances":[{"type":"ENGAGES"}]}]}}`},
		{name: "timeline toward one counterpart", query: `{ timeline(a: "US", b: "Taliban", direction: OUT, bucket: YEAR) { b { name } buckets { total net } } }`,
			data: `{"timeline":{"b":{"name":"Taliban"},"buckets":[{"total":1,"net":-5}]}}`},
		{name: "timeline range reversed", query: `{ timeline(a: "US", from: "2021-05-01", to: "2021-01-01") { bucket } }`,
			code: resolvers.CodeBadUserInput, msg: "from"},
		{name: "coalitions", query: `{ coalitions { balance { triads balanced share } blocs { actors { name } stanceCount } } }`,
			data: `{"coalitions":{"balance":{"triads":0,"balanced":0,"share":1},"blocs":[{"actors":[{"name":"Taliban"},{"name":"Pakistan"}],"stanceCount":1},{"actors":[{"name":"United States"}],"stanceCount":0}]}}`},
		{name: "shifts need two actors", query: `{ shifts(a: "US", b: "Atlantis") { date } }`, code: resolvers.CodeNotFound, msg: "Atlantis"},
	})
}

// countingStore is a store that records the stance reads the analysis
// fields make: by ID, and of the stances behind shared counterparts (the
// First of each call).
type countingStore struct {
	*graph.Store
	mu     sync.Mutex
	byID   int
	shared []int
}

func (c *countingStore) Stance(ctx context.Context, id string) (stance.Stance, error) {
	c.mu.Lock()
	c.byID++
	c.mu.Unlock()
	return c.Store.Stance(ctx, id)
}

func (c *countingStore) SharedStances(ctx context.Context, q stance.SharedQuery) ([][]stance.Stance, error) {
	c.mu.Lock()
	c.shared = append(c.shared, q.First)
	c.mu.Unlock()
	return c.Store.SharedStances(ctx, q)
}

// TestAlignmentStancesOnDemand: an alignment's scores read no stance, and
// the stances behind a shared counterpart are read when selected, only
// as many as first asks, the queried actor's first. In the fixture the
// United States (DEMANDS, -5) and Pakistan (ENGAGES, +1) share the
// Taliban; Russia's offer to it is retracted.
func TestAlignmentStancesOnDemand(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	scores := `{"alignment":[{"actor":{"name":"Pakistan"},"score":-1,"shared":[{"counterpart":{"name":"Taliban"},"weight":-5,"otherWeight":1,"contribution":-1}]}]}`
	tests := []struct {
		name, query, data string
		firsts            []int // of each SharedStances call
	}{
		{"scores only", `{ alignment(actor: "US") { actor { name } score shared { counterpart { name } weight otherWeight contribution } } }`, scores, nil},
		{"first stance", `{ alignment(actor: "US") { shared { stances(first: 1) { id } } } }`,
			`{"alignment":[{"shared":[{"stances":[{"id":"` + f.ids["urge"] + `"}]}]}]}`, []int{1}},
		{"both actors' stances", `{ alignment(actor: "US") { shared { stances { type date } } } }`,
			`{"alignment":[{"shared":[{"stances":[{"type":"DEMANDS","date":"2021-03-01"},{"type":"ENGAGES","date":"2021-05-10"}]}]}]}`, []int{stance.DefaultPageSize}},
		{"none asked", `{ alignment(actor: "US") { shared { stances(first: 0) { id } } } }`, `{"alignment":[{"shared":[{"stances":[]}]}]}`, nil},
		{"the other side", `{ alignment(actor: "Pakistan") { shared { stances(first: 1) { type } } } }`,
			`{"alignment":[{"shared":[{"stances":[{"type":"ENGAGES"}]}]}]}`, []int{1}},
		{"once per first", `{ alignment(actor: "US") { shared { a: stances(first: 1) { type } b: stances(first: 1) { type } c: stances(first: 2) { type } } } }`,
			`{"alignment":[{"shared":[{"a":[{"type":"DEMANDS"}],"b":[{"type":"DEMANDS"}],"c":[{"type":"DEMANDS"},{"type":"ENGAGES"}]}]}]}`, []int{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkStanceReads(t, f.store, tt.query, tt.data, tt.firsts)
		})
	}
	f.run(t, []resolverCase{
		{name: "first below zero", query: `{ alignment(actor: "US") { shared { stances(first: -1) { id } } } }`, code: resolvers.CodeBadUserInput, msg: "first"},
	})
}

// checkStanceReads runs query on a countingStore over st and checks its
// data and the stance reads it made: none by ID, and SharedStances calls
// of the given firsts.
func checkStanceReads(t *testing.T, st *graph.Store, query, data string, firsts []int) {
	t.Helper()
	c := &countingStore{Store: st}
	s, err := schema.New(resolvers.New(resolvers.Config{Store: c}))
	if err != nil {
		t.Fatal(err)
	}
	e, err := schema.NewEngine(s, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	resp := e.Execute(context.Background(), schema.Request{Query: query})
	if want := `{"data":` + data + `}`; resp.Err != nil || strings.TrimSpace(string(resp.JSON)) != want {
		t.Fatalf("answer %s (%v)\nwant %s", resp.JSON, resp.Err, want)
	}
	if c.byID != 0 || !slices.Equal(c.shared, firsts) {
		t.Errorf("%d stances read by ID and SharedStances calls of first %v, want none and %v", c.byID, c.shared, firsts)
	}
}

// TestAlignmentStancesInOneCall: the stances behind all of an alignment's
// shared counterparts are asked of the store in one call. With these two
// stances the United States and Pakistan share Russia too, whose
// contribution (3.4 * -4) is the larger.
func TestAlignmentStancesInOneCall(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	for _, spec := range []stance.StanceSpec{
		{Subject: "US", Type: "SUPPORTS", Object: "Russia", Date: stance.NewDate(2021, 6, 1)},
		{Subject: "Pakistan", Type: "REJECTS", Object: "Russia", Date: stance.NewDate(2021, 6, 2)},
	} {
		if _, _, err := f.store.AddStance(context.Background(), spec); err != nil {
			t.Fatal(err)
		}
	}
	checkStanceReads(t, f.store, `{ alignment(actor: "US") { shared { counterpart { name } stances { type } } } }`,
		`{"alignment":[{"shared":[{"counterpart":{"name":"Russia"},"stances":[{"type":"SUPPORTS"},{"type":"REJECTS"}]},`+
			`{"counterpart":{"name":"Taliban"},"stances":[{"type":"DEMANDS"},{"type":"ENGAGES"}]}]}]}`, []int{stance.DefaultPageSize})
}
