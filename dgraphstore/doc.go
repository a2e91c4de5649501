// Package dgraphstore keeps a stance graph in a Dgraph cluster: a second
// implementation of stance.Store beside package graph's embedded Badger
// store, for data and writers beyond one machine.
//
// Each actor, document and stance is one Dgraph node keyed by the
// deterministic ID package graph gives it (sg.id, an upsert index), with
// the record as JSON (sg.data) and the indexes the contract's questions
// need: names and their look-alike skeletons, codes, a stance's two ends
// and the documents it cites as reversed edges. Open creates or migrates
// that schema.
//
// A Store holds no data between calls, so graphd processes on one cluster
// are a stateless tier. Reads ask Dgraph for what they need (an actor's
// stances, a page by the ID index, a level of a path search) and finish in
// Go, in package graph's orders, so that answers, pages and cursors match
// the embedded store's. Writes read the records a change can touch into an
// in-memory graph.Store, apply the change there, so that validation,
// merging and errors are package graph's own, and write back what changed
// in one Dgraph transaction: a refused change stores nothing, and a change
// that raced another writer is retried. A load finds the stored stances
// its own merge with by their identities (sg.ident), so that a batch reads
// what it can touch rather than every stance of a busy actor; graphd loads
// large files in batches of DefaultBatch records, and a batch that failed
// is finished by loading it again, since every record's ID is
// deterministic. Check verifies what graphd wrote to the cluster.
//
// graphd opens it for `--store dgraph://HOST:PORT`. stance/storetest
// checks the contract; this package's test runs it against a Dgraph
// started by package dgraphtest (see `make test-dgraph`).
package dgraphstore
