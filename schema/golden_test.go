package schema_test

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// TestPrintSchemaGolden pins the schema as clients see it: its SDL and
// the Go type of every default value (what resolvers receive when an
// argument is left out), so a change in how the schema is built cannot
// change either unnoticed. Regenerate with -update after a deliberate
// change.
func TestPrintSchemaGolden(t *testing.T) {
	s := newSchema(t, nil)
	for _, g := range []struct{ file, got string }{
		{"testdata/schema.golden.graphql", schema.PrintSchema(s)},
		{"testdata/defaults.golden", defaultTypes(s)},
	} {
		if *update {
			if err := os.WriteFile(g.file, []byte(g.got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(g.file)
		if err != nil {
			t.Fatal(err)
		}
		if g.got != string(want) {
			t.Errorf("%s differs from the built schema (run with -update after a deliberate change); got:\n%s", g.file, g.got)
		}
	}
}

// defaultTypes lists every default value with its Go type, one a line.
func defaultTypes(s graphql.Schema) string {
	var lines []string
	for name, typ := range s.TypeMap() {
		switch t := typ.(type) {
		case *graphql.Object:
			for fname, f := range t.Fields() {
				for _, a := range f.Args {
					if a.DefaultValue != nil {
						lines = append(lines, fmt.Sprintf("%s.%s(%s) = %T %v", name, fname, a.Name(), a.DefaultValue, a.DefaultValue))
					}
				}
			}
		case *graphql.InputObject:
			for fname, f := range t.Fields() {
				if f.DefaultValue != nil {
					lines = append(lines, fmt.Sprintf("%s.%s = %T %v", name, fname, f.DefaultValue, f.DefaultValue))
				}
			}
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}
