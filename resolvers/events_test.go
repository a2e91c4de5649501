package resolvers_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/resolvers"
)

func TestEventFields(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	q := `query($id: ID!) { stance(id: $id) { references { dataset record story sentence url publisher } event { eventCode goldstein quadClass mentions tone location { name lat } } } }`
	f.run(t, []resolverCase{
		{name: "coded by a dataset", query: q, vars: map[string]interface{}{"id": f.ids["engage"]},
			data: `{"stance":{"references":[{"dataset":"GDELT","record":"42","story":null,"sentence":null,"url":"https://example.org/a","publisher":null}],"event":{"eventCode":"040","goldstein":1,"quadClass":1,"mentions":null,"tone":null,"location":null}}}`},
		{name: "from text", query: q, vars: map[string]interface{}{"id": f.ids["urge"]},
			data: `{"stance":{"references":[],"event":null}}`},
	})
}
