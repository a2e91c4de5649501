package graph

import (
	"bytes"
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/stance"
)

// defaultAlignments is how many actors Alignment returns when First is 0.
const defaultAlignments = 10

// stanceVector is an actor's net weight toward each counterpart, with the
// stances behind each entry.
type stanceVector struct {
	weight  map[string]float64
	stances map[string][]string
}

// norm is the Euclidean norm of v with the entry for skip left out.
func (v stanceVector) norm(skip string) float64 {
	sum := 0.0
	for c, w := range v.weight {
		if c != skip {
			sum += w * w
		}
	}
	return math.Sqrt(sum)
}

// Alignment ranks the actors holding stances toward the same third parties
// as q.Actor by the cosine similarity of their stance vectors (see
// stance.Alignment).
//
// Every actor sharing a counterpart with q.Actor is a candidate, and each
// candidate's score needs the norm of its whole vector: read from storage,
// that is the outgoing stances of nearly every actor for an actor whose
// counterparts include the busiest ones. So the scores are computed on a
// netIndex, the net weight of every ordered pair of actors, built by one
// scan of the store and kept until the next write (or another date
// range); the stances behind the best scores are then read from storage
// and the scores computed again from them, exactly as they are reported.
func (s *Store) Alignment(ctx context.Context, q stance.AlignmentQuery) ([]stance.Alignment, error) {
	if q.First == 0 {
		q.First = defaultAlignments
	}
	if q.First < 1 || q.First > MaxPageSize {
		return nil, fmt.Errorf("%w: first: must be between 1 and %d, got %d", ErrInvalidInput, MaxPageSize, q.First)
	}
	if err := checkRange(q.From, q.To); err != nil {
		return nil, err
	}
	a, err := s.resolveID(q.Actor)
	if err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	f := edgeFilter{from: q.From, to: q.To}
	var out []stance.Alignment
	err = s.view(ctx, func(txn *badger.Txn) error {
		ix, err := s.nets.get(ctx, s, txn, f)
		if err != nil {
			return err
		}
		out, err = s.align(ctx, txn, ix, a, f, q)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// rankAlignments orders alignments best first (most opposed first with
// oppose), ties by actor ID.
func rankAlignments(out []stance.Alignment, oppose bool) {
	slices.SortFunc(out, func(x, y stance.Alignment) int {
		if oppose {
			x, y = y, x
		}
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.Actor, y.Actor))
	})
}

// align scores a against every candidate on ix, then reads the stances of
// the best q.First (and of any candidate whose score ties with them within
// the rounding of the scores) and scores those again from their stances.
func (s *Store) align(ctx context.Context, txn *badger.Txn, ix *netIndex, a string, f edgeFilter, q stance.AlignmentQuery) ([]stance.Alignment, error) {
	an, ok := ix.node[[16]byte(mustID(a))]
	if !ok {
		return []stance.Alignment{}, nil
	}
	best := ix.candidates(an, q.First, q.Oppose)
	if len(best) == 0 {
		return []stance.Alignment{}, nil
	}
	shared := map[[16]byte]string{}
	va, err := s.readVector(txn, a, f, nil, shared)
	if err != nil {
		return nil, err
	}
	scored, err := s.scoreBest(ctx, txn, ix, an, a, va, best, f, shared)
	if err != nil {
		return nil, err
	}
	out := make([]stance.Alignment, 0, len(best))
	for _, al := range scored {
		if al != nil {
			out = append(out, *al)
		}
	}
	rankAlignments(out, q.Oppose)
	return out[:min(q.First, len(out))], nil
}

// scoreBest scores a against each of best from their stances, on as many
// goroutines as there are processors: the best of a busy actor are busy
// too, each with tens of thousands of stances to read. Badger allows
// concurrent iterators in one read-only transaction. An entry is nil where
// the two share no counterpart.
func (s *Store) scoreBest(ctx context.Context, txn *badger.Txn, ix *netIndex, an int32, a string, va stanceVector, best []int32, f edgeFilter, shared map[[16]byte]string) ([]*stance.Alignment, error) {
	out := make([]*stance.Alignment, len(best))
	errs := make([]error, len(best))
	next := atomic.Int32{}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(best)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(best) && ctx.Err() == nil; i = int(next.Add(1)) - 1 {
				x := best[i]
				id := idString(ix.ids[x][:])
				vx, err := s.readVector(txn, id, f, shared, nil)
				if err != nil {
					errs[i] = err
					return
				}
				if al, ok := cosine(a, va, va.norm(id), id, vx, ix.normWithout(x, an)); ok {
					out[i] = &al
				}
			}
		}()
	}
	wg.Wait()
	return out, cmp.Or(errors.Join(errs...), ctx.Err())
}

