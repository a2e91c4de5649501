package stance

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// edge is a test hop: "A>B".
type edge string

func (e edge) from() string { return strings.Split(string(e), ">")[0] }
func (e edge) to() string   { return strings.Split(string(e), ">")[1] }

// searchOver is a PathSearch over edges, listed in the order given.
func searchOver(edges ...edge) PathSearch[edge] {
	return PathSearch[edge]{
		Forward: func(a string) ([]edge, error) {
			var out []edge
			for _, e := range edges {
				if e.from() == a {
					out = append(out, e)
				}
			}
			return out, nil
		},
		Backward: func(a string) ([]edge, error) {
			var out []edge
			for _, e := range edges {
				if e.to() == a {
					out = append(out, edge(e.to()+">"+e.from()))
				}
			}
			return out, nil
		},
		End: edge.to,
	}
}

func TestPathSearch(t *testing.T) {
	// A->B->D, A->C->D, A->D, B->C, D->A (a cycle back), C->E.
	g := searchOver("A>B", "A>C", "A>D", "B>D", "C>D", "B>C", "D>A", "C>E")
	tests := []struct {
		name          string
		from, to      string
		maxHops, limt int
		want          [][]edge
	}{
		{"shortest first, then by listing order", "A", "D", 3, 10, [][]edge{
			{"A>D"}, {"A>B", "B>D"}, {"A>C", "C>D"}, {"A>B", "B>C", "C>D"}}},
		{"limit", "A", "D", 3, 2, [][]edge{{"A>D"}, {"A>B", "B>D"}}},
		{"hops bound", "A", "D", 1, 10, [][]edge{{"A>D"}}},
		{"no actor twice", "B", "A", 3, 10, [][]edge{{"B>D", "D>A"}, {"B>C", "C>D", "D>A"}}},
		{"unreachable", "E", "A", 3, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := g.Find(tt.from, tt.to, tt.maxHops, tt.limt)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find(%s, %s, %d, %d) = %v, %v; want %v", tt.from, tt.to, tt.maxHops, tt.limt, got, err, tt.want)
			}
		})
	}
}

func TestPathSearchPrefetchAndErrors(t *testing.T) {
	g := searchOver("A>B", "B>C")
	var levels [][]string
	g.Prefetch = func(actors []string) error { levels = append(levels, actors); return nil }
	if _, err := g.Find("A", "C", 3, 10); err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"C"}, {"B"}}; !reflect.DeepEqual(levels, want) {
		t.Errorf("prefetched levels %v, want %v", levels, want)
	}
	boom := errors.New("store down")
	g.Forward = func(string) ([]edge, error) { return nil, boom }
	if _, err := g.Find("A", "C", 3, 10); !errors.Is(err, boom) {
		t.Errorf("a failing read: %v, want it returned", err)
	}
}
