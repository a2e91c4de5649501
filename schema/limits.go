package schema

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/graphql-go/graphql/language/ast"
)

// Default limits. They admit every query of the contract and the
// introspection query schema tools send (depth 15 with graphql-js 16, deeper
// in later versions), while a query nesting two connections of 1000 is
// refused before it runs.
const (
	DefaultMaxDepth      = 20
	DefaultMaxComplexity = 200_000
)

// Page sizes assumed for complexity when a list field's size argument is
// absent: the contract's defaults of first and limit.
const (
	assumedFirst = 50
	assumedLimit = 10
)

// assumedAliases is what Actor.aliases is charged, a list without a size
// argument: a generous number of names for one actor. An actor with more
// costs more than charged, and the response budget stops it.
const assumedAliases = 32

// nestingTooDeep scans query text for bracket nesting beyond max, skipping
// strings and comments. graphql-go's parser recurses per level, so a
// megabyte of "{" would exhaust memory before any depth check on the tree.
func nestingTooDeep(query string, max int) bool {
	depth := 0
	for i := 0; i < len(query); i++ {
		switch c := query[i]; c {
		case '#':
			for i < len(query) && query[i] != '\n' && query[i] != '\r' {
				i++
			}
		case '"':
			if i+2 < len(query) && query[i+1] == '"' && query[i+2] == '"' {
				i += 3
				for i+2 < len(query) && !(query[i] == '"' && query[i+1] == '"' && query[i+2] == '"' && query[i-1] != '\\') {
					i++
				}
				i += 2
				continue
			}
			for i++; i < len(query) && query[i] != '"' && query[i] != '\n'; i++ {
				if query[i] == '\\' {
					i++
				}
			}
		case '{', '[', '(':
			depth++
			if depth > max {
				return true
			}
		case '}', ']', ')':
			depth--
		}
	}
	return false
}

// cost walks the selected operation, fragments expanded, measuring its
// depth and complexity. Complexity estimates the size of the result, as
// GitHub's and Hasura's cost models do: each field counts once per value its
// parent lists may hold (a field under stances(first: 50) costs 50), every
// occurrence of a field is charged, so n aliases of one field cost n times
// as much, matrix is charged for the cells its actors may have, and
// introspection for the schema's size. The walk stops as soon as a limit is
// passed, so fragments spread many times over cannot make the check itself
// expensive.
type cost struct {
	model      *costModel
	ctx        context.Context
	frags      map[string]*ast.FragmentDefinition
	vars       map[string]interface{}
	sizes      *Sizes // read from the store on first need
	complexity int
}

// scope is where in the operation the walk is.
type scope struct {
	depth, mult, spreads int
	intro                bool // inside __schema or __type
}

// defaultListSize gives the size of list fields queried without a size
// argument, by field name. Path.actors and Path.stances are counted as
// connections too: an overestimate, but a cheap and safe one.
var defaultListSize = map[string]int{
	"stances":   assumedFirst,
	"actors":    assumedFirst,
	"documents": assumedFirst,
	"paths":     assumedLimit,
	"aliases":   assumedAliases,
}

// checkLimits returns the complexity of op, or an error describing the
// first limit it exceeds.
func (m *costModel) checkLimits(ctx context.Context, doc *ast.Document, op *ast.OperationDefinition, vars map[string]interface{}) (int, error) {
	c := &cost{model: m, ctx: ctx, frags: map[string]*ast.FragmentDefinition{}, vars: vars}
	for _, def := range doc.Definitions {
		if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil {
			c.frags[f.Name.Value] = f
		}
	}
	err := c.walk(op.SelectionSet, scope{depth: 1, mult: 1})
	return c.complexity, err
}

