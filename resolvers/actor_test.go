package resolvers_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stancegraph/stancegraph/resolvers"
)

func TestActorFields(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	f.run(t, []resolverCase{
		{name: "by alias, folded", query: `{ actor(name: " washington ") { name kind aliases country code wikidata } }`,
			data: `{"actor":{"name":"United States","kind":"STATE","aliases":["US","Washington"],"country":"USA","code":null,"wikidata":"Q30"}}`},
		{name: "by code", query: `{ actor(code: "AFGINSTAL") { name kind } }`,
			data: `{"actor":{"name":"Taliban","kind":"ARMED_GROUP"}}`},
		{name: "no match is null", query: `{ actor(name: "Atlantis") { name } }`, data: `{"actor":null}`},
		{name: "id that is no UUID", query: `{ actor(id: "nope") { name } }`, code: resolvers.CodeBadUserInput, msg: "id"},
		{name: "no argument", query: `{ actor { name } }`, code: resolvers.CodeBadUserInput, msg: ""},
		{name: "search and kind", query: `{ actors(kind: STATE, search: "an") { totalCount nodes { name } } }`,
			data: `{"actors":{"totalCount":1,"nodes":[{"name":"Pakistan"}]}}`},
		{name: "stances in, by type", query: `{ actor(name: "Taliban") { stances(direction: IN, types: [DEMANDS, ENGAGES]) { totalCount nodes { type subject { name } } } } }`,
			data: `{"actor":{"stances":{"totalCount":2,"nodes":[{"type":"DEMANDS","subject":{"name":"United States"}},{"type":"ENGAGES","subject":{"name":"Pakistan"}}]}}}`},
		{name: "stances with a counterpart by name", query: `{ actor(name: "Taliban") { stances(direction: BOTH, counterpart: "US") { totalCount } } }`,
			data: `{"actor":{"stances":{"totalCount":2}}}`},
		{name: "degree counts live stances", query: `{ actor(name: "Taliban") { all: degree out: degree(direction: OUT) } }`,
			data: `{"actor":{"all":3,"out":1}}`},
		{name: "stances without count or cursors", query: `{ actor(name: "Taliban") { stances(direction: BOTH) { nodes { type } } } }`,
			data: `{"actor":{"stances":{"nodes":[{"type":"REJECTS"},{"type":"DEMANDS"},{"type":"ENGAGES"}]}}}`},
		{name: "count through an inline fragment", query: `{ actor(name: "Taliban") { stances(direction: BOTH) { ... on StanceConnection { totalCount } nodes { type } } } }`,
			data: `{"actor":{"stances":{"totalCount":3,"nodes":[{"type":"REJECTS"},{"type":"DEMANDS"},{"type":"ENGAGES"}]}}}`},
		{name: "count and page through a named fragment", query: `query { actor(name: "Taliban") { stances(direction: BOTH, first: 1) { ...page } } } fragment page on StanceConnection { totalCount pageInfo { hasNextPage } }`,
			data: `{"actor":{"stances":{"totalCount":3,"pageInfo":{"hasNextPage":true}}}}`},
		{name: "count alone", query: `{ actor(name: "Taliban") { stances(direction: BOTH, first: 0) { totalCount nodes { type } } } }`,
			data: `{"actor":{"stances":{"totalCount":3,"nodes":[]}}}`},
		{name: "unknown counterpart", query: `{ actor(name: "Taliban") { stances(counterpart: "Atlantis") { totalCount } } }`,
			code: resolvers.CodeNotFound, msg: "Atlantis"},
	})
}

// TestActorStancesCursorsWhenAsked: a page that asks for edges or
// pageInfo gets cursors that continue the listing, whichever of the two
// asks (the page is read without them when neither does).
func TestActorStancesCursorsWhenAsked(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	const q = `query($after: String) { actor(name: "Taliban") { stances(direction: BOTH, first: 1, after: $after) { %s nodes { type } } } }`
	tests := []struct {
		name, sel string
		cursor    func(page) string
	}{
		{"endCursor", "pageInfo { endCursor }", func(p page) string { return p.PageInfo.EndCursor }},
		{"edge cursor", "edges { cursor }", func(p page) string { return p.Edges[0].Cursor }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var after any
			var types []string
			for i := 0; i < 3; i++ {
				var ans struct {
					Data struct{ Actor struct{ Stances page } }
				}
				got := f.query(t, fmt.Sprintf(q, tc.sel), map[string]any{"after": after})
				if err := json.Unmarshal([]byte(got), &ans); err != nil {
					t.Fatal(err)
				}
				p := ans.Data.Actor.Stances
				if len(p.Nodes) != 1 || tc.cursor(p) == "" {
					t.Fatalf("page %d: %s, want one stance and its cursor", i, got)
				}
				types = append(types, p.Nodes[0].Type)
				after = tc.cursor(p)
			}
			if fmt.Sprint(types) != "[REJECTS DEMANDS ENGAGES]" {
				t.Errorf("pages gave %v, want [REJECTS DEMANDS ENGAGES]", types)
			}
		})
	}
}

// page is the part of a StanceConnection TestActorStancesCursorsWhenAsked reads.
type page struct {
	Nodes    []struct{ Type string }
	Edges    []struct{ Cursor string }
	PageInfo struct{ EndCursor string }
}
