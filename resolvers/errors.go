package resolvers

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// Error codes reported in a GraphQL error's extensions.code. Clients branch
// on these rather than on message text.
const (
	CodeBadUserInput = "BAD_USER_INPUT"        // an argument is malformed, out of range or refers to nothing
	CodeNotFound     = "NOT_FOUND"             // the actor, stance or document does not exist
	CodeForbidden    = "FORBIDDEN"             // the store refuses writes
	CodeUnavailable  = "UNAVAILABLE"           // the store is closed or unreachable, or a feature is not configured
	CodeDiskFull     = "INSUFFICIENT_STORAGE"  // the disk is too full to write; reads go on
	CodeTimeout      = "TIMEOUT"               // the request ran out of time
	CodeInternal     = "INTERNAL_SERVER_ERROR" // anything else; a bug or an I/O failure
)

// Error is a resolver failure as GraphQL clients see it: a message naming
// the offending argument and value, and a code in extensions.code.
// graphql-go copies Extensions into the response for any error implementing
// it, which is why this type exists rather than plain wrapped errors.
type Error struct {
	Code    string // one of the Code constants
	Message string
	Err     error // the underlying error, for errors.Is; may be nil
}

// Error returns the message shown to clients.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Extensions returns the GraphQL error extensions: {"code": e.Code}, and
// "retry": true when the store could not be reached (stance.ErrUnavailable),
// which the same request may get past later; servers answer it with 503.
func (e *Error) Extensions() map[string]interface{} {
	ext := map[string]interface{}{"code": e.Code}
	if errors.Is(e.Err, stance.ErrUnavailable) {
		ext[ExtensionRetry] = true
	}
	return ext
}

// ExtensionRetry is the extension that marks an error the same request may
// get past later: the store was unreachable, not the request wrong.
const ExtensionRetry = "retry"

// Translate maps any error a resolver meets to an *Error. It is the one place
// where graph's sentinel errors become GraphQL answers; every resolve
// function's error passes through it.
func Translate(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: codeOf(err), Message: clean(err.Error()), Err: err}
}

// codeOf picks the code for err by the sentinel it wraps.
func codeOf(err error) string {
	switch {
	case errors.Is(err, stance.ErrNotFound):
		return CodeNotFound
	case errors.Is(err, stance.ErrInvalidID),
		errors.Is(err, stance.ErrInvalidDate),
		errors.Is(err, stance.ErrInvalidType),
		errors.Is(err, stance.ErrInvalidInput),
		errors.Is(err, stance.ErrQuoteNotFound),
		errors.Is(err, stance.ErrInvalidCursor):
		return CodeBadUserInput
	case errors.Is(err, stance.ErrReadOnly):
		return CodeForbidden
	case errors.Is(err, stance.ErrDiskFull):
		return CodeDiskFull
	case errors.Is(err, stance.ErrClosed), errors.Is(err, stance.ErrLocked),
		errors.Is(err, stance.ErrUnavailable):
		return CodeUnavailable
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return CodeTimeout
	}
	return CodeInternal
}

// clean drops the "graph: " package prefixes (wrapping can put one inside
// the message): clients did not call package graph, and the prefix only
// adds noise to a message naming their argument.
func clean(msg string) string {
	return strings.ReplaceAll(msg, "graph: ", "")
}

// argError reports err as a failure of argument arg, keeping err's code.
func argError(arg string, err error) *Error {
	t := Translate(err)
	return &Error{Code: t.Code, Message: fmt.Sprintf("argument %s: %s", arg, t.Message), Err: err}
}

// badArg reports an argument value rejected by the resolver itself.
func badArg(arg, format string, a ...any) *Error {
	return &Error{
		Code:    CodeBadUserInput,
		Message: fmt.Sprintf("argument %s: %s", arg, fmt.Sprintf(format, a...)),
		Err:     stance.ErrInvalidInput,
	}
}
