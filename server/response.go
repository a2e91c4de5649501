package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/location"

	"github.com/stancegraph/stancegraph/schema"
)

// Media types of the GraphQL over HTTP specification.
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// Error codes the server itself reports in extensions.code, beside the
// resolver codes of package resolvers.
const (
	codeBadRequest        = "BAD_REQUEST"
	codeUnauthenticated   = "UNAUTHENTICATED"
	codeForbidden         = "FORBIDDEN"
	codeTooLarge          = "PAYLOAD_TOO_LARGE"
	codeTooComplex        = "QUERY_TOO_COMPLEX"
	codeTimeout           = "TIMEOUT"
	codeMethodNotAllowed  = "METHOD_NOT_ALLOWED"
	codeNotAcceptable     = "NOT_ACCEPTABLE"
	codeUnsupportedMedia  = "UNSUPPORTED_MEDIA_TYPE"
	codeOperationNotFound = "OPERATION_NOT_FOUND"
)

// gqlError is a GraphQL error with a code and no location.
func gqlError(code, msg string) gqlerrors.FormattedError {
	return gqlerrors.FormattedError{
		Message:    msg,
		Locations:  []location.SourceLocation{},
		Extensions: map[string]interface{}{"code": code},
	}
}

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
				errs[i].Message += " " + schema.DateDescription
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

// result is the body of a response whose request reached execution: the
// data entry is always present, null when execution failed as a whole.
type result struct {
	Data   interface{}                `json:"data"`
	Errors []gqlerrors.FormattedError `json:"errors,omitempty"`
}

// writeResult writes an execution result with the fields of data in query
// order (see plan); errors come first, where a reader looks.
func (s *Server) writeResult(w http.ResponseWriter, media string, data interface{}, errs []gqlerrors.FormattedError, p *plan) int {
	buf := s.buffers.Get().(*bytes.Buffer)
	defer s.putBuffer(buf)
	buf.WriteByte('{')
	if len(errs) > 0 {
		buf.WriteString(`"errors":`)
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(errs); err != nil {
			return writeJSON(w, http.StatusOK, media, result{Data: data, Errors: errs})
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		buf.WriteByte(',')
	}
	buf.WriteString(`"data":`)
	encode(buf, data, p)
	buf.WriteString("}\n")
	if buf.Len() > s.cfg.MaxResponseBytes {
		he := s.tooLarge()
		return writeJSON(w, he.status, media, requestError{Errors: []gqlerrors.FormattedError{gqlError(he.code, he.msg)}})
	}
	h := w.Header()
	h.Set("Content-Type", media+"; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(resultStatus(errs))
	n, _ := w.Write(buf.Bytes())
	return n
}

// putBuffer returns buf to the pool unless one huge answer made it too big
// to keep around.
func (s *Server) putBuffer(buf *bytes.Buffer) {
	if buf.Cap() > 1<<20 {
		return
	}
	buf.Reset()
	s.buffers.Put(buf)
}

// requestError is the body of a response to a request that never reached
// execution. The specification forbids the data entry there.
type requestError struct {
	Errors []gqlerrors.FormattedError `json:"errors"`
}

// writeJSON writes v with status and media type; it returns the bytes written.
func writeJSON(w http.ResponseWriter, status int, media string, v interface{}) int {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		buf.Reset()
		status = http.StatusInternalServerError
		enc.Encode(requestError{Errors: []gqlerrors.FormattedError{gqlError("INTERNAL_SERVER_ERROR", "server: encoding the response: "+err.Error())}})
	}
	h := w.Header()
	h.Set("Content-Type", media+"; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	n, _ := w.Write(buf.Bytes())
	return n
}
