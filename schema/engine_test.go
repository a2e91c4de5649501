package schema

import (
	"bytes"
	"context"
	"errors"
	"runtime"
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

// TestAnswerLendsItsBuffer checks that Answer hands over what Execute
// returns, byte for byte, in every kind of answer, and that it does so
// without copying the JSON out of the engine's buffer: the bytes a server
// would otherwise allocate for each answer.
func TestAnswerLendsItsBuffer(t *testing.T) {
	e := seededEngine(t, Config{})
	notebook := Request{Query: `query Stances($name: String!) {
  actor(name: $name) { name stances(first: 20) { nodes { date type topic subject { name } object { name } evidence { quote } } } }
}`, Variables: map[string]interface{}{"name": "United States"}}
	tests := []struct {
		name string
		req  Request
	}{
		{"fast path", notebook},
		{"graphql-go", Request{Query: `mutation { addAlias(actor: "Pakistan", alias: "PK") { name } }`}},
		{"refused", Request{Query: `{ nope }`}},
		{"field error", Request{Query: `{ dyad(a: "Atlantis", b: "Taliban") { a { name } } }`}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := e.Execute(ctx, tt.req)
			var got Response
			e.Answer(ctx, tt.req, func(r Response) { got = r; got.JSON = bytes.Clone(r.JSON) })
			if !bytes.Equal(got.JSON, want.JSON) || got.Executor != want.Executor || kind(got.Err) != kind(want.Err) {
				t.Errorf("Answer gave %s (%s, %v), Execute %s (%s, %v)", got.JSON, got.Executor, got.Err, want.JSON, want.Executor, want.Err)
			}
		})
	}
	if raceDetector {
		return // sync.Pool drops buffers at random under -race
	}
	size := len(e.Execute(ctx, notebook).JSON)
	perCall := func(run func()) float64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		const n = 50
		for range n {
			run()
		}
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc-before.TotalAlloc) / n
	}
	executed := perCall(func() { e.Execute(ctx, notebook) })
	answered := perCall(func() { e.Answer(ctx, notebook, func(Response) {}) })
	if executed-answered < 0.9*float64(size) {
		t.Errorf("Answer allocates %.0f bytes a call, Execute %.0f: want at least the answer's %d bytes fewer", answered, executed, size)
	}
}
