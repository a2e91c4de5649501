package schema

import (
	_ "embed"
	"fmt"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/location"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/printer"
	"github.com/graphql-go/graphql/language/source"
)

// The schema is built from these two files, so the contract a client
// reads and the schema graphd serves cannot drift apart.
var (
	//go:embed contract.graphql
	contractSDL string
	//go:embed extensions.graphql
	extensionsSDL string
)

// sdlFile is one SDL source with its name, for messages.
type sdlFile struct{ name, body string }

// definitions parses the files and merges them in order: a type defined
// again adds to the first definition (see extensions.graphql). The result
// is the type definitions by name and their names in order of appearance.
func definitions(files ...sdlFile) (map[string]ast.Node, []string, error) {
	defs := map[string]ast.Node{}
	var order []string
	for _, f := range files {
		src := source.NewSource(&source.Source{Body: []byte(f.body), Name: f.name})
		doc, err := parser.Parse(parser.ParseParams{Source: src, Options: parser.ParseOptions{NoSource: false}})
		if err != nil {
			return nil, nil, fmt.Errorf("parse %s: %w", f.name, err)
		}
		for _, n := range doc.Definitions {
			if ext, ok := n.(*ast.TypeExtensionDefinition); ok {
				n = ext.Definition
			}
			name, ok := typeName(n)
			if !ok {
				return nil, nil, fmt.Errorf("%s: %s definitions are not supported", at(n), n.GetKind())
			}
			old, seen := defs[name]
			if !seen {
				defs[name] = n
				order = append(order, name)
				continue
			}
			if err := merge(old, n); err != nil {
				return nil, nil, err
			}
		}
	}
	return defs, order, nil
}

// typeName is the name of a type definition; ok is false for anything
// else (schema and directive definitions).
func typeName(n ast.Node) (string, bool) {
	switch d := n.(type) {
	case *ast.ObjectDefinition:
		return d.Name.Value, true
	case *ast.InputObjectDefinition:
		return d.Name.Value, true
	case *ast.EnumDefinition:
		return d.Name.Value, true
	case *ast.ScalarDefinition:
		return d.Name.Value, true
	case *ast.InterfaceDefinition:
		return d.Name.Value, true
	case *ast.UnionDefinition:
		return d.Name.Value, true
	}
	return "", false
}

// at names where n was written: file:line:column.
func at(n ast.Node) string {
	loc := n.GetLoc()
	if loc == nil || loc.Source == nil {
		return "SDL"
	}
	l := location.GetLocation(loc.Source, loc.Start)
	return fmt.Sprintf("%s:%d:%d", loc.Source.Name, l.Line, l.Column)
}

// merge adds ext, a second definition of a type, to def.
func merge(def, ext ast.Node) error {
	if def.GetKind() != ext.GetKind() {
		return fmt.Errorf("%s: defined as %s here but as %s at %s", at(ext), ext.GetKind(), def.GetKind(), at(def))
	}
	switch d := def.(type) {
	case *ast.ObjectDefinition:
		e := ext.(*ast.ObjectDefinition)
		describe(&d.Description, e.Description)
		return mergeFields(d.Name.Value, &d.Fields, e.Fields)
	case *ast.InterfaceDefinition:
		e := ext.(*ast.InterfaceDefinition)
		describe(&d.Description, e.Description)
		return mergeFields(d.Name.Value, &d.Fields, e.Fields)
	case *ast.InputObjectDefinition:
		e := ext.(*ast.InputObjectDefinition)
		describe(&d.Description, e.Description)
		return mergeInputs(d.Name.Value, &d.Fields, e.Fields)
	case *ast.EnumDefinition:
		e := ext.(*ast.EnumDefinition)
		describe(&d.Description, e.Description)
		mergeValues(&d.Values, e.Values)
		return nil
	case *ast.ScalarDefinition:
		describe(&d.Description, ext.(*ast.ScalarDefinition).Description)
		return nil
	}
	return fmt.Errorf("%s: %s %s is defined twice", at(ext), ext.GetKind(), mustName(ext))
}

func mustName(n ast.Node) string {
	name, _ := typeName(n)
	return name
}

// describe sets *desc to ext when ext is given.
func describe(desc **ast.StringValue, ext *ast.StringValue) {
	if ext != nil {
		*desc = ext
	}
}

// mergeFields adds the fields of ext to fields, or describes and extends
// the ones fields has; a repeated field must keep its type.
func mergeFields(typ string, fields *[]*ast.FieldDefinition, ext []*ast.FieldDefinition) error {
	for _, e := range ext {
		f := findField(*fields, e.Name.Value)
		if f == nil {
			*fields = append(*fields, e)
			continue
		}
		if got, want := printer.Print(e.Type), printer.Print(f.Type); got != want {
			return fmt.Errorf("%s: %s.%s has type %s here but %s in the contract", at(e), typ, e.Name.Value, got, want)
		}
		describe(&f.Description, e.Description)
		if len(e.Directives) > 0 {
			f.Directives = e.Directives
		}
		if err := mergeInputs(typ+"."+e.Name.Value, &f.Arguments, e.Arguments); err != nil {
			return err
		}
	}
	return nil
}

// mergeInputs adds the arguments or input fields of ext to ins, or
// describes the ones ins has; a repeated one must keep its type and
// default.
func mergeInputs(owner string, ins *[]*ast.InputValueDefinition, ext []*ast.InputValueDefinition) error {
	for _, e := range ext {
		in := findInput(*ins, e.Name.Value)
		if in == nil {
			*ins = append(*ins, e)
			continue
		}
		if got, want := printer.Print(e.Type), printer.Print(in.Type); got != want {
			return fmt.Errorf("%s: %s.%s has type %s here but %s in the contract", at(e), owner, e.Name.Value, got, want)
		}
		if got, want := printDefault(e.DefaultValue), printDefault(in.DefaultValue); got != want {
			return fmt.Errorf("%s: %s.%s has default %q here but %q in the contract", at(e), owner, e.Name.Value, got, want)
		}
		describe(&in.Description, e.Description)
	}
	return nil
}

// mergeValues adds the enum values of ext to values, or describes the
// ones values has.
func mergeValues(values *[]*ast.EnumValueDefinition, ext []*ast.EnumValueDefinition) {
	for _, e := range ext {
		found := false
		for _, v := range *values {
			if v.Name.Value == e.Name.Value {
				describe(&v.Description, e.Description)
				found = true
			}
		}
		if !found {
			*values = append(*values, e)
		}
	}
}

func printDefault(v ast.Value) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(printer.Print(v))
}

func findField(fs []*ast.FieldDefinition, name string) *ast.FieldDefinition {
	for _, f := range fs {
		if f.Name.Value == name {
			return f
		}
	}
	return nil
}

func findInput(ins []*ast.InputValueDefinition, name string) *ast.InputValueDefinition {
	for _, in := range ins {
		if in.Name.Value == name {
			return in
		}
	}
	return nil
}
