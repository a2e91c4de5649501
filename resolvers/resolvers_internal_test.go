package resolvers

import (
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
)

// TestJoinFieldsRefusesAFieldTwice keeps two noun files from resolving
// one field, which would otherwise let the later silently win.
func TestJoinFieldsRefusesAFieldTwice(t *testing.T) {
	fn := func(graphql.ResolveParams) (interface{}, error) { return nil, nil }
	tests := []struct {
		name  string
		parts []fieldMap
		want  string
	}{
		{"disjoint types", []fieldMap{{"Actor": {"id": fn}}, {"Stance": {"id": fn}}}, ""},
		{"one type from two files", []fieldMap{{"Query": {"actor": fn}}, {"Query": {"stance": fn}}}, ""},
		{"one field twice", []fieldMap{{"Query": {"actor": fn}}, {"Query": {"actor": fn}}}, "Query.actor is resolved twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := joinFields(tt.parts...)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, fs := range m {
					n += len(fs)
				}
				if n != 2 {
					t.Errorf("joined %d fields, want 2", n)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
