package schema

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"

	"github.com/stancegraph/stancegraph/resolvers"
)

// Defaults applied by NewEngine to zero Config fields, beside those of the
// shape check (validate.go), the depth and complexity limits (limits.go)
// and the cost model (cost.go).
const (
	DefaultTimeout   = 30 * time.Second
	DefaultCacheSize = 512
)

// Config bounds what one request may cost an Engine. Every zero field
// takes its default, so Config{} is a sound choice for a server as well
// as for a command that runs one query.
type Config struct {
	// Timeout bounds each request, validation included; 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// MaxDepth and MaxComplexity bound queries before they execute; 0
	// means DefaultMaxDepth and DefaultMaxComplexity.
	MaxDepth, MaxComplexity int
	// CacheSize is the number of parsed queries kept; 0 means
	// DefaultCacheSize, negative disables the cache.
	CacheSize int
	// MaxTokens bounds the lexical tokens of a query document, counted
	// before it is parsed; 0 means DefaultMaxTokens.
	MaxTokens int
	// MaxFields bounds the fields of a document, each fragment counted once
	// per spread, and MaxSelectionFields those of one selection set: what
	// graphql-go's validation compares pairwise. MaxAliases bounds aliased
	// fields. 0 means the Default of each.
	MaxFields, MaxSelectionFields, MaxAliases int
	// Sizes reports the store's counts for the cost model (an unfiltered
	// matrix is charged by actors squared); nil assumes 100 actors and
	// 10,000 stances.
	Sizes func(ctx context.Context) (Sizes, error)
	// ExpensiveCost is the complexity from which a query waits for one of
	// ExpensiveSlots slots, so that a few large queries cannot take every
	// core from the cheap ones; 0 means DefaultExpensiveCost and
	// DefaultExpensiveSlots.
	ExpensiveCost, ExpensiveSlots int
	// MaxResponseBytes bounds the JSON of one answer; an answer that grows
	// past it is refused with ErrTooLarge. 0 means DefaultMaxResponseBytes.
	MaxResponseBytes int
}

// withDefaults returns c with its zero fields set, or an error naming the
// first negative one.
func (c Config) withDefaults() (Config, error) {
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Timeout < 0 {
		return c, fmt.Errorf("schema: Timeout %v is negative", c.Timeout)
	}
	if c.CacheSize == 0 {
		c.CacheSize = DefaultCacheSize
	}
	for _, d := range []struct {
		name string
		v    *int
		def  int
	}{
		{"MaxDepth", &c.MaxDepth, DefaultMaxDepth},
		{"MaxComplexity", &c.MaxComplexity, DefaultMaxComplexity},
		{"MaxTokens", &c.MaxTokens, DefaultMaxTokens},
		{"MaxFields", &c.MaxFields, DefaultMaxFields},
		{"MaxSelectionFields", &c.MaxSelectionFields, DefaultMaxSelectionFields},
		{"MaxAliases", &c.MaxAliases, DefaultMaxAliases},
		{"ExpensiveCost", &c.ExpensiveCost, DefaultExpensiveCost},
		{"ExpensiveSlots", &c.ExpensiveSlots, DefaultExpensiveSlots},
		{"MaxResponseBytes", &c.MaxResponseBytes, DefaultMaxResponseBytes},
	} {
		if *d.v == 0 {
			*d.v = d.def
		}
		if *d.v < 0 {
			return c, fmt.Errorf("schema: %s %d is negative", d.name, *d.v)
		}
	}
	return c, nil
}

// shape is the shape limits of c.
func (c *Config) shape() shapeLimits {
	return shapeLimits{tokens: c.MaxTokens, fields: c.MaxFields, selectionField: c.MaxSelectionFields, aliases: c.MaxAliases}
}

