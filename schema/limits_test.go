package schema

import (
	"context"
	"os"
	"testing"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
)

// minDepth returns the smallest depth limit query passes.
func minDepth(t *testing.T, query string) int {
	t.Helper()
	doc, err := parser.Parse(parser.ParseParams{Source: query})
	if err != nil {
		t.Fatal(err)
	}
	var op *ast.OperationDefinition
	for _, d := range doc.Definitions {
		if o, ok := d.(*ast.OperationDefinition); ok {
			op = o
		}
	}
	for d := 1; d < 64; d++ {
		m := &costModel{maxDepth: d, maxCost: DefaultMaxComplexity, stanceTypes: 6}
		if _, err := m.checkLimits(context.Background(), doc, op, nil); err == nil {
			return d
		}
	}
	t.Fatal("no depth limit admits the query")
	return 0
}

func TestLimits(t *testing.T) {
	intro, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		query      string
		vars       map[string]interface{}
		depth      int // smallest depth limit admitting the query
		complexity bool
	}{
		{"flat", `{ stats { actors } }`, nil, 2, true},
		{"fragments count where spread", `{ actor(name: "x") { ...A } } fragment A on Actor { stances { nodes { id } } }`, nil, 4, true},
		{"introspection", string(intro), nil, 0, true},
		{"first from a variable", `query($n: Int) { stances(first: $n) { nodes { subject { stances(first: $n) { nodes { id type date } } } } } }`,
			map[string]interface{}{"n": 1000.0}, 0, false},
		{"small pages nest", `{ stances(first: 20) { nodes { subject { stances(first: 20) { nodes { id type date object { name } } } } } } }`, nil, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parser.Parse(parser.ParseParams{Source: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			var op *ast.OperationDefinition
			for _, d := range doc.Definitions {
				if o, ok := d.(*ast.OperationDefinition); ok {
					op = o
				}
			}
			if tt.depth > 0 {
				if got := minDepth(t, tt.query); got != tt.depth {
					t.Errorf("depth %d, want %d", got, tt.depth)
				}
			}
			m := &costModel{maxDepth: DefaultMaxDepth, maxCost: DefaultMaxComplexity, stanceTypes: 6}
			_, err = m.checkLimits(context.Background(), doc, op, tt.vars)
			if (err == nil) != tt.complexity {
				t.Errorf("checkLimits = %v, want admitted %v", err, tt.complexity)
			}
		})
	}
	if d := minDepth(t, string(intro)); d > DefaultMaxDepth-4 {
		t.Errorf("introspection needs depth %d, too close to DefaultMaxDepth %d", d, DefaultMaxDepth)
	} else {
		t.Logf("introspection depth %d", d)
	}
}
