package schema

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/graphql-go/graphql"
)

// SDL returns the engine's schema in the GraphQL schema definition
// language: the contract with this deployment's stance vocabulary and the
// extensions, as clients and schema tools see it through introspection.
// graphql-go prints documents but not schemas, hence this printer.
func (e *Engine) SDL() []byte {
	e.sdlOnce.Do(func() { e.sdl = []byte(PrintSchema(e.schema)) })
	return e.sdl
}

// builtins are the scalars every GraphQL schema has, which SDL leaves out.
var builtins = map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}

// PrintSchema prints s in SDL: the root types first, then the others by
// name; introspection and built-in types are left out.
func PrintSchema(s graphql.Schema) string {
	var roots, rest []string
	for _, t := range []*graphql.Object{s.QueryType(), s.MutationType(), s.SubscriptionType()} {
		if t != nil {
			roots = append(roots, t.Name())
		}
	}
	for name := range s.TypeMap() {
		if !strings.HasPrefix(name, "__") && !builtins[name] && !contains(roots, name) {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	var b strings.Builder
	for i, name := range append(roots, rest...) {
		if i > 0 {
			b.WriteByte('\n')
		}
		printType(&b, s.Type(name))
	}
	return b.String()
}

// printType writes one type definition.
func printType(b *strings.Builder, t graphql.Type) {
	printDescription(b, "", t.Description())
	switch t := t.(type) {
	case *graphql.Scalar:
		fmt.Fprintf(b, "scalar %s\n", t.Name())
	case *graphql.Enum:
		fmt.Fprintf(b, "enum %s {\n", t.Name())
		for _, v := range t.Values() {
			printDescription(b, "  ", v.Description)
			fmt.Fprintf(b, "  %s%s\n", v.Name, deprecated(v.DeprecationReason))
		}
		b.WriteString("}\n")
	case *graphql.InputObject:
		fmt.Fprintf(b, "input %s {\n", t.Name())
		for _, name := range sortedKeys(t.Fields()) {
			f := t.Fields()[name]
			printDescription(b, "  ", f.Description())
			fmt.Fprintf(b, "  %s: %s%s\n", name, f.Type, defaultValue(f.DefaultValue, f.Type))
		}
		b.WriteString("}\n")
	case *graphql.Object:
		fmt.Fprintf(b, "type %s%s {\n", t.Name(), implements(t.Interfaces()))
		printFields(b, t.Fields())
		b.WriteString("}\n")
	case *graphql.Interface:
		fmt.Fprintf(b, "interface %s {\n", t.Name())
		printFields(b, t.Fields())
		b.WriteString("}\n")
	case *graphql.Union:
		var names []string
		for _, m := range t.Types() {
			names = append(names, m.Name())
		}
		fmt.Fprintf(b, "union %s = %s\n", t.Name(), strings.Join(names, " | "))
	}
}

func implements(ifaces []*graphql.Interface) string {
	if len(ifaces) == 0 {
		return ""
	}
	names := make([]string, len(ifaces))
	for i, x := range ifaces {
		names[i] = x.Name()
	}
	return " implements " + strings.Join(names, " & ")
}

// printFields writes the fields of an object or interface by name, each
// argument on its own line when any has a description.
func printFields(b *strings.Builder, fields graphql.FieldDefinitionMap) {
	for _, name := range sortedKeys(fields) {
		f := fields[name]
		printDescription(b, "  ", f.Description)
		b.WriteString("  " + name)
		if len(f.Args) > 0 {
			defs := sortArgs(f.Args)
			described := false
			for _, a := range defs {
				described = described || a.Description() != ""
			}
			args := make([]string, len(defs))
			for i, a := range defs {
				args[i] = fmt.Sprintf("%s: %s%s", a.Name(), a.Type, defaultValue(a.DefaultValue, a.Type))
			}
			if described {
				b.WriteString("(\n")
				for i, a := range defs {
					printDescription(b, "    ", a.Description())
					b.WriteString("    " + args[i] + "\n")
				}
				b.WriteString("  )")
			} else {
				b.WriteString("(" + strings.Join(args, ", ") + ")")
			}
		}
		fmt.Fprintf(b, ": %s%s\n", f.Type, deprecated(f.DeprecationReason))
	}
}

// sortArgs returns the arguments by name, the page arguments last.
// graphql-go builds them from a map, in random order; the schema's own
// slice is shared by running requests and left alone.
func sortArgs(defs []*graphql.Argument) []*graphql.Argument {
	args := slices.Clone(defs)
	page := func(a *graphql.Argument) bool { return a.Name() == "first" || a.Name() == "after" }
	sort.SliceStable(args, func(i, j int) bool {
		if pi, pj := page(args[i]), page(args[j]); pi != pj {
			return pj
		}
		if page(args[i]) {
			return args[i].Name() == "first"
		}
		return args[i].Name() < args[j].Name()
	})
	return args
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// printDescription writes a description as a string, or a block string
// when it spans lines.
func printDescription(b *strings.Builder, indent, desc string) {
	switch {
	case desc == "":
	case strings.Contains(desc, "\n"):
		b.WriteString(indent + `"""` + "\n")
		for _, line := range strings.Split(strings.ReplaceAll(desc, `"""`, `\"""`), "\n") {
			b.WriteString(indent + line + "\n")
		}
		b.WriteString(indent + `"""` + "\n")
	default:
		b.WriteString(indent + quote(desc) + "\n")
	}
}

func deprecated(reason string) string {
	if reason == "" {
		return ""
	}
	return " @deprecated(reason: " + quote(reason) + ")"
}

// quote writes a GraphQL string literal; JSON's escapes are GraphQL's.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// defaultValue prints " = value" for a default of type t, or "", as
// introspection's defaultValue does.
func defaultValue(v interface{}, t graphql.Input) string {
	if v == nil {
		return ""
	}
	lit, ok := literal(v, t)
	if !ok {
		return ""
	}
	return " = " + lit
}
