package graph

import (
	"bytes"
	"cmp"
	"context"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/stance"
)

// maxRefineRounds bounds the local moves of coalitions; each round that
// moves an actor lowers the frustration, so the bound only matters on
// graphs whose moves gain next to nothing.
const maxRefineRounds = 100

// signedGraph is the undirected signed graph of coalitions: one edge per
// pair of actors with stances either way, weighted by their net weight.
// It holds a few bytes per pair and no stance, so that coalitions of ten
// million stances fit a small memory: the stances a bloc reports are read
// again from the store once the blocs are known.
type signedGraph struct {
	ids  [][16]byte         // node -> actor ID, in ID order
	node map[[16]byte]int32 // actor ID -> node
	adj  [][]signedEdge     // node -> its edges, by the other node
}

type signedEdge struct {
	to int32
	w  float64
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
	f := edgeFilter{from: q.From, to: q.To}
	var out stance.Coalitions
	err := s.view(ctx, func(txn *badger.Txn) error {
		g, err := s.signedGraph(ctx, txn, f)
		if err != nil {
			return err
		}
		label := g.refine(g.positiveComponents())
		out, err = s.describe(ctx, txn, f, g, label)
		return err
	})
	if err != nil {
		return stance.Coalitions{}, err
	}
	return out, ctx.Err()
}

// signedGraph sums the weights of each pair's stances in key order (the
// order the definition's float sums take) and builds the graph of the
// pairs whose rounded sum is not zero.
func (s *Store) signedGraph(ctx context.Context, txn *badger.Txn, f edgeFilter) (*signedGraph, error) {
	g := &signedGraph{node: map[[16]byte]int32{}}
	sums := map[[2]int32]float64{} // by the two nodes in the order first met
	err := s.liveOut(ctx, txn, f, func(subj, obj, _ []byte, _ Date, w float64) {
		a, b := g.nodeOf(subj), g.nodeOf(obj)
		sums[[2]int32{min(a, b), max(a, b)}] += w
	})
	if err != nil {
		return nil, err
	}
	rank := g.sortNodes()
	pairs := make([]pairWeight, 0, len(sums))
	for k, w := range sums {
		if w = round(w); w != 0 {
			a, b := rank[k[0]], rank[k[1]]
			pairs = append(pairs, pairWeight{min(a, b), max(a, b), w})
		}
	}
	sums = nil
	slices.SortFunc(pairs, func(p, q pairWeight) int { return cmp.Or(cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b)) })
	g.link(pairs)
	return g, nil
}

// pairWeight is the rounded net weight of the stances between nodes a <= b.
type pairWeight struct {
	a, b int32
	w    float64
}

// nodeOf returns id's node, adding it when new.
func (g *signedGraph) nodeOf(id []byte) int32 {
	k := [16]byte(id)
	n, ok := g.node[k]
	if !ok {
		n = int32(len(g.ids))
		g.node[k] = n
		g.ids = append(g.ids, k)
	}
	return n
}

// sortNodes renumbers the nodes in ID order (the order of the IDs as
// text too) and returns the new number of each old one.
func (g *signedGraph) sortNodes() []int32 {
	order := make([]int32, len(g.ids))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return bytes.Compare(g.ids[a][:], g.ids[b][:]) })
	rank := make([]int32, len(order))
	ids := make([][16]byte, len(order))
	for r, old := range order {
		rank[old], ids[r] = int32(r), g.ids[old]
		g.node[ids[r]] = int32(r)
	}
	g.ids = ids
	return rank
}

// link makes the adjacency lists of pairs, which are sorted, so that each
// list is sorted by the other node.
func (g *signedGraph) link(pairs []pairWeight) {
	deg := make([]int32, len(g.ids))
	for _, p := range pairs {
		deg[p.a]++
		deg[p.b]++
	}
	g.adj = make([][]signedEdge, len(g.ids))
	for n := range g.adj {
		g.adj[n] = make([]signedEdge, 0, deg[n])
	}
	for _, p := range pairs {
		g.adj[p.a] = append(g.adj[p.a], signedEdge{p.b, p.w})
		g.adj[p.b] = append(g.adj[p.b], signedEdge{p.a, p.w})
	}
}

