package graph

import (
	"cmp"
	"context"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// edge is a live stance as the analyses see it: read from an adjacency key
// and its value's header, so no stance record is decoded.
type edge struct {
	id, subj, obj string
	typ           string
	date          Date
	weight        float64 // the vocabulary weight of typ
}

// edgeFilter selects the edges readEdges keeps.
type edgeFilter struct {
	from, to Date
	dated    bool // leave out undated stances even without a range
}

// readEdges returns the live stances under adjacency prefixes, each once
// per prefix it appears under.
func (s *Store) readEdges(txn *badger.Txn, prefixes [][]byte, f edgeFilter) ([]edge, error) {
	weights := s.weights()
	var out []edge
	sc := scan{txn: txn, prefixes: prefixes}
	err := sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
		var live, ok bool
		var eff Date
		if err := item.Value(func(v []byte) error { live, eff, ok = stanceHeader(v); return nil }); err != nil {
			return false, err
		}
		if !ok {
			return false, errCorrupt
		}
		if !live || (f.dated && eff.IsZero()) || !eff.Within(f.from, f.to) {
			return true, nil
		}
		dir, actor, typ, other, id, ok := keys.ParseAdjacency(k)
		if !ok {
			return false, errCorrupt
		}
		e := edge{id: idString(id), subj: idString(actor), obj: idString(other), typ: typ, date: eff, weight: weights[typ]}
		if dir == keys.In {
			e.subj, e.obj = e.obj, e.subj
		}
		out = append(out, e)
		return true, nil
	})
	return out, err
}

// liveOut calls fn for each live outgoing adjacency entry dated within f,
// in key order: by subject, type, object, then ID. Alignment's index and
// coalitions are built on it; no stance record is decoded.
func (s *Store) liveOut(ctx context.Context, txn *badger.Txn, f edgeFilter, fn func(subj, obj, id []byte, eff Date, w float64)) error {
	defer s.tables.scanning()()
	weights := s.weights()
	n := 0
	sc := scan{txn: txn, prefixes: [][]byte{{keys.Out}}}
	return sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
		if n++; n%65536 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		live, eff, err := header(item)
		if err != nil || !live || !eff.Within(f.from, f.to) {
			return err == nil, err
		}
		_, subj, typ, obj, id, ok := keys.ParseAdjacency(k)
		if !ok {
			return false, errCorrupt
		}
		fn(subj, obj, id, eff, weights[typ])
		return true, nil
	})
}

// weights maps each stance type to its vocabulary weight.
func (s *Store) weights() map[string]float64 {
	types := s.Vocabulary().Types()
	w := make(map[string]float64, len(types))
	for _, t := range types {
		w[t.Type] = t.Weight
	}
	return w
}

// byDate orders edges by date, then ID: the order stance lists of the
// analyses follow.
func byDate(a, b edge) int {
	return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.id, b.id))
}

// ids returns the IDs of es in order.
func ids(es []edge) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.id
	}
	return out
}

// sortedEdges sorts es by date and returns it.
func sortedEdges(es []edge) []edge {
	slices.SortFunc(es, byDate)
	return es
}
