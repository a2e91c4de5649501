package graph

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// TestCursorEncoding checks that a listing's cursors keep their format (a
// tag, the prefix index and the key, base64url) at every length, parse
// back, and that a page's cursors of usual length cost one allocation
// for the page: they cost one each.
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
			got := (&cursorText{room: 1}).cursor(sc, tc.pi, tc.key)
			want := base64.RawURLEncoding.EncodeToString(append([]byte{'a'}, append(binary.AppendUvarint(nil, uint64(tc.pi)), tc.key...)...))
			if got != want {
				t.Fatalf("cursor %q, want %q", got, want)
			}
			pi, k, err := sc.parse(got)
			if err != nil || pi != tc.pi || !bytes.Equal(k, tc.key) {
				t.Fatalf("parse: %d %x %v", pi, k, err)
			}
			if len(tc.key) < cursorStack-2 {
				kept := make([]string, 20) // cursors escape, as a page's do
				n := testing.AllocsPerRun(100, func() {
					text := cursorText{room: len(kept)}
					for i := range kept {
						kept[i] = text.cursor(sc, tc.pi, tc.key)
					}
				})
				if n != 1 {
					t.Errorf("%.0f allocations for a page of %d cursors, want 1", n, len(kept))
				}
				for _, c := range kept {
					if c != want {
						t.Fatalf("a page's cursor %q, want %q", c, want)
					}
				}
			}
		})
	}
}

// TestPageMakesRoomOnce checks that a page makes room for its items once,
// up to pagePrealloc, instead of growing by doubling (a page of 20 stance
// records was copied five times over), and that an empty page still has
// nil slices.
func TestPageMakesRoomOnce(t *testing.T) {
	st, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.db.Update(func(txn *badger.Txn) error {
		for i := 0; i < 300; i++ {
			if err := txn.Set([]byte(fmt.Sprintf("zk%04d", i)), nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		prefix  string
		n, want int // page size, items
		wantCap int // -1: not checked
	}{
		{"zk", 20, 20, 20},
		{"zk", 1, 1, 1},
		{"zk", 250, 250, -1}, // past pagePrealloc: grown from there
		{"zk029", 20, 10, 20},
		{"zq", 20, 0, 0},
	}
	for _, tc := range tests {
		err := st.db.View(func(txn *badger.Txn) error {
			sc := &scan{txn: txn, tag: 'z', prefixes: [][]byte{[]byte(tc.prefix)}}
			items, cursors, _, err := page(sc, "", tc.n, func(k []byte, _ *badger.Item) (string, bool, error) { return string(k), true, nil })
			switch {
			case err != nil:
				return err
			case len(items) != tc.want || len(cursors) != tc.want:
				t.Errorf("%s first %d: %d items and %d cursors, want %d", tc.prefix, tc.n, len(items), len(cursors), tc.want)
			case tc.want == 0 && (items != nil || cursors != nil):
				t.Errorf("%s first %d: empty page with non-nil slices", tc.prefix, tc.n)
			case tc.want > 0 && tc.wantCap >= 0 && (cap(items) != tc.wantCap || cap(cursors) != tc.wantCap):
				t.Errorf("%s first %d: room for %d items and %d cursors, want %d", tc.prefix, tc.n, cap(items), cap(cursors), tc.wantCap)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestPageProbesWithAccept: past a full page, an entry is only accepted
// or not (HasNext), not decoded by match, when the scan has accept; an
// entry accept refuses is passed over to the next.
func TestPageProbesWithAccept(t *testing.T) {
	st, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.db.Update(func(txn *badger.Txn) error {
		for i := 0; i < 5; i++ {
			if err := txn.Set([]byte(fmt.Sprintf("zk%d", i)), nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name              string
		n                 int
		accept            func(k []byte) bool // nil: no accept
		matches, accepted int                 // calls
		hasNext           bool
	}{
		{"without accept", 2, nil, 3, 0, true},
		{"with accept", 2, func([]byte) bool { return true }, 2, 1, true},
		{"refused, then one", 2, func(k []byte) bool { return string(k) != "zk2" }, 2, 2, true},
		{"none after", 2, func([]byte) bool { return false }, 2, 3, false},
		{"short page", 9, func([]byte) bool { return true }, 5, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			matches, accepted := 0, 0
			err := st.db.View(func(txn *badger.Txn) error {
				sc := &scan{txn: txn, tag: 'z', prefixes: [][]byte{[]byte("zk")}}
				if tc.accept != nil {
					sc.accept = func(k []byte, _ *badger.Item) (bool, error) { accepted++; return tc.accept(k), nil }
				}
				items, _, info, err := page(sc, "", tc.n, func(k []byte, _ *badger.Item) (string, bool, error) {
					matches++
					return string(k), true, nil
				})
				if err == nil && (len(items) != min(tc.n, 5) || info.HasNext != tc.hasNext) {
					t.Errorf("%d items, HasNext %v; want %d, %v", len(items), info.HasNext, min(tc.n, 5), tc.hasNext)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if matches != tc.matches || accepted != tc.accepted {
				t.Errorf("match called %d times, accept %d; want %d, %d", matches, accepted, tc.matches, tc.accepted)
			}
		})
	}
}
