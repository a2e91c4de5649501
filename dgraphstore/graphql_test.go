package dgraphstore_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/seed"
	"github.com/stancegraph/stancegraph/stance"
)

// graphqlQueries cover the contract's queries on the seed. Cursors are
// left out: they are opaque and each store writes its own (paging by them
// is checked by TestSameAnswersAsEmbedded).
var graphqlQueries = []string{
	`{ stats { actors stances documents } }`,
	`{ actor(name: "Washington") { id name kind aliases country code wikidata degree
	     stances(first: 3) { totalCount nodes { id type object { name } topic date confidence } pageInfo { hasNextPage } } } }`,
	`{ actor(name: "Taliban") { stances(direction: IN, types: [REJECTS, DEMANDS]) { totalCount nodes { id subject { name } type } } } }`,
	`{ actors(first: 100) { totalCount nodes { name kind aliases } pageInfo { hasNextPage } } }`,
	`{ actors(search: "gov") { totalCount nodes { name } } }`,
	`{ stances(first: 100) { totalCount nodes { id type subject { name } object { name } topic date confidence retracted
	     evidence { quote start end document { title } } } } }`,
	`{ stances(filter: {types: [SUPPORTS, ENGAGES], minConfidence: 0.5}) { totalCount nodes { id } } }`,
	`{ documents { totalCount nodes { id title source date stances { totalCount nodes { id } } } } }`,
	`{ paths(from: "Pakistan", to: "United States", maxHops: 3, limit: 20) { actors { name } stances { id type } } }`,
	`{ paths(from: "Taliban", to: "Kabul government", followDirection: true) { actors { name } } }`,
	`{ dyad(a: "United States", b: "Taliban") { a { name } b { name } aToB { type count } bToA { type count } stances { totalCount nodes { id date } } } }`,
	`{ matrix { subject { name } object { name } type count } }`,
	`{ matrix(actors: ["United States", "Taliban", "Pakistan"], types: [SUPPORTS, REJECTS]) { subject { name } object { name } type count } }`,
	`{ vocabulary { type plover cameo weight } }`,
}

// TestGraphQLSameBytes answers the contract's queries from the seed on
// both stores through the same GraphQL engine: the bytes must be equal.
func TestGraphQLSameBytes(t *testing.T) {
	c := shared(t)
	ctx := context.Background()
	emb, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer emb.Close()
	dg := openEmpty(t, c)
	data, err := seed.Inline()
	if err != nil {
		t.Fatal(err)
	}
	var engines []*schema.Engine
	for _, s := range []stance.Store{emb, dg} {
		if _, err := jsonl.Load(ctx, s, bytes.NewReader(data), "seed.jsonl", nil); err != nil {
			t.Fatal(err)
		}
		engines = append(engines, engineOn(t, s))
	}
	for _, q := range graphqlQueries {
		want := engines[0].Execute(ctx, schema.Request{Query: q}).JSON
		got := engines[1].Execute(ctx, schema.Request{Query: q}).JSON
		if bytes.Contains(want, []byte(`"errors"`)) {
			t.Errorf("%s: the embedded store answers with errors: %s", q, want)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", strings.Join(strings.Fields(q), " "), clipAny(string(got)), clipAny(string(want)))
		}
	}
}

// engineOn is graphd's GraphQL engine on s, without extraction.
func engineOn(t testing.TB, s stance.Store) *schema.Engine {
	t.Helper()
	sch, err := schema.New(resolvers.New(resolvers.Config{Store: s}))
	if err != nil {
		t.Fatal(err)
	}
	e, err := schema.NewEngine(sch, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}
