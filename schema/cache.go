package schema

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/location"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"
)

// maxCachedQuery bounds the query strings the cache keeps, so a flood of
// huge distinct queries cannot pin megabytes each.
const maxCachedQuery = 64 << 10

// document is a parsed and validated query. graphql-go v0.8.1 parses and
// validates on every graphql.Do; keeping the result and calling
// graphql.Execute halves the cost of a small query.
type document struct {
	ast   *ast.Document
	errs  []gqlerrors.FormattedError // parse or validation errors; ast is nil on a parse error
	plans sync.Map                   // *ast.OperationDefinition -> *plan, built on first use
	fast  sync.Map                   // *ast.OperationDefinition -> *compiled (nil: graphql-go only)
}

// plan returns the response-order plan of op, one of d's operations.
func (d *document) plan(op *ast.OperationDefinition) *plan {
	if p, ok := d.plans.Load(op); ok {
		return p.(*plan)
	}
	p, _ := d.plans.LoadOrStore(op, planFor(d.ast, op))
	return p.(*plan)
}

// docCache is a bounded LRU of documents keyed by query string.
type docCache struct {
	mu     sync.Mutex
	max    int
	ll     *list.List // front is most recently used; values are *cacheEntry
	byText map[string]*list.Element
}

type cacheEntry struct {
	query string
	doc   *document
}

func newDocCache(max int) *docCache {
	return &docCache{max: max, ll: list.New(), byText: map[string]*list.Element{}}
}

func (c *docCache) get(query string) (*document, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byText[query]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(el)
	return el.Value.(*cacheEntry).doc, true
}

func (c *docCache) put(query string, doc *document) {
	if c.max <= 0 || len(query) > maxCachedQuery {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byText[query]; ok {
		c.ll.MoveToFront(el)
		return
	}
	c.byText[query] = c.ll.PushFront(&cacheEntry{query: query, doc: doc})
	for c.ll.Len() > c.max {
		old := c.ll.Back()
		c.ll.Remove(old)
		delete(c.byText, old.Value.(*cacheEntry).query)
	}
}

func (c *docCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}

// parse parses and validates query against s; hit reports a cache hit. The
// shape check (see validate.go) runs between parsing and graphql-go's
// validation. An error is returned only when ctx ends first; the document
// is then not cached.
func (c *docCache) parse(ctx context.Context, s *graphql.Schema, query string, lim shapeLimits) (doc *document, hit bool, err error) {
	if d, ok := c.get(query); ok {
		return d, true, nil
	}
	d := &document{}
	tree, err := parseShaped(ctx, query, lim)
	if ctx.Err() != nil {
		return nil, false, ctx.Err()
	}
	var se *shapeError
	switch {
	case errors.As(err, &se):
		d.errs = []gqlerrors.FormattedError{shapeFailure(se)}
	case err != nil:
		d.errs = withCode(gqlerrors.FormatErrors(err), "GRAPHQL_PARSE_FAILED")
	default:
		if errs := validate(s, tree); errs != nil {
			d.errs = withCode(explain(errs, s), codeValidation)
		} else {
			d.ast = tree
		}
	}
	c.put(query, d)
	return d, false, nil
}

// parseShaped counts tokens, parses and checks the document's shape.
func parseShaped(ctx context.Context, query string, lim shapeLimits) (*ast.Document, error) {
	if err := countTokens(ctx, query, lim.tokens); err != nil {
		return nil, err
	}
	tree, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{
		Body: []byte(query),
		Name: "GraphQL request",
	})})
	if err == nil {
		err = incomplete(tree)
	}
	if err == nil {
		err = checkShape(ctx, tree, lim)
	}
	return tree, err
}

// shapeFailure is the GraphQL error of a document the shape check refused.
func shapeFailure(se *shapeError) gqlerrors.FormattedError {
	e := gqlError(se.code, se.msg)
	if se.loc != nil {
		e.Locations = []location.SourceLocation{*se.loc}
	}
	return e
}

// incomplete reports syntax graphql-go v0.8.1's parser lets through but its
// validator crashes on: a variable declared without a type, as in
// "query($n: ) { ... }".
func incomplete(doc *ast.Document) error {
	for _, def := range doc.Definitions {
		op, ok := def.(*ast.OperationDefinition)
		if !ok {
			continue
		}
		for _, v := range op.VariableDefinitions {
			if v == nil || v.Variable == nil || v.Variable.Name == nil || v.Type == nil {
				name := "a variable"
				if v != nil && v.Variable != nil && v.Variable.Name != nil {
					name = "$" + v.Variable.Name.Value
				}
				return fmt.Errorf("Syntax Error: %s is declared without a type", name)
			}
		}
	}
	return nil
}

// validate runs graphql-go's validation, turning a panic inside it into an
// error: a malformed document must not cost the client its connection.
func validate(s *graphql.Schema, doc *ast.Document) (errs []gqlerrors.FormattedError) {
	defer func() {
		if r := recover(); r != nil {
			errs = []gqlerrors.FormattedError{gqlError("GRAPHQL_VALIDATION_FAILED", fmt.Sprintf("the document could not be validated: %v", r))}
		}
	}()
	if res := graphql.ValidateDocument(s, doc, nil); !res.IsValid {
		return res.Errors
	}
	return nil
}