// vectorEntry is one stance as readVector collects it.
type vectorEntry struct {
	date   Date
	id     [16]byte
	weight float64
}

// readVector reads actor's stance vector from its outgoing adjacency:
// every counterpart, or only those of only (whose values it then does not
// read), with its stances by date then ID and its weight summed in that
// order, as stance.Alignment defines it. Counterpart IDs are taken from
// only, else made once and recorded in names. The busiest actor of a
// million stances holds some eighty thousand, so entries are kept as
// bytes until the end and only stance IDs become strings.
func (s *Store) readVector(txn *badger.Txn, actor string, f edgeFilter, only, names map[[16]byte]string) (stanceVector, error) {
	weights := s.weights()
	groups := map[[16]byte][]vectorEntry{}
	sc := scan{txn: txn, prefixes: [][]byte{keys.AdjacencyPrefix(keys.Out, mustID(actor), "", nil)}}
	err := sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
		// A key ends with the type, a zero byte, the counterpart's ID and
		// the stance's.
		n := len(k) - 2*keys.IDLen
		if n < 2+keys.IDLen || k[n-1] != 0 {
			return false, errCorrupt
		}
		other := [16]byte(k[n : n+keys.IDLen])
		if only != nil {
			if _, ok := only[other]; !ok {
				return true, nil
			}
		}
		live, eff, err := header(item)
		if err != nil || !live || !inRange(eff, f.from, f.to) {
			return err == nil, err
		}
		groups[other] = append(groups[other], vectorEntry{eff, [16]byte(k[n+keys.IDLen:]), weights[string(k[1+keys.IDLen:n-1])]})
		return true, nil
	})
	if err != nil {
		return stanceVector{}, err
	}
	// Each counterpart's stances by date then ID; their IDs are made as
	// substrings of one string: the busiest actor's answer lists hundreds
	// of thousands, and one allocation for all spares the collector as
	// many small ones.
	others := make([][16]byte, 0, len(groups))
	var buf []byte
	for other, es := range groups {
		others = append(others, other)
		slices.SortFunc(es, func(p, q vectorEntry) int {
			return cmp.Or(cmp.Compare(p.date, q.date), bytes.Compare(p.id[:], q.id[:]))
		})
		for _, e := range es {
			buf = appendUUID(buf, e.id)
		}
	}
	all := string(buf)
	v := stanceVector{weight: make(map[string]float64, len(groups)), stances: make(map[string][]string, len(groups))}
	for _, other := range others {
		c, ok := only[other]
		if !ok {
			c = idString(other[:])
			names[other] = c
		}
		es := groups[other]
		sum, list := 0.0, make([]string, len(es))
		for i, e := range es {
			sum += e.weight
			list[i], all = all[:uuidLen], all[uuidLen:]
		}
		v.weight[c], v.stances[c] = round(sum), list
	}
	return v, nil
}

// uuidLen is the length of a UUID's text form.
const uuidLen = 36

// appendUUID appends the text form of id, as idString makes it.
func appendUUID(dst []byte, id [16]byte) []byte {
	for i, end := range [...]int{4, 6, 8, 10, 16} {
		if i > 0 {
			dst = append(dst, '-')
		}
		dst = hex.AppendEncode(dst, id[[...]int{0, 4, 6, 8, 10}[i]:end])
	}
	return dst
}

// header reads the liveness and effective date of an adjacency entry.
func header(item *badger.Item) (live bool, eff Date, err error) {
	var ok bool
	err = item.Value(func(v []byte) error { live, eff, ok = stanceHeader(v); return nil })
	if err == nil && !ok {
		err = errCorrupt
	}
	return live, eff, err
}

