package resolvers_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/stance"
)

func TestMutationFields(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	f.run(t, []resolverCase{
		{name: "upsertActor merges aliases", query: `mutation { upsertActor(input: {name: "Russia", kind: STATE, aliases: ["Moscow"]}) { name aliases country } }`,
			data: `{"upsertActor":{"name":"Russia","aliases":["Moscow"],"country":"RUS"}}`},
		{name: "addAlias", query: `mutation { addAlias(actor: "Pakistan", alias: "Islamabad") { aliases } }`,
			data: `{"addAlias":{"aliases":["Islamabad"]}}`},
		{name: "addStance finds the quote", query: `mutation($doc: ID!) { addStance(input: {subject: "Taliban", type: ACCUSES, object: "US", evidence: [{document: $doc, quote: "offer"}]}) { type confidence evidence { start end } } }`,
			vars: map[string]interface{}{"doc": f.doc.ID},
			data: `{"addStance":{"type":"ACCUSES","confidence":1,"evidence":[{"start":76,"end":81}]}}`},
		{name: "addStance with a quote not in the text", query: `mutation($doc: ID!) { addStance(input: {subject: "Taliban", type: ACCUSES, object: "US", evidence: [{document: $doc, quote: "ceasefire"}]}) { id } }`,
			vars: map[string]interface{}{"doc": f.doc.ID}, code: resolvers.CodeBadUserInput, msg: "ceasefire"},
		{name: "retractStance", query: `mutation($id: ID!) { retractStance(id: $id, reason: "duplicate") { retracted retractReason } }`,
			vars: map[string]interface{}{"id": f.ids["urge"]}, data: `{"retractStance":{"retracted":true,"retractReason":"duplicate"}}`},
		{name: "mergeActors", query: `mutation { mergeActors(keep: "Pakistan", merge: "Russia") { name aliases degree } }`,
			data: `{"mergeActors":{"name":"Pakistan","aliases":["Islamabad","Russia","Moscow"],"degree":1}}`},
		{name: "ingestDocument without extraction", query: `mutation { ingestDocument(input: {text: "A new text.", title: "New", extract: false}) { document { title } stances { id } created { actors documents stances } } }`,
			data: `{"ingestDocument":{"document":{"title":"New"},"stances":[],"created":{"actors":0,"documents":1,"stances":0}}}`},
		{name: "ingestDocument needs an extractor", query: `mutation { ingestDocument(input: {text: "Another text."}) { document { id } } }`,
			code: resolvers.CodeUnavailable, msg: "extract"},
	})
}

// TestIngestDocumentErrors keeps an extractor's failure an error of the
// field, translated like the store's.
func TestIngestDocumentErrors(t *testing.T) {
	ingest := func(context.Context, stance.Document) (resolvers.Ingested, error) {
		return resolvers.Ingested{}, errors.New("the extractor crashed")
	}
	f := newFixture(t, resolvers.Config{Ingest: ingest})
	f.run(t, []resolverCase{
		{name: "extractor fails", query: `mutation { ingestDocument(input: {text: "Another text."}) { document { id } } }`,
			code: resolvers.CodeInternal, msg: ""},
	})
}
