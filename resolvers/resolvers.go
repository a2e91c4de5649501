// Package resolvers binds the GraphQL contract (../shared/api/schema.graphql)
// to a stance.Store: one resolve function per field of every object type,
// argument decoding and validation, pagination, and the translation of the
// store's errors into GraphQL errors with a code (see Translate).
//
// Package schema builds the graphql-go types and attaches these functions;
// this package knows field and argument names but builds no types, so the
// import flow stays schema -> resolvers -> stance. It depends on the Store
// interface, not on package graph, so any implementation serves GraphQL.
package resolvers

import (
	"context"
	"fmt"
	"maps"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// Config configures a Resolver.
type Config struct {
	// Store is the graph every field reads and every mutation writes, such
	// as a *graph.Store. Required.
	Store stance.Store

	// Ingest stores a document and extracts its stances, for
	// ingestDocument(extract: true). Nil means extraction is not
	// available on this deployment: such requests fail with a clear error,
	// while extract: false still stores the document.
	Ingest func(ctx context.Context, doc stance.Document) (Ingested, error)

	// FeedBuffer is the number of stance changes a subscription may have
	// waiting for its reader before it is dropped, so that a slow reader
	// never holds up the store's writers; 0 means DefaultFeedBuffer.
	FeedBuffer int
}

// Ingested is what Config.Ingest stored for one document. Created lets
// ingestDocument say what the call added, which a client cannot tell from
// the stances alone: they are listed whether new or already known.
type Ingested struct {
	Document stance.Document   // the stored document (the first stored, when the text was known)
	Stances  []stance.Stance   // every stance extracted, new or already known
	Created  stance.LoadResult // the records this call added (counts)
}

// Resolver holds the resolve functions of every field of the contract. It
// keeps no per-request state, so one Resolver serves all requests
// concurrently.
type Resolver struct {
	store  stance.Store
	ingest func(ctx context.Context, doc stance.Document) (Ingested, error)
	fields map[string]map[string]graphql.FieldResolveFn
	// feedBuffer is Config.FeedBuffer with its default applied.
	feedBuffer int
}

// New returns a Resolver over cfg.Store. It panics when cfg.Store is nil,
// since no field could resolve and the mistake is the caller's wiring.
func New(cfg Config) *Resolver {
	if cfg.Store == nil {
		panic("resolvers: New needs a Config.Store")
	}
	r := &Resolver{store: cfg.Store, ingest: cfg.Ingest, feedBuffer: cfg.FeedBuffer}
	if r.feedBuffer <= 0 {
		r.feedBuffer = DefaultFeedBuffer
	}
	r.fields = r.fieldMap()
	for typ, fs := range r.fields {
		for name, fn := range fs {
			fs[name] = wrap(typ, name, fn)
		}
	}
	return r
}

// Vocabulary returns the store's stance vocabulary, from which package schema
// builds the StanceType enum.
func (r *Resolver) Vocabulary() *stance.Vocabulary {
	if v := r.store.Vocabulary(); v != nil {
		return v
	}
	return stance.DefaultVocabulary()
}

// FieldResolvers returns the resolve function of every field, keyed by
// GraphQL type name and then field name. The maps are fresh copies.
func (r *Resolver) FieldResolvers() map[string]map[string]graphql.FieldResolveFn {
	out := make(map[string]map[string]graphql.FieldResolveFn, len(r.fields))
	for typ, fs := range r.fields {
		m := make(map[string]graphql.FieldResolveFn, len(fs))
		for name, fn := range fs {
			m[name] = fn
		}
		out[typ] = m
	}
	return out
}

// wrap routes every error through Translate, so no resolve function can leak
// an untranslated error, and names the field on a source type mismatch.
func wrap(typ, field string, fn graphql.FieldResolveFn) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (interface{}, error) {
		v, err := fn(p)
		if err != nil {
			if err == errSource {
				err = fmt.Errorf("resolvers: %s.%s cannot resolve from a %T", typ, field, p.Source)
			}
			return nil, Translate(err)
		}
		return v, nil
	}
}

// fieldMap lists the resolve functions. The schema package refuses to build
// when a contract field has none, so this list is checked at start-up.
func (r *Resolver) fieldMap() map[string]map[string]graphql.FieldResolveFn {
	m := r.contractFields()
	for typ, fs := range eventFields() {
		m[typ] = fs
	}
	for typ, fs := range r.analysisFields() {
		if m[typ] == nil {
			m[typ] = fs
			continue
		}
		maps.Copy(m[typ], fs)
	}
	return m
}

