package graph

import (
	"context"
	"fmt"
	"math"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/stance"
)

// Timeline counts the live, dated stances of q.Actor (toward
// q.Counterpart only, when given) per bucket from q.From to q.To, empty
// buckets included. It reads the actor's adjacency entries, not the
// stance records, so its cost is the actor's degree.
func (s *Store) Timeline(ctx context.Context, q stance.TimelineQuery) (stance.Timeline, error) {
	if _, err := q.Bucket.Start(1); err != nil {
		return stance.Timeline{}, fmt.Errorf("bucket: %w", err)
	}
	if err := stance.CheckRange(q.From, q.To); err != nil {
		return stance.Timeline{}, err
	}
	es, a, b, err := s.actorEdges(ctx, q.Actor, q.Counterpart, q.Direction, q.From, q.To)
	if err != nil {
		return stance.Timeline{}, err
	}
	buckets, err := s.bucketize(es, q.Bucket, q.From, q.To)
	if err != nil {
		return stance.Timeline{}, err
	}
	return stance.Timeline{Actor: a, Counterpart: b, Bucket: q.Bucket, Buckets: buckets}, nil
}

// actorEdges resolves actor (and counterpart, when given) and reads the
// actor's live stances dated from..to in direction d, sorted by date.
func (s *Store) actorEdges(ctx context.Context, actor, counterpart string, d Direction, from, to Date) (es []edge, a, b string, err error) {
	a, err = s.resolveID(actor)
	if err != nil {
		return nil, "", "", fmt.Errorf("actor: %w", err)
	}
	var other []byte
	if counterpart != "" {
		if b, err = s.resolveID(counterpart); err != nil {
			return nil, "", "", fmt.Errorf("counterpart: %w", err)
		}
		other = mustID(b)
	}
	err = s.view(ctx, func(txn *badger.Txn) error {
		ps := adjacencyPrefixes(dirBytes(d), mustID(a), s.Vocabulary().Names(), true, other)
		es, err = s.readEdges(txn, ps, edgeFilter{from: from, to: to, dated: true})
		return err
	})
	return sortedEdges(es), a, b, err
}

// bucketize spreads date-sorted edges over consecutive buckets from the
// bucket of from (else of the first edge) to the bucket of to (else of
// the last edge).
func (s *Store) bucketize(es []edge, width stance.Bucket, from, to Date) ([]stance.TimelineBucket, error) {
	if from.IsZero() && len(es) > 0 {
		from = es[0].date
	}
	if to.IsZero() && len(es) > 0 {
		to = es[len(es)-1].date
	}
	if from.IsZero() || to.IsZero() {
		return []stance.TimelineBucket{}, nil // nothing dated and no range: no bucket to show
	}
	first, _ := width.Start(from)
	if n := bucketCount(width, first, to); n > stance.MaxBuckets {
		return nil, fmt.Errorf("%w: bucket: %s buckets from %s to %s number over %d; choose a wider bucket or a shorter range", ErrInvalidInput, width, from, to, stance.MaxBuckets)
	}
	order := s.typeOrder()
	var out []stance.TimelineBucket
	i := 0
	for start := first; start <= to; start = width.Next(start) {
		b := stance.TimelineBucket{Start: start, End: width.Next(start) - 1, Counts: []TypeCount{}, Stances: []string{}}
		counts := make([]int, len(order))
		for ; i < len(es) && es[i].date <= b.End; i++ {
			counts[order[es[i].typ]]++
			b.Net += es[i].weight
			b.Stances = append(b.Stances, es[i].id)
		}
		b.Net = round(b.Net)
		for t, n := range counts {
			if n > 0 {
				b.Counts = append(b.Counts, TypeCount{Type: s.Vocabulary().Names()[t], Count: n})
			}
		}
		out = append(out, b)
	}
	return out, nil
}

// bucketCount counts the buckets from first to last without building
// them, so that a huge range is refused cheaply.
func bucketCount(width stance.Bucket, first, last Date) int {
	days := int(last-first) + 1
	f, l := first.Time(), last.Time()
	switch width {
	case stance.Week:
		return (days + 6) / 7
	case stance.Month:
		return (l.Year()-f.Year())*12 + int(l.Month()) - int(f.Month()) + 1
	case stance.Year:
		return l.Year() - f.Year() + 1
	}
	return days
}

