package schema

import (
	"bytes"
	"testing"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
)

func TestEncodeOrder(t *testing.T) {
	query := `query Q { z: stats { stances actors } actor(name: "x") { ...A stances { nodes { type ... on Stance { object { name } id } } } } }
fragment A on Actor { name id }`
	doc, err := parser.Parse(parser.ParseParams{Source: query})
	if err != nil {
		t.Fatal(err)
	}
	op := doc.Definitions[0].(*ast.OperationDefinition)
	data := map[string]interface{}{
		"actor": map[string]interface{}{
			"id": "1", "name": "US",
			"stances": map[string]interface{}{"nodes": []interface{}{
				map[string]interface{}{"id": "s", "object": map[string]interface{}{"name": "T"}, "type": "DEMANDS"},
			}},
		},
		"z":     map[string]interface{}{"actors": 2, "stances": 1.5},
		"extra": nil,
	}
	var buf bytes.Buffer
	encode(&buf, data, planFor(doc, op))
	want := `{"z":{"stances":1.5,"actors":2},"actor":{"name":"US","id":"1","stances":{"nodes":[{"type":"DEMANDS","object":{"name":"T"},"id":"s"}]}},"extra":null}`
	if buf.String() != want {
		t.Errorf("got  %s\nwant %s", buf.String(), want)
	}
}

func TestWriteString(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `"plain"`},
		{"q\"b\\n\nt\tc\x01", `"q\"b\\n\nt\tc\u0001"`},
		{"<a&b>", `"<a&b>"`},
		{"Run🏃 é", `"Run🏃 é"`},
		{"bad\xffutf8", `"bad\ufffdutf8"`},
		{"line\u2028sep", `"line\u2028sep"`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			var buf bytes.Buffer
			writeString(&buf, tt.in)
			if buf.String() != tt.want {
				t.Errorf("writeString(%q) = %s, want %s", tt.in, buf.String(), tt.want)
			}
		})
	}
}

func TestNestingTooDeep(t *testing.T) {
	tests := []struct {
		query string
		max   int
		want  bool
	}{
		{"{ a { b { c } } }", 3, false},
		{"{ a { b { c { d } } } }", 3, true},
		{`{ a(s: "{{{{{{{{") { b } }`, 3, false},
		{"{ a # {{{{{{{{\n { b } }", 3, false},
		{`{ a(s: """ {{{{{{ \""" {{{{ """) { b } }`, 3, false},
		{`{ a(l: [[[[1]]]]) }`, 3, true},
	}
	for _, tt := range tests {
		if got := nestingTooDeep(tt.query, tt.max); got != tt.want {
			t.Errorf("nestingTooDeep(%q, %d) = %v, want %v", tt.query, tt.max, got, tt.want)
		}
	}
}

func TestDocCacheEvicts(t *testing.T) {
	c := newDocCache(2)
	for _, q := range []string{"a", "b", "a", "c"} {
		c.put(q, &document{})
	}
	if _, ok := c.get("b"); ok {
		t.Error("b, the least recently used, survived")
	}
	for _, q := range []string{"a", "c"} {
		if _, ok := c.get(q); !ok {
			t.Errorf("%s was evicted", q)
		}
	}
	if c.len() != 2 {
		t.Errorf("len %d, want 2", c.len())
	}
}