// Engine runs GraphQL requests against one schema: it parses and
// validates them (keeping the result in a cache), applies the limits of
// its Config, runs queries (introspection included) on the compiled fast
// path (exec.go) and everything else on graphql-go's executor, and writes
// the answer as JSON
// with fields in query order. The HTTP server, `graphd query` and Go
// programs all call Execute, so they answer alike. An Engine is safe for
// concurrent use.
type Engine struct {
	schema    graphql.Schema
	cfg       Config
	cache     *docCache
	cost      *costModel
	expensive chan struct{} // a token per expensive query running
	// buffers recycles answer buffers: a typical answer is tens of
	// kilobytes, otherwise grown by doubling on every request.
	buffers                            sync.Pool
	cacheHits, cacheMisses, fast, slow atomic.Uint64
	// direct are the resolve functions the fast path calls in place of
	// the schema's (NewEngineFor); nil: the schema's.
	direct directResolvers
	// slowOnly sends every operation through graphql-go's executor; tests
	// set it to compare the fast path with it.
	slowOnly bool
	// sdl is the schema printed once (see SDL).
	sdlOnce sync.Once
	sdl     []byte
}

// NewEngine returns an Engine for s, a schema built by New, with cfg's
// zero fields set to their defaults. Given the Resolver s was built from,
// NewEngineFor answers the same for less CPU.
func NewEngine(s graphql.Schema, cfg Config) (*Engine, error) {
	if s.QueryType() == nil {
		return nil, errors.New("schema: NewEngine needs a schema with a query type; build it with New")
	}
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	e := &Engine{schema: s, cfg: cfg, cache: newDocCache(cfg.CacheSize), expensive: make(chan struct{}, cfg.ExpensiveSlots)}
	e.cost = newCostModel(&e.schema, &e.cfg)
	e.buffers.New = func() any { return new(bytes.Buffer) }
	return e, nil
}

// NewEngineFor returns an Engine for the schema of r (New), with cfg's
// zero fields set to their defaults, whose compiled executor calls r's
// resolve functions as they are (resolvers.Resolver.DirectResolvers)
// rather than through the translation of their errors: it answers only
// when no field fails, and graphql-go, which reports the errors, runs the
// schema's translated functions. The answers are NewEngine's byte for
// byte, for less CPU a field; servers use this one.
func NewEngineFor(r *resolvers.Resolver, cfg Config) (*Engine, error) {
	s, err := New(r)
	if err != nil {
		return nil, err
	}
	e, err := NewEngine(s, cfg)
	if err != nil {
		return nil, err
	}
	e.direct = r.DirectResolvers()
	return e, nil
}

// Request is one GraphQL request: the parameters of GraphQL over HTTP,
// and the caller's own rule for which operations may run.
type Request struct {
	Query         string
	OperationName string
	Variables     map[string]interface{}
	// Permit, when not nil, is asked before an operation runs, with its
	// type ("query" or "mutation"); an error refuses the operation and is
	// returned as Response.Err unchanged, with no JSON. A server applies
	// its write rules (token, read-only) here.
	Permit func(operationType string) error
}

// Response is the answer to a Request.
type Response struct {
	// JSON is the answer, ending in a newline: {"errors":[...],"data":...}
	// when the operation ran (errors only when a field failed), with the
	// fields of data in query order; {"errors":[...]} when it did not.
	JSON []byte
	// Err is nil when the operation ran, even if fields failed. Otherwise
	// errors.Is matches one of ErrInvalid, ErrUnsupported, ErrTimeout,
	// ErrBusy or ErrTooLarge, or Err is what Request.Permit returned.
	Err error
	// Errors are the GraphQL errors JSON carries.
	Errors []gqlerrors.FormattedError
	// OperationName and OperationType name the operation that was selected
	// ("query", "mutation"); the type is "invalid" for a document with no
	// runnable operation and "" when the document was not parsed.
	OperationName, OperationType string
	// Executor is "fast" or "graphql-go" when the operation ran, else "".
	Executor string
}

// Stats are an Engine's counters since it was made, for metrics.
type Stats struct {
	// CacheHits and CacheMisses count requests whose document was, or was
	// not, already parsed and validated.
	CacheHits, CacheMisses uint64
	// CachedDocuments is the number of documents the cache holds.
	CachedDocuments int
	// Fast and GraphQLGo count operations run by each executor.
	Fast, GraphQLGo uint64
}