// contractFields are the resolve functions of the contract's types, with
// the extensions to them.
func (r *Resolver) contractFields() map[string]map[string]graphql.FieldResolveFn {
	return map[string]map[string]graphql.FieldResolveFn{
		"Query": {
			"actor":      r.queryActor,
			"actors":     r.queryActors,
			"stance":     r.queryStance,
			"stances":    r.queryStances,
			"document":   r.queryDocument,
			"documents":  r.queryDocuments,
			"paths":      r.queryPaths,
			"dyad":       r.queryDyad,
			"matrix":     r.queryMatrix,
			"vocabulary": r.queryVocabulary,
			"stats":      r.queryStats,
		},
		"Mutation": {
			"upsertActor":    r.mutUpsertActor,
			"addAlias":       r.mutAddAlias,
			"mergeActors":    r.mutMergeActors,
			"addStance":      r.mutAddStance,
			"retractStance":  r.mutRetractStance,
			"ingestDocument": r.mutIngestDocument,
		},
		"Subscription": {
			"stanceAdded":     r.feedItem,
			"stanceRetracted": r.feedItem,
		},
		"Actor": {
			"id":       field(func(a *actorValue) any { return a.a.ID }),
			"name":     field(func(a *actorValue) any { return a.a.Name }),
			"kind":     field(func(a *actorValue) any { return kindOrOther(a.a.Kind) }),
			"aliases":  field(func(a *actorValue) any { return nonNilStrings(a.a.Aliases) }),
			"country":  field(func(a *actorValue) any { return optString(a.a.Country) }),
			"code":     field(func(a *actorValue) any { return optString(a.a.Code) }),
			"wikidata": field(func(a *actorValue) any { return optString(a.a.Wikidata) }),
			"stances":  r.actorStances,
			"degree":   r.actorDegree,
		},
		"Stance": {
			"id":            field(func(s *stanceValue) any { return s.s.ID }),
			"type":          field(func(s *stanceValue) any { return s.s.Type }),
			"subject":       r.stanceSubject,
			"object":        r.stanceObject,
			"topic":         field(func(s *stanceValue) any { return optString(s.s.Topic) }),
			"date":          r.stanceDate,
			"confidence":    field(func(s *stanceValue) any { return s.s.Confidence }),
			"evidence":      field(func(s *stanceValue) any { return s.evidence() }),
			"retracted":     field(func(s *stanceValue) any { return s.s.Retracted }),
			"retractReason": field(func(s *stanceValue) any { return optString(s.s.RetractReason) }),
			"references":    field(stanceReferences),
			"event":         field(stanceEvent),
		},
		"Evidence": {
			"document": r.evidenceDocument,
			"quote":    field(func(e *evidenceValue) any { return e.e.Quote }),
			"start":    field(func(e *evidenceValue) any { return e.e.Start }),
			"end":      field(func(e *evidenceValue) any { return e.e.End }),
		},
		"Document": {
			"id":      field(func(d *documentValue) any { return d.d.ID }),
			"title":   field(func(d *documentValue) any { return optString(d.d.Title) }),
			"source":  field(func(d *documentValue) any { return optString(d.d.Source) }),
			"url":     field(func(d *documentValue) any { return optString(d.d.URL) }),
			"date":    field(func(d *documentValue) any { return optDate(d.d.Date) }),
			"text":    field(func(d *documentValue) any { return d.d.Text }),
			"stances": r.documentStances,
		},
		"PageInfo": {
			"hasNextPage": field(func(p stance.PageInfo) any { return p.HasNext }),
			"endCursor":   field(func(p stance.PageInfo) any { return optString(p.EndCursor) }),
		},
		"StanceEdge": {
			"cursor": field(func(e stanceEdge) any { return e.cursor }),
			"node":   field(func(e stanceEdge) any { return e.node }),
		},
		"StanceConnection": {
			"totalCount": field(func(c *stanceConn) any { return c.info.Total }),
			"edges":      field(func(c *stanceConn) any { return c.edges() }),
			"nodes":      field(func(c *stanceConn) any { return c.nodes }),
			"pageInfo":   field(func(c *stanceConn) any { return c.info }),
		},
		"ActorConnection": {
			"totalCount": field(func(c *actorConn) any { return c.info.Total }),
			"nodes":      field(func(c *actorConn) any { return c.nodes }),
			"pageInfo":   field(func(c *actorConn) any { return c.info }),
		},
		"DocumentConnection": {
			"totalCount": field(func(c *documentConn) any { return c.info.Total }),
			"nodes":      field(func(c *documentConn) any { return c.nodes }),
			"pageInfo":   field(func(c *documentConn) any { return c.info }),
		},
		"Path": {
			"actors":  r.pathActors,
			"stances": field(func(p *pathValue) any { return p.stances }),
		},
		"TypeCount": {
			"type":  field(func(t stance.TypeCount) any { return t.Type }),
			"count": field(func(t stance.TypeCount) any { return t.Count }),
		},
		"Dyad": {
			"a":       field(func(d *dyadValue) any { return d.a }),
			"b":       field(func(d *dyadValue) any { return d.b }),
			"aToB":    field(func(d *dyadValue) any { return nonNilCounts(d.d.AToB) }),
			"bToA":    field(func(d *dyadValue) any { return nonNilCounts(d.d.BToA) }),
			"stances": r.dyadStances,
		},
		"MatrixCell": {
			"subject": r.cellSubject,
			"object":  r.cellObject,
			"type":    field(func(c *cellValue) any { return c.c.Type }),
			"count":   field(func(c *cellValue) any { return c.c.Count }),
		},
		"StanceTypeInfo": {
			"type":        field(func(t stance.TypeInfo) any { return t.Type }),
			"description": field(func(t stance.TypeInfo) any { return t.Description }),
			"plover":      field(func(t stance.TypeInfo) any { return optString(t.PLOVER) }),
			"cameo":       field(func(t stance.TypeInfo) any { return nonNilStrings(t.CAMEO) }),
			"weight":      field(func(t stance.TypeInfo) any { return t.Weight }),
		},
		"Stats": {
			"actors":    field(func(s stance.Stats) any { return s.Actors }),
			"stances":   field(func(s stance.Stats) any { return s.Stances }),
			"documents": field(func(s stance.Stats) any { return s.Documents }),
			"retracted": field(func(s stance.Stats) any { return s.Retracted }),
		},
		"IngestResult": {
			"document": field(func(i *ingestValue) any { return i.document }),
			"stances":  field(func(i *ingestValue) any { return i.stances }),
			"created":  field(func(i *ingestValue) any { return i.created }),
		},
		"IngestCounts": {
			"actors":    field(func(c stance.LoadResult) any { return c.Actors }),
			"documents": field(func(c stance.LoadResult) any { return c.Documents }),
			"stances":   field(func(c stance.LoadResult) any { return c.Stances }),
		},
	}
}
