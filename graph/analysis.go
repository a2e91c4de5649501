package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/stance"
)

// hop is one live stance seen from one of its ends.
type hop struct {
	to     string // actor ID at the far end
	stance []byte // stance ID
}

// Paths returns up to Limit paths from q.From to q.To of at most MaxHops
// live stances, shortest first. A hop follows a stance in either direction
// unless FollowDirection is set. Paths are simple: no actor repeats.
func (s *Store) Paths(ctx context.Context, q PathQuery) ([]Path, error) {
	return s.paths(ctx, q, searchAuto)
}

// search selects how paths searches; tests compare the strategies.
type search int

const (
	searchAuto search = iota // meet in the middle up to three hops, else depth-first
	searchDFS                // depth-first only
	searchSeek               // meet in the middle, always seeking middle hops
)

// paths implements Paths. Up to three hops it meets in the middle (see
// meetPaths), which never expands a busy actor in the middle of a path;
// longer searches walk depth-first. Both find the same paths in the same
// order.
func (s *Store) paths(ctx context.Context, q PathQuery, how search) ([]Path, error) {
	if q.MaxHops == 0 {
		q.MaxHops = DefaultMaxHops
	}
	if q.Limit == 0 {
		q.Limit = DefaultPaths
	}
	if q.MaxHops < 1 || q.MaxHops > MaxHops {
		return nil, fmt.Errorf("%w: maxHops must be between 1 and %d (got %d)", ErrInvalidInput, MaxHops, q.MaxHops)
	}
	if q.Limit < 1 || q.Limit > MaxPaths {
		return nil, fmt.Errorf("%w: limit must be between 1 and %d (got %d)", ErrInvalidInput, MaxPaths, q.Limit)
	}
	from, err := s.resolveID(q.From)
	if err != nil {
		return nil, fmt.Errorf("from: %w", err)
	}
	to, err := s.resolveID(q.To)
	if err != nil {
		return nil, fmt.Errorf("to: %w", err)
	}
	types, err := s.Vocabulary().Select(q.Types)
	if err != nil {
		return nil, err
	}
	var out []Path
	err = s.view(ctx, func(txn *badger.Txn) error {
		g := &walker{ctx: ctx, txn: txn, types: types, all: len(q.Types) == 0, cache: map[string][]hop{}, seekCost: defaultSeekCost}
		if how == searchSeek {
			g.seekCost = 0
		}
		fwd, back := []byte{keys.Out, keys.In}, []byte{keys.Out, keys.In}
		if q.FollowDirection {
			fwd, back = []byte{keys.Out}, []byte{keys.In}
		}
		var found [][]hop
		var err error
		switch {
		case from == to:
		case q.MaxHops <= 3 && how != searchDFS:
			found, err = s.meetPaths(g, from, to, q.MaxHops, q.Limit, fwd)
		default:
			found, err = dfsPaths(g, from, to, q.MaxHops, q.Limit, fwd, back)
		}
		if err != nil {
			return err
		}
		for _, hs := range found {
			p := Path{Actors: []string{from}}
			for _, h := range hs {
				r, err := s.readStance(txn, h.stance)
				if err != nil {
					return err
				}
				p.Actors = append(p.Actors, h.to)
				p.Stances = append(p.Stances, r.Stance)
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// dfsPaths is the general search (stance.PathSearch) over g's hops.
func dfsPaths(g *walker, from, to string, maxHops, limit int, fwd, back []byte) ([][]hop, error) {
	search := stance.PathSearch[hop]{
		Forward:  func(a string) ([]hop, error) { return g.hops(a, fwd) },
		Backward: func(a string) ([]hop, error) { return g.hops(a, back) },
		End:      func(h hop) string { return h.to },
	}
	return search.Find(from, to, maxHops, limit)
}

// meetPaths finds the paths of dfsPaths for at most three hops, in the
// same order, reading only the two ends' adjacency in full. A path
// from-x-y-to is a hop of from's listing, a hop x-y, and a hop y-to, where
// y is a neighbour of to. The last hops all come from to's listing, read
// backwards; the middle hop x-y is found by seeking x's entries towards
// each y (or by reading x's listing when it is short), so an actor with a
// hundred thousand stances in the middle of a path costs a few seeks, not
// a scan. Event data is like that: most actors' neighbours are the few
// busiest actors.
func (s *Store) meetPaths(g *walker, from, to string, maxHops, limit int, fwd []byte) ([][]hop, error) {
	// last[y] lists the hops y-to in y's listing order: for each forward
	// direction d of y, to's entries in the opposite direction from y.
	last := map[string][]hop{}
	for _, d := range fwd {
		hs, err := g.hops(to, []byte{opposite(d)})
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			if h.to != to {
				last[h.to] = append(last[h.to], hop{to: to, stance: h.stance})
			}
		}
	}
	var found [][]hop
	add := func(hs ...hop) bool {
		found = append(found, append([]hop(nil), hs...))
		return len(found) >= limit
	}
	for _, h := range last[from] {
		if add(h) {
			return found, nil
		}
	}
	if maxHops < 2 {
		return found, nil
	}
	first, err := g.hops(from, fwd)
	if err != nil {
		return nil, err
	}
	for _, h1 := range first {
		if h1.to == from || h1.to == to {
			continue
		}
		for _, h2 := range last[h1.to] {
			if add(h1, h2) {
				return found, nil
			}
		}
	}
	if maxHops < 3 {
		return found, nil
	}
	ys := make([]string, 0, len(last))
	for y := range last {
		ys = append(ys, y)
	}
	sort.Strings(ys) // string order of UUIDs is their key order
	// Middle hops are streamed: with busy actors in the middle, the limit
	// is usually reached long before x's hops are exhausted. A complete
	// list is kept for the next hop of from that reaches the same x.
	mid := map[string][]hop{}
	for _, h1 := range first {
		x := h1.to
		if x == from || x == to {
			continue
		}
		visit := func(h2 hop) bool {
			y := h2.to
			if y == from || y == x || y == to {
				return true
			}
			for _, h3 := range last[y] {
				if add(h1, h2, h3) {
					return false
				}
			}
			return true
		}
		if hs, ok := mid[x]; ok {
			for _, h2 := range hs {
				if !visit(h2) {
					return found, nil
				}
			}
			continue
		}
		var hs []hop
		done, err := s.between(g, x, ys, last, fwd, func(h2 hop) bool {
			hs = append(hs, h2)
			return visit(h2)
		})
		if err != nil {
			return nil, err
		}
		if !done {
			return found, nil
		}
		mid[x] = hs
	}
	return found, nil
}

func opposite(d byte) byte {
	if d == keys.Out {
		return keys.In
	}
	return keys.Out
}

// defaultSeekCost is how many listing entries one seek is worth, roughly.
const defaultSeekCost = 8

// between calls fn with x's live hops towards the actors ys (sorted, the
// keys of set), in x's listing order, until fn returns false; done reports
// that every hop was visited. It reads x's listing when that is cheaper
// than seeking once per direction, type and y.
func (s *Store) between(g *walker, x string, ys []string, set map[string][]hop, fwd []byte, fn func(hop) bool) (done bool, err error) {
	types := g.types
	if g.all {
		// The whole-actor listing orders types as their bytes sort.
		types = slices.Clone(types)
		sort.Strings(types)
	}
	seeks := len(fwd) * len(types) * len(ys)
	s.mu.RLock()
	entries, known := s.deg.sum(mustID(x), fwd, types)
	s.mu.RUnlock()
	if !known || entries < g.seekCost*seeks {
		hs, err := g.hops(x, fwd)
		if err != nil {
			return false, err
		}
		for _, h := range hs {
			if _, ok := set[h.to]; ok && !fn(h) {
				return false, nil
			}
		}
		return true, nil
	}
	if err := g.ctx.Err(); err != nil {
		return false, err
	}
	xb := mustID(x)
	for _, d := range fwd {
		it := g.txn.NewIterator(badger.IteratorOptions{Prefix: keys.AdjacencyPrefix(d, xb, "", nil)})
		for _, t := range types {
			for _, y := range ys {
				p := keys.AdjacencyPrefix(d, xb, t, mustID(y))
				for it.Seek(p); it.ValidForPrefix(p); it.Next() {
					item := it.Item()
					var live bool
					if err := item.Value(func(v []byte) error { live, _, _ = stanceHeader(v); return nil }); err != nil {
						it.Close()
						return false, err
					}
					if !live {
						continue
					}
					k := item.Key()
					if !fn(hop{to: y, stance: bytes.Clone(k[len(k)-keys.IDLen:])}) {
						it.Close()
						return false, nil
					}
				}
			}
		}
		it.Close()
	}
	return true, nil
}

// walker reads live adjacency for path searches, remembering what it read.
type walker struct {
	ctx   context.Context
	txn   *badger.Txn
	types []string
	all   bool
	cache map[string][]hop
	// seekCost is how many listing entries a seek is worth (see between).
	seekCost int
}

func (g *walker) hops(actor string, dirs []byte) ([]hop, error) {
	ck := string(dirs) + actor
	if hs, ok := g.cache[ck]; ok {
		return hs, nil
	}
	if err := g.ctx.Err(); err != nil {
		return nil, err
	}
	var hs []hop
	sc := scan{txn: g.txn, prefixes: adjacencyPrefixes(dirs, mustID(actor), g.types, g.all, nil)}
	err := sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
		var live bool
		if err := item.Value(func(v []byte) error { live, _, _ = stanceHeader(v); return nil }); err != nil {
			return false, err
		}
		if !live {
			return true, nil
		}
		_, _, _, other, stance, ok := keys.ParseAdjacency(k)
		if !ok {
			return false, errCorrupt
		}
		hs = append(hs, hop{to: idString(other), stance: bytes.Clone(stance)})
		return true, nil
	})
	g.cache[ck] = hs
	return hs, err
}

// Dyad counts the live stances between a and b, each way, by type.
func (s *Store) Dyad(ctx context.Context, a, b string) (Dyad, error) {
	aID, err := s.resolveID(a)
	if err != nil {
		return Dyad{}, fmt.Errorf("a: %w", err)
	}
	bID, err := s.resolveID(b)
	if err != nil {
		return Dyad{}, fmt.Errorf("b: %w", err)
	}
	d := Dyad{A: aID, B: bID, AToB: []TypeCount{}, BToA: []TypeCount{}}
	err = s.view(ctx, func(txn *badger.Txn) error {
		for _, t := range s.Vocabulary().Names() {
			for _, side := range []struct {
				from, to string
				dst      *[]TypeCount
			}{{aID, bID, &d.AToB}, {bID, aID, &d.BToA}} {
				sc := scan{txn: txn, prefixes: [][]byte{keys.AdjacencyPrefix(keys.Out, mustID(side.from), t, mustID(side.to))}}
				n, err := sc.count(liveEntry)
				if err != nil {
					return err
				}
				if n > 0 {
					*side.dst = append(*side.dst, TypeCount{Type: t, Count: n})
				}
			}
		}
		return nil
	})
	return d, err
}

func liveEntry(_ []byte, item *badger.Item) (bool, error) {
	var live bool
	err := item.Value(func(v []byte) error { live, _, _ = stanceHeader(v); return nil })
	return live, err
}

// DyadStances lists the live stances between a and b in both directions,
// ordered by date (undated last), then ID.
func (s *Store) DyadStances(ctx context.Context, a, b string, q PageQuery) (StancePage, error) {
	n, err := pageSize(q.First)
	if err != nil {
		return StancePage{}, err
	}
	aID, err := s.resolveID(a)
	if err != nil {
		return StancePage{}, fmt.Errorf("a: %w", err)
	}
	bID, err := s.resolveID(b)
	if err != nil {
		return StancePage{}, fmt.Errorf("b: %w", err)
	}
	var all []*stanceRecord
	err = s.view(ctx, func(txn *badger.Txn) error {
		pairs := [][2]string{{aID, bID}}
		if aID != bID {
			pairs = append(pairs, [2]string{bID, aID})
		}
		for _, p := range pairs {
			sc := scan{txn: txn, prefixes: adjacencyPrefixes([]byte{keys.Out}, mustID(p[0]), s.Vocabulary().Names(), false, mustID(p[1]))}
			err := sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
				r, err := itemStance(txn, k, item)
				if err == nil && !r.Retracted {
					all = append(all, r)
				}
				return err == nil, err
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return StancePage{}, err
	}
	sortKey := func(r *stanceRecord) []byte {
		d := uint32(r.effDate)
		if r.effDate.IsZero() {
			d = ^uint32(0)
		}
		return append(binary.BigEndian.AppendUint32(nil, d), mustID(r.ID)...)
	}
	sort.Slice(all, func(i, j int) bool { return bytes.Compare(sortKey(all[i]), sortKey(all[j])) < 0 })
	start := 0
	if q.After != "" {
		pos, err := decodeCursor('y', q.After)
		if err != nil {
			return StancePage{}, err
		}
		start = sort.Search(len(all), func(i int) bool { return bytes.Compare(sortKey(all[i]), pos) > 0 })
	}
	pg := StancePage{PageInfo: PageInfo{Total: len(all)}}
	end := min(start+n, len(all))
	for _, r := range all[start:end] {
		pg.Stances = append(pg.Stances, r.Stance)
		c := encodeCursor('y', sortKey(r))
		pg.Cursors = append(pg.Cursors, c)
		pg.EndCursor = c
	}
	pg.HasNext = end < len(all)
	return pg, nil
}

// Matrix counts live stances between every ordered pair of q.Actors (every
// actor when empty) by type; zero cells are left out. Cells are ordered by
// subject name, object name, then vocabulary order.
func (s *Store) Matrix(ctx context.Context, q MatrixQuery) ([]MatrixCell, error) {
	types, err := s.Vocabulary().Select(q.Types)
	if err != nil {
		return nil, err
	}
	if err := stance.CheckRange(q.From, q.To); err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for _, ref := range q.Actors {
		id, err := s.resolveID(ref)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		set[id] = true
	}
	subjects := slices.Collect(maps.Keys(set))
	if len(set) == 0 {
		s.mu.RLock()
		subjects = slices.Collect(maps.Keys(s.actors))
		s.mu.RUnlock()
	}
	m := &matrix{q: q, types: types, set: set, objects: slices.Sorted(maps.Keys(set)), counts: map[matrixCell]int{}}
	err = s.view(ctx, func(txn *badger.Txn) error {
		for _, subj := range subjects {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := s.matrixRow(txn, m, subj); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.sortedCells(m.counts), nil
}

// matrixCell is a cell of Matrix: subject and object IDs and a type.
type matrixCell struct{ s, o, t string }

// matrix is a Matrix being counted: the query, its types, its actors as
// a set of IDs (empty for every actor) and sorted, and the counts so far.
type matrix struct {
	q       MatrixQuery
	types   []string
	set     map[string]bool
	objects []string
	counts  map[matrixCell]int
}

// matrixRow counts the live stances from subj to the matrix's actors (any
// actor when it has none), of its types, dated in its range: by seeking
// each counterpart when that is cheaper, else by reading subj's whole
// outgoing listing.
func (s *Store) matrixRow(txn *badger.Txn, m *matrix, subj string) error {
	q, types, set, counts := m.q, m.types, m.set, m.counts
	if len(set) > 0 && s.seekCheaper(subj, types, len(set)) {
		return matrixSeek(txn, subj, types, m.objects, q.From, q.To, func(o, t string) { counts[matrixCell{subj, o, t}]++ })
	}
	sc := scan{txn: txn, prefixes: adjacencyPrefixes([]byte{keys.Out}, mustID(subj), types, len(q.Types) == 0, nil)}
	return sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
		_, _, t, other, _, ok := keys.ParseAdjacency(k)
		if !ok {
			return false, errCorrupt
		}
		o := idString(other)
		if len(set) > 0 && !set[o] {
			return true, nil
		}
		var live bool
		var eff Date
		if err := item.Value(func(v []byte) error { live, eff, _ = stanceHeader(v); return nil }); err != nil {
			return false, err
		}
		if live && eff.Within(q.From, q.To) {
			counts[matrixCell{subj, o, t}]++
		}
		return true, nil
	})
}

// sortedCells lists the counted cells by subject name, object name, then
// vocabulary order.
func (s *Store) sortedCells(counts map[matrixCell]int) []MatrixCell {
	out := make([]MatrixCell, 0, len(counts))
	for c, n := range counts {
		out = append(out, MatrixCell{Subject: c.s, Object: c.o, Type: c.t, Count: n})
	}
	names := map[string]string{}
	s.mu.RLock()
	for _, c := range out {
		for _, id := range []string{c.Subject, c.Object} {
			if _, ok := names[id]; !ok {
				names[id] = NormalizeName(s.actors[id].Name)
			}
		}
	}
	s.mu.RUnlock()
	order := map[string]int{}
	for i, t := range s.Vocabulary().Names() {
		order[t] = i
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Subject != b.Subject {
			return names[a.Subject] < names[b.Subject]
		}
		if a.Object != b.Object {
			return names[a.Object] < names[b.Object]
		}
		return order[a.Type] < order[b.Type]
	})
	return out
}

// seekCheaper reports whether seeking actor's outgoing entries towards each
// of n counterparts, type by type, costs less than reading its whole
// outgoing listing: true for the busiest actors of a small matrix.
func (s *Store) seekCheaper(actor string, types []string, n int) bool {
	s.mu.RLock()
	entries, known := s.deg.sum(mustID(actor), []byte{keys.Out}, types)
	s.mu.RUnlock()
	return known && entries > defaultSeekCost*len(types)*n
}

// matrixSeek counts subj's live outgoing stances towards each of objects
// (sorted) by type, seeking each (type, object) range.
func matrixSeek(txn *badger.Txn, subj string, types, objects []string, from, to Date, count func(o, t string)) error {
	sb := mustID(subj)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: keys.AdjacencyPrefix(keys.Out, sb, "", nil)})
	defer it.Close()
	for _, t := range types {
		for _, o := range objects {
			p := keys.AdjacencyPrefix(keys.Out, sb, t, mustID(o))
			for it.Seek(p); it.ValidForPrefix(p); it.Next() {
				var live bool
				var eff Date
				if err := it.Item().Value(func(v []byte) error { live, eff, _ = stanceHeader(v); return nil }); err != nil {
					return err
				}
				if live && eff.Within(from, to) {
					count(o, t)
				}
			}
		}
	}
	return nil
}
