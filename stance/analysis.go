package stance

import (
	"context"
	"fmt"
	"time"
)

// Analyzer answers the questions analysts ask of stance data over time and
// across the graph: timelines, shifts, alignment and coalitions. It is a
// separate interface from Store because a store answers it by reading every
// stance of an actor or of the graph, which a networked store may prefer to
// compute elsewhere; resolvers check for it at run time. Every number an
// Analyzer returns carries the IDs of the stances behind it, so that a
// client can show the quotes that make it, but for alignment: its shared
// counterparts are too many to list their stances with every score, so
// SharedStances lists them when a client asks.
type Analyzer interface {
	// Timeline counts an actor's (or a dyad's) live stances per bucket.
	Timeline(ctx context.Context, q TimelineQuery) (Timeline, error)
	// Shifts finds the dates where the net stance of A toward B turns.
	Shifts(ctx context.Context, q ShiftQuery) ([]Shift, error)
	// Alignment ranks the actors whose stances toward third parties most
	// resemble (or oppose) an actor's.
	Alignment(ctx context.Context, q AlignmentQuery) ([]Alignment, error)
	// SharedStances lists the stances behind shared counterparts of an
	// alignment, one list per counterpart asked, in the order asked.
	SharedStances(ctx context.Context, q SharedQuery) ([][]Stance, error)
	// Coalitions splits the signed graph into blocs and measures its balance.
	Coalitions(ctx context.Context, q CoalitionQuery) (Coalitions, error)
}

// Bucket is the width of a timeline's buckets.
type Bucket string

// Buckets: weeks start on Monday (ISO 8601), months and years on their
// first day.
const (
	Day   Bucket = "DAY"
	Week  Bucket = "WEEK"
	Month Bucket = "MONTH"
	Year  Bucket = "YEAR"
)

// Buckets lists the bucket widths, narrowest first.
func Buckets() []Bucket { return []Bucket{Day, Week, Month, Year} }

// MaxBuckets bounds a timeline, so that a DAY timeline over centuries is
// refused with a message rather than built in memory.
const MaxBuckets = 10_000

// Start returns the first day of the bucket holding d.
func (b Bucket) Start(d Date) (Date, error) {
	t := d.Time()
	switch b {
	case Day:
		return d, nil
	case Week:
		return d - Date((int(t.Weekday())+6)%7), nil
	case Month:
		return NewDate(t.Year(), t.Month(), 1), nil
	case Year:
		return NewDate(t.Year(), time.January, 1), nil
	}
	return 0, fmt.Errorf("%w: bucket %q is not one of %v", ErrInvalidInput, b, Buckets())
}

// Next returns the first day of the bucket after the one starting at start.
func (b Bucket) Next(start Date) Date {
	t := start.Time()
	switch b {
	case Week:
		return start + 7
	case Month:
		return DateOf(t.AddDate(0, 1, 0))
	case Year:
		return DateOf(t.AddDate(1, 0, 0))
	}
	return start + 1
}

// TimelineQuery selects the stances a timeline counts: those of Actor in
// Direction (toward Counterpart only, when given) dated From to To.
// Undated stances have no place on a timeline and are left out.
type TimelineQuery struct {
	Actor       string // actor reference; required
	Counterpart string // actor reference; "" for every counterpart
	Direction   Direction
	From, To    Date // inclusive; zero means the first or last matching stance
	Bucket      Bucket
}

// Timeline is a run of consecutive buckets, empty ones included, so that a
// plot of it shows silence as zero rather than skipping it.
type Timeline struct {
	Actor, Counterpart string // actor IDs; Counterpart "" when not given
	Bucket             Bucket
	Buckets            []TimelineBucket
}

// TimelineBucket counts the stances of one bucket.
type TimelineBucket struct {
	Start, End Date        // first and last day, inclusive
	Counts     []TypeCount // in vocabulary order; types with no stance left out
	// Net is the sum of the vocabulary weights of the bucket's stances:
	// positive for cooperation, negative for conflict.
	Net     float64
	Stances []string // IDs of the stances counted, by date then ID
}

