package schema_test

import (
	"context"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/schema"
)

// introspectedDefaults runs the introspection query schema tools send and
// returns every defaultValue by "Type.field(arg)" or "Input.field".
func introspectedDefaults(t *testing.T, answer []byte) map[string]interface{} {
	t.Helper()
	var res struct {
		Data struct {
			Schema struct {
				Types []struct {
					Name   string
					Fields []struct {
						Name string
						Args []struct {
							Name         string
							DefaultValue interface{}
						}
					}
					InputFields []struct {
						Name         string
						DefaultValue interface{}
					}
				}
			} `json:"__schema"`
		}
	}
	if err := json.Unmarshal(answer, &res); err != nil {
		t.Fatalf("%v: %s", err, answer)
	}
	got := map[string]interface{}{}
	for _, typ := range res.Data.Schema.Types {
		for _, f := range typ.Fields {
			for _, a := range f.Args {
				got[typ.Name+"."+f.Name+"("+a.Name+")"] = a.DefaultValue
			}
		}
		for _, f := range typ.InputFields {
			got[typ.Name+"."+f.Name] = f.DefaultValue
		}
	}
	return got
}

// TestIntrospectionDefaults wants __InputValue.defaultValue printed as a
// GraphQL literal of the argument's type (enum values bare), answered by
// the engine, and graphql-go's own introspection left as it is: no
// package-wide patch of another package's types.
func TestIntrospectionDefaults(t *testing.T) {
	q, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	s := newSchema(t, nil)
	e, err := schema.NewEngine(s, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	resp := e.Execute(context.Background(), schema.Request{Query: string(q)})
	if resp.Err != nil || resp.Executor != "fast" {
		t.Fatalf("introspection: executor %q, error %v", resp.Executor, resp.Err)
	}
	got := introspectedDefaults(t, resp.JSON)
	for key, want := range map[string]interface{}{
		"Actor.stances(direction)":         "OUT",
		"Actor.degree(direction)":          "BOTH",
		"Actor.stances(first)":             "50",
		"Actor.stances(after)":             nil,
		"Query.timeline(bucket)":           "MONTH",
		"Query.shifts(threshold)":          "0",
		"Query.paths(followDirection)":     "false",
		"StanceInput.confidence":           "1",
		"DocumentInput.extract":            "true",
		"StanceFilter.includeRetracted":    "false",
		"__Type.fields(includeDeprecated)": "false",
	} {
		if got[key] != want {
			t.Errorf("%s: defaultValue %#v, want %#v", key, got[key], want)
		}
	}

	// A condition given by a variable is the engine's business too.
	vq := `query($x: Boolean = true) { __type(name: "Actor") { fields @include(if: $x) { name args { name defaultValue } } } }`
	vresp := e.Execute(context.Background(), schema.Request{Query: vq})
	if vresp.Executor != "fast" || !strings.Contains(string(vresp.JSON), `{"name":"direction","defaultValue":"OUT"}`) {
		t.Errorf("introspection with a variable condition, by %q: %s", vresp.Executor, vresp.JSON)
	}

	// graphql-go's executor, run on the same schema, still prints what
	// graphql-go prints: its package state is untouched.
	raw := graphql.Do(graphql.Params{Schema: s, RequestString: string(q), Context: context.Background()})
	b, _ := json.Marshal(raw)
	if d := introspectedDefaults(t, b)["Actor.stances(direction)"]; d != `"OUT"` {
		t.Errorf("graphql-go's own introspection prints %#v: was its InputValueType patched?", d)
	}
	// Apart from defaultValue, and from the order of lists graphql-go
	// builds from maps, both executors answer alike.
	var fast, slow interface{}
	if err := json.Unmarshal(resp.JSON, &fast); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &slow); err != nil {
		t.Fatal(err)
	}
	if f, s := normalized(fast), normalized(slow); f != s {
		t.Errorf("the engine's introspection differs from graphql-go's beyond defaultValue")
	}
}

// normalized encodes v with defaultValue left out and every list sorted.
func normalized(v interface{}) string {
	switch x := v.(type) {
	case map[string]interface{}:
		keys := make([]string, 0, len(x))
		for k := range x {
			if k != "defaultValue" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			b.WriteString(k + ":" + normalized(x[k]) + ",")
		}
		return "{" + b.String() + "}"
	case []interface{}:
		items := make([]string, len(x))
		for i, it := range x {
			items[i] = normalized(it)
		}
		sort.Strings(items)
		return "[" + strings.Join(items, ",") + "]"
	}
	b, _ := json.Marshal(v)
	return string(b)
}
