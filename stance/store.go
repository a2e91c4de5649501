package stance

import "context"

// Store is a stance graph: the seam between what stancegraph does with
// stances (GraphQL, loaders, exporters, extraction) and where they are
// kept. Package graph implements it on an embedded Badger database; a
// networked implementation (a Dgraph cluster) would implement the same
// methods, and stance/storetest checks that any implementation keeps the
// contract: the same answers, errors and pages for the same calls.
//
// An implementation is long-lived and safe for concurrent use. Every
// method that does I/O takes the request's context first. Errors wrap the
// sentinels of this package (ErrNotFound, ErrInvalidInput, ...), so that
// callers compare with errors.Is whatever the implementation. Listings
// page the same way everywhere: a query with First and After, a page with
// one cursor per item and a PageInfo.
type Store interface {
	Reader
	Writer
}

// Reader answers every question the GraphQL contract asks of a store.
type Reader interface {
	// Vocabulary returns the stance types the store accepts.
	Vocabulary() *Vocabulary

	// Actor resolves ref, an ID or any name of an actor (NormalizeName
	// decides equality); an unknown ref wraps ErrNotFound.
	Actor(ctx context.Context, ref string) (Actor, error)
	// ActorByCode returns the actor carrying a CAMEO actor code; when
	// several do, the first in listing order.
	ActorByCode(ctx context.Context, code string) (Actor, error)
	// ActorsByID returns the actors with the given IDs, in order.
	ActorsByID(ctx context.Context, ids []string) ([]Actor, error)
	// Actors lists actors by name.
	Actors(ctx context.Context, q ActorQuery) (ActorPage, error)

	// Document returns the document with ID id.
	Document(ctx context.Context, id string) (Document, error)
	// DocumentInfo returns the document with ID id without its text (Text
	// is empty): what a citation needs, at less cost where the text is
	// rebuilt from the quotes of the stances citing it.
	DocumentInfo(ctx context.Context, id string) (Document, error)
	// Documents lists documents by ID.
	Documents(ctx context.Context, q PageQuery) (DocumentPage, error)

	// Stance returns the stance with ID id, retracted or not.
	Stance(ctx context.Context, id string) (Stance, error)
	// Stances lists the stances matching q.
	Stances(ctx context.Context, q StanceQuery) (StancePage, error)
	// ActorStances lists the live stances of one actor.
	ActorStances(ctx context.Context, actor string, q AdjacencyQuery) (StancePage, error)
	// DocumentStances lists the stances citing a document, retracted ones
	// included; an unknown document wraps ErrNotFound.
	DocumentStances(ctx context.Context, doc string, q PageQuery) (StancePage, error)
	// DyadStances lists the live stances between a and b, both ways, by
	// date (undated last), then ID.
	DyadStances(ctx context.Context, a, b string, q PageQuery) (StancePage, error)

	// Degree counts an actor's live stances in direction d.
	Degree(ctx context.Context, actor string, d Direction) (int, error)
	// Dyad counts the live stances between a and b, each way, by type.
	Dyad(ctx context.Context, a, b string) (Dyad, error)
	// Paths returns simple paths of live stances, shortest first.
	Paths(ctx context.Context, q PathQuery) ([]Path, error)
	// Matrix counts live stances between pairs of actors by type.
	Matrix(ctx context.Context, q MatrixQuery) ([]MatrixCell, error)
	// Stats counts actors, live and retracted stances, and documents.
	Stats(ctx context.Context) (Stats, error)

	// ForEachStance calls fn for every stance in ID order, reading one
	// consistent snapshot; nil opts means live stances only.
	ForEachStance(ctx context.Context, opts *EachOptions, fn func(Stance) error) error
	// ForEachDocument calls fn for every document in ID order.
	ForEachDocument(ctx context.Context, fn func(Document) error) error
}

// Writer changes a store. Load is the one way to add records in bulk and
// the one a loader needs (see Loader); the others are the single-record
// edits of the GraphQL mutations, each returning the record as stored.
type Writer interface {
	Loader

	// UpsertActor adds a, or merges it into the actor one of its names
	// already names.
	UpsertActor(ctx context.Context, a Actor) (Actor, error)
	// AddAlias adds alias to the actor ref names.
	AddAlias(ctx context.Context, ref, alias string) (Actor, error)
	// MergeActors folds actor merge into actor keep.
	MergeActors(ctx context.Context, keep, merge string) (Actor, error)
	// PutDocument stores d; created is false when its text was stored
	// already, and the stored document is returned.
	PutDocument(ctx context.Context, d Document) (stored Document, created bool, err error)
	// AddStance adds the stance spec describes, or merges its evidence
	// into the same stance; created reports which.
	AddStance(ctx context.Context, spec StanceSpec) (stored Stance, created bool, err error)
	// RetractStance marks a stance retracted with a reason.
	RetractStance(ctx context.Context, id, reason string) (Stance, error)
}

// Loader applies a Batch all-or-nothing: every record is validated
// before anything is stored, the first problem is returned as a
// *RecordError, and records already present are merged, so loading the
// same batch twice adds nothing. The result counts what was added and
// holds the records as stored (LoadResult.Stored).
type Loader interface {
	Load(ctx context.Context, b Batch) (LoadResult, error)
}
