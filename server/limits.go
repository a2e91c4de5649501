package server

import (
	"fmt"
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
// depth and complexity. Complexity counts each field once per value its
// parent lists may hold: a field under stances(first: 50) costs 50. The walk
// stops as soon as a limit is passed, so fragments spread many times over
// cannot make the check itself expensive.
type cost struct {
	frags      map[string]*ast.FragmentDefinition
	vars       map[string]interface{}
	maxDepth   int
	maxCost    int
	complexity int
}

// defaultListSize gives the size of list fields queried without a size
// argument, by field name. Path.actors and Path.stances are counted as
// connections too: an overestimate, but a cheap and safe one.
var defaultListSize = map[string]int{
	"stances":   assumedFirst,
	"actors":    assumedFirst,
	"documents": assumedFirst,
	"paths":     assumedLimit,
}

// checkLimits returns an error describing the first limit op exceeds.
func checkLimits(doc *ast.Document, op *ast.OperationDefinition, vars map[string]interface{}, maxDepth, maxCost int) error {
	c := &cost{frags: map[string]*ast.FragmentDefinition{}, vars: vars, maxDepth: maxDepth, maxCost: maxCost}
	for _, def := range doc.Definitions {
		if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil {
			c.frags[f.Name.Value] = f
		}
	}
	return c.walk(op.SelectionSet, 1, 1, 0)
}

func (c *cost) walk(set *ast.SelectionSet, depth, mult, spreads int) error {
	if set == nil {
		return nil
	}
	for _, sel := range set.Selections {
		switch s := sel.(type) {
		case *ast.Field:
			if depth > c.maxDepth {
				return fmt.Errorf("query is nested %d levels deep or more; the limit is %d", depth, c.maxDepth)
			}
			c.complexity += mult
			if c.complexity > c.maxCost {
				return fmt.Errorf("query complexity exceeds the limit of %d (each field counts once per item its enclosing lists may return, e.g. 50 under first: 50); ask for smaller pages or fewer nested lists", c.maxCost)
			}
			if s.SelectionSet != nil {
				m := mult * c.listSize(s)
				if m > c.maxCost {
					m = c.maxCost + 1
				}
				if err := c.walk(s.SelectionSet, depth+1, m, spreads); err != nil {
					return err
				}
			}
		case *ast.InlineFragment:
			if err := c.walk(s.SelectionSet, depth, mult, spreads); err != nil {
				return err
			}
		case *ast.FragmentSpread:
			// Validation has rejected cycles; the spread bound guards the
			// walk should it ever run on an unvalidated document.
			f := c.frags[s.Name.Value]
			if f == nil || spreads > 100 {
				continue
			}
			if err := c.walk(f.SelectionSet, depth, mult, spreads+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// listSize is the number of items a field may return, read from its first or
// limit argument (a literal or a variable), else the contract's default.
func (c *cost) listSize(f *ast.Field) int {
	for _, a := range f.Arguments {
		if a.Name == nil || (a.Name.Value != "first" && a.Name.Value != "limit") {
			continue
		}
		switch v := a.Value.(type) {
		case *ast.IntValue:
			if n, err := strconv.Atoi(v.Value); err == nil && n >= 0 {
				return max(n, 1)
			}
		case *ast.Variable:
			switch n := c.vars[v.Name.Value].(type) {
			case float64:
				return max(int(n), 1)
			case int:
				return max(n, 1)
			}
		}
		if a.Name.Value == "limit" {
			return assumedLimit
		}
		return assumedFirst
	}
	if f.Name != nil {
		if n, ok := defaultListSize[f.Name.Value]; ok {
			return n
		}
	}
	return 1
}
