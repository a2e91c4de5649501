package resolvers_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/stance"
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

// textReads counts the document reads that rebuild a text.
type textReads struct {
	*graph.Store
	n atomic.Int32
}

func (s *textReads) Document(ctx context.Context, id string) (stance.Document, error) {
	s.n.Add(1)
	return s.Store.Document(ctx, id)
}

// A citation's title and date, and a stance's date taken from its
// document, cost no text; the text is read only when asked for.
func TestCitedDocumentTextReadOnlyWhenAsked(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	counted := &textReads{Store: f.store}
	s, err := schema.New(resolvers.New(resolvers.Config{Store: counted}))
	if err != nil {
		t.Fatal(err)
	}
	if f.engine, err = schema.NewEngine(s, schema.Config{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		reads int32
		has   string
	}{
		{`{ stances { nodes { date evidence { quote document { title date } } } } }`, 0, `"title":"Talks"`},
		{`{ stances { nodes { evidence { document { text } } } } }`, 1, `"text":"` + articleText + `"`},
	} {
		counted.n.Store(0)
		got := f.query(t, c.query, nil)
		if n := counted.n.Load(); n != c.reads || !strings.Contains(got, c.has) {
			t.Errorf("%s: %d text reads, answer %s; want %d reads and %s", c.query, n, got, c.reads, c.has)
		}
	}
}
