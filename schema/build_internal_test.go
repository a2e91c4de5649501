package schema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/stance"
)

// embedded are the SDL files New builds from.
var embedded = []sdlFile{{"contract.graphql", contractSDL}, {"extensions.graphql", extensionsSDL}}

// TestBuildChecksResolvers removes or adds one resolve function at a time
// and wants the build to fail naming the field, both ways.
func TestBuildChecksResolvers(t *testing.T) {
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := resolvers.New(resolvers.Config{Store: st})
	noop := func(graphql.ResolveParams) (interface{}, error) { return nil, nil }
	tests := []struct {
		name string
		edit func(map[string]map[string]graphql.FieldResolveFn, map[string]graphql.FieldResolveFn)
		want string
	}{
		{"unchanged", func(map[string]map[string]graphql.FieldResolveFn, map[string]graphql.FieldResolveFn) {}, ""},
		{"field without resolver", func(fs map[string]map[string]graphql.FieldResolveFn, _ map[string]graphql.FieldResolveFn) {
			delete(fs["Actor"], "wikidata")
		}, "no resolve function for Actor.wikidata"},
		{"resolver without field", func(fs map[string]map[string]graphql.FieldResolveFn, _ map[string]graphql.FieldResolveFn) {
			fs["Actor"]["nickname"] = noop
		}, "resolve functions for fields the schema lacks: Actor.nickname"},
		{"resolver of a type the schema lacks", func(fs map[string]map[string]graphql.FieldResolveFn, _ map[string]graphql.FieldResolveFn) {
			fs["Treaty"] = map[string]graphql.FieldResolveFn{"name": noop}
		}, "resolve functions for fields the schema lacks: Treaty.name"},
		{"subscription without subscriber", func(_ map[string]map[string]graphql.FieldResolveFn, subs map[string]graphql.FieldResolveFn) {
			delete(subs, "stanceAdded")
		}, "no resolve function for Subscription.stanceAdded (subscribe)"},
		{"subscriber without field", func(_ map[string]map[string]graphql.FieldResolveFn, subs map[string]graphql.FieldResolveFn) {
			subs["actorMerged"] = noop
		}, "resolve functions for fields the schema lacks: Subscription.actorMerged (subscribe)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, subs := r.FieldResolvers(), r.FieldSubscribers()
			tt.edit(fs, subs)
			_, err := build(r.Vocabulary(), fs, subs, embedded...)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("build: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("build error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestBuildSDLErrors builds small contracts with an extension each and
// wants every mistake refused with its place and the problem.
func TestBuildSDLErrors(t *testing.T) {
	tests := []struct {
		name, contract, ext, want string
	}{
		{"parse error", `type Query {`, ``, "parse contract.graphql"},
		{"field type changed", `type Query { a: Int }`, `type Query { a: String }`,
			"extensions.graphql:1:14: Query.a has type String here but Int in the contract"},
		{"argument default changed", `type Query { a(n: Int = 1): Int }`, `type Query { a(n: Int = 2): Int }`,
			`Query.a.n has default "2" here but "1" in the contract`},
		{"kind changed", `type Query { a: Int } type X { a: Int }`, `input X { a: Int }`,
			"defined as InputObjectDefinition here but as ObjectDefinition"},
		{"unknown type", `type Query { a: Nope }`, ``, "Query.a: Nope names no type"},
		{"input as output", `type Query { a: I } input I { x: Int }`, ``, "Query.a: input type I cannot be a field's type"},
		{"object as input", `type Query { a(x: Query): Int }`, ``, "Query.a(x): object type Query cannot be an input"},
		{"bad default", `type Query { a(n: Int = "x"): Int }`, ``, `Query.a(n): default "x" is not a valid Int`},
		{"unknown enum default", `type Query { a(d: D = UP): Int } enum D { DOWN }`, ``, "Query.a(d): default UP is not a valid D"},
		{"domain enum differs", `type Query { a: Int } enum ActorKind { STATE }`, ``,
			"enum ActorKind lists STATE; the stance package defines STATE GOVERNMENT"},
		{"scalar without Go", `type Query { a: Money } scalar Money`, ``, "scalar Money has no Go implementation"},
		{"interface", `type Query { a: Int } interface I { a: Int }`, ``, "InterfaceDefinition definitions are not supported"},
		{"no Query", `type Mutation { a: Int }`, ``, "the SDL defines no Query type"},
	}
	resolve := func(string) map[string]map[string]graphql.FieldResolveFn {
		fn := func(graphql.ResolveParams) (interface{}, error) { return 1, nil }
		return map[string]map[string]graphql.FieldResolveFn{"Query": {"a": fn}, "Mutation": {"a": fn}}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := build(stance.DefaultVocabulary(), resolve(""), nil,
				sdlFile{"contract.graphql", tt.contract}, sdlFile{"extensions.graphql", tt.ext})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("build error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestBuildFromSDL builds a small schema and checks what the SDL says
// reaches graphql-go: descriptions, extension arguments, default values
// as the Go values resolvers receive, deprecations and enum order.
func TestBuildFromSDL(t *testing.T) {
	contract := `type Query {
  a(d: D = DOWN, l: [Int!] = [1, 2], f: Float = 1, o: In = {x: 3}): Int
  old: Int @deprecated(reason: "use a")
}
enum D { UP DOWN SIDEWAYS }
input In { x: Int }
enum StanceType { SUPPORTS REJECTS }`
	ext := `"the root" type Query { "described" a("extra" code: String): Int }
extend type Query { "added by extend" b: Int }`
	fn := func(graphql.ResolveParams) (interface{}, error) { return 1, nil }
	s, err := build(stance.PLOVERVocabulary(), map[string]map[string]graphql.FieldResolveFn{"Query": {"a": fn, "b": fn, "old": fn}}, nil,
		sdlFile{"contract.graphql", contract}, sdlFile{"extensions.graphql", ext})
	if err != nil {
		t.Fatal(err)
	}
	q := s.QueryType()
	args := map[string]*graphql.Argument{}
	for _, a := range q.Fields()["a"].Args {
		args[a.Name()] = a
	}
	checks := []struct {
		what      string
		got, want interface{}
	}{
		{"type description", q.Description(), "the root"},
		{"field description", q.Fields()["a"].Description, "described"},
		{"extension argument", args["code"].Description(), "extra"},
		{"enum default", args["d"].DefaultValue, "DOWN"},
		{"list default", fmt.Sprint(args["l"].DefaultValue), "[1 2]"},
		{"Float default from an Int literal", args["f"].DefaultValue, 1.0},
		{"input object default", fmt.Sprint(args["o"].DefaultValue), "map[x:3]"},
		{"deprecation", q.Fields()["old"].DeprecationReason, "use a"},
		{"extend type", q.Fields()["b"].Description, "added by extend"},
		{"enum order", enumNames(s.Type("D").(*graphql.Enum)), "UP DOWN SIDEWAYS"},
		{"StanceType from the vocabulary", enumNames(s.Type("StanceType").(*graphql.Enum)), strings.Join(stance.PLOVERVocabulary().Names(), " ")},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %#v, want %#v", c.what, c.got, c.want)
		}
	}
}

func enumNames(e *graphql.Enum) string {
	var names []string
	for _, v := range e.Values() {
		names = append(names, v.Name)
	}
	return strings.Join(names, " ")
}

// TestPageArgumentsMatchTheStore keeps the page arguments the SDL writes
// out in step with the store's page sizes.
func TestPageArgumentsMatchTheStore(t *testing.T) {
	s := seededEngine(t, Config{}).schema
	want := fmt.Sprintf("page size, 0..%d", stance.MaxPageSize)
	n := 0
	for name, typ := range s.TypeMap() {
		o, ok := typ.(*graphql.Object)
		if !ok || strings.HasPrefix(name, "__") {
			continue
		}
		for fname, f := range o.Fields() {
			for _, a := range f.Args {
				if a.Name() != "first" || !strings.HasPrefix(a.Description(), "page size") {
					continue
				}
				n++
				if a.Description() != want || a.DefaultValue != stance.DefaultPageSize {
					t.Errorf("%s.%s(first): %q = %v, want %q = %d", name, fname, a.Description(), a.DefaultValue, want, stance.DefaultPageSize)
				}
			}
		}
	}
	if n < 6 {
		t.Errorf("found %d paged fields, want at least 6", n)
	}
}
