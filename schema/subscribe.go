package schema

import (
	"context"
	"fmt"
	"sync"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/location"
)

// Stream is a running subscription. Its answers arrive on C, one JSON
// document (ending in a newline) per event, with fields in query order;
// C is closed when the subscription ends: its source ended (a reader too
// slow is dropped, its last answer saying so), it could not start (its one
// answer says why), or Close was called. A Stream is read by one
// goroutine; Close may be called from any.
type Stream struct {
	// C delivers the answers.
	C <-chan []byte
	// OperationName is the subscription's name, "" when anonymous.
	OperationName string

	c      chan []byte
	ctx    context.Context
	cancel context.CancelFunc
	e      *Engine
	plan   *plan
}

// Close ends the subscription and releases what it holds. It is safe to
// call more than once, and C is closed soon after.
func (s *Stream) Close() { s.cancel() }

// Subscribe starts the subscription req asks for. The returned Stream is
// subscribed when Subscribe returns: no event committed afterwards is
// missed. A request that is not a subscription (a query or a mutation,
// which GraphQL over SSE also carries) or that is refused gets a nil
// Stream and the Response Execute would give it.
//
// The request's limits apply to the subscription document; each event is
// then answered within ctx, which should end when the client goes.
func (e *Engine) Subscribe(ctx context.Context, req Request) (*Stream, Response) {
	pctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	doc, op, resp, ok := e.prepare(pctx, req)
	if !ok {
		return nil, resp
	}
	if op.Operation != ast.OperationTypeSubscription {
		return nil, e.owned(e.run(pctx, req, doc, op, resp))
	}
	if resp, ok = e.admit(pctx, req, doc, op, resp); !ok {
		return nil, resp
	}
	return e.start(ctx, req, doc, op), resp
}

// admit applies the caller's rule, the single-root-field rule of
// subscriptions and the limits to a subscription operation.
func (e *Engine) admit(ctx context.Context, req Request, doc *document, op *ast.OperationDefinition, resp Response) (Response, bool) {
	if req.Permit != nil {
		if err := req.Permit(op.Operation); err != nil {
			resp.Err = err
			return resp, false
		}
	}
	if n := rootFields(doc.ast, op.SelectionSet, 0); n != 1 {
		return refuse(resp, ErrInvalid, gqlError(codeValidation, fmt.Sprintf("a subscription selects exactly one root field (stanceAdded or stanceRetracted); this one selects %d", n))), false
	}
	if _, err := e.cost.checkLimits(ctx, doc.ast, op, req.Variables); err != nil {
		return refuse(resp, ErrInvalid, gqlError(codeTooComplex, err.Error())), false
	}
	return resp, true
}

// rootFields counts the fields a selection set selects, fragments expanded;
// __typename counts too, as the specification has it for subscriptions.
func rootFields(doc *ast.Document, set *ast.SelectionSet, depth int) int {
	if set == nil || depth > 8 {
		return 0
	}
	n := 0
	for _, sel := range set.Selections {
		switch s := sel.(type) {
		case *ast.Field:
			n++
		case *ast.InlineFragment:
			n += rootFields(doc, s.SelectionSet, depth+1)
		case *ast.FragmentSpread:
			for _, def := range doc.Definitions {
				if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil && s.Name != nil && f.Name.Value == s.Name.Value {
					n += rootFields(doc, f.SelectionSet, depth+1)
				}
			}
		}
	}
	return n
}

// start runs the subscription with graphql-go's ExecuteSubscription, which
// calls the root field's Subscribe function and executes the operation
// once per item of the channel it returns. It waits until the Subscribe
// function has run, or until the operation failed before it.
func (e *Engine) start(ctx context.Context, req Request, doc *document, op *ast.OperationDefinition) *Stream {
	sctx, cancel := context.WithCancel(ctx)
	ready := make(chan struct{})
	var once sync.Once
	results := graphql.ExecuteSubscription(graphql.ExecuteParams{
		Schema:        e.schema,
		AST:           doc.ast,
		OperationName: req.OperationName,
		Args:          req.Variables,
		Context:       context.WithValue(sctx, startedKey{}, func() { once.Do(func() { close(ready) }) }),
	})
	c := make(chan []byte)
	s := &Stream{C: c, c: c, ctx: sctx, cancel: cancel, e: e, plan: doc.plan(op)}
	if op.Name != nil {
		s.OperationName = op.Name.Value
	}
	var first *graphql.Result
	select {
	case <-ready:
	case r, ok := <-results:
		if ok {
			first = r
		}
	}
	go s.forward(results, first)
	return s
}

// forward encodes each result onto C until the subscription ends, then
// drains results so that ExecuteSubscription's goroutine can end.
func (s *Stream) forward(results chan *graphql.Result, first *graphql.Result) {
	defer close(s.c)
	defer func() {
		for range results {
		}
	}()
	if first != nil && !s.send(first) {
		return
	}
	for r := range results {
		if !s.send(r) {
			return
		}
	}
}

func (s *Stream) send(r *graphql.Result) bool {
	select {
	case s.c <- s.encode(r):
		return true
	case <-s.ctx.Done():
		return false
	}
}

// encode writes one answer as Execute would.
func (s *Stream) encode(r *graphql.Result) []byte {
	if r.Data == nil && !executed(r.Errors) {
		return ErrorJSON(withCode(explain(r.Errors, &s.e.schema), codeBadRequest)...)
	}
	body, ok := s.e.result(r.Data, r.Errors, s.plan)
	if !ok {
		return s.e.tooLarge(Response{}).JSON
	}
	return body
}

// startedKey carries the function a Subscribe function calls once it has
// run (see started).
type startedKey struct{}

// started wraps a Subscribe function so that it tells Engine.start it has
// run, and so that its error keeps its code: graphql-go formats errors of
// Subscribe functions without their extensions.
func started(fn graphql.FieldResolveFn) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (interface{}, error) {
		if done, ok := p.Context.Value(startedKey{}).(func()); ok {
			defer done()
		}
		v, err := fn(p)
		if ext, ok := err.(gqlerrors.ExtendedError); ok {
			return nil, gqlerrors.FormattedError{Message: ext.Error(), Locations: []location.SourceLocation{}, Extensions: ext.Extensions()}
		}
		return v, err
	}
}
