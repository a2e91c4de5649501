package resolvers

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// TestJoinFieldsRefusesAFieldTwice keeps two noun files from resolving
// one field, which would otherwise let the later silently win.
func TestJoinFieldsRefusesAFieldTwice(t *testing.T) {
	fn := resolver(func(graphql.ResolveParams) (interface{}, error) { return nil, nil })
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
// error. Fields read from their source alone have Get, which reads what
// Resolve does and refuses a source of the wrong type.
func TestDirectResolvers(t *testing.T) {
	r := New(Config{Store: memStore(t)})
	wrapped, direct := r.FieldResolvers(), r.DirectResolvers()
	for typ, fs := range wrapped {
		for name := range fs {
			if direct[typ][name].Resolve == nil {
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
	sc := r.newScope()
	actor := sc.keep(stance.Actor{ID: "a1", Name: "Taliban"})
	st := sc.stanceValues([]stance.Stance{{ID: "s1", Type: "REJECTS", Topic: "talks", Evidence: []stance.Evidence{{Quote: "no"}}}})[0]
	tests := []struct {
		typ, field string
		source     any
		get        bool   // read from the source alone
		want       string // what Get reads, through the pointer it returns
	}{
		{"Actor", "name", actor, true, "Taliban"},
		{"Stance", "type", st, true, "REJECTS"},
		{"Stance", "topic", st, true, "talks"},
		{"Evidence", "quote", st.evidence()[0], true, "no"},
		{"Stance", "object", st, false, ""},
		{"Stance", "date", st, false, ""},
		{"Query", "actor", nil, false, ""},
	}
	for _, tc := range tests {
		d := direct[tc.typ][tc.field]
		if got := d.Get != nil; got != tc.get {
			t.Errorf("%s.%s has Get %v, want %v", tc.typ, tc.field, got, tc.get)
			continue
		}
		if tc.get {
			v, ok := d.Get(tc.source)
			s, isString := v.(*string)
			if !ok || !isString || *s != tc.want {
				t.Errorf("%s.%s: Get = %v, %v, want %q", tc.typ, tc.field, v, ok, tc.want)
			}
			if v, ok := d.Get(42); ok || v != nil {
				t.Errorf("%s.%s: Get of an int = %v, %v, want nil, false", tc.typ, tc.field, v, ok)
			}
		}
		if tc.typ == "Query" {
			continue
		}
		p := graphql.ResolveParams{Source: 42, Context: context.Background()}
		if _, err := d.Resolve(p); err != errSource {
			t.Errorf("direct %s.%s on an int: error %v, want errSource", tc.typ, tc.field, err)
		}
		_, err := wrapped[tc.typ][tc.field](p)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), tc.typ+"."+tc.field) {
			t.Errorf("%s.%s on an int: error %v, want a translated error naming the field", tc.typ, tc.field, err)
		}
	}
}
