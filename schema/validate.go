package schema

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/lexer"
	"github.com/graphql-go/graphql/language/location"
	"github.com/graphql-go/graphql/language/source"
)

// graphql-go v0.8.1 validates documents with rules that trust their input:
// OverlappingFieldsCanBeMerged recurses through fragment spreads before
// NoFragmentCycles has a say, so "{ ...A } fragment A on Query { ...A }"
// overflows the goroutine stack, a fatal error no recover() catches; and it
// compares every pair of fields sharing a response name, so 32,000 repeated
// fields keep a core busy for seconds after the deadline. The shape check
// below runs first, in time linear in the document and bounded by the
// limits, so that what reaches graphql-go is acyclic and small enough to
// validate in milliseconds.

// Default shape limits. The introspection query schema tools send has about
// 300 tokens, 110 fields with its fragments expanded, at most 12 in one
// selection set and no alias; the contract's queries are smaller still.
// The documents graphql-go validates slowest within these limits (the
// same field repeated in full selection sets, or nested) take a tenth of a
// second or so: see the "admitted" lines of bench/hostile.
const (
	DefaultMaxTokens          = 20_000
	DefaultMaxFields          = 3_000
	DefaultMaxSelectionFields = 500
	DefaultMaxAliases         = 1_000
)

// errShape marks a document refused by the shape check.
var errShape = errors.New("schema: document refused by the shape check")

// shapeLimits are the bounds the shape check enforces.
type shapeLimits struct {
	tokens         int // lexical tokens in the document
	fields         int // fields of all definitions, fragments expanded
	selectionField int // fields of one selection set, fragments expanded
	aliases        int // aliased fields, fragments expanded
}

// shapeError is a refused document, with the place that passed the limit.
type shapeError struct {
	code string // extensions.code of the answer
	msg  string
	loc  *location.SourceLocation
}

func (e *shapeError) Error() string {
	if e.loc == nil {
		return e.msg
	}
	return fmt.Sprintf("%s (line %d, column %d)", e.msg, e.loc.Line, e.loc.Column)
}

func (e *shapeError) Unwrap() error { return errShape }

