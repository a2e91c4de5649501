package graph

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"testing"
)

// TestCursorEncoding checks that a listing's cursors keep their format (a
// tag, the prefix index and the key, base64url) at every length, parse
// back, and cost one allocation each: a page makes one per item.
func TestCursorEncoding(t *testing.T) {
	key := func(n int) []byte { return append([]byte("O"), bytes.Repeat([]byte{0xab}, n)...) }
	tests := []struct {
		name string
		pi   int
		key  []byte
	}{
		{"adjacency key", 0, key(56)},
		{"second prefix", 1, key(20)},
		{"prefix index of two bytes", 300, key(40)},
		{"longest on the stack", 0, key(cursorStack - 3)},
		{"longer than the stack", 2, key(4 * cursorStack)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prefixes := make([][]byte, tc.pi+1)
			prefixes[tc.pi] = []byte("O")
			sc := &scan{tag: 'a', prefixes: prefixes}
			got := sc.cursor(tc.pi, tc.key)
			want := base64.RawURLEncoding.EncodeToString(append([]byte{'a'}, append(binary.AppendUvarint(nil, uint64(tc.pi)), tc.key...)...))
			if got != want {
				t.Fatalf("cursor %q, want %q", got, want)
			}
			pi, k, err := sc.parse(got)
			if err != nil || pi != tc.pi || !bytes.Equal(k, tc.key) {
				t.Fatalf("parse: %d %x %v", pi, k, err)
			}
			if len(tc.key) < cursorStack-2 {
				var kept string // cursors escape, as a page's do
				if n := testing.AllocsPerRun(100, func() { kept = sc.cursor(tc.pi, tc.key) }); n != 1 {
					t.Errorf("%.0f allocations a cursor, want 1", n)
				}
				_ = kept
			}
		})
	}
}
