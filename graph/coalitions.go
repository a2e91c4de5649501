package graph

import (
	"cmp"
	"context"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/stance"
)

// maxRefineRounds bounds the local moves of coalitions; each round that
// moves an actor lowers the frustration, so the bound only matters on
// graphs whose moves gain next to nothing.
const maxRefineRounds = 100

// signedGraph is the undirected signed graph of coalitions: one edge per
// pair of actors with stances either way, weighted by their net weight.
type signedGraph struct {
	actors []string         // actor IDs, indexed by node
	adj    [][]signedEdge   // by node
	pairs  map[[2]int]*pair // by (lower node, higher node)
}

type signedEdge struct {
	to int
	w  float64
}

// pair holds the stances between two actors, both ways.
type pair struct {
	w       float64
	stances []edge
}

// Coalitions splits the signed graph of live stances dated q.From to q.To
// into blocs and measures its balance. The method, chosen to be simple to
// explain and deterministic:
//
//  1. Each pair of actors with stances either way is one undirected edge,
//     weighted by the sum of the vocabulary weights of those stances;
//     pairs summing to zero are left out.
//  2. The first blocs are the connected components of the positive
//     edges: actors linked by a chain of cooperation.
//  3. Actors are then moved one at a time, in ID order, to the bloc (or a
//     new bloc of their own) that most lowers the frustration: the weight
//     of negative edges inside blocs plus positive edges between them.
//     An actor's move changes the frustration by exactly its own gain,
//     so rounds repeat until no move gains.
//
// Balance counts the triangles of the same graph; a triangle is balanced
// when the product of its three signs is positive.
func (s *Store) Coalitions(ctx context.Context, q stance.CoalitionQuery) (stance.Coalitions, error) {
	if err := stance.CheckRange(q.From, q.To); err != nil {
		return stance.Coalitions{}, err
	}
	var es []edge
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		es, err = s.readEdges(txn, [][]byte{{keys.Out}}, edgeFilter{from: q.From, to: q.To})
		return err
	})
	if err != nil {
		return stance.Coalitions{}, err
	}
	g := newSignedGraph(es)
	bloc := g.refine(g.positiveComponents())
	return s.describe(g, bloc), ctx.Err()
}

// newSignedGraph builds the signed graph of es.
func newSignedGraph(es []edge) *signedGraph {
	node := map[string]int{}
	for _, e := range es {
		node[e.subj], node[e.obj] = 0, 0
	}
	g := &signedGraph{pairs: map[[2]int]*pair{}}
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
			p = &pair{}
			g.pairs[k] = p
		}
		p.w += e.weight
		p.stances = append(p.stances, e)
	}
	g.adj = make([][]signedEdge, len(g.actors))
	for _, k := range slices.SortedFunc(maps.Keys(g.pairs), comparePairs) {
		p := g.pairs[k]
		if p.w = round(p.w); p.w == 0 {
			delete(g.pairs, k)
			continue
		}
		g.adj[k[0]] = append(g.adj[k[0]], signedEdge{k[1], p.w})
		g.adj[k[1]] = append(g.adj[k[1]], signedEdge{k[0], p.w})
	}
	return g
}

func comparePairs(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) }

// positiveComponents labels each node with its component over positive
// edges.
func (g *signedGraph) positiveComponents() []int {
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
func (g *signedGraph) refine(bloc []int) []int {
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
func (s *Store) describe(g *signedGraph, label []int) stance.Coalitions {
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
	for _, k := range slices.SortedFunc(maps.Keys(g.pairs), comparePairs) {
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
func (g *signedGraph) triads(total *stance.TriadBalance) map[string]stance.TriadBalance {
	rank := func(n int) [2]int { return [2]int{len(g.adj[n]), n} }
	higher := func(a, b int) bool { return comparePairs(rank(a), rank(b)) < 0 }
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
