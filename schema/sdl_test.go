package schema_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/printer"
)

// TestSDL parses the printed schema and compares every type, field,
// argument (type and default), input field and enum value with the live
// schema, both ways.
func TestSDL(t *testing.T) {
	e, _ := feedEngine(t, 0)
	sdl := string(e.SDL())
	doc, err := parser.Parse(parser.ParseParams{Source: sdl})
	if err != nil {
		t.Fatalf("the SDL does not parse: %v\n%s", err, sdl)
	}
	printed := map[string][]string{}
	for _, def := range doc.Definitions {
		name, lines := sdlLines(def)
		printed[name] = lines
	}
	s := newSchema(t, nil) // built as the engine's was
	live := map[string][]string{}
	for name, typ := range s.TypeMap() {
		if lines := schemaLines(typ); !strings.HasPrefix(name, "__") && lines != nil {
			live[name] = lines
		}
	}
	for name, want := range live {
		if got := printed[name]; strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s printed as\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	for name := range printed {
		if live[name] == nil {
			t.Errorf("%s printed but not in the schema", name)
		}
	}
	for _, want := range []string{"type Subscription {", "stanceAdded(filter: StanceFilter): Stance!", "  direction: Direction = OUT\n", "enum StanceType {"} {
		if !strings.Contains(sdl, want) {
			t.Errorf("SDL lacks %q", want)
		}
	}
}

// sdlLines describes a parsed definition as sorted "member: type = default" lines.
func sdlLines(def ast.Node) (string, []string) {
	var name string
	var lines []string
	field := func(n string, typ ast.Type, dv ast.Value, args []*ast.InputValueDefinition) {
		var as []string
		for _, a := range args {
			as = append(as, fmt.Sprintf("%s: %s%s", a.Name.Value, printer.Print(a.Type), printDefault(a.DefaultValue)))
		}
		sort.Strings(as)
		lines = append(lines, fmt.Sprintf("%s(%s): %s%s", n, strings.Join(as, ", "), printer.Print(typ), printDefault(dv)))
	}
	switch d := def.(type) {
	case *ast.ObjectDefinition:
		name = d.Name.Value
		for _, f := range d.Fields {
			field(f.Name.Value, f.Type, nil, f.Arguments)
		}
	case *ast.InputObjectDefinition:
		name = d.Name.Value
		for _, f := range d.Fields {
			field(f.Name.Value, f.Type, f.DefaultValue, nil)
		}
	case *ast.EnumDefinition:
		name = d.Name.Value
		for _, v := range d.Values {
			lines = append(lines, v.Name.Value)
		}
	case *ast.ScalarDefinition:
		name, lines = d.Name.Value, []string{"scalar"}
	}
	sort.Strings(lines)
	return name, lines
}

func printDefault(v ast.Value) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(" = ", printer.Print(v))
}

// schemaLines describes a live type as sdlLines does; nil for built-in
// scalars.
func schemaLines(typ graphql.Type) []string {
	var lines []string
	dv := func(v interface{}, t graphql.Input) string {
		if v == nil {
			return ""
		}
		if e, ok := t.(*graphql.Enum); ok {
			v = e.Serialize(v)
			return fmt.Sprint(" = ", v)
		}
		if s, ok := v.(string); ok {
			return fmt.Sprintf(" = %q", s)
		}
		return fmt.Sprint(" = ", v)
	}
	switch t := typ.(type) {
	case *graphql.Object:
		for name, f := range t.Fields() {
			var as []string
			for _, a := range f.Args {
				as = append(as, fmt.Sprintf("%s: %s%s", a.Name(), a.Type, dv(a.DefaultValue, a.Type)))
			}
			sort.Strings(as)
			lines = append(lines, fmt.Sprintf("%s(%s): %s", name, strings.Join(as, ", "), f.Type))
		}
	case *graphql.InputObject:
		for name, f := range t.Fields() {
			lines = append(lines, fmt.Sprintf("%s(): %s%s", name, f.Type, dv(f.DefaultValue, f.Type)))
		}
	case *graphql.Enum:
		for _, v := range t.Values() {
			lines = append(lines, v.Name)
		}
	case *graphql.Scalar:
		switch t.Name() {
		case "String", "Int", "Float", "Boolean", "ID":
			return nil
		}
		lines = []string{"scalar"}
	}
	sort.Strings(lines)
	return lines
}
