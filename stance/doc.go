// Package stance is the stance graph's domain: actors joined by typed,
// dated, sourced stances, the documents that state them, and the Store
// interface through which every part of stancegraph reads and writes them.
// It holds no storage and knows nothing of GraphQL or HTTP, so readers,
// writers and extractors (extract, jsonl, export, events, ingest) depend on
// it alone and link no database.
//
// The core types:
//
//   - Actor is a state, government, armed group, organization or person.
//     Its ID is a UUID derived from its canonical name (ActorID), and it
//     is found by its ID or any of its names (NormalizeName folds case,
//     dots and spaces).
//   - Document is a source text; its ID is derived from the text
//     (DocumentID).
//   - Stance is a claim that one actor holds a stance of a Type (SUPPORTS,
//     REJECTS, ... or any type of a Vocabulary) toward another, with the
//     Evidence quotes or the dataset References that state it.
//   - Store is what a stance graph does: load batches all-or-nothing,
//     resolve actors, list stances a page at a time, count dyads and
//     matrices, find paths. Package graph implements it on an embedded
//     Badger database; package stance/storetest checks any implementation
//     against the contract.
//
// Errors wrap the sentinels in errors.go; compare them with errors.Is.
package stance
