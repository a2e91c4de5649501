package graph

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/stance"
)

// coalitionsByEdges is Coalitions computed the plain way, as it was first
// written: every live stance read into memory, one map entry per pair
// holding its stances. Coalitions must answer exactly this.
func coalitionsByEdges(t *testing.T, s *Store, q stance.CoalitionQuery) stance.Coalitions {
	t.Helper()
	var es []edge
	err := s.view(context.Background(), func(txn *badger.Txn) error {
		var err error
		es, err = s.readEdges(txn, [][]byte{{keys.Out}}, edgeFilter{from: q.From, to: q.To})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	g := newRefGraph(es)
	return refDescribe(g, g.refine(g.positiveComponents()))
}

func TestCoalitionsMatchPlainComputation(t *testing.T) {
	for _, seed := range []uint64{3, 11, 29} {
		s := randomStore(t, seed, 60, 900)
		retractSome(t, s, 7)
		ranges := []stance.CoalitionQuery{{}, {From: NewDate(2020, 3, 1), To: NewDate(2020, 8, 31)}, {From: NewDate(2020, 6, 1)}, {To: NewDate(2020, 2, 1)}}
		for _, q := range ranges {
			got, err := s.Coalitions(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			want := coalitionsByEdges(t, s, q)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d, %+v:\n got %+v\nwant %+v", seed, q, got, want)
			}
			if q == (stance.CoalitionQuery{}) && (len(got.Blocs) < 2 || got.Balance.Triads < 10 || len(got.Blocs[0].Stances) == 0) {
				t.Fatalf("seed %d: %d blocs, %d triads: the random graph is too plain to compare", seed, len(got.Blocs), got.Balance.Triads)
			}
		}
	}
}

// retractSome retracts every nth live stance.
func retractSome(t *testing.T, s *Store, nth int) {
	t.Helper()
	var es []edge
	err := s.view(context.Background(), func(txn *badger.Txn) error {
		var err error
		es, err = s.readEdges(txn, [][]byte{{keys.Out}}, edgeFilter{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(es); i += nth {
		if _, err := s.RetractStance(context.Background(), es[i].id, fmt.Sprint("test ", i)); err != nil {
			t.Fatal(err)
		}
	}
}

// refGraph is the undirected signed graph of coalitions: one edge per
// pair of actors with stances either way, weighted by their net weight.
type refGraph struct {
	actors []string            // actor IDs, indexed by node
	adj    [][]refEdge         // by node
	pairs  map[[2]int]*refPair // by (lower node, higher node)
}

type refEdge struct {
	to int
	w  float64
}

// pair holds the stances between two actors, both ways.
type refPair struct {
	w       float64
	stances []edge
}

// newRefGraph builds the signed graph of es.
func newRefGraph(es []edge) *refGraph {
	node := map[string]int{}
	for _, e := range es {
		node[e.subj], node[e.obj] = 0, 0
	}
	g := &refGraph{pairs: map[[2]int]*refPair{}}
	g.actors = slices.Sorted(maps.Keys(node))
	for i, a := range g.actors {
		node[a] = i
	}
	for _, e := range es {
		k := [2]int{node[e.subj], node[e.obj]}
		if k[0] > k[1] {
			k[0], k[1] = k[1], k[0]
		}
		p := g.pairs[k]
		if p == nil {
			p = &refPair{}
			g.pairs[k] = p
		}
		p.w += e.weight
		p.stances = append(p.stances, e)
	}
	g.adj = make([][]refEdge, len(g.actors))
	for _, k := range slices.SortedFunc(maps.Keys(g.pairs), refComparePairs) {
		p := g.pairs[k]
		if p.w = round(p.w); p.w == 0 {
			delete(g.pairs, k)
			continue
		}
		g.adj[k[0]] = append(g.adj[k[0]], refEdge{k[1], p.w})
		g.adj[k[1]] = append(g.adj[k[1]], refEdge{k[0], p.w})
	}
	return g
}

func refComparePairs(a, b [2]int) int {
	return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
}

// positiveComponents labels each node with its component over positive
// edges.
func (g *refGraph) positiveComponents() []int {
	bloc := make([]int, len(g.actors))
	for i := range bloc {
		bloc[i] = -1
	}
	next := 0
	for start := range g.actors {
		if bloc[start] >= 0 {
			continue
		}
		stack := []int{start}
		bloc[start] = next
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, e := range g.adj[n] {
				if e.w > 0 && bloc[e.to] < 0 {
					bloc[e.to] = next
					stack = append(stack, e.to)
				}
			}
		}
		next++
	}
	return bloc
}

// refine moves nodes to the bloc with the largest sum of edge weights
// toward the node (a fresh bloc scores 0), which is the move lowering the
// frustration most.
func (g *refGraph) refine(bloc []int) []int {
	fresh := len(bloc) // labels at or above len(bloc) are never in use
	for round := 0; round < maxRefineRounds; round++ {
		moved := false
		for n := range g.actors {
			gain := map[int]float64{}
			for _, e := range g.adj[n] {
				gain[bloc[e.to]] += e.w
			}
			best, bestGain := bloc[n], gain[bloc[n]]
			if bestGain < 0 {
				best, bestGain = fresh, 0
			}
			for _, b := range slices.Sorted(maps.Keys(gain)) {
				if gain[b] > bestGain+1e-9 {
					best, bestGain = b, gain[b]
				}
			}
			if best != bloc[n] && bestGain > gain[bloc[n]]+1e-9 {
				if best == fresh {
					fresh++
				}
				bloc[n], moved = best, true
			}
		}
		if !moved {
			break
		}
	}
	return bloc
}

// describe turns bloc labels into Coalitions: blocs largest first, each
// with its cooperative stances, frustration and triad balance.
func refDescribe(g *refGraph, label []int) stance.Coalitions {
	members := map[int][]int{}
	for n, b := range label {
		members[b] = append(members[b], n)
	}
	order := slices.SortedFunc(maps.Keys(members), func(a, b int) int {
		return cmp.Or(cmp.Compare(len(members[b]), len(members[a])), cmp.Compare(members[a][0], members[b][0]))
	})
	index := map[int]int{}
	out := stance.Coalitions{Blocs: make([]stance.Bloc, len(order))}
	for i, b := range order {
		index[b] = i
		for _, n := range members[b] {
			out.Blocs[i].Actors = append(out.Blocs[i].Actors, g.actors[n])
		}
	}
	held := make([][]edge, len(order))
	for _, k := range slices.SortedFunc(maps.Keys(g.pairs), refComparePairs) {
		p, same := g.pairs[k], label[k[0]] == label[k[1]]
		switch {
		case same && p.w > 0:
			for _, e := range p.stances {
				if e.weight > 0 {
					held[index[label[k[0]]]] = append(held[index[label[k[0]]]], e)
				}
			}
		case same && p.w < 0:
			out.Frustration -= p.w
		case !same && p.w > 0:
			out.Frustration += p.w
		}
	}
	out.Frustration = round(out.Frustration)
	for i := range out.Blocs {
		out.Blocs[i].Stances = ids(sortedEdges(held[i]))
	}
	per := g.triads(&out.Balance)
	for i, b := range out.Blocs {
		for _, a := range b.Actors {
			out.Actors = append(out.Actors, stance.ActorBalance{Actor: a, Bloc: i, Balance: per[a]})
		}
	}
	return out
}

// triads counts the triangles of g into total and per actor. Each
// triangle is found once: from its lowest-ranked node, ranked by degree
// then index, through two edges toward higher-ranked nodes.
func (g *refGraph) triads(total *stance.TriadBalance) map[string]stance.TriadBalance {
	rank := func(n int) [2]int { return [2]int{len(g.adj[n]), n} }
	higher := func(a, b int) bool { return refComparePairs(rank(a), rank(b)) < 0 }
	up := make([]map[int]float64, len(g.actors))
	for n := range g.actors {
		up[n] = map[int]float64{}
		for _, e := range g.adj[n] {
			if higher(n, e.to) {
				up[n][e.to] = e.w
			}
		}
	}
	per := map[string]stance.TriadBalance{}
	count := func(n int, balanced bool) {
		t := per[g.actors[n]]
		t.Triads++
		if balanced {
			t.Balanced++
		}
		per[g.actors[n]] = t
	}
	for u := range g.actors {
		for v, wuv := range up[u] {
			for w, wvw := range up[v] {
				wuw, ok := up[u][w]
				if !ok {
					continue
				}
				balanced := wuv*wvw*wuw > 0
				total.Triads++
				if balanced {
					total.Balanced++
				}
				count(u, balanced)
				count(v, balanced)
				count(w, balanced)
			}
		}
	}
	return per
}

// BenchmarkCoalitions compares Coalitions with the plain computation it
// replaced, on a random graph of 20,000 actors and 200,000 stances:
// B/op is what each allocates (`go test -run '^$' -bench Coalitions
// -benchmem ./graph/`).
func BenchmarkCoalitions(b *testing.B) {
	s := loadedStore(b, 20_000, 200_000)
	q := stance.CoalitionQuery{}
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			var es []edge
			if err := s.view(context.Background(), func(txn *badger.Txn) error {
				var err error
				es, err = s.readEdges(txn, [][]byte{{keys.Out}}, edgeFilter{})
				return err
			}); err != nil {
				b.Fatal(err)
			}
			g := newRefGraph(es)
			refDescribe(g, g.refine(g.positiveComponents()))
		}
	})
	b.Run("signed-graph", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Coalitions(context.Background(), q); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// loadedStore is a store on disk holding n actors and m stances of
// random types and dates, loaded in batches; actors are drawn so that a
// few are busy.
func loadedStore(tb testing.TB, n, m int) *Store {
	tb.Helper()
	s, err := Open(tb.TempDir(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	r := rand.New(rand.NewPCG(1, 2))
	types := s.Vocabulary().Names()
	name := func(i int) string { return fmt.Sprintf("actor %d", i) }
	var b Batch
	for i := range n {
		b.Actors = append(b.Actors, Actor{Name: name(i), Kind: KindState})
	}
	for len(b.Stances) < m {
		x, y := int(float64(n)*r.Float64()*r.Float64()), int(float64(n)*r.Float64()*r.Float64())
		if x != y {
			b.Stances = append(b.Stances, StanceSpec{Subject: name(x), Object: name(y), Type: types[r.IntN(len(types))], Date: NewDate(2020, time.Month(1+r.IntN(12)), 1+r.IntN(28))})
		}
		if len(b.Stances) == 20_000 || len(b.Stances) == m {
			if _, err := s.Load(context.Background(), b); err != nil {
				tb.Fatal(err)
			}
			m -= len(b.Stances)
			b = Batch{}
		}
	}
	return s
}
