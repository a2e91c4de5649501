package resolvers_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/resolvers"
)

func TestVocabularyFields(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	f.run(t, []resolverCase{
		{name: "stats", query: `{ stats { actors stances documents retracted } }`,
			data: `{"stats":{"actors":4,"stances":3,"documents":1,"retracted":1}}`},
		{name: "vocabulary", query: `{ vocabulary { type plover cameo weight } }`,
			data: `{"vocabulary":[{"type":"SUPPORTS","plover":"SUPPORT","cameo":["05","051"],"weight":3.4},{"type":"REJECTS","plover":"REJECT","cameo":["12"],"weight":-4},{"type":"DEMANDS","plover":"REQUEST","cameo":["10"],"weight":-5},{"type":"ACCUSES","plover":"ACCUSE","cameo":["11","112"],"weight":-2},{"type":"OFFERS","plover":"AGREE","cameo":["03"],"weight":4},{"type":"ENGAGES","plover":"CONSULT","cameo":["04"],"weight":1}]}`},
	})
}
