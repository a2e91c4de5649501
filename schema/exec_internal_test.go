package schema

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/seed"
	"github.com/stancegraph/stancegraph/stance"
)

// seededEngine runs requests on the seed graph, plus one retracted and one
// undated stance so both show up in answers.
func seededEngine(t testing.TB, cfg Config) *Engine {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := seed.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	s, _, err := st.AddStance(ctx, graph.StanceSpec{Subject: "Pakistan", Type: "OFFERS", Object: "Taliban", Topic: "a venue"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.RetractStance(ctx, s.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.AddStance(ctx, graph.StanceSpec{Subject: "Russia", Type: "ENGAGES", Object: "Taliban"}); err != nil {
		t.Fatal(err)
	}
	e, err := NewEngineFor(resolvers.New(resolvers.Config{Store: st}), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// execute runs one request given as the fields of a GraphQL over HTTP body.
func execute(e *Engine, body map[string]interface{}) Response {
	req := Request{}
	req.Query, _ = body["query"].(string)
	req.OperationName, _ = body["operationName"].(string)
	req.Variables, _ = body["variables"].(map[string]interface{})
	return e.Execute(context.Background(), req)
}

// kind is the refusal kind of err, or nil.
func kind(err error) error {
	for _, k := range []error{ErrInvalid, ErrUnsupported, ErrTimeout, ErrBusy, ErrTooLarge} {
		if errors.Is(err, k) {
			return k
		}
	}
	return err
}

// TestFastPathMatchesExecutor runs each request through the fast path and
// through graphql-go's executor and wants the same bytes back; fast says
// whether the fast path must have answered it (the rest it hands over).
func TestFastPathMatchesExecutor(t *testing.T) {
	e := seededEngine(t, Config{})
	notebook := `query Stances($name: String!) {
  actor(name: $name) {
    name
    stances(first: 20) {
      nodes { date type topic subject { name } object { name } evidence { quote } }
    }
  }
}`
	tests := []struct {
		name  string
		body  map[string]interface{}
		fast  bool
		wants []string // substrings the answer must contain
	}{
		{"notebook query", map[string]interface{}{"query": notebook, "variables": map[string]interface{}{"name": "Taliban"}}, true,
			[]string{`"type":"REJECTS"`, `"object":{"name":"Kabul government"}`}},
		{"notebook query by alias", map[string]interface{}{"query": notebook, "variables": map[string]interface{}{"name": "u.s."}}, true,
			[]string{`"name":"United States"`}},
		{"unknown actor is null", map[string]interface{}{"query": notebook, "variables": map[string]interface{}{"name": "Atlantis"}}, true,
			[]string{`{"data":{"actor":null}}`}},
		{"aliases, fragments, typename, literal directives", map[string]interface{}{"query": `
query { t: actor(name: "Taliban") { ...A __typename k: kind ... on Actor { id } skipped: name @skip(if: true) kept: name @include(if: true) }
        u: actor(name: "United States") { ...A out: degree(direction: OUT) } }
fragment A on Actor { name aliases country code wikidata degree }`}, true,
			[]string{`"t":{"name":"Taliban"`, `"__typename":"Actor"`, `"kept":"Taliban"`}},
		{"event fields (extension)", map[string]interface{}{"query": `{ stances(first: 3, filter: {dataset: "GDELT"}) { totalCount } all: stances(first: 3) { nodes { references { dataset record } event { goldstein location { lat } } } } }`}, true,
			[]string{`"references":[]`, `"event":null`}},
		{"actors page", map[string]interface{}{"query": `{ actors(search: "a", first: 3) { totalCount nodes { name kind aliases } pageInfo { hasNextPage endCursor } } }`}, true,
			[]string{`"totalCount":`, `"hasNextPage":true`}},
		{"stances filter literal", map[string]interface{}{"query": `{ stances(filter: {types: [DEMANDS, REJECTS], from: "2018-01-01", includeRetracted: true}) {
  totalCount edges { cursor node { id type confidence retracted date evidence { start end quote document { title source url date } } } } } }`}, true,
			[]string{`"type":"DEMANDS"`, `"retracted":false`}},
		{"input object variable", map[string]interface{}{"query": `query($f: StanceFilter) { stances(filter: $f) { totalCount nodes { subject { name } type object { name } } } }`,
			"variables": map[string]interface{}{"f": map[string]interface{}{"subject": "us", "includeRetracted": true}}}, true,
			[]string{`"subject":{"name":"United States"}`}},
		{"enum list variable given as one value", map[string]interface{}{"query": `query($t: [StanceType!]) { stances(filter: {types: $t}) { totalCount } }`,
			"variables": map[string]interface{}{"t": "DEMANDS"}}, true, []string{`"totalCount":`}},
		{"variable default", map[string]interface{}{"query": `query($n: Int = 2) { actors(first: $n) { nodes { name } } }`}, true, nil},
		{"retracted included", map[string]interface{}{"query": `{ stances(filter: {subject: "Pakistan", includeRetracted: true}) { nodes { type retracted topic date } } }`}, true,
			[]string{`"retracted":true`}},
		{"paths, dyad, matrix, vocabulary, stats", map[string]interface{}{"query": `{
  paths(from: "United States", to: "Pakistan", maxHops: 3) { actors { name } stances { type } }
  dyad(a: "Taliban", b: "Kabul government") { a { name } b { name } aToB { type count } bToA { type count } stances(first: 2) { totalCount nodes { type } } }
  matrix(actors: ["United States", "Taliban", "Kabul government"]) { subject { name } object { name } type count }
  vocabulary { type description plover cameo weight }
  stats { actors stances documents } }`}, true, []string{`"plover":`, `"weight":`}},
		{"documents", map[string]interface{}{"query": `{ documents { totalCount nodes { id title source url date text stances(first: 2) { totalCount pageInfo { hasNextPage endCursor } } } } }`}, true,
			[]string{`"text":"`}},
		{"two operations with a name", map[string]interface{}{"query": `query A { stats { actors } } query B { stats { stances } }`, "operationName": "B"}, true,
			[]string{`{"data":{"stats":{"stances":`}},
		{"resolver error is graphql-go's answer", map[string]interface{}{"query": `{ dyad(a: "Atlantis", b: "Taliban") { a { name } } }`}, false,
			[]string{`Atlantis`}},
		{"limit error", map[string]interface{}{"query": `{ actors(first: 5000) { totalCount } }`}, false, []string{`"errors"`}},
		{"invalid variable", map[string]interface{}{"query": `query($n: Int!) { actors(first: $n) { totalCount } }`, "variables": map[string]interface{}{"n": "x"}}, false,
			[]string{`"errors"`}},
		{"missing variable", map[string]interface{}{"query": `query($n: Int!) { actors(first: $n) { totalCount } }`}, false, []string{`"errors"`}},
		{"introspection", map[string]interface{}{"query": `{ __schema { queryType { name } } }`}, true, []string{`"Query"`}},
		{"introspection of a type", map[string]interface{}{"query": `{ __type(name: "Dyad") { name kind fields { name type { kind ofType { name } } } } }`}, true,
			[]string{`{"name":"aToB","type":{"kind":"NON_NULL","ofType":{"name":null}}}`}},
		{"introspection with a variable directive", map[string]interface{}{"query": `query($x: Boolean!) { __type(name: "Dyad") { name fields @include(if: $x) { name } } }`, "variables": map[string]interface{}{"x": false}}, true,
			[]string{`{"data":{"__type":{"name":"Dyad"}}}`}},
		{"variable directive", map[string]interface{}{"query": `query($x: Boolean!) { stats { actors stances @include(if: $x) } }`, "variables": map[string]interface{}{"x": false}}, false,
			[]string{`"actors":`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e.slowOnly = false
			res := execute(e, tc.body)
			got := string(res.JSON)
			e.slowOnly = true
			slow := execute(e, tc.body)
			want := string(slow.JSON)
			e.slowOnly = false
			if tookFast := res.Executor == "fast"; tookFast != tc.fast {
				t.Errorf("fast path answered = %v, want %v", tookFast, tc.fast)
			}
			if got != want || kind(res.Err) != kind(slow.Err) {
				t.Errorf("fast path:\n%v %s\ngraphql-go:\n%v %s", res.Err, got, slow.Err, want)
			}
			for _, w := range tc.wants {
				if !strings.Contains(got, w) {
					t.Errorf("answer lacks %s:\n%s", w, got)
				}
			}
		})
	}
}

// BenchmarkNotebookQuery compares the two executors on the notebook's
// request over the seed graph (go test -bench NotebookQuery ./schema).
func BenchmarkNotebookQuery(b *testing.B) {
	e := seededEngine(b, Config{})
	body := map[string]interface{}{"query": `query Stances($name: String!) {
  actor(name: $name) {
    name
    stances(first: 20) {
      nodes { date type topic subject { name } object { name } evidence { quote } }
    }
  }
}`, "variables": map[string]interface{}{"name": "United States"}}
	for _, slow := range []bool{false, true} {
		name := "fast"
		if slow {
			name = "graphql-go"
		}
		b.Run(name, func(b *testing.B) {
			e.slowOnly = slow
			for b.Loop() {
				if res := execute(e, body); res.Err != nil {
					b.Fatal(res.Err)
				}
			}
		})
	}
}

// TestLeavesSkipSerialize checks that the fast path writes String, ID,
// Date and enum values as graphql-go's Serialize and encode would (the
// same bytes, escapes and nulls included), and the values it knows
// without allocating.
func TestLeavesSkipSerialize(t *testing.T) {
	kind := graphql.NewEnum(graphql.EnumConfig{Name: "Kind", Values: graphql.EnumValueConfigMap{
		"STATE": {Value: "STATE"}, "OTHER": {}, "OLD_NAME": {Value: "renamed"},
	}})
	strs := []interface{}{"Kabul government", `a "quote" \ and </script>`, "line\nbreak\u2028", "bad \xff utf-8", ""}
	// Resolvers return pointers into their values (package resolvers,
	// optStringAt): each value is written as its pointer is.
	for _, v := range strs {
		s := v.(string)
		strs = append(strs, &s)
	}
	strs = append(strs, (*string)(nil))
	state, renamed, nope := "STATE", "renamed", "NOPE"
	date, zero := stance.NewDate(2018, 3, 10), stance.Date(0)
	tests := []struct {
		typ    graphql.Type
		values []interface{}
		known  interface{} // a value written without allocating
	}{
		{graphql.String, append(strs, 42, nil), "Kabul government"},
		{graphql.ID, strs, "3f1c2a9e-0000-4000-8000-000000000001"},
		{graphql.NewNonNull(graphql.String), strs, "Taliban"},
		{Date(), []interface{}{stance.NewDate(2018, 3, 10), stance.NewDate(1, 1, 1), stance.NewDate(12345, 1, 2), stance.Date(0), nil, &date, &zero, (*stance.Date)(nil)}, &date},
		{kind, []interface{}{"STATE", "OTHER", "renamed", "OLD_NAME", "NOPE", 3, nil, &state, &renamed, &nope, (*string)(nil)}, &state},
	}
	x := &executor{ctx: context.Background(), limit: 1 << 20}
	for _, tc := range tests {
		f := &field{leaf: leafWriterOf(graphql.GetNamed(tc.typ))}
		for _, v := range tc.values {
			var got, want bytes.Buffer
			gotErr := x.value(&got, f, tc.typ, v)
			wantErr := x.value(&want, &field{}, tc.typ, v) // through Serialize
			if got.String() != want.String() || gotErr != wantErr {
				t.Errorf("%v %#v: wrote %s (%v), Serialize gives %s (%v)", tc.typ, v, got.String(), gotErr, want.String(), wantErr)
			}
		}
		buf := bytes.NewBuffer(make([]byte, 0, 1<<10))
		allocs := testing.AllocsPerRun(100, func() {
			buf.Reset()
			x.value(buf, f, tc.typ, tc.known)
		})
		if allocs != 0 {
			t.Errorf("%v: %.0f allocations a value, want 0", tc.typ, allocs)
		}
	}
}

// TestCompiledKeys: the fast path writes each response key as compiled,
// a JSON string and a colon, rather than escaping it in every object of
// every answer; aliases and __typename included.
func TestCompiledKeys(t *testing.T) {
	e := seededEngine(t, Config{})
	doc, err := parser.Parse(parser.ParseParams{Source: `query { t: actor(name: "Taliban") { __typename name s: stances(first: 2) { nodes { type object { n: name } } } } }`})
	if err != nil {
		t.Fatal(err)
	}
	c := compile(&e.schema, e.direct, doc, doc.Definitions[0].(*ast.OperationDefinition))
	if c == nil {
		t.Fatal("the operation did not compile")
	}
	var keys []string
	var walk func(sel *selection)
	walk = func(sel *selection) {
		for _, f := range sel.fields {
			var want bytes.Buffer
			writeString(&want, f.key)
			want.WriteByte(':')
			if f.keyJSON != want.String() {
				t.Errorf("field %q compiled as %q, want %q", f.key, f.keyJSON, want.String())
			}
			keys = append(keys, f.key)
			if f.sub != nil {
				walk(f.sub)
			}
		}
	}
	walk(c.root)
	if got := strings.Join(keys, " "); got != "t __typename name s nodes type object n" {
		t.Errorf("compiled keys %q", got)
	}
}

// TestNewEngineForCallsDirectResolvers: an engine of NewEngineFor compiles
// each field to the resolver's direct function, whose errors are not
// translated (one call and one copy of ResolveParams less a field), and
// the fields read from their source alone to that read (no ResolveParams
// at all), while its schema, which graphql-go runs, keeps the translated
// functions; an engine of NewEngine compiles the schema's own.
func TestNewEngineForCallsDirectResolvers(t *testing.T) {
	direct := seededEngine(t, Config{})
	plain, err := NewEngine(direct.schema, Config{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parser.Parse(parser.ParseParams{Source: `query { actor(name: "Taliban") { name stances(first: 2) { nodes { type object { name } } } } }`})
	if err != nil {
		t.Fatal(err)
	}
	op := doc.Definitions[0].(*ast.OperationDefinition)
	tests := []struct {
		name       string
		e          *Engine
		translated bool   // a wrong source's error names the field
		gets       string // the fields read from their source alone
	}{
		{"NewEngineFor", direct, false, "name nodes type name"},
		{"NewEngine", plain, true, ""},
	}
	for _, tc := range tests {
		c := compile(&tc.e.schema, tc.e.direct, doc, op)
		if c == nil {
			t.Fatalf("%s: the operation did not compile", tc.name)
		}
		n, gets := 0, []string{}
		var walk func(sel *selection)
		walk = func(sel *selection) {
			for _, f := range sel.fields {
				_, err := f.resolve(graphql.ResolveParams{Source: 42, Context: context.Background()})
				field := sel.typ.Name() + "." + f.info.FieldName
				if named := err != nil && strings.Contains(err.Error(), field); sel.typ.Name() != "Query" && named != tc.translated {
					t.Errorf("%s: %s on an int: error %v, want translated %v", tc.name, field, err, tc.translated)
				}
				n++
				if f.get != nil {
					gets = append(gets, f.key)
				}
				if f.sub != nil {
					walk(f.sub)
				}
			}
		}
		walk(c.root)
		if n != 7 {
			t.Errorf("%s: %d fields compiled, want 7", tc.name, n)
		}
		if got := strings.Join(gets, " "); got != tc.gets {
			t.Errorf("%s: fields read from their source alone %q, want %q", tc.name, got, tc.gets)
		}
	}
}