// ShiftQuery asks where the net stance of A toward B turns: the net
// weight per Bucket is summed over a trailing Window of buckets, and each
// window holding stances is compared with the previous one holding
// stances. A shift is a change of sign, or a move of more than Threshold.
type ShiftQuery struct {
	A, B      string // actor references; stances from A to B only
	From, To  Date
	Bucket    Bucket  // "" means Month
	Window    int     // buckets per window; 0 means 1
	Threshold float64 // 0 means only sign changes count
	Evidence  int     // stance IDs kept on each side of a shift; 0 means 5
}

// ShiftKind says why a date is a shift.
type ShiftKind string

// Shift kinds. A change of sign is reported as Sign even when it also
// moves by more than the threshold.
const (
	SignChange ShiftKind = "SIGN"
	Move       ShiftKind = "MOVE"
)

// Shift is a date where the net stance of A toward B turned.
type Shift struct {
	Date          Date // first day of the bucket where the new window ends
	Kind          ShiftKind
	Before, After float64  // net weight of the previous window and of this one
	BeforeStances []string // the last stances of the previous window, latest last
	AfterStances  []string // the first stances of this window's new bucket
}

// AlignmentQuery asks which actors stand toward third parties as Actor
// does. Oppose ranks the most opposed first instead.
type AlignmentQuery struct {
	Actor    string
	From, To Date
	First    int // 0 means 10
	Oppose   bool
}

// Alignment scores another actor against the query's actor: the cosine
// similarity of their stance vectors, where an actor's vector has one
// entry per counterpart (the sum of the weights of its stances toward it)
// and the two actors themselves are left out of both vectors. +1 is the
// same line toward everyone, -1 the opposite line, 0 nothing in common.
type Alignment struct {
	Actor  string // actor ID
	Score  float64
	Shared []SharedCounterpart // counterparts both hold stances toward, largest contribution first
}

// SharedCounterpart is one third party behind an alignment score. The
// stances behind it are listed by Analyzer.SharedStances, not held here:
// the busiest actor's ten best share tens of thousands of counterparts
// with it, over half a million stances that a score does not need to read.
type SharedCounterpart struct {
	Counterpart   string  // actor ID
	Weight, Other float64 // net weight of the query's actor, and of the other, toward it
	// Contribution is Weight*Other over the product of the two vectors'
	// norms: the Contributions of an Alignment sum to its Score.
	Contribution float64
}

// SharedQuery asks for the stances behind SharedCounterparts of one
// Alignment: for each of Counterparts, those of Actor (the
// AlignmentQuery's) toward it, then those of Other (the Alignment's),
// each by date then ID (undated ones first, when the range is open), over
// the same From..To as the AlignmentQuery. These are the stances whose
// weights make Weight and Other. Asking for many counterparts in one
// query lets a store read each actor's stances once rather than once per
// counterpart.
type SharedQuery struct {
	Actor, Other string   // actor references; required
	Counterparts []string // actor references, each once; at least one
	From, To     Date
	First        int // per counterpart; 0 means DefaultPageSize, at most MaxPageSize
}

// CoalitionQuery selects the stances coalitions are computed from.
type CoalitionQuery struct {
	From, To Date
}

// Coalitions are the blocs of the signed graph and its balance. The graph
// has one undirected edge per pair of actors with stances either way,
// signed by the sum of their weights (pairs summing to zero are left out).
type Coalitions struct {
	Blocs []Bloc
	// Frustration is the weight of the edges the blocs contradict:
	// negative edges inside a bloc plus positive edges between blocs.
	Frustration float64
	Balance     TriadBalance   // of the whole graph
	Actors      []ActorBalance // per actor, in bloc order
}

// Bloc is a set of actors that cooperate with each other more than with the
// rest.
type Bloc struct {
	Actors []string // actor IDs, in ID order
	// Stances are the live stances along the bloc's positive edges: the
	// cooperation that holds it together.
	Stances []string
}

// TriadBalance counts triangles of the signed graph; a triangle is
// balanced when the product of its signs is positive ("the enemy of my
// enemy is my friend", Heider).
type TriadBalance struct {
	Triads, Balanced int
}

// Share is the balanced share of triads, or 1 when there are none: a graph
// without triangles contradicts no balance.
func (b TriadBalance) Share() float64 {
	if b.Triads == 0 {
		return 1
	}
	return float64(b.Balanced) / float64(b.Triads)
}

// ActorBalance places one actor: its bloc and the balance of the triads it
// is part of.
type ActorBalance struct {
	Actor   string // actor ID
	Bloc    int    // index into Coalitions.Blocs
	Balance TriadBalance
}