// weight returns the weight of the edge between a and b, if there is one.
func (g *signedGraph) weight(a, b int32) (float64, bool) {
	es := g.adj[a]
	i, ok := slices.BinarySearchFunc(es, b, func(e signedEdge, t int32) int { return cmp.Compare(e.to, t) })
	if !ok {
		return 0, false
	}
	return es[i].w, true
}

// eachPair calls fn for each edge once, in the order of its two nodes.
func (g *signedGraph) eachPair(fn func(a, b int32, w float64)) {
	for a, es := range g.adj {
		for i, e := range es {
			if e.to > int32(a) || (e.to == int32(a) && (i == 0 || es[i-1].to != e.to)) {
				fn(int32(a), e.to, e.w)
			}
		}
	}
}

// positiveComponents labels each node with its component over positive
// edges.
func (g *signedGraph) positiveComponents() []int {
	bloc := make([]int, len(g.ids))
	for i := range bloc {
		bloc[i] = -1
	}
	next := 0
	for start := range g.ids {
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
					stack = append(stack, int(e.to))
				}
			}
		}
		next++
	}
	return bloc
}

// gains sums a node's edge weights by the bloc at their other end. It is
// reused from node to node: a fresh map per node and round cost more than
// the moves.
type gains struct {
	sum     []float64
	seen    []bool
	touched []int // blocs with an edge
}

// add adds w to bloc b.
func (t *gains) add(b int, w float64) {
	if b >= len(t.sum) {
		t.sum = append(t.sum, make([]float64, b+1-len(t.sum))...)
		t.seen = append(t.seen, make([]bool, b+1-len(t.seen))...)
	}
	if !t.seen[b] {
		t.seen[b] = true
		t.touched = append(t.touched, b)
	}
	t.sum[b] += w
}

// of returns the sum toward bloc b (0 for a bloc without an edge).
func (t *gains) of(b int) float64 {
	if b < len(t.sum) {
		return t.sum[b]
	}
	return 0
}

// reset forgets every sum.
func (t *gains) reset() {
	for _, b := range t.touched {
		t.sum[b], t.seen[b] = 0, false
	}
	t.touched = t.touched[:0]
}

