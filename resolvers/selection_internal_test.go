package resolvers

import (
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
)

// TestSelects: a field counts as asked for directly, in an inline or a
// named fragment, and whenever the selection cannot be read.
func TestSelects(t *testing.T) {
	tests := []struct {
		name, query string
		want        bool
	}{
		{"direct", `{ stances { totalCount nodes { type } } }`, true},
		{"absent", `{ stances { nodes { type } } }`, false},
		{"only deeper", `{ stances { nodes { totalCount } } }`, false},
		{"inline fragment", `{ stances { ... on StanceConnection { totalCount } } }`, true},
		{"named fragment", `{ stances { ...f } } fragment f on StanceConnection { nodes { type } ... on StanceConnection { totalCount } }`, true},
		{"named fragment without it", `{ stances { ...f } } fragment f on StanceConnection { nodes { type } }`, false},
		{"unknown fragment", `{ stances { ...missing } }`, true},
		{"aliased", `{ stances { n: totalCount } }`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := selects(infoOf(t, tc.query), "totalCount"); got != tc.want {
				t.Errorf("selects(totalCount) = %v, want %v", got, tc.want)
			}
		})
	}
	if !selects(graphql.ResolveInfo{}, "totalCount") {
		t.Error("selects with no field ASTs = false, want true")
	}
}

// infoOf is the ResolveInfo of the first field of query's operation.
func infoOf(t *testing.T, query string) graphql.ResolveInfo {
	t.Helper()
	doc, err := parser.Parse(parser.ParseParams{Source: query})
	if err != nil {
		t.Fatal(err)
	}
	info := graphql.ResolveInfo{Fragments: map[string]ast.Definition{}}
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.OperationDefinition:
			info.FieldASTs = []*ast.Field{d.SelectionSet.Selections[0].(*ast.Field)}
		case *ast.FragmentDefinition:
			info.Fragments[d.Name.Value] = d
		}
	}
	return info
}
