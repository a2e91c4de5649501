// Package resolvers binds the GraphQL schema (the contract
// ../shared/api/schema.graphql and our extensions, as package schema reads
// them) to a stance.Store: one resolve function per field of every object
// type, argument decoding and validation, pagination, and the translation
// of the store's errors into GraphQL errors with a code (see Translate).
//
// One file per noun holds its resolve functions and its part of the field
// map (a fieldMap by "Type" and "field"), so adding a field touches one
// file: actor.go, stance.go, document.go (with evidence), relations.go
// (paths, dyad, matrix), vocabulary.go (with stats), events.go, analysis.go,
// mutation.go and feed.go (subscriptions). args.go decodes arguments,
// values.go holds what the files share.
//
// Package schema builds the graphql-go types and attaches these functions;
// this package knows field and argument names but builds no types, so the
// import flow stays schema -> resolvers -> stance. It depends on the Store
// interface, not on package graph, so any implementation serves GraphQL.
package resolvers

import (
	"context"
	"fmt"

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
	// direct are the functions of fields before wrap: see DirectResolvers.
	direct map[string]map[string]Direct
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
	m := r.fieldMap()
	r.fields = make(map[string]map[string]graphql.FieldResolveFn, len(m))
	r.direct = make(map[string]map[string]Direct, len(m))
	for typ, fs := range m {
		r.fields[typ] = make(map[string]graphql.FieldResolveFn, len(fs))
		r.direct[typ] = make(map[string]Direct, len(fs))
		for name, fn := range fs {
			r.fields[typ][name] = wrap(typ, name, fn.resolve)
			r.direct[typ][name] = Direct{Resolve: fn.resolve, Get: fn.get}
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
	return copyFields(r.fields)
}

// Direct is one field's resolution for an executor that answers only when
// every field resolves without error, and otherwise runs the operation
// again on FieldResolvers' functions, whose errors the answer reports, as
// package schema's compiled executor does (see DirectResolvers).
type Direct struct {
	// Resolve is the field's resolve function without the translation of
	// its errors: an error may be any error, and a source of the wrong
	// type fails without naming the field.
	Resolve graphql.FieldResolveFn
	// Get, when not nil, reads the field from its source alone, as
	// Resolve does: the field needs no argument, context or store. ok is
	// false for a source of the wrong type. Most leaves of a page of
	// stances (type, topic, names, quotes) are such fields, and Get spares
	// each the ResolveParams graphql-go's signature passes by value.
	Get func(source any) (v any, ok bool)
}

// DirectResolvers returns the resolution of every field FieldResolvers
// has, by type and field name, without the translation of errors: each
// field then costs one call, and one copy of graphql-go's ResolveParams
// (some 280 bytes), less, or with Get none; a notebook's page of 20
// stances resolves about 200 fields. The maps are fresh copies.
func (r *Resolver) DirectResolvers() map[string]map[string]Direct {
	return copyFields(r.direct)
}

// copyFields is a copy of fields, so a caller cannot change the Resolver's.
func copyFields[F any](fields map[string]map[string]F) map[string]map[string]F {
	out := make(map[string]map[string]F, len(fields))
	for typ, fs := range fields {
		m := make(map[string]F, len(fs))
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

// fieldMap is resolve functions by GraphQL type name, then field name.
type fieldMap map[string]map[string]resolveFn

// resolveFn is a field's resolve function and, for a field read from its
// source alone, the same read without the request (see field).
type resolveFn struct {
	resolve graphql.FieldResolveFn
	get     func(source any) (any, bool)
}

// resolver makes fn a field map's entry.
func resolver(fn graphql.FieldResolveFn) resolveFn {
	return resolveFn{resolve: fn}
}

// parts are the field maps of the noun files, one each: a field is added
// in the file of its noun, next to its resolve function.
func (r *Resolver) parts() []fieldMap {
	return []fieldMap{
		r.actorFields(), r.stanceFields(), r.documentFields(), eventFields(),
		r.relationFields(), r.vocabularyFields(), r.analysisFields(),
		r.mutationFields(), r.feedFields(),
	}
}

// fieldMap joins the parts. The schema package refuses to build when a
// field of the SDL has no resolve function, so the joined map is checked
// at start-up; joining refuses a field two parts resolve.
func (r *Resolver) fieldMap() fieldMap {
	m, err := joinFields(r.parts()...)
	if err != nil {
		panic(err) // two files claim one field: the package's own mistake
	}
	return m
}

// joinFields merges field maps, failing on a field given twice.
func joinFields(parts ...fieldMap) (fieldMap, error) {
	m := fieldMap{}
	for _, p := range parts {
		for typ, fs := range p {
			if m[typ] == nil {
				m[typ] = map[string]resolveFn{}
			}
			for name, fn := range fs {
				if _, twice := m[typ][name]; twice {
					return nil, fmt.Errorf("resolvers: %s.%s is resolved twice", typ, name)
				}
				m[typ][name] = fn
			}
		}
	}
	return m, nil
}
