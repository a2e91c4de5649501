package resolvers_test

import (
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
		{name: "unknown counterpart", query: `{ actor(name: "Taliban") { stances(counterpart: "Atlantis") { totalCount } } }`,
			code: resolvers.CodeNotFound, msg: "Atlantis"},
	})
}
