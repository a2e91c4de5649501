// Package schema builds the executable GraphQL schema from the contract
// SDL (contract.graphql, a copy of ../shared/api/schema.graphql) and our
// extensions to it (extensions.graphql), both embedded, attaching the
// resolve functions of package resolvers by "Type.field"; and it runs
// requests against it (Engine).
//
// New builds a fresh schema for one Resolver, so tests and embedding
// programs can hold several, each with its own store and stance
// vocabulary. What the SDL cannot say stays in Go as data: the values of
// the enums the stance package defines (domainEnums) and the Go side of
// the Date scalar (scalars).
package schema

import (
	"fmt"
	"sort"
	"strings"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"

	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/stance"
)

// New returns the schema of the contract and its extensions, with the
// StanceType enum built from r's vocabulary (the six defaults plus any
// configured types). It fails when a field has no resolve function or a
// resolve function names no field, so a drift between the SDL and package
// resolvers shows at start-up, not at query time.
func New(r *resolvers.Resolver) (graphql.Schema, error) {
	if r == nil {
		return graphql.Schema{}, fmt.Errorf("schema: New needs a resolver")
	}
	return build(r.Vocabulary(), r.FieldResolvers(), r.FieldSubscribers(),
		sdlFile{"contract.graphql", contractSDL}, sdlFile{"extensions.graphql", extensionsSDL})
}

// build makes the schema of files with the given vocabulary and resolve
// functions; New passes the embedded SDL, tests their own.
func build(vocab *stance.Vocabulary, resolve map[string]map[string]graphql.FieldResolveFn,
	subscribe map[string]graphql.FieldResolveFn, files ...sdlFile) (graphql.Schema, error) {
	defs, order, err := definitions(files...)
	if err != nil {
		return graphql.Schema{}, fmt.Errorf("schema: %w", err)
	}
	b := &builder{resolve: resolve, subscribe: subscribe, used: map[string]bool{},
		vocab: vocab, defs: defs, types: map[string]graphql.Type{}}
	s, err := b.schema(order)
	if err == nil {
		err = b.check()
	}
	if err != nil {
		return graphql.Schema{}, fmt.Errorf("schema: %w", err)
	}
	warmEnums(s)
	return s, nil
}

// builder turns the merged SDL definitions into graphql-go types,
// attaching resolve functions as it defines fields and remembering which
// ones it used.
type builder struct {
	resolve   map[string]map[string]graphql.FieldResolveFn
	subscribe map[string]graphql.FieldResolveFn // Subscription fields
	used      map[string]bool
	missing   []string
	vocab     *stance.Vocabulary
	defs      map[string]ast.Node
	types     map[string]graphql.Type
	errs      []string // met while defining fields, which graphql-go does lazily
}

// schema defines every type, then lets graphql-go resolve the fields.
func (b *builder) schema(order []string) (graphql.Schema, error) {
	all := make([]graphql.Type, 0, len(order))
	for _, name := range order {
		t, err := b.define(b.defs[name])
		if err != nil {
			return graphql.Schema{}, err
		}
		b.types[name] = t
		all = append(all, t)
	}
	root := func(name string) *graphql.Object {
		o, _ := b.types[name].(*graphql.Object)
		return o
	}
	if root("Query") == nil {
		return graphql.Schema{}, fmt.Errorf("the SDL defines no Query type")
	}
	s, err := graphql.NewSchema(graphql.SchemaConfig{
		Query:        root("Query"),
		Mutation:     root("Mutation"),
		Subscription: root("Subscription"),
		// Every type, so that one no field reaches stays in introspection.
		Types: all,
	})
	if len(b.errs) > 0 {
		return graphql.Schema{}, fmt.Errorf("%s", strings.Join(b.errs, "; "))
	}
	return s, err
}

// fail records a problem met inside a thunk; schema reports them all.
func (b *builder) fail(format string, args ...any) {
	b.errs = append(b.errs, fmt.Sprintf(format, args...))
}

// attach sets the resolve (and, on Subscription, subscribe) function of
// field typ.name.
func (b *builder) attach(typ, name string, f *graphql.Field) {
	key := typ + "." + name
	if fn := b.resolve[typ][name]; fn != nil {
		f.Resolve = fn
		b.used[key] = true
	} else {
		b.missing = append(b.missing, key)
	}
	if typ != "Subscription" {
		return
	}
	if fn := b.subscribe[name]; fn != nil {
		f.Subscribe = started(fn)
		b.used["subscribe "+name] = true
	} else {
		b.missing = append(b.missing, key+" (subscribe)")
	}
}

// check reports fields without resolve function and resolve functions
// without field.
func (b *builder) check() error {
	var unused []string
	for typ, fs := range b.resolve {
		for name := range fs {
			if !b.used[typ+"."+name] {
				unused = append(unused, typ+"."+name)
			}
		}
	}
	for name := range b.subscribe {
		if !b.used["subscribe "+name] {
			unused = append(unused, "Subscription."+name+" (subscribe)")
		}
	}
	sort.Strings(b.missing)
	sort.Strings(unused)
	switch {
	case len(b.missing) > 0:
		return fmt.Errorf("no resolve function for %s", strings.Join(b.missing, ", "))
	case len(unused) > 0:
		return fmt.Errorf("resolve functions for fields the schema lacks: %s", strings.Join(unused, ", "))
	}
	return nil
}

// warmEnums makes graphql-go fill each enum's lazily built lookup maps now:
// filled on first use by concurrent requests, they are a data race.
func warmEnums(s graphql.Schema) {
	for _, t := range s.TypeMap() {
		e, ok := t.(*graphql.Enum)
		if !ok {
			continue
		}
		for _, v := range e.Values() {
			e.Serialize(v.Value)
			e.ParseValue(v.Name)
		}
	}
}
