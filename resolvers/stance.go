package resolvers

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// stanceFields are the resolve functions of stances: one by ID, the
// filtered listing, their fields and the connection every stance listing
// shares.
func (r *Resolver) stanceFields() fieldMap {
	return fieldMap{
		"Query": {
			"stance":  resolver(r.queryStance),
			"stances": resolver(r.queryStances),
		},
		"Stance": {
			"id":            field(func(s *stanceValue) any { return &s.s.ID }),
			"type":          field(func(s *stanceValue) any { return &s.s.Type }),
			"subject":       resolver(r.stanceSubject),
			"object":        resolver(r.stanceObject),
			"topic":         field(func(s *stanceValue) any { return optStringAt(&s.s.Topic) }),
			"date":          resolver(r.stanceDate),
			"confidence":    field(func(s *stanceValue) any { return s.s.Confidence }),
			"evidence":      field((*stanceValue).evidenceList),
			"retracted":     field(func(s *stanceValue) any { return s.s.Retracted }),
			"retractReason": field(func(s *stanceValue) any { return optStringAt(&s.s.RetractReason) }),
		},
		"PageInfo": {
			"hasNextPage": field(func(p stance.PageInfo) any { return p.HasNext }),
			"endCursor":   field(func(p stance.PageInfo) any { return optString(p.EndCursor) }),
		},
		"StanceEdge": {
			"cursor": field(func(e stanceEdge) any { return e.cursor }),
			"node":   field(func(e stanceEdge) any { return e.node }),
		},
		"StanceConnection": {
			"totalCount": field(func(c *stanceConn) any { return c.info.Total }),
			"edges":      field(func(c *stanceConn) any { return c.edges() }),
			"nodes":      field(func(c *stanceConn) any { return &c.nodes }),
			"pageInfo":   field(func(c *stanceConn) any { return c.info }),
		},
	}
}

// queryStance resolves Query.stance(id): null for an unknown ID.
func (r *Resolver) queryStance(p graphql.ResolveParams) (interface{}, error) {
	id := args(p.Args).str("id")
	if err := uuidArg("id", id); err != nil {
		return nil, err
	}
	s, err := r.store.Stance(p.Context, id)
	if errors.Is(err, stance.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, argError("id", err)
	}
	return r.newScope().stanceValues([]stance.Stance{s})[0], nil
}

func (r *Resolver) queryStances(p graphql.ResolveParams) (interface{}, error) {
	a := args(p.Args)
	first, after, err := a.page()
	if err != nil {
		return nil, err
	}
	sc := r.newScope()
	q, err := r.stanceQuery(p.Context, a.obj("filter"), sc)
	if err != nil {
		return nil, err
	}
	q.First, q.After = storeFirst(first), after
	page, err := r.store.Stances(p.Context, q)
	if err != nil {
		return nil, pageError(err)
	}
	return sc.stanceConn(page, first)
}

// stanceQuery decodes a StanceFilter (Query.stances, Subscription.stanceAdded)
// into a query whose actors are resolved to IDs, remembered in sc.
func (r *Resolver) stanceQuery(ctx context.Context, f args, sc *scope) (stance.StanceQuery, error) {
	q := stance.StanceQuery{
		Types:            f.strings("types"),
		From:             f.date("from"),
		To:               f.date("to"),
		Document:         f.str("document"),
		MinConfidence:    f.float("minConfidence", 0),
		IncludeRetracted: f.bool("includeRetracted", false),
		Dataset:          f.str("dataset"),
		QuadClass:        f.int("quadClass", 0),
	}
	for _, end := range []struct {
		arg string
		id  *string
	}{{"subject", &q.Subject}, {"object", &q.Object}} {
		if !f.has(end.arg) {
			continue
		}
		act, err := r.actorRef(ctx, "filter."+end.arg, f.str(end.arg))
		if err != nil {
			return q, err
		}
		*end.id = act.ID
		sc.remember(act)
	}
	if f.has("document") {
		if err := uuidArg("filter.document", q.Document); err != nil {
			return q, err
		}
	}
	if mc := q.MinConfidence; mc < 0 || mc > 1 {
		return q, badArg("filter.minConfidence", "must be between 0 and 1, got %v", mc)
	}
	return q, dateRange("filter", q.From, q.To)
}

