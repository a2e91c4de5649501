package schema

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/graphql-go/graphql"
)

// inputDefault answers __InputValue.defaultValue. graphql-go v0.8.1's own
// resolver prints every default with the argument itself as its type, so
// an enum default such as direction: Direction = OUT comes out as the
// string "OUT", and clients building a schema from introspection drop it.
// Its introspection types are package state of graphql-go, shared by every
// schema in the process, so rather than patch them the engine runs
// introspection on its own executor (exec.go), which resolves this field
// with inputDefault and every other introspection field with graphql-go's
// resolvers.
func inputDefault(p graphql.ResolveParams) (interface{}, error) {
	switch v := p.Source.(type) {
	case *graphql.Argument:
		return printValue(v.DefaultValue, v.Type), nil
	case *graphql.InputObjectField:
		return printValue(v.DefaultValue, v.Type), nil
	}
	return nil, nil
}

// printValue renders a Go default value as a GraphQL literal of type t, or
// returns nil when there is no default.
func printValue(v interface{}, t graphql.Type) interface{} {
	if v == nil {
		return nil
	}
	s, ok := literal(v, t)
	if !ok {
		return nil
	}
	return s
}

func literal(v interface{}, t graphql.Type) (string, bool) {
	switch t := t.(type) {
	case *graphql.NonNull:
		return literal(v, t.OfType)
	case *graphql.Enum:
		name, ok := t.Serialize(v).(string)
		return name, ok
	case *graphql.List:
		items, ok := v.([]interface{})
		if !ok {
			return literal(v, t.OfType) // a single value stands for a list of one
		}
		parts := make([]string, 0, len(items))
		for _, it := range items {
			s, ok := literal(it, t.OfType)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return "[" + strings.Join(parts, ", ") + "]", true
	case *graphql.InputObject:
		m, ok := v.(map[string]interface{})
		if !ok {
			return "", false
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			f := t.Fields()[k]
			if f == nil {
				return "", false
			}
			s, ok := literal(m[k], f.Type)
			if !ok {
				return "", false
			}
			parts = append(parts, k+": "+s)
		}
		return "{" + strings.Join(parts, ", ") + "}", true
	}
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v), true
	case int:
		return strconv.Itoa(v), true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	case string:
		b, _ := json.Marshal(v)
		return string(b), true
	case fmt.Stringer:
		b, _ := json.Marshal(v.String())
		return string(b), true
	}
	return "", false
}
