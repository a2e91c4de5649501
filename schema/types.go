package schema

import (
	"fmt"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

// builtins are the scalars every GraphQL schema has, which SDL names
// without defining them.
var builtinScalars = map[string]*graphql.Scalar{
	"String": graphql.String, "Int": graphql.Int, "Float": graphql.Float,
	"Boolean": graphql.Boolean, "ID": graphql.ID,
}

// define turns one merged definition into a graphql-go type. Fields are
// defined lazily (graphql-go calls the thunks in NewSchema), so types may
// refer to each other (Actor -> Stance -> Actor).
func (b *builder) define(n ast.Node) (graphql.Type, error) {
	switch d := n.(type) {
	case *ast.ScalarDefinition:
		return b.scalar(d)
	case *ast.EnumDefinition:
		return b.enum(d)
	case *ast.ObjectDefinition:
		if len(d.Interfaces) > 0 {
			return nil, fmt.Errorf("%s: %s implements an interface, which needs a Go type resolver this package does not have", at(d), d.Name.Value)
		}
		name := d.Name.Value
		return graphql.NewObject(graphql.ObjectConfig{
			Name:        name,
			Description: text(d.Description),
			Fields:      graphql.FieldsThunk(func() graphql.Fields { return b.fields(name, d.Fields) }),
		}), nil
	case *ast.InputObjectDefinition:
		name := d.Name.Value
		return graphql.NewInputObject(graphql.InputObjectConfig{
			Name:        name,
			Description: text(d.Description),
			Fields: graphql.InputObjectConfigFieldMapThunk(func() graphql.InputObjectConfigFieldMap {
				return b.inputFields(name, d.Fields)
			}),
		}), nil
	}
	// Interfaces and unions need a Go function to tell an object's type,
	// which nothing here provides; the schema has none.
	return nil, fmt.Errorf("%s: %s definitions are not supported", at(n), n.GetKind())
}

// fields defines the fields of object type typ, attaching their resolvers.
func (b *builder) fields(typ string, defs []*ast.FieldDefinition) graphql.Fields {
	fs := make(graphql.Fields, len(defs))
	for _, d := range defs {
		where := typ + "." + d.Name.Value
		f := &graphql.Field{
			Name:              d.Name.Value,
			Type:              b.output(where, d.Type),
			Description:       text(d.Description),
			DeprecationReason: deprecation(d.Directives),
		}
		if len(d.Arguments) > 0 {
			f.Args = graphql.FieldConfigArgument{}
			for _, a := range d.Arguments {
				t := b.input(where+"("+a.Name.Value+")", a.Type)
				f.Args[a.Name.Value] = &graphql.ArgumentConfig{
					Type:         t,
					Description:  text(a.Description),
					DefaultValue: b.value(where+"("+a.Name.Value+")", a.DefaultValue, t),
				}
			}
		}
		b.attach(typ, d.Name.Value, f)
		fs[d.Name.Value] = f
	}
	return fs
}

// inputFields defines the fields of input object type typ.
func (b *builder) inputFields(typ string, defs []*ast.InputValueDefinition) graphql.InputObjectConfigFieldMap {
	fs := make(graphql.InputObjectConfigFieldMap, len(defs))
	for _, d := range defs {
		where := typ + "." + d.Name.Value
		t := b.input(where, d.Type)
		fs[d.Name.Value] = &graphql.InputObjectFieldConfig{
			Type:         t,
			Description:  text(d.Description),
			DefaultValue: b.value(where, d.DefaultValue, t),
		}
	}
	return fs
}

// typeOf resolves a type reference; nil when it names no type.
func (b *builder) typeOf(where string, t ast.Type) graphql.Type {
	switch t := t.(type) {
	case *ast.NonNull:
		if in := b.typeOf(where, t.Type); in != nil {
			return graphql.NewNonNull(in)
		}
	case *ast.List:
		if in := b.typeOf(where, t.Type); in != nil {
			return graphql.NewList(in)
		}
	case *ast.Named:
		if s := builtinScalars[t.Name.Value]; s != nil {
			return s
		}
		if named := b.types[t.Name.Value]; named != nil {
			return named
		}
		b.fail("%s: %s names no type", where, t.Name.Value)
	}
	return nil
}

// output resolves the type of a field, which must not be an input object.
func (b *builder) output(where string, t ast.Type) graphql.Output {
	typ := b.typeOf(where, t)
	if _, in := graphql.GetNamed(typ).(*graphql.InputObject); typ == nil || in {
		if typ != nil {
			b.fail("%s: input type %s cannot be a field's type", where, typ)
		}
		return graphql.String // placeholder; schema reports the failure
	}
	return typ
}

// input resolves the type of an argument or input field, which must be a
// scalar, an enum or an input object.
func (b *builder) input(where string, t ast.Type) graphql.Input {
	typ := b.typeOf(where, t)
	if _, obj := graphql.GetNamed(typ).(*graphql.Object); typ == nil || obj {
		if typ != nil {
			b.fail("%s: object type %s cannot be an input", where, typ)
		}
		return graphql.String
	}
	return typ
}

// text is a description's text, or "".
func text(s *ast.StringValue) string {
	if s == nil {
		return ""
	}
	return s.Value
}

// deprecation is the reason of a @deprecated directive, or "".
func deprecation(dirs []*ast.Directive) string {
	for _, d := range dirs {
		if d.Name == nil || d.Name.Value != "deprecated" {
			continue
		}
		for _, a := range d.Arguments {
			if s, ok := a.Value.(*ast.StringValue); ok && a.Name.Value == "reason" {
				return s.Value
			}
		}
		return graphql.DefaultDeprecationReason
	}
	return ""
}
