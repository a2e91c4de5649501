package schema

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/graphql-go/graphql/language/ast"
)

// graphql-go v0.8.1 returns objects as Go maps, and encoding/json writes map
// keys sorted, so {type object} would come back as {object type}. GraphQL
// asks for response fields in query order; notebooks and diffs read better
// that way. A plan, built once per cached operation, lists the response keys
// of each selection set in order, and encode walks the result with it.

// plan is the ordered response keys of one selection set and the plans of
// their sub-selections.
type plan struct {
	keys []string
	sub  map[string]*plan
}

// buildPlan merges sets (several fields may share a response key) into one
// plan. Fragments are inlined; type conditions are ignored because a key
// that does not apply is simply absent from the result map.
func buildPlan(sets []*ast.SelectionSet, frags map[string]*ast.FragmentDefinition, depth int) *plan {
	p := &plan{sub: map[string]*plan{}}
	subsets := map[string][]*ast.SelectionSet{}
	seen := map[string]bool{}
	var walk func(set *ast.SelectionSet, spreads int)
	walk = func(set *ast.SelectionSet, spreads int) {
		if set == nil || spreads > 64 {
			return
		}
		for _, sel := range set.Selections {
			switch s := sel.(type) {
			case *ast.Field:
				key := s.Name.Value
				if s.Alias != nil && s.Alias.Value != "" {
					key = s.Alias.Value
				}
				if !seen[key] {
					seen[key] = true
					p.keys = append(p.keys, key)
				}
				if s.SelectionSet != nil {
					subsets[key] = append(subsets[key], s.SelectionSet)
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet, spreads)
			case *ast.FragmentSpread:
				if f := frags[s.Name.Value]; f != nil {
					walk(f.SelectionSet, spreads+1)
				}
			}
		}
	}
	for _, set := range sets {
		walk(set, 0)
	}
	if depth < 256 {
		for key, ss := range subsets {
			p.sub[key] = buildPlan(ss, frags, depth+1)
		}
	}
	return p
}

// planFor returns the plan of op in doc.
func planFor(doc *ast.Document, op *ast.OperationDefinition) *plan {
	frags := map[string]*ast.FragmentDefinition{}
	for _, def := range doc.Definitions {
		if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil {
			frags[f.Name.Value] = f
		}
	}
	return buildPlan([]*ast.SelectionSet{op.SelectionSet}, frags, 0)
}

// encode appends v as JSON, ordering object keys by p where p knows them.
func encode(buf *bytes.Buffer, v interface{}, p *plan) {
	switch x := v.(type) {
	case nil:
		buf.WriteString("null")
	case map[string]interface{}:
		buf.WriteByte('{')
		first := true
		field := func(k string, val interface{}) {
			if !first {
				buf.WriteByte(',')
			}
			first = false
			writeString(buf, k)
			buf.WriteByte(':')
			var sub *plan
			if p != nil {
				sub = p.sub[k]
			}
			encode(buf, val, sub)
		}
		done := 0
		if p != nil {
			for _, k := range p.keys {
				if val, ok := x[k]; ok {
					field(k, val)
					done++
				}
			}
		}
		if done < len(x) {
			// Keys the plan does not know (none in practice): sorted, after the rest.
			var rest []string
			for k := range x {
				if p == nil || !contains(p.keys, k) {
					rest = append(rest, k)
				}
			}
			sort.Strings(rest)
			for _, k := range rest {
				field(k, x[k])
			}
		}
		buf.WriteByte('}')
	case []interface{}:
		buf.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				buf.WriteByte(',')
			}
			encode(buf, e, p)
		}
		buf.WriteByte(']')
	case string:
		writeString(buf, x)
	case bool:
		buf.WriteString(strconv.FormatBool(x))
	case int:
		buf.WriteString(strconv.Itoa(x))
	default:
		b, err := json.Marshal(x)
		if err != nil {
			buf.WriteString("null")
			return
		}
		buf.Write(b)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

const hexDigits = "0123456789abcdef"

// writeString appends s as a JSON string. Unlike encoding/json it leaves
// <, > and & alone (the response is never HTML) and, like it, replaces
// invalid UTF-8 with U+FFFD.
func writeString(buf *bytes.Buffer, s string) {
	buf.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		i += plainWords(s[i:])
		if i == len(s) {
			break
		}
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
			// Valid JSON, but not valid JavaScript source: escape for
			// clients that eval or embed the response.
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

// Masks for plainWords, one byte of each per byte of a word.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// plainWords returns the length of the longest run of whole 8-byte words
// at the start of s that need no escaping: printable ASCII other than "
// and \. Names, quotes and IDs are mostly such runs, and an answer is
// mostly them, so writeString skips them a word at a time instead of a
// byte at a time.
func plainWords(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		// One slice of the word, whose bounds the compiler checks once:
		// indexing s itself eight times kept eight checks a word, half
		// the loop's instructions.
		t := s[i : i+8]
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		// A byte below 0x20, equal to " or \, or from 0x80 up sets its
		// high bit in special (borrows can only add false alarms above a
		// byte that is below 0x20, which is special anyway).
		special := (w-0x20*ones)&^w | zeroBytes(w^'"'*ones) | zeroBytes(w^'\\'*ones) | w
		if special&highs != 0 {
			break
		}
	}
	return i
}

// zeroBytes sets the high bit of each zero byte of w (and perhaps of
// bytes above a zero byte), and of no byte when w has none.
func zeroBytes(w uint64) uint64 { return (w - ones) &^ w }