func (c *cost) walk(set *ast.SelectionSet, sc scope) error {
	if set == nil {
		return nil
	}
	for _, sel := range set.Selections {
		var err error
		switch s := sel.(type) {
		case *ast.Field:
			err = c.field(s, sc)
		case *ast.InlineFragment:
			err = c.walk(s.SelectionSet, sc)
		case *ast.FragmentSpread:
			// The shape check has rejected cycles; the spread bound guards
			// the walk should it ever run on an unchecked document.
			if f := c.frags[s.Name.Value]; f != nil && sc.spreads <= 100 {
				sc2 := sc
				sc2.spreads++
				err = c.walk(f.SelectionSet, sc2)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// field charges one field and walks its selection set.
func (c *cost) field(f *ast.Field, sc scope) error {
	m := c.model
	if sc.depth > m.maxDepth {
		return fmt.Errorf("query is nested %d levels deep or more; the limit is %d", sc.depth, m.maxDepth)
	}
	name := ""
	if f.Name != nil {
		name = f.Name.Value
	}
	sc.intro = sc.intro || name == "__schema" || name == "__type"
	c.complexity += sc.mult
	if c.complexity > m.maxCost {
		return fmt.Errorf("query complexity exceeds the limit of %d: it is charged by the size of its result (each field once per item its enclosing lists may return, e.g. 50 under first: 50; matrix by its actors squared; introspection by the schema's size; each alias again); ask for smaller pages, fewer aliases or fewer nested lists", m.maxCost)
	}
	if f.SelectionSet == nil {
		return nil
	}
	size := c.listSize(f, name, sc.intro)
	sc.depth++
	sc.mult = min(sc.mult*size, m.maxCost+1)
	return c.walk(f.SelectionSet, sc)
}

// listSize is the number of items a field may return: for matrix, the
// cells its actors may have; inside introspection, the schema's average
// for that list; else its first or limit argument (a literal or a
// variable), else the contract's default.
func (c *cost) listSize(f *ast.Field, name string, intro bool) int {
	switch {
	case intro:
		return max(c.model.intro[name], 1)
	case name == "matrix":
		return c.matrixCells(f)
	}
	for _, a := range f.Arguments {
		if a.Name == nil || (a.Name.Value != "first" && a.Name.Value != "limit") {
			continue
		}
		if n, ok := c.intArg(a.Value); ok {
			return max(n, 1)
		}
		if a.Name.Value == "limit" {
			return assumedLimit
		}
		return assumedFirst
	}
	if n, ok := defaultListSize[name]; ok {
		return n
	}
	return 1
}

// intArg reads an Int argument given as a literal or a variable.
func (c *cost) intArg(v ast.Value) (int, bool) {
	switch v := v.(type) {
	case *ast.IntValue:
		if n, err := strconv.Atoi(v.Value); err == nil && n >= 0 {
			return n, true
		}
	case *ast.Variable:
		switch n := c.vars[v.Name.Value].(type) {
		case float64:
			return int(min(max(n, 0), math.MaxInt32)), true
		case int:
			return max(n, 0), true
		}
	}
	return 0, false
}

// matrixCells bounds the cells of a matrix: one per ordered pair of its
// actors and stance type, and never more than the live stances.
func (c *cost) matrixCells(f *ast.Field) int {
	if c.sizes == nil {
		sz := c.model.storeSizes(c.ctx)
		c.sizes = &sz
	}
	actors, types := c.sizes.Actors, c.model.stanceTypes
	for _, a := range f.Arguments {
		if a.Name == nil {
			continue
		}
		if n, ok := c.listLen(a.Value); ok && a.Name.Value == "actors" {
			actors = n
		} else if ok && a.Name.Value == "types" {
			types = min(n, types)
		}
	}
	actors = min(actors, 1<<20)
	return max(min(actors*actors*types, c.sizes.Stances), 1)
}

// listLen is the length of a list argument given as a literal or a
// variable; a single value stands for a list of one.
func (c *cost) listLen(v ast.Value) (int, bool) {
	switch v := v.(type) {
	case *ast.ListValue:
		return len(v.Values), true
	case *ast.Variable:
		switch x := c.vars[v.Name.Value].(type) {
		case []interface{}:
			return len(x), true
		case nil:
			return 0, false
		}
		return 1, true
	case nil:
		return 0, false
	}
	return 1, true
}
