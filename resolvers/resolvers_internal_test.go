package resolvers

import (
	"context"
	"errors"
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

// TestDirectResolvers checks that DirectResolvers has a function for each
// field FieldResolvers has, and that it is the same function but for the
// translation of errors: a source of the wrong type fails with errSource
// itself, where FieldResolvers' function names the field in a translated
// error.
func TestDirectResolvers(t *testing.T) {
	r := New(Config{Store: memStore(t)})
	wrapped, direct := r.FieldResolvers(), r.DirectResolvers()
	for typ, fs := range wrapped {
		for name := range fs {
			if direct[typ][name] == nil {
				t.Errorf("%s.%s has no direct resolver", typ, name)
			}
		}
	}
	for typ, fs := range direct {
		for name := range fs {
			if wrapped[typ][name] == nil {
				t.Errorf("direct resolver %s.%s resolves no field", typ, name)
			}
		}
	}
	tests := []struct{ typ, field string }{
		{"Actor", "name"}, {"Stance", "type"}, {"Stance", "object"}, {"Stance", "date"}, {"Evidence", "quote"},
	}
	for _, tc := range tests {
		p := graphql.ResolveParams{Source: 42, Context: context.Background()}
		if _, err := direct[tc.typ][tc.field](p); err != errSource {
			t.Errorf("direct %s.%s on an int: error %v, want errSource", tc.typ, tc.field, err)
		}
		_, err := wrapped[tc.typ][tc.field](p)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), tc.typ+"."+tc.field) {
			t.Errorf("%s.%s on an int: error %v, want a translated error naming the field", tc.typ, tc.field, err)
		}
	}
}
