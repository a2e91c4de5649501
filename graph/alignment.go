package graph

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/stance"
)

// defaultAlignments is how many actors Alignment returns when First is 0.
const defaultAlignments = 10

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
// range), or until it has gone unused for netIdle. Its weights are summed as stance.Alignment sums them, so the
// best candidates are scored again on it, exactly as reported, without
// reading a stance: the stances behind a shared counterpart are listed on
// demand by SharedStances.
func (s *Store) Alignment(ctx context.Context, q stance.AlignmentQuery) ([]stance.Alignment, error) {
	if q.First == 0 {
		q.First = defaultAlignments
	}
	if q.First < 1 || q.First > MaxPageSize {
		return nil, fmt.Errorf("%w: first: must be between 1 and %d, got %d", ErrInvalidInput, MaxPageSize, q.First)
	}
	if err := stance.CheckRange(q.From, q.To); err != nil {
		return nil, err
	}
	a, err := s.resolveID(q.Actor)
	if err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	var ix *netIndex
	err = s.view(ctx, func(txn *badger.Txn) error {
		ix, err = s.nets.get(ctx, s, txn, edgeFilter{from: q.From, to: q.To})
		return err
	})
	if err != nil {
		return nil, err
	}
	an, ok := ix.node[[16]byte(mustID(a))]
	if !ok {
		return []stance.Alignment{}, nil
	}
	return ix.align(an, q.First, q.Oppose), nil
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

// align scores node a against every candidate, then scores the best
// first (and any candidate whose score ties with them within the rounding
// of the scores) again as they are reported, with their shared
// counterparts.
func (ix *netIndex) align(a int32, first int, oppose bool) []stance.Alignment {
	best := ix.candidates(a, first, oppose)
	out := make([]stance.Alignment, 0, len(best))
	for _, x := range best {
		if al, ok := ix.cosine(a, x); ok {
			out = append(out, al)
		}
	}
	rankAlignments(out, oppose)
	return out[:min(first, len(out))]
}

// cosine scores node x against node a as stance.Alignment defines it:
// both vectors without their entries for each other, the shared
// counterparts those both weigh non-zero. ok is false when a norm is zero
// or the two share no counterpart. Rows are in node order, so the shared
// counterparts are one merge of the two.
func (ix *netIndex) cosine(a, x int32) (stance.Alignment, bool) {
	ra, rx := ix.out[a], ix.out[x]
	na, nx := rowNorm(ra, x), rowNorm(rx, a)
	if na == 0 || nx == 0 {
		return stance.Alignment{}, false
	}
	al := stance.Alignment{Actor: ix.names[x]}
	var shared []stance.SharedCounterpart
	for i, j := 0, 0; i < len(ra) && j < len(rx); {
		p, q := ra[i], rx[j]
		switch {
		case p.other < q.other:
			i++
			continue
		case p.other > q.other:
			j++
			continue
		}
		i, j = i+1, j+1
		if p.other == a || p.other == x || p.w*q.w == 0 {
			continue
		}
		share := p.w * q.w / (na * nx)
		al.Score += share
		shared = append(shared, stance.SharedCounterpart{Counterpart: ix.names[p.other], Weight: p.w, Other: q.w, Contribution: round(share)})
	}
	if len(shared) == 0 {
		return stance.Alignment{}, false
	}
	al.Score = round(al.Score)
	al.Shared = sortShared(shared)
	return al, true
}

// rowNorm is the Euclidean norm of a row without its entry for skip.
func rowNorm(row []netEntry, skip int32) float64 {
	sum := 0.0
	for _, e := range row {
		if e.other != skip {
			sum += e.w * e.w
		}
	}
	return math.Sqrt(sum)
}

// sortShared orders shared counterparts by contribution, largest in
// absolute value first, ties by ID. It sorts their indexes: a busy pair
// shares thousands of counterparts, and moving indexes is cheaper than
// moving entries.
func sortShared(shared []stance.SharedCounterpart) []stance.SharedCounterpart {
	order := make([]int32, len(shared))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		p, q := &shared[i], &shared[j]
		return cmp.Or(cmp.Compare(math.Abs(q.Contribution), math.Abs(p.Contribution)), cmp.Compare(p.Counterpart, q.Counterpart))
	})
	out := make([]stance.SharedCounterpart, len(shared))
	for i, k := range order {
		out[i] = shared[k]
	}
	return out
}

// netIndex holds, for one snapshot of the store and one date range, the
// net weight (the rounded sum of vocabulary weights) of every ordered pair
// of actors with live stances, both from each actor and toward it. It is
// what alignment scores are computed on: a few bytes per pair and each
// actor's ID as text, so about 30 MB for a million stances.
type netIndex struct {
	at    netSnapshot
	node  map[[16]byte]int32 // actor ID -> node
	names []string           // node -> actor ID
	out   [][]netEntry       // node -> its counterparts, in node order
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
	// used is when ix was last handed out, and timer drops it once it
	// has been idle for idle (netIdle unless a test sets it; see
	// netcache.go).
	used  time.Time
	timer *time.Timer
	idle  time.Duration
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
		c.touchLocked()
		return c.ix, nil
	}
	ix, err := buildNetIndex(ctx, s, txn, f)
	if err != nil {
		return nil, err
	}
	ix.at = at
	c.ix = ix
	c.touchLocked()
	return ix, nil
}

