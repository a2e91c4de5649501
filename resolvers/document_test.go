package resolvers_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/resolvers"
)

func TestDocumentFields(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	id := map[string]interface{}{"id": f.doc.ID}
	f.run(t, []resolverCase{
		{name: "fields", query: `query($id: ID!) { document(id: $id) { title source url date text } }`, vars: id,
			data: `{"document":{"title":"Talks","source":"Wire","url":null,"date":"2021-03-01","text":"` + articleText + `"}}`},
		{name: "its stances and their evidence", query: `query($id: ID!) { document(id: $id) { stances { totalCount nodes { type evidence { quote start end document { title } } } } } }`, vars: id,
			data: `{"document":{"stances":{"totalCount":2,"nodes":[{"type":"DEMANDS","evidence":[{"quote":"urged the Taliban to join talks","start":18,"end":49,"document":{"title":"Talks"}}]},{"type":"REJECTS","evidence":[{"quote":"rejected the offer","start":63,"end":81,"document":{"title":"Talks"}}]}]}}}`},
		{name: "listing", query: `{ documents { totalCount nodes { title } pageInfo { hasNextPage } } }`,
			data: `{"documents":{"totalCount":1,"nodes":[{"title":"Talks"}],"pageInfo":{"hasNextPage":false}}}`},
		{name: "unknown is null", query: `{ document(id: "00000000-0000-5000-8000-000000000000") { title } }`, data: `{"document":null}`},
		{name: "an id must be a hash", query: `{ document(id: "nope") { title } }`, code: resolvers.CodeBadUserInput, msg: "not a UUID"},
	})
}