// cosine scores vector vx of actor x against va of actor a, given the
// norms of each without its entry for the other (nx may cover more
// counterparts than vx holds); ok is false when a norm is zero or the two
// share no counterpart.
func cosine(a string, va stanceVector, na float64, x string, vx stanceVector, nx float64) (stance.Alignment, bool) {
	if na == 0 || nx == 0 {
		return stance.Alignment{}, false
	}
	al := stance.Alignment{Actor: x}
	// vx holds at most the counterparts of va: the smaller map to walk.
	shared := make([]stance.SharedCounterpart, 0, len(vx.weight))
	for c, o := range vx.weight {
		w := va.weight[c]
		if c == x || c == a || w*o == 0 {
			continue
		}
		share := w * o / (na * nx)
		al.Score += share
		mine, theirs := va.stances[c], vx.stances[c]
		ids := make([]string, len(mine)+len(theirs))
		copy(ids[copy(ids, mine):], theirs)
		shared = append(shared, stance.SharedCounterpart{Counterpart: c, Weight: w, Other: o, Contribution: round(share), Stances: ids})
	}
	if len(shared) == 0 {
		return stance.Alignment{}, false
	}
	al.Score = round(al.Score)
	// Sorted through their indexes: a busy pair shares thousands of
	// counterparts, and moving indexes is cheaper than moving entries.
	order := make([]int32, len(shared))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		p, q := &shared[i], &shared[j]
		return cmp.Or(cmp.Compare(math.Abs(q.Contribution), math.Abs(p.Contribution)), cmp.Compare(p.Counterpart, q.Counterpart))
	})
	al.Shared = make([]stance.SharedCounterpart, len(shared))
	for i, k := range order {
		al.Shared[i] = shared[k]
	}
	return al, true
}

// netIndex holds, for one snapshot of the store and one date range, the
// net weight (the rounded sum of vocabulary weights) of every ordered pair
// of actors with live stances, both from each actor and toward it. It is
// what alignment scores are computed on: a few bytes per pair, so about
// 25 MB for a million stances.
type netIndex struct {
	at    netSnapshot
	node  map[[16]byte]int32 // actor ID -> node
	ids   [][16]byte         // node -> actor ID
	out   [][]netEntry       // node -> its counterparts, in key order
	in    [][]netEntry       // node -> the actors holding stances toward it
	norm2 []float64          // node -> the squared norm of its out weights
}

// netEntry is the net weight of the stances between a node and another.
type netEntry struct {
	other int32
	w     float64
}

// netSnapshot names what a netIndex was built from: Badger's read
// timestamp changes with every commit, and the stance counters also
// with an import, which writes beneath the timestamps.
type netSnapshot struct {
	readTs             uint64
	stances, retracted int
	from, to           Date
}

// netCache keeps the netIndex of the latest snapshot; building one scans
// every stance, so callers wait for one build rather than each making
// their own. The zero value is ready.
type netCache struct {
	mu sync.Mutex
	ix *netIndex
}

// get returns the netIndex of txn's snapshot for f, building it if the
// cached one is of another snapshot or range.
func (c *netCache) get(ctx context.Context, s *Store, txn *badger.Txn, f edgeFilter) (*netIndex, error) {
	at := netSnapshot{readTs: txn.ReadTs(), from: f.from, to: f.to}
	var err error
	if at.stances, err = readCounter(txn, keys.CounterKey(cntStances)); err != nil {
		return nil, err
	}
	if at.retracted, err = readCounter(txn, keys.CounterKey(cntRetracted)); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ix != nil && c.ix.at == at {
		return c.ix, nil
	}
	ix, err := buildNetIndex(ctx, s, txn, f)
	if err != nil {
		return nil, err
	}
	ix.at = at
	c.ix = ix
	return ix, nil
}

// buildNetIndex scans every outgoing adjacency entry once. Entries come
// grouped by actor, so each actor's sums are made and flushed in turn.
func buildNetIndex(ctx context.Context, s *Store, txn *badger.Txn, f edgeFilter) (*netIndex, error) {
	ix := &netIndex{node: map[[16]byte]int32{}}
	weights := s.weights()
	cur, sums := int32(-1), &rowSums{}
	flush := func() {
		if cur >= 0 {
			ix.addRow(cur, sums)
		}
	}
	n := 0
	sc := scan{txn: txn, prefixes: [][]byte{{keys.Out}}}
	err := sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
		if n++; n%65536 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		_, subj, typ, other, _, ok := keys.ParseAdjacency(k)
		if !ok {
			return false, errCorrupt
		}
		live, eff, err := header(item)
		if err != nil || !live || !inRange(eff, f.from, f.to) {
			return err == nil, err
		}
		if sn := ix.nodeOf(subj); sn != cur {
			flush()
			cur = sn
		}
		sums.add(ix.nodeOf(other), weights[typ])
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	flush()
	return ix, nil
}

