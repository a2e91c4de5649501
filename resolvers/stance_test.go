package resolvers_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/resolvers"
)

func TestStanceFields(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	f.run(t, []resolverCase{
		{name: "by id", query: `query($id: ID!) { stance(id: $id) { id type subject { name } object { name } topic date confidence retracted retractReason } }`,
			vars: map[string]interface{}{"id": f.ids["urge"]}, ids: []string{"urge"},
			data: `{"stance":{"id":"%s","type":"DEMANDS","subject":{"name":"United States"},"object":{"name":"Taliban"},"topic":"talks","date":"2021-03-01","confidence":1,"retracted":false,"retractReason":null}}`},
		{name: "retracted, with its reason", query: `query($id: ID!) { stance(id: $id) { retracted retractReason } }`,
			vars: map[string]interface{}{"id": f.ids["offer"]}, data: `{"stance":{"retracted":true,"retractReason":"misread"}}`},
		{name: "unknown id", query: `{ stance(id: "00000000-0000-5000-8000-000000000000") { id } }`, data: `{"stance":null}`},
		{name: "live by default", query: `{ stances { totalCount } }`, data: `{"stances":{"totalCount":3}}`},
		{name: "filter", query: `{ stances(filter: {object: "Taliban", types: [ENGAGES, OFFERS], includeRetracted: true}) { totalCount nodes { type } } }`,
			data: `{"stances":{"totalCount":2,"nodes":[{"type":"ENGAGES"},{"type":"OFFERS"}]}}`},
		{name: "dataset filter", query: `{ stances(filter: {dataset: "GDELT"}) { nodes { subject { name } } } }`,
			data: `{"stances":{"nodes":[{"subject":{"name":"Pakistan"}}]}}`},
		{name: "newest first, a page at a time", query: `{ stances(first: 1) { edges { node { type } } pageInfo { hasNextPage } } }`,
			data: `{"stances":{"edges":[{"node":{"type":"ENGAGES"}}],"pageInfo":{"hasNextPage":true}}}`},
		{name: "first: 0 counts only", query: `{ stances(first: 0) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
			data: `{"stances":{"totalCount":3,"nodes":[],"pageInfo":{"hasNextPage":true,"endCursor":null}}}`},
		{name: "bad cursor names after", query: `{ stances(after: "garbage") { totalCount } }`, code: resolvers.CodeBadUserInput, msg: "after"},
		{name: "from after to", query: `{ stances(filter: {from: "2021-05-01", to: "2021-01-01"}) { totalCount } }`,
			code: resolvers.CodeBadUserInput, msg: "filter.from"},
		{name: "page too large", query: `{ stances(first: 100000) { totalCount } }`, code: resolvers.CodeBadUserInput, msg: "first"},
	})
}
