package schema

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// refused decodes the first error of an answer that did not run: its
// code, message and line, failing t unless res.Err is of kind.
func refused(t *testing.T, res Response, kind error) (code, msg string, line int) {
	t.Helper()
	if !errors.Is(res.Err, kind) {
		t.Fatalf("Err = %v, want %v: %.300s", res.Err, kind, res.JSON)
	}
	var body struct {
		Data   *json.RawMessage
		Errors []struct {
			Message    string
			Locations  []struct{ Line int }
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(res.JSON, &body); err != nil || len(body.Errors) == 0 || body.Data != nil {
		t.Fatalf("answer %s: %v; want errors and no data", res.JSON, err)
	}
	e := body.Errors[0]
	if len(e.Locations) > 0 {
		line = e.Locations[0].Line
	}
	return e.Extensions.Code, e.Message, line
}

// admitted fails t unless res ran without errors.
func admitted(t *testing.T, res Response) {
	t.Helper()
	if res.Err != nil || len(res.Errors) > 0 {
		t.Fatalf("%v: %s", res.Err, clip(string(res.JSON)))
	}
}

func query(e *Engine, q string) Response {
	return e.Execute(context.Background(), Request{Query: q})
}

// repeat joins n copies of s, numbering each %d with its index.
func repeat(n int, s string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if strings.Contains(s, "%d") {
			fmt.Fprintf(&b, s, i)
		} else {
			b.WriteString(s)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// doubling is n fragments each spreading the one before twice: 2^n copies
// of the first when expanded, from a document of a few hundred bytes.
func doubling(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 } fragment F0 on Query { ...F1 ...F1 }")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, " fragment F%d on Query { ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Query { stats { actors } }", n)
	return b.String()
}

// TestFragmentCyclesRefused sends fragment cycles, which graphql-go v0.8.1
// validates into a fatal stack overflow (a crash of the whole process, not
// a panic): each must get a validation error naming the cycle.
func TestFragmentCyclesRefused(t *testing.T) {
	e := seededEngine(t, Config{})
	tests := []struct {
		name, query, want string
	}{
		{"itself", `{ ...A } fragment A on Query { ...A }`, `"A" spreads itself (A -> A)`},
		{"through another", `{ ...A } fragment A on Query { stats { actors } ...B } fragment B on Query { ...A }`, `(A -> B -> A)`},
		{"inside a field", `{ actor(name: "U.S.") { ...N } } fragment N on Actor { name stances { nodes { subject { ...N } } } }`, `(N -> N)`},
		{"inside an inline fragment", `{ ...A } fragment A on Query { ... on Query { ...B } } fragment B on Query { ...A }`, `(A -> B -> A)`},
		{"unused", `{ stats { actors } } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...B }`, `(B -> C -> B)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, msg, line := refused(t, query(e, tt.query), ErrInvalid)
			if code != CodeValidationFailed {
				t.Errorf("code %q, want %s", code, CodeValidationFailed)
			}
			if !strings.Contains(msg, tt.want) || !strings.Contains(msg, "cycle") {
				t.Errorf("message %q does not name the cycle %s", msg, tt.want)
			}
			if line != 1 {
				t.Errorf("no location of the spread: %s", msg)
			}
		})
	}
	admitted(t, query(e, `{ stats { actors } }`)) // the engine still answers
}

// TestShapeLimits sends documents whose validation by graphql-go grows with
// the square of their size; each is refused before graphql-go sees it,
// with a message naming the limit, and the documents that schema tools and
// the contract send are admitted.
func TestShapeLimits(t *testing.T) {
	e := seededEngine(t, Config{Timeout: 2 * time.Second})
	intro, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query, want string // want: "" admits the query
	}{
		{"32,000 repeated fields", "{ stats { " + repeat(32_000, "actors") + "} }", "more than 20000 tokens"},
		{"tokens of one argument", `{ matrix(actors: [` + repeat(25_000, `"a"`) + `]) { count } }`, "more than 20000 tokens"},
		{"fields of one selection set", "{ stats { " + repeat(600, "actors") + "} }", "a selection set has more than 500 fields"},
		{"fields of the document", repeat(10, "{ stats { "+repeat(300, "actors")+"} }"), "the document has more than 3000 fields"},
		{"aliases", "{ " + repeat(3, "s%d: stats { "+repeat(400, "a%d: actors")+"}") + "}", "more than 1000 aliased fields"},
		{"fragments spread into thousands", doubling(12), "a selection set has more than 500 fields"},
		{"fragment spread into one set", "{ " + repeat(2, "...F") + "} fragment F on Query { " + repeat(300, "stats { actors }") + "}", "a selection set has more than 500 fields"},
		{"introspection", string(intro), ""},
		{"repeated fields below the limits", "{ stats { " + repeat(400, "actors") + "} }", ""},
		{"fragments within the limits", doubling(8), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			res := query(e, tt.query)
			if tt.want == "" {
				admitted(t, res)
				return
			}
			if code, msg, _ := refused(t, res, ErrInvalid); code != CodeTooComplex || !strings.Contains(msg, tt.want) {
				t.Fatalf("%s: %s after %v; want QUERY_TOO_COMPLEX naming %q", code, clip(msg), time.Since(start), tt.want)
			}
		})
	}
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "..."
	}
	return s
}

// fullIntrospection is the introspection query, under an alias.
func fullIntrospection(t *testing.T) (selection, fragments string) {
	t.Helper()
	b, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	q := string(b)
	i := strings.Index(q, "__schema")
	j := strings.Index(q, "fragment FullType")
	return strings.TrimSpace(q[i:strings.LastIndex(q[:j], "}")]), q[j:]
}

// TestCostBySize charges queries by the size of their result: matrix by
// its actors squared (from Config.Sizes), lists by their page size,
// introspection by the schema's size, and each alias again.
func TestCostBySize(t *testing.T) {
	e := seededEngine(t, Config{Sizes: func(context.Context) (Sizes, error) {
		return Sizes{Actors: 1_000, Stances: 100_000}, nil
	}})
	schemaSel, frags := fullIntrospection(t)
	tests := []struct {
		name, query string
		admitted    bool
	}{
		{"50 aliases of matrix", "{ " + repeat(50, "m%d: matrix { count }") + "}", false},
		{"one matrix over the whole store", "{ matrix { count } }", true},
		{"matrix with its names over the whole store", "{ matrix { subject { name } object { name } count } }", false},
		{"50 aliases of a matrix of named actors", "{ " + repeat(50, `m%d: matrix(actors: ["U.S.", "Taliban", "Pakistan"]) { count }`) + "}", true},
		{"one introspection", "{ " + schemaSel + " } " + frags, true},
		{"10 aliases of introspection", "{ " + repeat(10, "i%d: "+schemaSel) + "} " + frags, false},
		{"a page of 1000 stances", "{ stances(first: 1000) { nodes { id type topic } } }", true},
		{"50 aliases of that page", "{ " + repeat(50, "s%d: stances(first: 1000) { nodes { id type topic } }") + "}", false},
		{"400 aliases of an actor's aliases", "{ " + repeat(400, `a%d: actor(name: "U.S.") { aliases }`) + "}", true},
		{"400 aliases of an actor's first 1000 stances", "{ " + repeat(400, `a%d: actor(name: "U.S.") { stances(first: 1000) { totalCount } }`) + "}", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := query(e, tt.query)
			if tt.admitted {
				admitted(t, res)
				return
			}
			if code, msg, _ := refused(t, res, ErrInvalid); code != CodeTooComplex || !strings.Contains(msg, "charged by the size of its result") {
				t.Fatalf("%s: %s; want QUERY_TOO_COMPLEX", code, clip(msg))
			}
		})
	}
}

// TestResponseBudget stops answers that grow past MaxResponseBytes, on the
// fast path and on graphql-go's, with ErrTooLarge and no partial answer.
func TestResponseBudget(t *testing.T) {
	e := seededEngine(t, Config{MaxResponseBytes: 2_000})
	schemaSel, frags := fullIntrospection(t)
	tests := []struct {
		name, query string
		admitted    bool
	}{
		{"small", `{ actor(name: "U.S.") { name aliases } }`, true},
		{"aliases of an actor (fast path)", "{ " + repeat(100, `a%d: actor(name: "U.S.") { name aliases }`) + "}", false},
		{"introspection (graphql-go)", "{ " + schemaSel + " } " + frags, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := query(e, tt.query)
			if tt.admitted {
				admitted(t, res)
				return
			}
			if code, msg, _ := refused(t, res, ErrTooLarge); code != CodeTooLarge || !strings.Contains(msg, "2000 bytes") {
				t.Fatalf("%s: %s; want PAYLOAD_TOO_LARGE", code, clip(msg))
			}
		})
	}
}