// typeOrder maps each type to its position in the vocabulary.
func (s *Store) typeOrder() map[string]int {
	names := s.Vocabulary().Names()
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m
}

// round drops the float noise of summing weights such as 3.4, so that
// sums compare and print as an analyst computes them by hand.
func round(x float64) float64 { return math.Round(x*1e9) / 1e9 }

// Shift defaults: see stance.ShiftQuery.
const (
	defaultShiftEvidence = 5
	maxShiftWindow       = 1000
)

// Shifts finds where the net stance of q.A toward q.B turns (see
// stance.ShiftQuery): windows without stances are skipped, so silence is
// not read as a change of line.
func (s *Store) Shifts(ctx context.Context, q stance.ShiftQuery) ([]stance.Shift, error) {
	q, err := shiftDefaults(q)
	if err != nil {
		return nil, err
	}
	if q.B == "" {
		return nil, fmt.Errorf("%w: b: an actor is required", ErrInvalidInput)
	}
	tl, err := s.Timeline(ctx, stance.TimelineQuery{Actor: q.A, Counterpart: q.B, Direction: Out, From: q.From, To: q.To, Bucket: q.Bucket})
	if err != nil {
		return nil, err
	}
	return findShifts(tl.Buckets, q), nil
}

// shiftDefaults fills q's zero fields and checks the others.
func shiftDefaults(q stance.ShiftQuery) (stance.ShiftQuery, error) {
	if q.Bucket == "" {
		q.Bucket = stance.Month
	}
	if q.Window == 0 {
		q.Window = 1
	}
	if q.Evidence == 0 {
		q.Evidence = defaultShiftEvidence
	}
	switch {
	case q.Window < 1 || q.Window > maxShiftWindow:
		return q, fmt.Errorf("%w: window: must be between 1 and %d buckets, got %d", ErrInvalidInput, maxShiftWindow, q.Window)
	case q.Threshold < 0 || math.IsNaN(q.Threshold):
		return q, fmt.Errorf("%w: threshold: must be 0 or more, got %v", ErrInvalidInput, q.Threshold)
	case q.Evidence < 1 || q.Evidence > MaxPageSize:
		return q, fmt.Errorf("%w: evidence: must be between 1 and %d, got %d", ErrInvalidInput, MaxPageSize, q.Evidence)
	}
	return q, nil
}

// findShifts compares each trailing window of buckets ending in a bucket
// with stances to the previous such window.
func findShifts(bs []stance.TimelineBucket, q stance.ShiftQuery) []stance.Shift {
	out := []stance.Shift{}
	prev := -1 // last bucket ending a window with stances
	for i := range bs {
		if len(bs[i].Stances) == 0 {
			continue
		}
		if prev >= 0 {
			before, after := windowNet(bs, prev, q.Window), windowNet(bs, i, q.Window)
			if kind, ok := shiftKind(before, after, q.Threshold); ok {
				out = append(out, stance.Shift{
					Date: bs[i].Start, Kind: kind, Before: before, After: after,
					BeforeStances: lastStances(bs, prev, q.Window, q.Evidence),
					AfterStances:  firstN(bs[i].Stances, q.Evidence),
				})
			}
		}
		prev = i
	}
	return out
}

// windowNet sums the net weight of the window of w buckets ending at end.
func windowNet(bs []stance.TimelineBucket, end, w int) float64 {
	sum := 0.0
	for i := max(0, end-w+1); i <= end; i++ {
		sum += bs[i].Net
	}
	return round(sum)
}

// shiftKind says whether going from before to after is a shift.
func shiftKind(before, after, threshold float64) (stance.ShiftKind, bool) {
	switch {
	case before*after < 0:
		return stance.SignChange, true
	case threshold > 0 && math.Abs(after-before) > threshold:
		return stance.Move, true
	}
	return "", false
}

// lastStances returns the last n stances of the window of w buckets ending
// at end, latest last.
func lastStances(bs []stance.TimelineBucket, end, w, n int) []string {
	var all []string
	for i := max(0, end-w+1); i <= end; i++ {
		all = append(all, bs[i].Stances...)
	}
	return all[max(0, len(all)-n):]
}

func firstN(ids []string, n int) []string { return ids[:min(n, len(ids))] }

var _ stance.Analyzer = (*Store)(nil)
