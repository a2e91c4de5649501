package jsonl_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
)

// splitFile is good with three stances more: 2 actors, 1 document and 4
// stances on lines 3-9.
const splitFile = good + `{"record":"stance","subject":"Kosovo","type":"ACCUSES","object":"Serbia"}
{"record":"stance","subject":"Kosovo","type":"SUPPORTS","object":"Serbia"}
{"record":"stance","subject":"Serbia","type":"SUPPORTS","object":"Kosovo","topic":"talks"}
`

// TestSplit cuts a file into parts of n records, in the file's order and
// with the file's lines, and loading the parts one after the other
// stores what loading the file whole does.
func TestSplit(t *testing.T) {
	tests := []struct {
		n     int
		sizes []int    // records per part
		lines [][2]int // first and last line per part
	}{
		{0, []int{7}, [][2]int{{3, 9}}},
		{7, []int{7}, [][2]int{{3, 9}}},
		{3, []int{3, 3, 1}, [][2]int{{3, 5}, {6, 8}, {9, 9}}},
		{1, []int{1, 1, 1, 1, 1, 1, 1}, [][2]int{{3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 7}, {8, 8}, {9, 9}}},
	}
	whole := newStore(t)
	want, err := jsonl.Load(ctx, whole, strings.NewReader(splitFile), "f.jsonl", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		f, err := jsonl.Read(strings.NewReader(splitFile), "f.jsonl", nil)
		if err != nil {
			t.Fatal(err)
		}
		parts := f.Split(tt.n)
		var sizes []int
		var lines [][2]int
		s := newStore(t)
		var got graph.LoadResult
		for _, p := range parts {
			b := p.Batch
			sizes = append(sizes, len(b.Actors)+len(b.Documents)+len(b.Stances))
			first, last := p.Lines()
			lines = append(lines, [2]int{first, last})
			res, err := p.Apply(ctx, s, "f.jsonl")
			if err != nil {
				t.Fatalf("n=%d: part of lines %d-%d: %v", tt.n, first, last, err)
			}
			got.Add(res)
		}
		if !reflect.DeepEqual(sizes, tt.sizes) || !reflect.DeepEqual(lines, tt.lines) {
			t.Errorf("Split(%d) = sizes %v lines %v, want %v %v", tt.n, sizes, lines, tt.sizes, tt.lines)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Split(%d): the parts stored %+v, the whole file %+v", tt.n, got, want)
		}
	}
}

// TestSplitErrorLine: a bad record in a later part is reported on its
// line in the file, not its place in the part.
func TestSplitErrorLine(t *testing.T) {
	bad := strings.Replace(splitFile, `"type":"SUPPORTS","object":"Serbia"`, `"type":"LIKES","object":"Serbia"`, 1)
	f, err := jsonl.Read(strings.NewReader(bad), "f.jsonl", nil)
	if err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	for _, p := range f.Split(3) {
		_, err = p.Apply(ctx, s, "f.jsonl")
		if err != nil {
			break
		}
	}
	var le *jsonl.LineError
	if !errors.As(err, &le) || le.Line != 8 || !errors.Is(err, graph.ErrInvalidType) {
		t.Fatalf("err = %v, want an unknown type on line 8", err)
	}
}
