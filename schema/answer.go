package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/graphql-go/graphql/gqlerrors"
)

// result is the body of an answer whose operation ran: the data entry is
// always present, null when execution failed as a whole.
type result struct {
	Data   interface{}                `json:"data"`
	Errors []gqlerrors.FormattedError `json:"errors,omitempty"`
}

// requestError is the body of an answer to a request that never ran. The
// GraphQL over HTTP specification forbids the data entry there.
type requestError struct {
	Errors []gqlerrors.FormattedError `json:"errors"`
}

// ErrorJSON is the body of an answer refused before execution, as Execute
// writes it: a transport refusing a request for its own reasons (a
// missing token, a wrong method) answers in the same form.
func ErrorJSON(errs ...gqlerrors.FormattedError) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(requestError{Errors: errs}); err != nil {
		buf.Reset()
		enc.Encode(requestError{Errors: []gqlerrors.FormattedError{gqlError("INTERNAL_SERVER_ERROR", "schema: encoding the answer: "+err.Error())}})
	}
	return buf.Bytes()
}

// refuse makes resp the answer to a request that did not run, for kind.
func refuse(resp Response, kind error, errs ...gqlerrors.FormattedError) Response {
	resp.Err = &refusal{kind: kind, err: errs[0]}
	resp.Errors = errs
	resp.JSON = ErrorJSON(errs...)
	return resp
}

// result writes an execution result with the fields of data in query
// order (see plan); errors come first, where a reader looks. ok is false
// when the answer passes MaxResponseBytes.
func (e *Engine) result(data interface{}, errs []gqlerrors.FormattedError, p *plan) (body []byte, ok bool) {
	buf := e.buffers.Get().(*bytes.Buffer)
	defer e.putBuffer(buf)
	buf.WriteByte('{')
	if len(errs) > 0 {
		buf.WriteString(`"errors":`)
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(errs); err != nil {
			b, _ := json.Marshal(result{Data: data, Errors: errs})
			return append(b, '\n'), len(b) < e.cfg.MaxResponseBytes
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		buf.WriteByte(',')
	}
	buf.WriteString(`"data":`)
	encode(buf, data, p)
	buf.WriteString("}\n")
	if buf.Len() > e.cfg.MaxResponseBytes {
		return nil, false
	}
	return bytes.Clone(buf.Bytes()), true
}

// putBuffer returns buf to the pool unless one huge answer made it too big
// to keep around.
func (e *Engine) putBuffer(buf *bytes.Buffer) {
	if buf.Cap() > 1<<20 {
		return
	}
	buf.Reset()
	e.buffers.Put(buf)
}

// timedOut is the answer to a request whose time ran out.
func (e *Engine) timedOut(resp Response) Response {
	return refuse(resp, ErrTimeout, gqlError(CodeTimeout, fmt.Sprintf("the request did not finish within %v", e.cfg.Timeout)))
}

// errResponseTooLarge is an answer that grew past Config.MaxResponseBytes.
var errResponseTooLarge = errors.New("schema: the response exceeds its budget")

// tooLarge is the answer to a query whose result passed the budget.
func (e *Engine) tooLarge(resp Response) Response {
	return refuse(resp, ErrTooLarge, gqlError(CodeTooLarge, fmt.Sprintf("the response would exceed the limit of %d bytes; ask for smaller pages, fewer aliases or fewer fields", e.cfg.MaxResponseBytes)))
}

// acquire waits for an expensive slot when complexity calls for one; the
// returned func releases it.
func (e *Engine) acquire(ctx context.Context, complexity int) (release func(), err error) {
	if complexity < e.cfg.ExpensiveCost {
		return func() {}, nil
	}
	select {
	case e.expensive <- struct{}{}:
		return func() { <-e.expensive }, nil
	case <-ctx.Done():
		return nil, ErrBusy
	}
}

// busyMessage explains a query that waited its whole deadline for a slot.
func (e *Engine) busyMessage(complexity int) string {
	return fmt.Sprintf("the server is busy with other expensive queries: this one (complexity %d, expensive from %d) found none of the %d slots free within %v; retry later or ask for less",
		complexity, e.cfg.ExpensiveCost, e.cfg.ExpensiveSlots, e.cfg.Timeout)
}
