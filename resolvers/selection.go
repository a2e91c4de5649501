package resolvers

import (
	"slices"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

// selects reports whether the selection of the field being resolved asks
// for any of the fields names, directly or through a fragment. A
// resolver uses it to spare the store work whose result nobody reads; so
// whatever it cannot read (no field ASTs, as when a resolver is called
// on its own, or an unknown fragment) counts as asking.
func selects(info graphql.ResolveInfo, names ...string) bool {
	if len(info.FieldASTs) == 0 {
		return true
	}
	for _, f := range info.FieldASTs {
		if f == nil || selectsIn(info, f.SelectionSet, names, 0) {
			return true
		}
	}
	return false
}

// maxFragmentDepth bounds the fragments selectsIn follows; validation
// refuses cycles, and a selection nested deeper counts as asking.
const maxFragmentDepth = 16

func selectsIn(info graphql.ResolveInfo, set *ast.SelectionSet, names []string, depth int) bool {
	if set == nil {
		return false
	}
	if depth > maxFragmentDepth {
		return true
	}
	for _, s := range set.Selections {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name != nil && slices.Contains(names, s.Name.Value) {
				return true
			}
		case *ast.InlineFragment:
			if selectsIn(info, s.SelectionSet, names, depth+1) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Name == nil {
				return true // unreadable: counts as asked for
			}
			def, ok := info.Fragments[s.Name.Value].(*ast.FragmentDefinition)
			if !ok || selectsIn(info, def.SelectionSet, names, depth+1) {
				return true
			}
		default:
			return true
		}
	}
	return false
}
