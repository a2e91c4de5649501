package schema

import (
	"strconv"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/printer"
)

// value turns a default value written in SDL into the Go value resolvers
// receive when the argument is left out: int for Int, float64 for Float,
// the enum's value for an enum, []interface{} for a list and
// map[string]interface{} for an input object. A value that does not fit
// t fails the build, naming where it was written.
func (b *builder) value(where string, v ast.Value, t graphql.Input) interface{} {
	if v == nil {
		return nil
	}
	x, ok := goValue(v, t)
	if !ok {
		b.fail("%s: default %s is not a valid %s", where, printer.Print(v), t)
		return nil
	}
	return x
}

// goValue converts v to the Go value of type t; ok is false when v is not
// one.
func goValue(v ast.Value, t graphql.Input) (interface{}, bool) {
	switch t := t.(type) {
	case *graphql.NonNull:
		return goValue(v, t.OfType)
	case *graphql.List:
		items, isList := v.(*ast.ListValue)
		if !isList {
			return goValue(v, t.OfType) // a single value stands for a list of one
		}
		out := make([]interface{}, 0, len(items.Values))
		for _, it := range items.Values {
			x, ok := goValue(it, t.OfType)
			if !ok {
				return nil, false
			}
			out = append(out, x)
		}
		return out, true
	case *graphql.InputObject:
		return objectValue(v, t)
	case *graphql.Enum:
		e, isEnum := v.(*ast.EnumValue)
		if !isEnum {
			return nil, false
		}
		for _, ev := range t.Values() {
			if ev.Name == e.Value {
				return ev.Value, true
			}
		}
		return nil, false
	case *graphql.Scalar:
		return scalarValue(v, t)
	}
	return nil, false
}

func objectValue(v ast.Value, t *graphql.InputObject) (interface{}, bool) {
	o, ok := v.(*ast.ObjectValue)
	if !ok {
		return nil, false
	}
	fields := t.Fields()
	out := make(map[string]interface{}, len(o.Fields))
	for _, f := range o.Fields {
		def := fields[f.Name.Value]
		if def == nil {
			return nil, false
		}
		x, ok := goValue(f.Value, def.Type)
		if !ok {
			return nil, false
		}
		out[f.Name.Value] = x
	}
	return out, true
}

// scalarValue converts a literal of a built-in scalar, or lets a custom
// scalar parse it.
func scalarValue(v ast.Value, t *graphql.Scalar) (interface{}, bool) {
	switch t {
	case graphql.Int:
		if i, ok := v.(*ast.IntValue); ok {
			n, err := strconv.Atoi(i.Value)
			return n, err == nil
		}
		return nil, false
	case graphql.Float:
		var s string
		switch f := v.(type) {
		case *ast.IntValue:
			s = f.Value
		case *ast.FloatValue:
			s = f.Value
		default:
			return nil, false
		}
		x, err := strconv.ParseFloat(s, 64)
		return x, err == nil
	case graphql.Boolean:
		x, ok := v.(*ast.BooleanValue)
		if !ok {
			return nil, false
		}
		return x.Value, true
	case graphql.String, graphql.ID:
		x, ok := v.(*ast.StringValue)
		if !ok {
			return nil, false
		}
		return x.Value, true
	}
	x := t.ParseLiteral(v)
	return x, x != nil
}