func (r *Resolver) stanceSubject(p graphql.ResolveParams) (interface{}, error) {
	s, ok := p.Source.(*stanceValue)
	if !ok {
		return nil, errSource
	}
	if v := s.pageActor(p.Context, subjectRole); v != nil {
		return v, nil
	}
	return s.sc.actor(p.Context, s.s.Subject)
}

func (r *Resolver) stanceObject(p graphql.ResolveParams) (interface{}, error) {
	s, ok := p.Source.(*stanceValue)
	if !ok {
		return nil, errSource
	}
	if v := s.pageActor(p.Context, objectRole); v != nil {
		return v, nil
	}
	return s.sc.actor(p.Context, s.s.Object)
}

// The roles of a stance's actors, indexes of stanceValue.actors.
const (
	subjectRole = iota
	objectRole
)

// pageActor returns the value of the stance's actor in role, looked up
// with the rest of its page's; nil when the stance came in no page or
// the page's lookup failed, and the scope must look the actor up alone
// (and report its error).
func (s *stanceValue) pageActor(ctx context.Context, role int) *actorValue {
	if s.pg == nil {
		return nil
	}
	s.pg.actorsOnce.Do(func() { s.pg.lookActors(ctx) })
	return s.actors[role]
}

// stanceDate resolves Stance.date, falling back to the date of the first
// evidence document as the contract says.
func (r *Resolver) stanceDate(p graphql.ResolveParams) (interface{}, error) {
	s, ok := p.Source.(*stanceValue)
	if !ok {
		return nil, errSource
	}
	if !s.s.Date.IsZero() || len(s.s.Evidence) == 0 {
		return optDateAt(&s.s.Date), nil
	}
	d, err := s.sc.document(p.Context, s.s.Evidence[0].DocumentID)
	if errors.Is(err, stance.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return optDate(d.Date), nil
}

// stanceValue is the source of Stance fields.
type stanceValue struct {
	// s points into the page the stance came in, which nothing changes:
	// a copy was some 200 bytes a stance to move and for the collector
	// to scan.
	s  *stance.Stance
	sc *scope
	// pg is the page the value came in, whose evidence values and actors
	// are made together (see stancePage); ev and actors are this stance's
	// share of them.
	pg     *stancePage
	ev     []*evidenceValue
	actors [2]*actorValue // by role
}

// stancePage makes the evidence values of a whole page at the first
// stance asked for its evidence, and its actors' at the first asked for
// an actor: two allocations a page rather than two a stance for the
// evidence, the largest count of allocations in a notebook's request,
// and for the actors one store lookup and three allocations a page,
// without a map of the page's actors to build and to look each up in
// (3% of a notebook request's CPU over HTTP).
type stancePage struct {
	once       sync.Once // evidence
	actorsOnce sync.Once
	values     []stanceValue
}

// lookActors gives every stance of the page its subject's and object's
// values: those the scope knows already (a page's subject, most often)
// from it, and the others from one ActorsByID call, each run of one
// actor in a role looked up once. When that call fails (an actor merged
// away meanwhile) the values stay nil, and each stance's actor is looked
// up alone.
func (pg *stancePage) lookActors(ctx context.Context) {
	sc := pg.values[0].sc
	ids := make([]string, 0, 2*len(pg.values))
	at := make([]int, 2*len(pg.values)) // index in ids + 1; 0 when known
	sc.mu.Lock()
	for role := range 2 {
		for i := range pg.values {
			v := &pg.values[i]
			id := v.s.Subject
			if role == objectRole {
				id = v.s.Object
			}
			if a, ok := sc.actors[id]; ok {
				v.actors[role] = a
				continue
			}
			if len(ids) == 0 || ids[len(ids)-1] != id {
				ids = append(ids, id)
			}
			at[role*len(pg.values)+i] = len(ids)
		}
	}
	sc.mu.Unlock()
	if len(ids) == 0 {
		return
	}
	as, err := sc.r.store.ActorsByID(ctx, ids)
	if err != nil || len(as) != len(ids) {
		pg.forgetActors()
		return
	}
	vals := make([]actorValue, len(as))
	for k := range as {
		vals[k] = actorValue{a: &as[k], sc: sc}
	}
	for j, k := range at {
		if k > 0 {
			pg.values[j%len(pg.values)].actors[j/len(pg.values)] = &vals[k-1]
		}
	}
}

// forgetActors drops what lookActors found, so that every actor of the
// page is looked up alone.
func (pg *stancePage) forgetActors() {
	for i := range pg.values {
		pg.values[i].actors = [2]*actorValue{}
	}
}

// build gives every stance of the page its evidence values.
func (pe *stancePage) build() {
	n := 0
	for i := range pe.values {
		n += len(pe.values[i].s.Evidence)
	}
	vals := make([]evidenceValue, n)
	ptrs := make([]*evidenceValue, n)
	at := 0
	for i := range pe.values {
		v := &pe.values[i]
		start := at
		for j := range v.s.Evidence {
			vals[at] = evidenceValue{e: &v.s.Evidence[j], sc: v.sc}
			ptrs[at] = &vals[at]
			at++
		}
		v.ev = ptrs[start:at:at]
	}
}

// stanceValues makes the values of a page, sharing one stancePage.
func (sc *scope) stanceValues(ss []stance.Stance) []*stanceValue {
	out := make([]*stanceValue, len(ss))
	pe := &stancePage{values: make([]stanceValue, len(ss))}
	for i := range ss {
		pe.values[i] = stanceValue{s: &ss[i], sc: sc, pg: pe}
		out[i] = &pe.values[i]
	}
	return out
}

// evidenceList is the Stance.evidence field's value: a pointer to the
// list, which both executors follow, since a slice put in an interface
// costs an allocation a stance and a pointer none.
func (s *stanceValue) evidenceList() any {
	if s.pg != nil {
		s.pg.once.Do(s.pg.build)
		return &s.ev
	}
	return s.evidence()
}

// evidence returns the values of a stance's evidence, made with its
// page's when it came in one.
func (s *stanceValue) evidence() []*evidenceValue {
	if s.pg != nil {
		s.pg.once.Do(s.pg.build)
		return s.ev
	}
	vals := make([]evidenceValue, len(s.s.Evidence))
	out := make([]*evidenceValue, len(vals))
	for i := range s.s.Evidence {
		vals[i] = evidenceValue{e: &s.s.Evidence[i], sc: s.sc}
		out[i] = &vals[i]
	}
	return out
}

// stanceEdge is the source of StanceEdge fields.
type stanceEdge struct {
	cursor string
	node   *stanceValue
}

// stanceConn is the source of StanceConnection fields.
type stanceConn struct {
	nodes   []*stanceValue
	cursors []string
	info    stance.PageInfo
}

func (c *stanceConn) edges() []stanceEdge {
	out := make([]stanceEdge, len(c.nodes))
	for i, n := range c.nodes {
		out[i] = stanceEdge{cursor: c.cursors[i], node: n}
	}
	return out
}

// stanceConn wraps a page for StanceConnection; first = 0 keeps only counts.
func (sc *scope) stanceConn(page stance.StancePage, first int) (*stanceConn, error) {
	if first == 0 {
		return &stanceConn{nodes: []*stanceValue{}, info: countOnly(page.PageInfo, len(page.Stances))}, nil
	}
	if len(page.Cursors) != len(page.Stances) {
		return nil, fmt.Errorf("resolvers: the store returned %d cursors for %d stances", len(page.Cursors), len(page.Stances))
	}
	return &stanceConn{nodes: sc.stanceValues(page.Stances), cursors: page.Cursors, info: page.PageInfo}, nil
}

// stanceNodes wraps a page read without cursors, for a selection of
// neither edges nor pageInfo.
func (sc *scope) stanceNodes(page stance.StancePage) *stanceConn {
	return &stanceConn{nodes: sc.stanceValues(page.Stances), info: page.PageInfo}
}