// countTokens reports whether query has more than max lexical tokens,
// stopping as soon as it does: graphql-go's parser builds a node per token,
// so a megabyte of "a a a ..." costs tens of megabytes before any other
// check. A lexical error ends the count; the parser reports it.
func countTokens(ctx context.Context, query string, max int) error {
	lex := lexer.Lex(source.NewSource(&source.Source{Body: []byte(query)}))
	for n := 0; ; n++ {
		tok, err := lex(0)
		if err != nil || tok.Kind == lexer.EOF {
			return nil
		}
		if n >= max {
			return &shapeError{code: codeTooComplex, msg: fmt.Sprintf("the document has more than %d tokens (names, values and punctuation); send a smaller query", max)}
		}
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// checkShape refuses fragment cycles and documents beyond lim, before
// graphql-go's validation sees them.
func checkShape(ctx context.Context, doc *ast.Document, lim shapeLimits) error {
	frags := map[string]*ast.FragmentDefinition{}
	for _, def := range doc.Definitions {
		if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil {
			if _, dup := frags[f.Name.Value]; !dup {
				frags[f.Name.Value] = f
			}
		}
	}
	if err := fragmentCycle(doc, frags); err != nil {
		return err
	}
	w := &shapeWalker{ctx: ctx, doc: doc, frags: frags, lim: lim}
	for _, def := range doc.Definitions {
		var set *ast.SelectionSet
		switch d := def.(type) {
		case *ast.OperationDefinition:
			set = d.SelectionSet
		case *ast.FragmentDefinition:
			set = d.SelectionSet
		}
		if err := w.selectionSet(set); err != nil {
			return err
		}
	}
	return nil
}

// fragmentCycle finds a fragment that spreads itself, directly or through
// others, as graphql-js's NoFragmentCycles rule does.
func fragmentCycle(doc *ast.Document, frags map[string]*ast.FragmentDefinition) error {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(name string) error
	visit = func(name string) error {
		state[name] = onPath
		path = append(path, name)
		for _, sp := range spreads(frags[name].SelectionSet, nil) {
			next := sp.Name.Value
			if frags[next] == nil {
				continue // an unknown fragment: graphql-go names it
			}
			switch state[next] {
			case onPath:
				i := indexOf(path, next)
				cycle := strings.Join(append(path[i:len(path):len(path)], next), " -> ")
				return &shapeError{code: codeValidation, msg: fmt.Sprintf("fragment %q spreads itself (%s); fragments must not form a cycle", next, cycle), loc: locOf(doc, sp.Loc)}
			case unseen:
				if err := visit(next); err != nil {
					return err
				}
			}
		}
		path = path[:len(path)-1]
		state[name] = done
		return nil
	}
	for _, def := range doc.Definitions {
		if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil && state[f.Name.Value] == unseen && frags[f.Name.Value] == f {
			if err := visit(f.Name.Value); err != nil {
				return err
			}
		}
	}
	return nil
}

// spreads appends the fragment spreads of set, at any depth, to out.
func spreads(set *ast.SelectionSet, out []*ast.FragmentSpread) []*ast.FragmentSpread {
	if set == nil {
		return out
	}
	for _, sel := range set.Selections {
		switch s := sel.(type) {
		case *ast.Field:
			out = spreads(s.SelectionSet, out)
		case *ast.InlineFragment:
			out = spreads(s.SelectionSet, out)
		case *ast.FragmentSpread:
			if s.Name != nil {
				out = append(out, s)
			}
		}
	}
	return out
}

func indexOf(path []string, name string) int {
	for i, p := range path {
		if p == name {
			return i
		}
	}
	return 0
}

// locOf converts a node's offset to a line and column.
func locOf(doc *ast.Document, loc *ast.Location) *location.SourceLocation {
	if loc == nil || doc.Loc == nil || doc.Loc.Source == nil {
		return nil
	}
	l := location.GetLocation(doc.Loc.Source, loc.Start)
	return &l
}

// shapeWalker counts fields with fragments expanded, as graphql-go's
// validation visits them, and stops at the first limit passed: the walk
// costs at most the limits, however often fragments are spread.
type shapeWalker struct {
	ctx     context.Context
	doc     *ast.Document
	frags   map[string]*ast.FragmentDefinition
	lim     shapeLimits
	fields  int
	aliases int
	spreads int
}

// selectionSet walks set and the selection sets of its fields.
func (w *shapeWalker) selectionSet(set *ast.SelectionSet) error {
	if set == nil {
		return nil
	}
	var inSet int
	return w.flatten(set, &inSet)
}

// flatten counts the fields set contributes to its enclosing selection set
// (its own, and those of the fragments it spreads) into inSet, and walks
// each field's own selection set.
func (w *shapeWalker) flatten(set *ast.SelectionSet, inSet *int) error {
	for _, sel := range set.Selections {
		switch s := sel.(type) {
		case *ast.Field:
			if err := w.field(s, inSet); err != nil {
				return err
			}
		case *ast.InlineFragment:
			if s.SelectionSet != nil {
				if err := w.flatten(s.SelectionSet, inSet); err != nil {
					return err
				}
			}
		case *ast.FragmentSpread:
			f := w.frags[s.Name.Value]
			if f == nil || f.SelectionSet == nil {
				continue
			}
			if w.spreads++; w.spreads > w.lim.fields {
				return &shapeError{code: codeTooComplex, loc: locOf(w.doc, s.Loc), msg: fmt.Sprintf("fragments are spread more than %d times, counting each spread inside a spread fragment; spread fewer fragments", w.lim.fields)}
			}
			if err := w.flatten(f.SelectionSet, inSet); err != nil {
				return err
			}
		}
	}
	return nil
}

// field counts one field against the limits and walks its selection set.
func (w *shapeWalker) field(f *ast.Field, inSet *int) error {
	if w.fields++; w.fields > w.lim.fields {
		return &shapeError{code: codeTooComplex, loc: locOf(w.doc, f.Loc), msg: fmt.Sprintf("the document has more than %d fields, counting each fragment once per spread; split the query", w.lim.fields)}
	}
	if *inSet++; *inSet > w.lim.selectionField {
		return &shapeError{code: codeTooComplex, loc: locOf(w.doc, f.Loc), msg: fmt.Sprintf("a selection set has more than %d fields, counting each fragment once per spread; split the query", w.lim.selectionField)}
	}
	if f.Alias != nil && f.Alias.Value != "" {
		if w.aliases++; w.aliases > w.lim.aliases {
			return &shapeError{code: codeTooComplex, loc: locOf(w.doc, f.Loc), msg: fmt.Sprintf("the document has more than %d aliased fields; split the query", w.lim.aliases)}
		}
	}
	if w.fields%1024 == 0 && w.ctx.Err() != nil {
		return w.ctx.Err()
	}
	return w.selectionSet(f.SelectionSet)
}