// buildNetIndex scans every outgoing adjacency entry once. Entries come
// grouped by actor, so each actor's row is made and flushed in turn.
func buildNetIndex(ctx context.Context, s *Store, txn *badger.Txn, f edgeFilter) (*netIndex, error) {
	ix := &netIndex{node: map[[16]byte]int32{}}
	cur, row := int32(-1), &rowBuilder{}
	err := s.liveOut(ctx, txn, f, func(subj, obj, id []byte, eff Date, w float64) {
		if sn := ix.nodeOf(subj); sn != cur {
			ix.addRow(cur, row)
			cur = sn
		}
		row.add(rowStance{ix.nodeOf(obj), eff, [16]byte(id), w})
	})
	if err != nil {
		return nil, err
	}
	ix.addRow(cur, row)
	return ix, nil
}

// nodeOf returns id's node, adding it when new.
func (ix *netIndex) nodeOf(id []byte) int32 {
	k := [16]byte(id)
	n, ok := ix.node[k]
	if !ok {
		n = int32(len(ix.names))
		ix.node[k] = n
		ix.names = append(ix.names, idString(id))
		ix.out, ix.in, ix.norm2 = append(ix.out, nil), append(ix.in, nil), append(ix.norm2, 0)
	}
	return n
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

// rowStance is one stance of the actor whose row buildNetIndex makes.
type rowStance struct {
	other int32
	date  Date
	id    [16]byte
	w     float64
}

// rowBuilder collects one actor's stances, chained per counterpart, so
// that only each counterpart's few stances are sorted rather than the
// whole row (which cost the index build a sixth more). It is reused from
// actor to actor, and last is dense, indexed by node: a map would cost as
// much to empty as the busiest actor made it large.
type rowBuilder struct {
	stances []rowStance
	prev    []int32 // stance -> the one before it toward the same counterpart, or -1
	last    []int32 // node -> the last stance toward it, or -1
	touched []int32 // nodes with a stance
	group   []rowStance
}

// add appends a stance.
func (b *rowBuilder) add(s rowStance) {
	for int(s.other) >= len(b.last) {
		b.last = append(b.last, -1)
	}
	if b.last[s.other] < 0 {
		b.touched = append(b.touched, s.other)
	}
	b.prev = append(b.prev, b.last[s.other])
	b.last[s.other] = int32(len(b.stances))
	b.stances = append(b.stances, s)
}

// take returns the stances toward node by date then ID and forgets them.
func (b *rowBuilder) take(node int32) []rowStance {
	g := b.group[:0]
	for i := b.last[node]; i >= 0; i = b.prev[i] {
		g = append(g, b.stances[i])
	}
	b.last[node] = -1
	slices.SortFunc(g, func(p, q rowStance) int {
		return cmp.Or(cmp.Compare(p.date, q.date), bytes.Compare(p.id[:], q.id[:]))
	})
	b.group = g
	return g
}

// addRow records node's net weight toward each counterpart in b (none
// when node is -1), and empties b: the sum of the weights of its stances
// toward it, by date then ID, rounded, as stance.Alignment defines it.
// Float addition is not associative and the keys come by type, so the
// stances are put in that order first: the weights on the index are then
// the very ones the definition gives, and so are the scores computed from
// them. Rows are in node order.
func (ix *netIndex) addRow(node int32, b *rowBuilder) {
	if node >= 0 {
		slices.Sort(b.touched)
		for _, o := range b.touched {
			sum := 0.0
			for _, s := range b.take(o) {
				sum += s.w
			}
			w := round(sum)
			ix.out[node] = append(ix.out[node], netEntry{o, w})
			ix.in[o] = append(ix.in[o], netEntry{node, w})
			ix.norm2[node] += w * w
		}
	}
	b.stances, b.prev, b.touched = b.stances[:0], b.prev[:0], b.touched[:0]
}

// scoreTolerance bounds how far a candidate's score may lie from the one
// cosine reports: candidates adds the same weights in another order and
// takes the norms by subtraction.
const scoreTolerance = 1e-9

// candidates scores node a against every actor sharing a counterpart
// with it and returns the nodes of the best first (most opposed with
// oppose), together with every node scoring within scoreTolerance of the
// last of them, in no particular order. Scores are the cosine of
// stance.Alignment: a's counterparts other than x, each with x's weight
// toward it, over the norms of both vectors without the other actor.
func (ix *netIndex) candidates(a int32, first int, oppose bool) []int32 {
	dot := make([]float64, len(ix.names))
	shares := make([]bool, len(ix.names))
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

// SharedStances lists the stances behind shared counterparts of an
// alignment (see stance.SharedQuery): Alignment reports the net weights
// only, so that the busiest actor's answer, whose best ten share tens of
// thousands of counterparts, reads no stance.
func (s *Store) SharedStances(ctx context.Context, q stance.SharedQuery) ([][]Stance, error) {
	n, err := pageSize(q.First)
	if err != nil {
		return nil, err
	}
	if err := stance.CheckRange(q.From, q.To); err != nil {
		return nil, err
	}
	pair, cs, err := s.sharedActors(q)
	if err != nil {
		return nil, err
	}
	f := edgeFilter{from: q.From, to: q.To}
	out := make([][]Stance, len(cs))
	err = s.view(ctx, func(txn *badger.Txn) error {
		for _, subj := range pair {
			lists, err := s.stancesToward(txn, subj, cs, f)
			if err != nil {
				return err
			}
			for i, rs := range lists {
				for _, r := range rs[:min(n-len(out[i]), len(rs))] {
					out[i] = append(out[i], r.Stance)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i] == nil {
			out[i] = []Stance{}
		}
	}
	return out, nil
}

// sharedActors resolves the actor and other of q, in that order, and its
// counterparts, as raw IDs.
func (s *Store) sharedActors(q stance.SharedQuery) (pair [2][]byte, cs [][]byte, err error) {
	for i, ref := range []struct{ field, value string }{{"actor", q.Actor}, {"other", q.Other}} {
		if pair[i], err = s.sharedRef(ref.field, ref.value); err != nil {
			return pair, nil, err
		}
	}
	if len(q.Counterparts) == 0 {
		return pair, nil, fmt.Errorf("%w: counterparts: at least one required", ErrInvalidInput)
	}
	seen := make(map[string]bool, len(q.Counterparts))
	for i, ref := range q.Counterparts {
		id, err := s.sharedRef(fmt.Sprintf("counterparts[%d]", i), ref)
		if err != nil {
			return pair, nil, err
		}
		if seen[string(id)] {
			return pair, nil, fmt.Errorf("%w: counterparts[%d]: %q is asked for twice", ErrInvalidInput, i, ref)
		}
		seen[string(id)] = true
		cs = append(cs, id)
	}
	return pair, cs, nil
}

// sharedRef resolves one actor reference of a SharedQuery.
func (s *Store) sharedRef(field, ref string) ([]byte, error) {
	if ref == "" {
		return nil, fmt.Errorf("%w: %s: required", ErrInvalidInput, field)
	}
	id, err := s.resolveID(ref)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	return mustID(id), nil
}

// seekCost is about how many entries of a scan of a whole adjacency cost
// as much as one prefix scan of a counterpart's stances of one type: on
// the 1M-stance bench graph a prefix scan took about 8 us, an entry of a
// whole scan about 1 us.
const seekCost = 8

// stancesToward reads subj's live stances in f's range toward each of
// cs, by date then ID, the order in which stance.Alignment adds their
// weights. A few counterparts are read one prefix per type each; many
// (all of a busy alignment's, tens of thousands) by one scan of subj's
// whole outgoing adjacency, whichever reads less.
func (s *Store) stancesToward(txn *badger.Txn, subj []byte, cs [][]byte, f edgeFilter) ([][]*stanceRecord, error) {
	types := s.Vocabulary().Names()
	deg, err := s.degree(txn, subj, []byte{keys.Out}, types)
	if err != nil {
		return nil, err
	}
	lists := make([][]*stanceRecord, len(cs))
	if len(cs)*len(types)*seekCost < deg {
		for i, c := range cs {
			err = collectStances(txn, adjacencyPrefixes([]byte{keys.Out}, subj, types, false, c), f, lists, func([]byte) int { return i })
			if err != nil {
				return nil, err
			}
		}
	} else {
		slot := make(map[[16]byte]int, len(cs))
		for i, c := range cs {
			slot[[16]byte(c)] = i
		}
		// A key ends with the counterpart's ID and the stance's.
		err = collectStances(txn, [][]byte{keys.AdjacencyPrefix(keys.Out, subj, "", nil)}, f, lists, func(k []byte) int {
			if i, ok := slot[[16]byte(k[len(k)-2*keys.IDLen:len(k)-keys.IDLen])]; ok {
				return i
			}
			return -1
		})
		if err != nil {
			return nil, err
		}
	}
	for _, rs := range lists {
		slices.SortFunc(rs, func(p, q *stanceRecord) int {
			// IDs are UUIDs in lower-case hex: as strings they sort as bytes.
			return cmp.Or(cmp.Compare(p.effDate, q.effDate), cmp.Compare(p.ID, q.ID))
		})
	}
	return lists, nil
}

// collectStances appends the live stances in f's range under prefixes to
// lists, each to the list slot gives for its key, or to none for -1.
func collectStances(txn *badger.Txn, prefixes [][]byte, f edgeFilter, lists [][]*stanceRecord, slot func(k []byte) int) error {
	sc := scan{txn: txn, prefixes: prefixes}
	return sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
		i := slot(k)
		if i < 0 {
			return true, nil
		}
		r, err := itemStance(txn, k, item)
		if err == nil && !r.Retracted && r.effDate.Within(f.from, f.to) {
			lists[i] = append(lists[i], r)
		}
		return err == nil, err
	})
}