// refine moves nodes to the bloc with the largest sum of edge weights
// toward the node (a fresh bloc scores 0), which is the move lowering the
// frustration most.
func (g *signedGraph) refine(bloc []int) []int {
	fresh := len(bloc) // labels at or above len(bloc) are never in use
	var gain gains
	for round := 0; round < maxRefineRounds; round++ {
		moved := false
		for n := range g.ids {
			gain.reset()
			for _, e := range g.adj[n] {
				gain.add(bloc[e.to], e.w)
			}
			best, bestGain := bloc[n], gain.of(bloc[n])
			if bestGain < 0 {
				best, bestGain = fresh, 0
			}
			slices.Sort(gain.touched)
			for _, b := range gain.touched {
				if gain.sum[b] > bestGain+1e-9 {
					best, bestGain = b, gain.sum[b]
				}
			}
			if best != bloc[n] && bestGain > gain.of(bloc[n])+1e-9 {
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
func (s *Store) describe(ctx context.Context, txn *badger.Txn, f edgeFilter, g *signedGraph, label []int) (stance.Coalitions, error) {
	members := map[int][]int32{}
	for n, b := range label {
		members[b] = append(members[b], int32(n))
	}
	order := make([]int, 0, len(members))
	for b := range members {
		order = append(order, b)
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(len(members[b]), len(members[a])), cmp.Compare(members[a][0], members[b][0]))
	})
	index := make([]int, len(label)) // node -> its bloc's place in order
	out := stance.Coalitions{Blocs: make([]stance.Bloc, len(order))}
	for i, b := range order {
		for _, n := range members[b] {
			index[n] = i
			out.Blocs[i].Actors = append(out.Blocs[i].Actors, idString(g.ids[n][:]))
		}
	}
	g.eachPair(func(a, b int32, w float64) {
		switch same := label[a] == label[b]; {
		case same && w < 0:
			out.Frustration -= w
		case !same && w > 0:
			out.Frustration += w
		}
	})
	out.Frustration = round(out.Frustration)
	held, err := s.heldStances(ctx, txn, f, g, label, index, len(order))
	if err != nil {
		return stance.Coalitions{}, err
	}
	for i := range out.Blocs {
		out.Blocs[i].Stances = held[i]
	}
	per := g.triads(&out.Balance)
	for i, b := range order {
		for j, n := range members[b] {
			out.Actors = append(out.Actors, stance.ActorBalance{Actor: out.Blocs[i].Actors[j], Bloc: i, Balance: per[n]})
		}
	}
	return out, nil
}

// heldStance is a stance a bloc reports, as much of it as its order needs.
type heldStance struct {
	date Date
	id   [16]byte
}

// heldStances reads the stances along each bloc's positive edges again:
// those of positive weight between two actors of the bloc, by date then
// ID.
func (s *Store) heldStances(ctx context.Context, txn *badger.Txn, f edgeFilter, g *signedGraph, label, index []int, blocs int) ([][]string, error) {
	held := make([][]heldStance, blocs)
	err := s.liveOut(ctx, txn, f, func(subj, obj, id []byte, eff Date, w float64) {
		a, b := g.node[[16]byte(subj)], g.node[[16]byte(obj)]
		if w <= 0 || label[a] != label[b] {
			return
		}
		if pw, ok := g.weight(a, b); ok && pw > 0 {
			held[index[a]] = append(held[index[a]], heldStance{eff, [16]byte(id)})
		}
	})
	if err != nil {
		return nil, err
	}
	out := make([][]string, blocs)
	for i, hs := range held {
		slices.SortFunc(hs, func(p, q heldStance) int {
			return cmp.Or(cmp.Compare(p.date, q.date), bytes.Compare(p.id[:], q.id[:]))
		})
		out[i] = make([]string, len(hs))
		for j, h := range hs {
			out[i][j] = idString(h.id[:])
		}
	}
	return out, nil
}

// triads counts the triangles of g into total and per node. Each
// triangle is found once: from its lowest-ranked node, ranked by degree
// then index, through two edges toward higher-ranked nodes.
func (g *signedGraph) triads(total *stance.TriadBalance) []stance.TriadBalance {
	higher := func(a, b int32) bool {
		return cmp.Or(cmp.Compare(len(g.adj[a]), len(g.adj[b])), cmp.Compare(a, b)) < 0
	}
	up := make([][]signedEdge, len(g.ids)) // by the other node, as adj
	for n := range g.ids {
		for _, e := range g.adj[n] {
			if higher(int32(n), e.to) {
				up[n] = append(up[n], e)
			}
		}
	}
	per := make([]stance.TriadBalance, len(g.ids))
	count := func(n int32, balanced bool) {
		per[n].Triads++
		if balanced {
			per[n].Balanced++
		}
	}
	toU := make([]float64, len(g.ids)) // node -> its edge's weight to u; edges are never 0
	for u := range up {
		for _, e := range up[u] {
			toU[e.to] = e.w
		}
		for _, uv := range up[u] {
			for _, vw := range up[uv.to] {
				wuw := toU[vw.to]
				if wuw == 0 {
					continue
				}
				balanced := uv.w*vw.w*wuw > 0
				total.Triads++
				if balanced {
					total.Balanced++
				}
				count(int32(u), balanced)
				count(uv.to, balanced)
				count(vw.to, balanced)
			}
		}
		for _, e := range up[u] {
			toU[e.to] = 0
		}
	}
	return per
}
