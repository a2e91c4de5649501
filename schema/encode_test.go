package schema

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

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

// TestWriteStringByWords checks writeString, which skips plain 8-byte
// words, against the byte-by-byte escaper it replaced, on every byte value
// at every position of a word and on random strings, and plainWords alone.
func TestWriteStringByWords(t *testing.T) {
	var ins []string
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 17; pos++ {
			b := []byte(strings.Repeat("abcdefgh", 3))
			b[pos] = byte(c)
			ins = append(ins, string(b), string(b[:pos+1]))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "Z", " ", "~", "\"", "\\", "\n", "\x00", "\x1f", "\x7f", "é", "🏃", "\u2028", "\u2029", "\xff", "\xe2\x80"}
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := rng.IntN(40); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		ins = append(ins, b.String())
	}
	for _, in := range ins {
		var got, want bytes.Buffer
		writeString(&got, in)
		writeStringByBytes(&want, in)
		if got.String() != want.String() {
			t.Fatalf("writeString(%q) = %s, byte by byte %s", in, got.String(), want.String())
		}
	}
	words := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abcdefg", 0},
		{"abcdefgh", 8},
		{"abcdefghijklmnop!", 16},
		{"abcdefg\"ijklmnop", 0},
		{"abcdefghijklmn\\p", 8},
		{"abcdefgh\x1fjklmnop", 8},
		{"abcdefgh ~ !#$%&'", 16},
		{"abcdefghé", 0 + 8},
		{"\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f", 8},
	}
	for _, w := range words {
		if got := plainWords(w.in); got != w.want {
			t.Errorf("plainWords(%q) = %d, want %d", w.in, got, w.want)
		}
	}
}

// writeStringByBytes is writeString as it was before plainWords: the
// reference it must agree with.
func writeStringByBytes(buf *bytes.Buffer, s string) {
	buf.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			buf.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				buf.WriteByte('\\')
				buf.WriteByte(c)
			case '\n':
				buf.WriteString(`\n`)
			case '\r':
				buf.WriteString(`\r`)
			case '\t':
				buf.WriteString(`\t`)
			default:
				buf.WriteString(`\u00`)
				buf.WriteByte(hexDigits[c>>4])
				buf.WriteByte(hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf.WriteString(s[start:i])
			buf.WriteString(`\ufffd`)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			buf.WriteString(s[start:i])
			buf.WriteString(`\u202`)
			buf.WriteByte(hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	buf.WriteString(s[start:])
	buf.WriteByte('"')
}
