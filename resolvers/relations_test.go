package resolvers_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/resolvers"
)

func TestRelationFields(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	f.run(t, []resolverCase{
		{name: "paths through the Taliban", query: `{ paths(from: "US", to: "Pakistan") { actors { name } stances { type } } }`,
			data: `{"paths":[{"actors":[{"name":"United States"},{"name":"Taliban"},{"name":"Pakistan"}],"stances":[{"type":"DEMANDS"},{"type":"ENGAGES"}]},{"actors":[{"name":"United States"},{"name":"Taliban"},{"name":"Pakistan"}],"stances":[{"type":"REJECTS"},{"type":"ENGAGES"}]}]}`},
		{name: "no path within one hop", query: `{ paths(from: "US", to: "Pakistan", maxHops: 1) { actors { name } } }`, data: `{"paths":[]}`},
		{name: "following direction", query: `{ paths(from: "Pakistan", to: "US", followDirection: true) { actors { name } } }`,
			data: `{"paths":[{"actors":[{"name":"Pakistan"},{"name":"Taliban"},{"name":"United States"}]}]}`},
		{name: "against direction", query: `{ paths(from: "US", to: "Pakistan", followDirection: true) { actors { name } } }`, data: `{"paths":[]}`},
		{name: "dyad", query: `{ dyad(a: "US", b: "Taliban") { a { name } b { name } aToB { type count } bToA { type count } stances { totalCount } } }`,
			data: `{"dyad":{"a":{"name":"United States"},"b":{"name":"Taliban"},"aToB":[{"type":"DEMANDS","count":1}],"bToA":[{"type":"REJECTS","count":1}],"stances":{"totalCount":2}}}`},
		{name: "matrix of two", query: `{ matrix(actors: ["US", "Taliban"]) { subject { name } object { name } type count } }`,
			data: `{"matrix":[{"subject":{"name":"Taliban"},"object":{"name":"United States"},"type":"REJECTS","count":1},{"subject":{"name":"United States"},"object":{"name":"Taliban"},"type":"DEMANDS","count":1}]}`},
		{name: "matrix by date", query: `{ matrix(from: "2021-05-01") { subject { name } type } }`,
			data: `{"matrix":[{"subject":{"name":"Pakistan"},"type":"ENGAGES"}]}`},
		{name: "unknown actor", query: `{ dyad(a: "US", b: "Atlantis") { a { name } } }`, code: resolvers.CodeNotFound, msg: "Atlantis"},
	})
}
