package keys

import (
	"bytes"
	"testing"
)

func TestAdjacencyRoundTrip(t *testing.T) {
	a := bytes.Repeat([]byte{1}, IDLen)
	o := bytes.Repeat([]byte{2}, IDLen)
	s := bytes.Repeat([]byte{0}, IDLen) // zero bytes must not confuse the type terminator
	for _, typ := range []string{"SUPPORTS", "X", "A_LONG_TYPE_NAME_2"} {
		t.Run(typ, func(t *testing.T) {
			k := Adjacency(Out, a, typ, o, s)
			if !bytes.HasPrefix(k, AdjacencyPrefix(Out, a, typ, o)) || !bytes.HasPrefix(k, AdjacencyPrefix(Out, a, "", nil)) {
				t.Fatalf("key %x lacks its prefixes", k)
			}
			dir, ga, gt, gother, gs, ok := ParseAdjacency(k)
			if !ok || dir != Out || !bytes.Equal(ga, a) || gt != typ || !bytes.Equal(gother, o) || !bytes.Equal(gs, s) {
				t.Fatalf("ParseAdjacency(%x) = %c %x %q %x %x %v", k, dir, ga, gt, gother, gs, ok)
			}
		})
	}
	if _, _, _, _, _, ok := ParseAdjacency([]byte("short")); ok {
		t.Fatal("short key parsed")
	}
}

func TestDateKeysSortByDate(t *testing.T) {
	id := bytes.Repeat([]byte{9}, IDLen)
	if bytes.Compare(DateKey(700000, id), DateKey(700001, id)) >= 0 {
		t.Fatal("date keys out of order")
	}
}
