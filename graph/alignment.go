package graph

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"

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

func newVector(es []edge) stanceVector {
	v := stanceVector{weight: map[string]float64{}, stances: map[string][]string{}}
	for _, e := range es {
		v.weight[e.obj] += e.weight
		v.stances[e.obj] = append(v.stances[e.obj], e.id)
	}
	for c, w := range v.weight {
		v.weight[c] = round(w)
	}
	return v
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
// stance.Alignment). It reads q.Actor's outgoing stances, the incoming
// stances of each of its counterparts to find candidates, and each
// candidate's outgoing stances.
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
	var out []stance.Alignment
	err = s.view(ctx, func(txn *badger.Txn) error {
		out, err = s.align(ctx, txn, a, edgeFilter{from: q.From, to: q.To})
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(x, y stance.Alignment) int {
		if q.Oppose {
			x, y = y, x
		}
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.Actor, y.Actor))
	})
	return out[:min(q.First, len(out))], nil
}

// align scores every candidate sharing a counterpart with a.
func (s *Store) align(ctx context.Context, txn *badger.Txn, a string, f edgeFilter) ([]stance.Alignment, error) {
	mine, err := s.outEdges(txn, a, f)
	if err != nil {
		return nil, err
	}
	va := newVector(mine)
	candidates := map[string]bool{}
	for c := range va.weight {
		in, err := s.readEdges(txn, [][]byte{keys.AdjacencyPrefix(keys.In, mustID(c), "", nil)}, f)
		if err != nil {
			return nil, err
		}
		for _, e := range in {
			if e.subj != a {
				candidates[e.subj] = true
			}
		}
	}
	out := []stance.Alignment{}
	for _, x := range slices.Sorted(maps.Keys(candidates)) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		theirs, err := s.outEdges(txn, x, f)
		if err != nil {
			return nil, err
		}
		if al, ok := cosine(a, va, x, newVector(theirs)); ok {
			out = append(out, al)
		}
	}
	return out, nil
}

// outEdges reads actor's outgoing live stances, sorted by date.
func (s *Store) outEdges(txn *badger.Txn, actor string, f edgeFilter) ([]edge, error) {
	es, err := s.readEdges(txn, [][]byte{keys.AdjacencyPrefix(keys.Out, mustID(actor), "", nil)}, f)
	return sortedEdges(es), err
}

// cosine scores vector vx of actor x against va of actor a, each without
// its entry for the other; ok is false when either is then empty or the
// two share no counterpart.
func cosine(a string, va stanceVector, x string, vx stanceVector) (stance.Alignment, bool) {
	na, nx := va.norm(x), vx.norm(a)
	if na == 0 || nx == 0 {
		return stance.Alignment{}, false
	}
	al := stance.Alignment{Actor: x}
	for c, w := range va.weight {
		o := vx.weight[c]
		if c == x || c == a || w*o == 0 {
			continue
		}
		share := w * o / (na * nx)
		al.Score += share
		al.Shared = append(al.Shared, stance.SharedCounterpart{
			Counterpart: c, Weight: w, Other: o, Contribution: round(share),
			Stances: append(slices.Clone(va.stances[c]), vx.stances[c]...),
		})
	}
	if len(al.Shared) == 0 {
		return stance.Alignment{}, false
	}
	al.Score = round(al.Score)
	slices.SortFunc(al.Shared, func(p, q stance.SharedCounterpart) int {
		return cmp.Or(cmp.Compare(math.Abs(q.Contribution), math.Abs(p.Contribution)), cmp.Compare(p.Counterpart, q.Counterpart))
	})
	return al, true
}
