package schema_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/printer"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
)

// newSchema builds the schema over an in-memory store with vocab.
func newSchema(t *testing.T, vocab *graph.Vocabulary) graphql.Schema {
	t.Helper()
	st, err := graph.Open("", &graph.Options{InMemory: true, Vocabulary: vocab})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := schema.New(resolvers.New(resolvers.Config{Store: st}))
	if err != nil {
		t.Fatalf("schema.New: %v", err)
	}
	return s
}

// TestContract checks every type, field, argument (type and default) and
// enum value of the contract against the built schema.
func TestContract(t *testing.T) {
	sdl, err := os.ReadFile("contract.graphql")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parser.Parse(parser.ParseParams{Source: string(sdl)})
	if err != nil {
		t.Fatalf("parse contract: %v", err)
	}
	s := newSchema(t, nil)
	checked := 0
	for _, def := range doc.Definitions {
		switch d := def.(type) {
		case *ast.ScalarDefinition:
			t.Run(d.Name.Value, func(t *testing.T) {
				if _, ok := s.Type(d.Name.Value).(*graphql.Scalar); !ok {
					t.Errorf("scalar %s missing", d.Name.Value)
				}
			})
		case *ast.EnumDefinition:
			t.Run(d.Name.Value, func(t *testing.T) {
				e, ok := s.Type(d.Name.Value).(*graphql.Enum)
				if !ok {
					t.Fatalf("enum %s missing", d.Name.Value)
				}
				have := map[string]bool{}
				for _, v := range e.Values() {
					have[v.Name] = true
				}
				for _, v := range d.Values {
					checked++
					if !have[v.Name.Value] {
						t.Errorf("%s.%s missing", d.Name.Value, v.Name.Value)
					}
				}
			})
		case *ast.ObjectDefinition:
			t.Run(d.Name.Value, func(t *testing.T) {
				o, ok := s.Type(d.Name.Value).(*graphql.Object)
				if !ok {
					t.Fatalf("type %s missing", d.Name.Value)
				}
				for _, f := range d.Fields {
					checked++
					have := o.Fields()[f.Name.Value]
					if have == nil {
						t.Errorf("%s.%s missing", d.Name.Value, f.Name.Value)
						continue
					}
					if got, want := have.Type.String(), printer.Print(f.Type); got != want {
						t.Errorf("%s.%s: type %s, contract says %s", d.Name.Value, f.Name.Value, got, want)
					}
					args := map[string]*graphql.Argument{}
					for _, a := range have.Args {
						args[a.Name()] = a
					}
					for _, a := range f.Arguments {
						checked++
						where := fmt.Sprintf("%s.%s(%s)", d.Name.Value, f.Name.Value, a.Name.Value)
						h := args[a.Name.Value]
						if h == nil {
							t.Errorf("%s missing", where)
							continue
						}
						compareInput(t, where, h.Type, h.DefaultValue, a)
					}
				}
			})
		case *ast.InputObjectDefinition:
			t.Run(d.Name.Value, func(t *testing.T) {
				o, ok := s.Type(d.Name.Value).(*graphql.InputObject)
				if !ok {
					t.Fatalf("input %s missing", d.Name.Value)
				}
				for _, f := range d.Fields {
					checked++
					where := d.Name.Value + "." + f.Name.Value
					h := o.Fields()[f.Name.Value]
					if h == nil {
						t.Errorf("%s missing", where)
						continue
					}
					compareInput(t, where, h.Type, h.DefaultValue, f)
				}
			})
		}
	}
	if checked < 150 {
		t.Errorf("checked only %d items: is contract.graphql complete?", checked)
	}
}

func compareInput(t *testing.T, where string, typ graphql.Type, def interface{}, want *ast.InputValueDefinition) {
	t.Helper()
	if got, w := typ.String(), printer.Print(want.Type); got != w {
		t.Errorf("%s: type %s, contract says %s", where, got, w)
	}
	var w string
	if want.DefaultValue != nil {
		w = fmt.Sprint(printer.Print(want.DefaultValue))
	}
	got := ""
	if def != nil {
		got = fmt.Sprint(def)
	}
	if got != w {
		t.Errorf("%s: default %q, contract says %q", where, got, w)
	}
}

// TestContractCopy keeps contract.graphql equal to the shared
// contract when the shared inputs sit beside the repository.
func TestContractCopy(t *testing.T) {
	shared, err := os.ReadFile("../../shared/api/schema.graphql")
	if err != nil {
		t.Skipf("shared contract not beside the repository: %v", err)
	}
	local, err := os.ReadFile("contract.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shared, local) {
		t.Error("contract.graphql differs from ../shared/api/schema.graphql; copy it again")
	}
}

func TestStanceTypeFromVocabulary(t *testing.T) {
	extra, err := graph.NewVocabulary([]graph.TypeInfo{{Type: "THREATENS", Description: "threatens the object", Weight: -7}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		vocab *graph.Vocabulary
		want  []string
	}{
		{"default", nil, []string{"SUPPORTS", "REJECTS", "DEMANDS", "ACCUSES", "OFFERS", "ENGAGES"}},
		{"extended", extra, []string{"SUPPORTS", "REJECTS", "DEMANDS", "ACCUSES", "OFFERS", "ENGAGES", "THREATENS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSchema(t, tt.vocab)
			e := s.Type("StanceType").(*graphql.Enum)
			var got []string
			for _, v := range e.Values() {
				got = append(got, v.Name)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("StanceType values %v, want %v (vocabulary order)", got, tt.want)
			}
		})
	}
}

func TestDateScalar(t *testing.T) {
	d := schema.Date()
	t.Run("serialize", func(t *testing.T) {
		tests := []struct {
			in   interface{}
			want interface{}
		}{
			{graph.NewDate(2018, 3, 9), "2018-03-09"},
			{graph.Date(0), nil},
			{"2018-03-09", nil},
		}
		for _, tt := range tests {
			if got := d.Serialize(tt.in); got != tt.want {
				t.Errorf("Serialize(%#v) = %#v, want %#v", tt.in, got, tt.want)
			}
		}
	})
	t.Run("parse", func(t *testing.T) {
		tests := []struct {
			in   interface{}
			want interface{}
		}{
			{"2018-03-09", graph.NewDate(2018, 3, 9)},
			{"2018-03-09T23:30:00-02:00", graph.NewDate(2018, 3, 10)},
			{"2018-02-30", nil},
			{"9 March 2018", nil},
			{"", nil},
			{20180309, nil},
		}
		for _, tt := range tests {
			if got := d.ParseValue(tt.in); got != tt.want {
				t.Errorf("ParseValue(%#v) = %#v, want %#v", tt.in, got, tt.want)
			}
			if s, ok := tt.in.(string); ok {
				if got := d.ParseLiteral(&ast.StringValue{Value: s}); got != tt.want {
					t.Errorf("ParseLiteral(%q) = %#v, want %#v", s, got, tt.want)
				}
			}
		}
		if got := d.ParseLiteral(&ast.IntValue{Value: "20180309"}); got != nil {
			t.Errorf("ParseLiteral(20180309) = %#v, want nil", got)
		}
	})
}

func TestNewNeedsResolver(t *testing.T) {
	if _, err := schema.New(nil); err == nil {
		t.Error("schema.New(nil) succeeded")
	}
}
