package main

import (
	"context"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/stance"
)

// newEngine wires the GraphQL engine on st: the same resolvers (with
// extraction for ingestDocument), limits and cost model whether serve
// answers over HTTP or query answers in process, so both give the same
// bytes. cfg carries the limits the command sets; the store's counts feed
// the cost model.
func newEngine(st stance.Store, cfg schema.Config) (*schema.Engine, error) {
	ex := extract.New(extract.DefaultDictionary())
	r := resolvers.New(resolvers.Config{
		Store: st,
		Ingest: func(ctx context.Context, doc graph.Document) (resolvers.Ingested, error) {
			res, err := ingest.Document(ctx, st, ex, doc)
			return resolvers.Ingested{Document: res.Document, Stances: res.Stances, Created: res.Created}, err
		},
	})
	cfg.Sizes = func(ctx context.Context) (schema.Sizes, error) {
		s, err := st.Stats(ctx)
		return schema.Sizes{Actors: s.Actors, Stances: s.Stances}, err
	}
	return schema.NewEngineFor(r, cfg)
}
