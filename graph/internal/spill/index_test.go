package spill

import (
	"fmt"
	"testing"
)

// TestIndexFindsNewestWrite checks the buffer's index against a map:
// every key finds its newest write across growths, keys never put are not
// found, and a reset index finds nothing and fills again.
func TestIndexFindsNewestWrite(t *testing.T) {
	for _, tc := range []struct {
		name    string
		keys    int
		rewrite int // every rewrite-th key is written a second time
	}{
		{"empty", 0, 1},
		{"one", 1, 1},
		{"below first growth", minSlots/2 - 1, 3},
		{"several growths", 20 * minSlots, 7},
		{"short and long keys", 5000, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for round := range 2 { // the second after reset
				b := &buffer{index: newIndex()}
				if round == 1 {
					b.index.reset()
				}
				want := map[string]string{}
				put := func(k, v string) {
					if err := (&Sorter{budget: 1 << 30, cur: b}).add([]byte(k), []byte(v), false, true); err != nil {
						t.Fatal(err)
					}
					want[k] = v
				}
				key := func(i int) string {
					if tc.name == "short and long keys" && i%2 == 1 {
						return fmt.Sprintf("a long key of more than twenty bytes %d", i)
					}
					return fmt.Sprint(i)
				}
				for i := range tc.keys {
					put(key(i), "first")
				}
				for i := 0; i < tc.keys; i += tc.rewrite {
					put(key(i), "second")
				}
				if b.index.len() != len(want) {
					t.Fatalf("index holds %d keys, want %d", b.index.len(), len(want))
				}
				for k, v := range want {
					l, ok := b.index.get(b, []byte(k))
					if !ok || string(b.value(l)) != v {
						t.Fatalf("key %q: found %v, value %q; want %q", k, ok, b.value(l), v)
					}
				}
				if _, ok := b.index.get(b, []byte("never put")); ok {
					t.Fatal("a key never put was found")
				}
				b.reset(cap(b.ents))
				if _, ok := b.index.get(b, []byte(key(0))); ok || b.index.len() != 0 {
					t.Fatal("a reset index still finds keys")
				}
			}
		})
	}
}
