// Package graph is the stance graph: actors joined by typed, dated, sourced
// stances, kept in an embedded Badger database. It is the heart of
// stancegraph and the API for embedding it in another Go program; it knows
// nothing of GraphQL or HTTP. Its Store implements stance.Store, the
// interface the rest of stancegraph depends on, and passes the conformance
// suite of stance/storetest. The types, limits and errors are package
// stance's, repeated here as aliases (Actor is stance.Actor), so a program
// embedding the store needs only this package.
//
// The core types:
//
//   - Store is the handle to one database. Open it once per directory with
//     Open (or in memory with Options.InMemory), share it between
//     goroutines, and Close it when done.
//   - Actor is a state, government, armed group, organization or person.
//     Its ID is a UUID derived from its canonical name, and it is found by
//     its ID or any of its names (NormalizeName folds case, dots and spaces).
//   - Document is a source text; its ID is derived from the text.
//   - Stance is a claim that one actor SUPPORTS, REJECTS, DEMANDS, ACCUSES,
//     OFFERS or ENGAGES another (or any type of the store's Vocabulary),
//     with the Evidence quotes that state it. Adding the same stance twice
//     yields one stance with merged evidence. A retracted stance stays
//     readable but leaves every count, path, dyad and matrix.
//
// Lifecycle: Open, then add actors (UpsertActor), documents (PutDocument)
// and stances (AddStance), or whole files at once (Load), or fill an empty
// store with many files through an Importer (Import), which sorts records
// outside Badger and writes finished tables at Commit; read with Actor,
// ActorStances, Stances, Paths, Dyad, Matrix and Stats; Close. Listings are
// cursor-paginated: pass PageInfo.EndCursor back as After. Subscribe
// tells an observer of each commit's new and retracted stances, for live
// feeds.
//
// Errors wrap the sentinels of package stance (aliased here: ErrNotFound,
// ErrInvalidInput, ...); compare them with errors.Is.
package graph

// The write engine is split by concern, as Badger splits db.go, txn.go and
// options.go:
//
//   - options.go: Options, DefaultOptions and their mapping onto Badger's
//   - open.go: Open and Close, and what opening settles (vocabulary,
//     unfinished imports and journaled loads, empty memtable files)
//   - store.go: the Store type and its upkeep (Reserve, RunGC, Size)
//   - txn.go: read and write transactions (view, update)
//   - writer.go: one write transaction: staging, counters, splitting a
//     large batch, commit
//   - cache.go: the in-memory actor cache and its per-transaction changes
//   - stats.go: the stored counters and Stats
