package schema

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestExecute runs requests through the engine alone, as graphd query and
// Go programs do: no HTTP, the same answers.
func TestExecute(t *testing.T) {
	e := seededEngine(t, Config{})
	tests := []struct {
		name, query, op string
		vars            map[string]interface{}
		err             error
		want            string
	}{
		{"query in field order", `query($n: String) { actor(name: $n) { name kind } }`, "", map[string]interface{}{"n": "Islamabad"}, nil,
			`{"data":{"actor":{"name":"Pakistan","kind":"STATE"}}}` + "\n"},
		{"mutation", `mutation { addAlias(actor: "Pakistan", alias: "PK") { name } }`, "", nil, nil,
			`{"data":{"addAlias":{"name":"Pakistan"}}}` + "\n"},
		{"operation by name", `query A { stats { actors } } query B { vocabulary { type } }`, "B", nil, nil, `{"data":{"vocabulary":[{"type":"`},
		{"unknown operation", `query A { stats { actors } }`, "B", nil, ErrInvalid, `"code":"OPERATION_NOT_FOUND"`},
		{"validation error", `{ nope }`, "", nil, ErrInvalid, `"code":"GRAPHQL_VALIDATION_FAILED"`},
		{"parse error", `{ stats {`, "", nil, ErrInvalid, `"code":"GRAPHQL_PARSE_FAILED"`},
		{"bad variable", `query($n: Int!) { actors(first: $n) { totalCount } }`, "", map[string]interface{}{"n": "x"}, ErrInvalid, `"code":"BAD_REQUEST"`},
		{"subscription", `subscription { stanceRetracted { id } }`, "", nil, ErrUnsupported, `not supported here`},
		{"too deep to parse", strings.Repeat("{", 100), "", nil, ErrUnsupported, `nested too deeply`},
		{"field error", `{ dyad(a: "Atlantis", b: "Taliban") { a { name } } }`, "", nil, nil, `{"errors":[{"message":`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.Execute(context.Background(), Request{Query: tt.query, OperationName: tt.op, Variables: tt.vars})
			if !errors.Is(res.Err, tt.err) || (tt.err == nil) != (res.Err == nil) {
				t.Errorf("Err = %v, want %v", res.Err, tt.err)
			}
			if !strings.Contains(string(res.JSON), tt.want) {
				t.Errorf("JSON = %s, want %s", res.JSON, tt.want)
			}
			if tt.err != nil && strings.Contains(string(res.JSON), `"data"`) {
				t.Errorf("a request that did not run has data: %s", res.JSON)
			}
		})
	}
}

// TestPermit has the caller's rule refuse mutations: the refusal comes
// back unchanged and nothing runs.
func TestPermit(t *testing.T) {
	e := seededEngine(t, Config{})
	errReadOnly := errors.New("read-only")
	permit := func(op string) error {
		if op == "mutation" {
			return errReadOnly
		}
		return nil
	}
	res := e.Execute(context.Background(), Request{Query: `mutation { addAlias(actor: "Pakistan", alias: "PK") { name } }`, Permit: permit})
	if res.Err != errReadOnly || res.JSON != nil || res.OperationType != "mutation" {
		t.Fatalf("Err %v, JSON %s, type %q; want the Permit error and no answer", res.Err, res.JSON, res.OperationType)
	}
	res = e.Execute(context.Background(), Request{Query: `{ actor(name: "PK") { name } }`, Permit: permit})
	if res.Err != nil || !strings.Contains(string(res.JSON), `"actor":null`) {
		t.Fatalf("the refused mutation ran, or the query failed: %v %s", res.Err, res.JSON)
	}
	if s := e.Stats(); s.Fast != 1 || s.CacheMisses != 2 || s.CachedDocuments != 2 {
		t.Errorf("stats %+v, want one fast run of two cached documents", s)
	}
}

func TestNewEngineRejectsBadConfig(t *testing.T) {
	e := seededEngine(t, Config{})
	for _, cfg := range []Config{{Timeout: -1}, {MaxDepth: -1}, {MaxResponseBytes: -5}, {ExpensiveSlots: -1}} {
		if _, err := NewEngine(e.schema, cfg); err == nil {
			t.Errorf("NewEngine accepted %+v", cfg)
		}
	}
}