// nodeOf returns id's node, adding it when new.
func (ix *netIndex) nodeOf(id []byte) int32 {
	k := [16]byte(id)
	n, ok := ix.node[k]
	if !ok {
		n = int32(len(ix.ids))
		ix.node[k] = n
		ix.ids = append(ix.ids, k)
		ix.out, ix.in, ix.norm2 = append(ix.out, nil), append(ix.in, nil), append(ix.norm2, 0)
	}
	return n
}

// rowSums adds up one actor's weights per counterpart node. It is dense,
// indexed by node, and reused from actor to actor: a map would cost as
// much to empty as the busiest actor made it large.
type rowSums struct {
	w       []float64
	seen    []bool
	touched []int32
}

func (r *rowSums) add(node int32, w float64) {
	for int(node) >= len(r.w) {
		r.w, r.seen = append(r.w, 0), append(r.seen, false)
	}
	if !r.seen[node] {
		r.seen[node] = true
		r.touched = append(r.touched, node)
	}
	r.w[node] += w
}

// addRow records the sums of node's stances per counterpart, rounded as
// newVector rounds them, and empties sums.
func (ix *netIndex) addRow(node int32, sums *rowSums) {
	slices.Sort(sums.touched)
	for _, o := range sums.touched {
		w := round(sums.w[o])
		sums.w[o], sums.seen[o] = 0, false
		ix.out[node] = append(ix.out[node], netEntry{o, w})
		ix.in[o] = append(ix.in[o], netEntry{node, w})
		ix.norm2[node] += w * w
	}
	sums.touched = sums.touched[:0]
}

// weightTo returns node's net weight toward other.
func (ix *netIndex) weightTo(node, other int32) float64 {
	for _, e := range ix.out[node] {
		if e.other == other {
			return e.w
		}
	}
	return 0
}

// normWithout is the norm of node's out weights without its entry for
// other.
func (ix *netIndex) normWithout(node, other int32) float64 {
	w := ix.weightTo(node, other)
	return math.Sqrt(max(0, ix.norm2[node]-w*w))
}

// scoreTolerance bounds how far a score computed on the index may lie
// from the one computed from the stances: the two add the same rounded
// weights in another order.
const scoreTolerance = 1e-9

// candidates scores node a against every actor sharing a counterpart
// with it and returns the nodes of the best first (most opposed with
// oppose), together with every node scoring within scoreTolerance of the
// last of them, in no particular order. Scores are the cosine of
// stance.Alignment: a's counterparts other than x, each with x's weight
// toward it, over the norms of both vectors without the other actor.
func (ix *netIndex) candidates(a int32, first int, oppose bool) []int32 {
	dot := make([]float64, len(ix.ids))
	shares := make([]bool, len(ix.ids))
	var touched []int32
	mine := make(map[int32]float64, len(ix.out[a]))
	var total float64
	for _, e := range ix.out[a] {
		mine[e.other] = e.w
		total += e.w * e.w
		if e.w == 0 {
			continue
		}
		for _, t := range ix.in[e.other] {
			if t.other == a || t.w == 0 {
				continue
			}
			if !shares[t.other] {
				shares[t.other] = true
				touched = append(touched, t.other)
			}
			dot[t.other] += e.w * t.w
		}
	}
	toward := make(map[int32]float64, len(ix.in[a])) // x -> x's weight toward a
	for _, t := range ix.in[a] {
		toward[t.other] = t.w
	}
	type scored struct {
		node  int32
		score float64
	}
	all := make([]scored, 0, len(touched))
	for _, x := range touched {
		wax, wxa := mine[x], toward[x]
		na, nx := math.Sqrt(max(0, total-wax*wax)), math.Sqrt(max(0, ix.norm2[x]-wxa*wxa))
		if na == 0 || nx == 0 {
			continue
		}
		sc := dot[x] / (na * nx)
		if oppose {
			sc = -sc
		}
		all = append(all, scored{x, sc})
	}
	if len(all) == 0 {
		return nil
	}
	slices.SortFunc(all, func(p, q scored) int { return cmp.Compare(q.score, p.score) })
	cut := all[min(first, len(all))-1].score - scoreTolerance
	var out []int32
	for _, c := range all {
		if c.score < cut {
			break
		}
		out = append(out, c.node)
	}
	return out
}