// Stats reports the engine's counters.
func (e *Engine) Stats() Stats {
	return Stats{
		CacheHits: e.cacheHits.Load(), CacheMisses: e.cacheMisses.Load(), CachedDocuments: e.cache.len(),
		Fast: e.fast.Load(), GraphQLGo: e.slow.Load(),
	}
}

// Execute runs req within the engine's limits and ctx, and answers it.
func (e *Engine) Execute(ctx context.Context, req Request) Response {
	return e.owned(e.execute(ctx, req))
}

// owned is resp with its JSON the caller's own, copied out of buf (when
// not nil), which goes back to the pool.
func (e *Engine) owned(resp Response, buf *bytes.Buffer) Response {
	if buf != nil {
		resp.JSON = bytes.Clone(resp.JSON)
		e.putBuffer(buf)
	}
	return resp
}

// Answer runs req as Execute does and hands the response to use, whose
// JSON is valid only until use returns: it is the engine's own buffer,
// reused for a later request. A server that writes the answer to its
// connection in use is spared copying every answer (a page of 20 stances
// with their quotes is several kilobytes).
func (e *Engine) Answer(ctx context.Context, req Request, use func(Response)) {
	resp, buf := e.execute(ctx, req)
	if buf != nil {
		defer e.putBuffer(buf)
	}
	use(resp)
}

// execute answers req; when the answer's JSON is in buf, a buffer of the
// engine's pool, the caller puts buf back once done with the JSON.
func (e *Engine) execute(ctx context.Context, req Request) (resp Response, buf *bytes.Buffer) {
	// Validation runs under the request's deadline as execution does.
	dl := withDeadline(ctx, time.Now().Add(e.cfg.Timeout))
	defer dl.release()
	doc, op, resp, ok := e.prepare(dl, req)
	if !ok {
		return resp, nil
	}
	return e.run(dl, req, doc, op, resp)
}

// prepare parses and validates req's document (or takes it from the
// cache) and selects its operation; ok is false when resp refuses it.
func (e *Engine) prepare(ctx context.Context, req Request) (doc *document, op *ast.OperationDefinition, resp Response, ok bool) {
	if nestingTooDeep(req.Query, 2*e.cfg.MaxDepth+32) {
		return nil, nil, refuse(Response{}, ErrUnsupported, gqlError(codeTooComplex, fmt.Sprintf("query is nested too deeply; the depth limit is %d", e.cfg.MaxDepth))), false
	}
	doc, hit, err := e.cache.parse(ctx, &e.schema, req.Query, e.cfg.shape())
	if err != nil {
		return nil, nil, e.timedOut(Response{}), false
	}
	if hit {
		e.cacheHits.Add(1)
	} else {
		e.cacheMisses.Add(1)
	}
	if doc.errs != nil {
		return nil, nil, refuse(Response{OperationType: "invalid"}, ErrInvalid, doc.errs...), false
	}
	op, err = operation(doc.ast, req.OperationName)
	if err != nil {
		return nil, nil, refuse(Response{OperationName: req.OperationName, OperationType: "invalid"}, ErrInvalid, gqlError(CodeOperationNotFound, err.Error())), false
	}
	resp = Response{OperationType: op.Operation}
	if op.Name != nil {
		resp.OperationName = op.Name.Value
	}
	return doc, op, resp, true
}

