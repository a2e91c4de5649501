package schema

import (
	"errors"
	"fmt"
	"strings"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/location"
)

// Why Engine.Execute did not run an operation, for errors.Is on
// Response.Err. A transport maps each to its own answer (package server:
// one HTTP status per kind); the JSON of the Response is the same for all.
var (
	// ErrInvalid is a document that does not parse or validate, an
	// operation not in it, variables that do not fit their types, or a
	// query beyond the depth or complexity limit: the client must change
	// the request.
	ErrInvalid = errors.New("schema: invalid request")
	// ErrUnsupported is a request the engine does not run: a subscription
	// given to Execute (Subscribe runs those),
	// or a query nested so deeply that it is refused before parsing.
	ErrUnsupported = errors.New("schema: request not supported")
	// ErrTimeout is a request whose time (Config.Timeout, or the caller's
	// context) ran out before its answer was complete.
	ErrTimeout = errors.New("schema: request timed out")
	// ErrBusy is an expensive query that found no free slot before its
	// deadline; retrying later may succeed.
	ErrBusy = errors.New("schema: busy with expensive queries")
	// ErrTooLarge is an answer that grew past Config.MaxResponseBytes.
	ErrTooLarge = errors.New("schema: response too large")
)

// Codes of extensions.code that the engine reports, beside the resolver
// codes of package resolvers.
const (
	CodeBadRequest        = "BAD_REQUEST"
	CodeParseFailed       = "GRAPHQL_PARSE_FAILED"
	CodeValidationFailed  = "GRAPHQL_VALIDATION_FAILED"
	CodeOperationNotFound = "OPERATION_NOT_FOUND"
	CodeTooComplex        = "QUERY_TOO_COMPLEX"
	CodeTooLarge          = "PAYLOAD_TOO_LARGE"
	CodeTimeout           = "TIMEOUT"
)

// Short local names keep the rules below readable.
const (
	codeBadRequest = CodeBadRequest
	codeTooComplex = CodeTooComplex
	codeValidation = CodeValidationFailed
)

// refusal is a request the engine did not run, with the kind a transport
// maps and the error the client reads.
type refusal struct {
	kind error
	err  gqlerrors.FormattedError
}

func (r *refusal) Error() string { return r.err.Message }
func (r *refusal) Unwrap() error { return r.kind }

// Error formats a GraphQL error with a code and no location, as answers
// refused before execution carry them.
func Error(code, msg string) gqlerrors.FormattedError {
	return gqlerrors.FormattedError{
		Message:    msg,
		Locations:  []location.SourceLocation{},
		Extensions: map[string]interface{}{"code": code},
	}
}

func gqlError(code, msg string) gqlerrors.FormattedError { return Error(code, msg) }

// withCode adds extensions.code to errors that have none.
func withCode(errs []gqlerrors.FormattedError, code string) []gqlerrors.FormattedError {
	out := make([]gqlerrors.FormattedError, len(errs))
	for i, e := range errs {
		if e.Extensions == nil {
			e.Extensions = map[string]interface{}{"code": code}
		}
		out[i] = e
	}
	return out
}

// explain completes graphql-go's "Expected type X, found V" messages, which
// quote the bad value but not what X accepts: the Date formats, or an
// enum's values (the stance vocabulary, for StanceType).
func explain(errs []gqlerrors.FormattedError, s *graphql.Schema) []gqlerrors.FormattedError {
	for i := range errs {
		msg := errs[i].Message
		_, rest, ok := strings.Cut(msg, `Expected type "`)
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, `"`)
		switch t := s.Type(name).(type) {
		case *graphql.Scalar:
			if name == "Date" {
				errs[i].Message += " " + DateDescription
			}
		case *graphql.Enum:
			var values []string
			for _, v := range t.Values() {
				values = append(values, v.Name)
			}
			errs[i].Message += fmt.Sprintf(" %s is one of %s.", name, strings.Join(values, ", "))
		}
	}
	return errs
}
