package graph

import "errors"

// Sentinel errors returned by the graph package. Errors carry detail (the
// offending name, field or value) by wrapping one of these with %w, so callers
// compare with errors.Is and show err.Error() to users.
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
	// ErrNotEmpty means an import was started on a store that holds records.
	ErrNotEmpty = errors.New("graph: store is not empty")
	// ErrClosed means the store has been closed.
	ErrClosed = errors.New("graph: store is closed")
)
