package stance

import (
	"errors"
	"fmt"
)

// Sentinel errors returned by every Store. Errors carry detail (the
// offending name, field or value) by wrapping one of these with %w, so
// callers compare with errors.Is and show err.Error() to users. The texts
// keep the "graph:" prefix they had when they lived in package graph,
// since clients and scripts already match on them.
var (
	// ErrNotFound means no actor, stance or document matches the reference.
	ErrNotFound = errors.New("graph: not found")
	// ErrInvalidID means an ID is not a well-formed UUID.
	ErrInvalidID = errors.New("graph: invalid id")
	// ErrInvalidDate means a date is not YYYY-MM-DD or RFC 3339.
	ErrInvalidDate = errors.New("graph: invalid date")
	// ErrInvalidType means a stance type is not in the store's vocabulary.
	ErrInvalidType = errors.New("graph: invalid stance type")
	// ErrInvalidInput means a field value is missing, malformed or out of range.
	ErrInvalidInput = errors.New("graph: invalid input")
	// ErrQuoteNotFound means an evidence quote does not occur in its document.
	ErrQuoteNotFound = errors.New("graph: quote not found in document")
	// ErrInvalidCursor means a pagination cursor was not issued by this store
	// for this listing.
	ErrInvalidCursor = errors.New("graph: invalid cursor")
	// ErrLocked means another process (usually a running graphd server) holds
	// the store directory.
	ErrLocked = errors.New("graph: store is in use by another process")
	// ErrReadOnly means a write was attempted on a store opened read-only.
	ErrReadOnly = errors.New("graph: store is read-only")
	// ErrDiskFull means a write was refused because the store's filesystem
	// has less free space than the reserve Badger needs to write safely
	// (see Store.Reserve). Reads go on; writes resume once space is freed.
	ErrDiskFull = errors.New("graph: not enough free disk space")
	// ErrLoadJournaled means a Load stopped after its first commit: part
	// of the batch is stored, all of it is journaled, and the next write or
	// the next Open of the store finishes it.
	ErrLoadJournaled = errors.New("graph: load stopped midway; journaled to be finished")
	// ErrNotEmpty means an import was started on a store that holds records.
	ErrNotEmpty = errors.New("graph: store is not empty")
	// ErrVocabularyConflict means a vocabulary given to Open would drop or
	// change a type of the vocabulary the store keeps.
	ErrVocabularyConflict = errors.New("graph: vocabulary conflicts with the store's")
	// ErrClosed means the store has been closed.
	ErrClosed = errors.New("graph: store is closed")
	// ErrCommit means the storage engine failed to commit a write: a
	// fault of the store, not of the request, so servers answer it as
	// their own error. Nothing of the failed write is acknowledged.
	ErrCommit = errors.New("graph: commit")
	// ErrUnavailable means a networked store (a Dgraph cluster) could not
	// be reached or did not answer in time: nothing is wrong with the
	// request, and it may succeed later, so servers answer 503.
	ErrUnavailable = errors.New("graph: store unavailable")
)

// Sentinels for refused input that are kinds of ErrInvalidInput, so a
// caller mapping ErrInvalidInput to a client error needs no new case.
var (
	// ErrTooManyAliases means an actor would have more than MaxAliases
	// aliases, after a load, a mutation or a merge.
	ErrTooManyAliases = fmt.Errorf("%w: too many aliases", ErrInvalidInput)
	// ErrInvalidName means a name or alias holds a character the name
	// profile refuses (see README, "Names").
	ErrInvalidName = fmt.Errorf("%w: name refused", ErrInvalidInput)
	// ErrLookalike means a name is a look-alike of another actor's name:
	// both reduce to the same skeleton (see confusables.txt).
	ErrLookalike = fmt.Errorf("%w: look-alike name", ErrInvalidInput)
	// ErrConflict means a load would change stored data (an actor's kind
	// or fields, an alias's owner, a stance's topic or confidence) without
	// Batch.Upsert.
	ErrConflict = fmt.Errorf("%w: conflicts with stored data", ErrInvalidInput)
	// ErrAmbiguousQuote means an evidence quote occurs more than once in
	// its document and nothing says which occurrence is meant.
	ErrAmbiguousQuote = fmt.Errorf("%w: quote occurs more than once", ErrInvalidInput)
	// ErrSelfStance means a stance's subject and object are the same actor.
	ErrSelfStance = fmt.Errorf("%w: stance from an actor to itself", ErrInvalidInput)
)

// RecordError locates a problem in a Batch: the kind of record and its
// index within that kind. Loaders map the index back to a line number.
type RecordError struct {
	Record string // "actor", "document" or "stance"
	Index  int    // 0-based index into the Batch slice
	Err    error
}

// Error names the record and the problem.
func (e *RecordError) Error() string { return fmt.Sprintf("%s %d: %v", e.Record, e.Index+1, e.Err) }

// Unwrap returns the underlying error, usually wrapping a sentinel.
func (e *RecordError) Unwrap() error { return e.Err }
