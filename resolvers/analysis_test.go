package resolvers_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/resolvers"
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
