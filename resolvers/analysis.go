package resolvers

import (
	"context"
	"fmt"
	"sync"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// errNoAnalysis is returned by the analysis fields when the store does not
// implement stance.Analyzer.
var errNoAnalysis = fmt.Errorf("%w: this store does not answer analysis queries", stance.ErrInvalidInput)

// analysisFields are the resolve functions of the analysis extension
// (README, "Analysis"). The values hold stance IDs, or for a shared
// counterpart of an alignment what to list them by; a stances field reads
// the stances only when asked, so numbers cost no stance reads.
func (r *Resolver) analysisFields() fieldMap {
	return fieldMap{
		"Query": {
			"timeline":   resolver(r.queryTimeline),
			"shifts":     resolver(r.queryShifts),
			"alignment":  resolver(r.queryAlignment),
			"coalitions": resolver(r.queryCoalitions),
		},
		"Timeline": {
			"a":       resolver(func(p graphql.ResolveParams) (any, error) { return timelineActor(p, false) }),
			"b":       resolver(func(p graphql.ResolveParams) (any, error) { return timelineActor(p, true) }),
			"bucket":  field(func(t *timelineValue) any { return string(t.t.Bucket) }),
			"buckets": field(func(t *timelineValue) any { return t.buckets() }),
		},
		"TimelineBucket": {
			"start":   field(func(b *bucketValue) any { return b.b.Start }),
			"end":     field(func(b *bucketValue) any { return b.b.End }),
			"counts":  field(func(b *bucketValue) any { return nonNilCounts(b.b.Counts) }),
			"total":   field(func(b *bucketValue) any { return len(b.b.Stances) }),
			"net":     field(func(b *bucketValue) any { return b.b.Net }),
			"stances": stancesOf(func(b *bucketValue) (*scope, []string) { return b.sc, b.b.Stances }),
		},
		"Shift": {
			"date":          field(func(s *shiftValue) any { return s.s.Date }),
			"kind":          field(func(s *shiftValue) any { return string(s.s.Kind) }),
			"before":        field(func(s *shiftValue) any { return s.s.Before }),
			"after":         field(func(s *shiftValue) any { return s.s.After }),
			"beforeStances": allStances(func(s *shiftValue) (*scope, []string) { return s.sc, s.s.BeforeStances }),
			"afterStances":  allStances(func(s *shiftValue) (*scope, []string) { return s.sc, s.s.AfterStances }),
		},
		"Alignment": {
			"actor":  actorOf(func(a *alignmentValue) (*scope, string) { return a.sc, a.a.Actor }),
			"score":  field(func(a *alignmentValue) any { return a.a.Score }),
			"shared": field(func(a *alignmentValue) any { return a.shared() }),
		},
		"SharedCounterpart": {
			"counterpart":  actorOf(func(s *sharedValue) (*scope, string) { return s.sc, s.s.Counterpart }),
			"weight":       field(func(s *sharedValue) any { return s.s.Weight }),
			"otherWeight":  field(func(s *sharedValue) any { return s.s.Other }),
			"contribution": field(func(s *sharedValue) any { return s.s.Contribution }),
			"stances":      resolver(r.sharedStances),
		},
		"Coalitions": {
			"blocs":       field(func(c *coalitionsValue) any { return c.blocs() }),
			"frustration": field(func(c *coalitionsValue) any { return c.c.Frustration }),
			"balance":     field(func(c *coalitionsValue) any { return c.c.Balance }),
			"actors":      field(func(c *coalitionsValue) any { return c.actors() }),
		},
		"Bloc": {
			"actors":      resolver(r.blocActors),
			"stanceCount": field(func(b *blocValue) any { return len(b.b.Stances) }),
			"stances":     stancesOf(func(b *blocValue) (*scope, []string) { return b.sc, b.b.Stances }),
		},
		"ActorBalance": {
			"actor":   actorOf(func(a *actorBalanceValue) (*scope, string) { return a.sc, a.a.Actor }),
			"bloc":    field(func(a *actorBalanceValue) any { return a.a.Bloc }),
			"balance": field(func(a *actorBalanceValue) any { return a.a.Balance }),
		},
		"TriadBalance": {
			"triads":   field(func(b stance.TriadBalance) any { return b.Triads }),
			"balanced": field(func(b stance.TriadBalance) any { return b.Balanced }),
			"share":    field(func(b stance.TriadBalance) any { return b.Share() }),
		},
	}
}

// analyzer returns the store as a stance.Analyzer.
func (r *Resolver) analyzer() (stance.Analyzer, error) {
	an, ok := r.store.(stance.Analyzer)
	if !ok {
		return nil, errNoAnalysis
	}
	return an, nil
}

// actorArgs resolves the actor arguments named, in order; an empty
// optional one stays "".
func (r *Resolver) actorArgs(ctx context.Context, sc *scope, a args, names ...string) ([]string, error) {
	out := make([]string, len(names))
	for i, n := range names {
		if !a.has(n) {
			continue
		}
		act, err := r.actorRef(ctx, n, a.str(n))
		if err != nil {
			return nil, err
		}
		sc.remember(act)
		out[i] = act.ID
	}
	return out, nil
}

// analysisCall is what every analysis field reads before it asks the
// store: the analyzer, the arguments, a scope for the actors it will
// show, the actors its arguments name and its date range.
type analysisCall struct {
	an       stance.Analyzer
	a        args
	sc       *scope
	actors   []string
	from, to stance.Date
}

// analysisArgs reads an analysis field's common arguments, the actor
// arguments named first, failing in that order: no analyzer, an unknown
// actor, a bad range.
func (r *Resolver) analysisArgs(p graphql.ResolveParams, actors ...string) (analysisCall, error) {
	an, err := r.analyzer()
	if err != nil {
		return analysisCall{}, err
	}
	c := analysisCall{an: an, a: args(p.Args), sc: r.newScope()}
	if c.actors, err = r.actorArgs(p.Context, c.sc, c.a, actors...); err != nil {
		return analysisCall{}, err
	}
	if c.from, c.to, err = rangeArgs(c.a); err != nil {
		return analysisCall{}, err
	}
	return c, nil
}

// rangeArgs reads from and to.
func rangeArgs(a args) (from, to stance.Date, err error) {
	from, to = a.date("from"), a.date("to")
	return from, to, dateRange("", from, to)
}

func (r *Resolver) queryTimeline(p graphql.ResolveParams) (interface{}, error) {
	c, err := r.analysisArgs(p, "a", "b")
	if err != nil {
		return nil, err
	}
	an, a, sc, refs, from, to := c.an, c.a, c.sc, c.actors, c.from, c.to
	q := stance.TimelineQuery{Actor: refs[0], Counterpart: refs[1], Direction: direction(p.Args["direction"], stance.Both), From: from, To: to, Bucket: stance.Bucket(a.str("bucket"))}
	t, err := an.Timeline(p.Context, q)
	if err != nil {
		return nil, err
	}
	return &timelineValue{t: t, sc: sc}, nil
}

func (r *Resolver) queryShifts(p graphql.ResolveParams) (interface{}, error) {
	c, err := r.analysisArgs(p, "a", "b")
	if err != nil {
		return nil, err
	}
	an, a, sc, refs, from, to := c.an, c.a, c.sc, c.actors, c.from, c.to
	q := stance.ShiftQuery{A: refs[0], B: refs[1], From: from, To: to, Bucket: stance.Bucket(a.str("bucket")),
		Window: a.int("window", 1), Threshold: a.float("threshold", 0), Evidence: a.int("evidence", 5)}
	if q.Window < 1 {
		return nil, badArg("window", "must be at least 1, got %d", q.Window)
	}
	if q.Evidence < 1 || q.Evidence > stance.MaxPageSize {
		return nil, badArg("evidence", "must be between 1 and %d, got %d", stance.MaxPageSize, q.Evidence)
	}
	shifts, err := an.Shifts(p.Context, q)
	if err != nil {
		return nil, err
	}
	out := make([]*shiftValue, len(shifts))
	for i, s := range shifts {
		out[i] = &shiftValue{s: s, sc: sc}
	}
	return out, nil
}

func (r *Resolver) queryAlignment(p graphql.ResolveParams) (interface{}, error) {
	c, err := r.analysisArgs(p, "actor")
	if err != nil {
		return nil, err
	}
	an, a, sc, refs, from, to := c.an, c.a, c.sc, c.actors, c.from, c.to
	first := a.int("first", 10)
	if first < 1 || first > stance.MaxPageSize {
		return nil, badArg("first", "must be between 1 and %d, got %d", stance.MaxPageSize, first)
	}
	q := stance.AlignmentQuery{Actor: refs[0], From: from, To: to, First: first, Oppose: a.bool("oppose", false)}
	als, err := an.Alignment(p.Context, q)
	if err != nil {
		return nil, err
	}
	out := make([]*alignmentValue, len(als))
	for i, al := range als {
		sc.want(al.Actor)
		out[i] = &alignmentValue{a: al, q: q, sc: sc}
	}
	return out, nil
}

// sharedStances lists the stances behind a shared counterpart, asking the
// store only when the field is selected, and only for the first of them:
// an alignment of a busy actor shares tens of thousands of counterparts.
func (r *Resolver) sharedStances(p graphql.ResolveParams) (interface{}, error) {
	s, ok := p.Source.(*sharedValue)
	if !ok {
		return nil, errSource
	}
	first, err := firstArg(p)
	if err != nil {
		return nil, err
	}
	if first == 0 {
		return []*stanceValue{}, nil
	}
	an, err := r.analyzer()
	if err != nil {
		return nil, err
	}
	lists, err := s.al.sharedStances(p.Context, an, first)
	if err != nil {
		return nil, err
	}
	return s.sc.stanceValues(lists[s.i]), nil
}

// sharedStances returns the first stances behind each of a's shared
// counterparts, asking the store once per value of first: the field is
// resolved for every item of the shared list, and one query for all of
// them reads each actor's stances once rather than once per counterpart.
func (a *alignmentValue) sharedStances(ctx context.Context, an stance.Analyzer, first int) ([][]stance.Stance, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if lists, ok := a.stances[first]; ok {
		return lists, nil
	}
	cs := make([]string, len(a.a.Shared))
	for i, s := range a.a.Shared {
		cs[i] = s.Counterpart
	}
	lists, err := an.SharedStances(ctx, stance.SharedQuery{Actor: a.q.Actor, Other: a.a.Actor, Counterparts: cs, From: a.q.From, To: a.q.To, First: first})
	if err != nil {
		return nil, err
	}
	if a.stances == nil {
		a.stances = map[int][][]stance.Stance{}
	}
	a.stances[first] = lists
	return lists, nil
}

func (r *Resolver) queryCoalitions(p graphql.ResolveParams) (interface{}, error) {
	call, err := r.analysisArgs(p)
	if err != nil {
		return nil, err
	}
	c, err := call.an.Coalitions(p.Context, stance.CoalitionQuery{From: call.from, To: call.to})
	if err != nil {
		return nil, err
	}
	return &coalitionsValue{c: c, sc: call.sc}, nil
}

func (r *Resolver) blocActors(p graphql.ResolveParams) (interface{}, error) {
	b, ok := p.Source.(*blocValue)
	if !ok {
		return nil, errSource
	}
	b.sc.want(b.b.Actors...)
	out := make([]*actorValue, len(b.b.Actors))
	for i, id := range b.b.Actors {
		av, err := b.sc.actor(p.Context, id)
		if err != nil {
			return nil, err
		}
		out[i] = av
	}
	return out, nil
}

func timelineActor(p graphql.ResolveParams, counterpart bool) (interface{}, error) {
	t, ok := p.Source.(*timelineValue)
	if !ok {
		return nil, errSource
	}
	id := t.t.Actor
	if counterpart {
		if id = t.t.Counterpart; id == "" {
			return nil, nil
		}
	}
	return t.sc.actor(p.Context, id)
}

// actorOf resolves an actor field from the ID a value holds.
func actorOf[T any](get func(T) (*scope, string)) resolveFn {
	return resolver(func(p graphql.ResolveParams) (interface{}, error) {
		v, ok := p.Source.(T)
		if !ok {
			return nil, errSource
		}
		sc, id := get(v)
		return sc.actor(p.Context, id)
	})
}

// stancesOf resolves a stances(first) field from the IDs a value holds.
func stancesOf[T any](get func(T) (*scope, []string)) resolveFn {
	return resolver(func(p graphql.ResolveParams) (interface{}, error) {
		v, ok := p.Source.(T)
		if !ok {
			return nil, errSource
		}
		first, err := firstArg(p)
		if err != nil {
			return nil, err
		}
		sc, ids := get(v)
		return sc.stancesByID(p.Context, ids[:min(first, len(ids))])
	})
}

// firstArg reads the first argument of a stances field.
func firstArg(p graphql.ResolveParams) (int, error) {
	first := args(p.Args).int("first", stance.DefaultPageSize)
	if first < 0 || first > stance.MaxPageSize {
		return 0, badArg("first", "must be between 0 and %d, got %d", stance.MaxPageSize, first)
	}
	return first, nil
}

// allStances resolves a list of stances already bounded by the query.
func allStances[T any](get func(T) (*scope, []string)) resolveFn {
	return resolver(func(p graphql.ResolveParams) (interface{}, error) {
		v, ok := p.Source.(T)
		if !ok {
			return nil, errSource
		}
		sc, ids := get(v)
		return sc.stancesByID(p.Context, ids)
	})
}

// stancesByID reads the stances with the given IDs, in order.
func (sc *scope) stancesByID(ctx context.Context, ids []string) ([]*stanceValue, error) {
	ss := make([]stance.Stance, len(ids))
	for i, id := range ids {
		s, err := sc.r.store.Stance(ctx, id)
		if err != nil {
			return nil, err
		}
		ss[i] = s
	}
	return sc.stanceValues(ss), nil
}

// The sources of the analysis types.
type (
	timelineValue struct {
		t  stance.Timeline
		sc *scope
	}
	bucketValue struct {
		b  stance.TimelineBucket
		sc *scope
	}
	shiftValue struct {
		s  stance.Shift
		sc *scope
	}
	alignmentValue struct {
		a  stance.Alignment
		q  stance.AlignmentQuery // its Actor resolved to an ID
		sc *scope
		mu sync.Mutex
		// stances are the stances behind each of a.Shared, by first.
		stances map[int][][]stance.Stance
	}
	sharedValue struct {
		s  stance.SharedCounterpart
		al *alignmentValue
		i  int // s is al.a.Shared[i]
		sc *scope
	}
	coalitionsValue struct {
		c  stance.Coalitions
		sc *scope
	}
	blocValue struct {
		b  stance.Bloc
		sc *scope
	}
	actorBalanceValue struct {
		a  stance.ActorBalance
		sc *scope
	}
)

// valuesOf makes one value of each item, for the fields that list them.
func valuesOf[T, V any](items []T, value func(T) V) []V {
	out := make([]V, len(items))
	for i, it := range items {
		out[i] = value(it)
	}
	return out
}

func (t *timelineValue) buckets() []*bucketValue {
	return valuesOf(t.t.Buckets, func(b stance.TimelineBucket) *bucketValue { return &bucketValue{b: b, sc: t.sc} })
}

func (a *alignmentValue) shared() []*sharedValue {
	out := make([]*sharedValue, len(a.a.Shared))
	for i, s := range a.a.Shared {
		a.sc.want(s.Counterpart)
		out[i] = &sharedValue{s: s, al: a, i: i, sc: a.sc}
	}
	return out
}

func (c *coalitionsValue) blocs() []*blocValue {
	return valuesOf(c.c.Blocs, func(b stance.Bloc) *blocValue { return &blocValue{b: b, sc: c.sc} })
}

func (c *coalitionsValue) actors() []*actorBalanceValue {
	return valuesOf(c.c.Actors, func(a stance.ActorBalance) *actorBalanceValue {
		c.sc.want(a.Actor)
		return &actorBalanceValue{a: a, sc: c.sc}
	})
}