// run applies the operation rules and limits to op, then executes it; a
// fast-path answer is in buf (see execute).
func (e *Engine) run(ctx context.Context, req Request, doc *document, op *ast.OperationDefinition, resp Response) (Response, *bytes.Buffer) {
	if t := op.Operation; t != ast.OperationTypeQuery && t != ast.OperationTypeMutation {
		return refuse(resp, ErrUnsupported, gqlError(codeBadRequest, fmt.Sprintf("%s operations are not supported here: stream them with Engine.Subscribe (graphd serves it at /graphql/stream, with Accept: text/event-stream)", t))), nil
	}
	if req.Permit != nil {
		if err := req.Permit(op.Operation); err != nil {
			resp.Err = err
			return resp, nil
		}
	}
	complexity, err := e.cost.checkLimits(ctx, doc.ast, op, req.Variables)
	if err != nil {
		return refuse(resp, ErrInvalid, gqlError(codeTooComplex, err.Error())), nil
	}
	release, err := e.acquire(ctx, complexity)
	if err != nil {
		return refuse(resp, ErrBusy, gqlError(CodeTimeout, e.busyMessage(complexity))), nil
	}
	defer release()
	if !e.slowOnly {
		c := doc.fastPath(&e.schema, e.direct, op)
		if c == nil {
			c = compileIntrospection(&e.schema, e.direct, doc.ast, op, req.Variables)
		}
		if c != nil {
			if out, buf, ok := e.runFast(ctx, c, req.Variables, resp); ok {
				return out, buf
			}
		}
	}
	return e.runSlow(ctx, req, doc, op, resp), nil
}

// runFast answers with the fast path, the JSON in buf when it ran
// through; ok is false when it gave up and graphql-go must run the
// operation.
func (e *Engine) runFast(ctx context.Context, c *compiled, vars map[string]interface{}, resp Response) (out Response, buf *bytes.Buffer, ok bool) {
	buf = e.buffers.Get().(*bytes.Buffer)
	err := c.run(ctx, vars, buf, e.cfg.MaxResponseBytes)
	if err == nil {
		e.fast.Add(1)
		resp.Executor = "fast"
		resp.JSON = buf.Bytes()
		return resp, buf, true
	}
	e.putBuffer(buf)
	if errors.Is(err, errGiveUp) {
		return resp, nil, false
	}
	e.fast.Add(1)
	resp.Executor = "fast"
	if errors.Is(err, errResponseTooLarge) {
		return e.tooLarge(resp), nil, true
	}
	return e.timedOut(resp), nil, true
}

// runSlow answers with graphql-go's executor.
func (e *Engine) runSlow(ctx context.Context, req Request, doc *document, op *ast.OperationDefinition, resp Response) Response {
	e.slow.Add(1)
	resp.Executor = "graphql-go"
	res := graphql.Execute(graphql.ExecuteParams{
		Schema:        e.schema,
		AST:           doc.ast,
		OperationName: req.OperationName,
		Args:          req.Variables,
		Context:       ctx,
	})
	if res.Data == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return e.timedOut(resp)
	}
	if res.Data == nil && !executed(res.Errors) {
		// Variable coercion failed: the operation never ran.
		resp.Executor = ""
		return refuse(resp, ErrInvalid, withCode(explain(res.Errors, &e.schema), codeBadRequest)...)
	}
	body, ok := e.result(res.Data, res.Errors, doc.plan(op))
	if !ok {
		return e.tooLarge(resp)
	}
	resp.JSON, resp.Errors = body, res.Errors
	return resp
}

// executed reports whether errors come from running resolvers (they carry
// a path) rather than from preparing the operation. graphql-go answers both
// with a nil Data, but only the latter is a request error.
func executed(errs []gqlerrors.FormattedError) bool {
	for _, e := range errs {
		if len(e.Path) > 0 {
			return true
		}
	}
	return false
}

// operation selects the operation to run, as graphql-go would, so the
// engine knows its type before executing it.
func operation(doc *ast.Document, name string) (*ast.OperationDefinition, error) {
	var found *ast.OperationDefinition
	n := 0
	for _, def := range doc.Definitions {
		op, ok := def.(*ast.OperationDefinition)
		if !ok {
			continue
		}
		n++
		if name == "" {
			found = op
		} else if op.Name != nil && op.Name.Value == name {
			return op, nil
		}
	}
	switch {
	case name != "":
		return nil, fmt.Errorf("no operation named %q in the document", name)
	case n == 0:
		return nil, errors.New("the document contains no operation")
	case n > 1:
		return nil, errors.New("the document contains several operations: give operationName")
	}
	return found, nil
}
