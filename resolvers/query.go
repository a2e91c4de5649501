package resolvers

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// queryActor resolves Query.actor(id, name, code): null when nothing
// matches, an error when id is not a UUID or no argument is given.
func (r *Resolver) queryActor(p graphql.ResolveParams) (interface{}, error) {
	a := args(p.Args)
	id, name, code := a.str("id"), a.str("name"), a.str("code")
	if id == "" && name == "" && code == "" {
		return nil, badArg("id", "give id or name (or code)")
	}
	if code != "" {
		return r.actorByCode(p, id, name, code)
	}
	var found stance.Actor
	if id != "" {
		if err := uuidArg("id", id); err != nil {
			return nil, err
		}
		act, err := r.store.Actor(p.Context, id)
		if errors.Is(err, stance.ErrNotFound) {
			return nil, nil
		} else if err != nil {
			return nil, argError("id", err)
		}
		found = act
	}
	if name != "" {
		act, err := r.store.Actor(p.Context, name)
		if errors.Is(err, stance.ErrNotFound) {
			return nil, nil
		} else if err != nil {
			return nil, argError("name", err)
		}
		if id != "" && act.ID != found.ID {
			return nil, nil // id and name name different actors: nothing matches both
		}
		found = act
	}
	return r.newScope().actorValue(found), nil
}

// actorByCode resolves actor(code:), null unless id and name, when given,
// name the same actor.
func (r *Resolver) actorByCode(p graphql.ResolveParams, id, name, code string) (interface{}, error) {
	act, err := r.store.ActorByCode(p.Context, code)
	if errors.Is(err, stance.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, argError("code", err)
	}
	if id != "" {
		if err := uuidArg("id", id); err != nil {
			return nil, err
		}
		if !strings.EqualFold(id, act.ID) {
			return nil, nil
		}
	}
	if name != "" {
		if other, err := r.store.Actor(p.Context, name); err != nil || other.ID != act.ID {
			return nil, nil
		}
	}
	return r.newScope().actorValue(act), nil
}

func (r *Resolver) queryActors(p graphql.ResolveParams) (interface{}, error) {
	a := args(p.Args)
	first, after, err := a.page()
	if err != nil {
		return nil, err
	}
	kind, _ := a["kind"].(string)
	page, err := r.store.Actors(p.Context, stance.ActorQuery{
		Kind: stance.ActorKind(kind), Search: a.str("search"), Code: a.str("code"), First: storeFirst(first), After: after,
	})
	if err != nil {
		return nil, pageError(err)
	}
	sc := r.newScope()
	c := &actorConn{info: page.PageInfo, nodes: []*actorValue{}}
	if first == 0 {
		c.info = countOnly(page.PageInfo, len(page.Actors))
		return c, nil
	}
	for _, act := range page.Actors {
		c.nodes = append(c.nodes, sc.actorValue(act))
	}
	return c, nil
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

func (r *Resolver) queryDocument(p graphql.ResolveParams) (interface{}, error) {
	id := args(p.Args).str("id")
	if err := uuidArg("id", id); err != nil {
		return nil, err
	}
	d, err := r.store.Document(p.Context, id)
	if errors.Is(err, stance.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, argError("id", err)
	}
	return &documentValue{d: d, sc: r.newScope()}, nil
}

func (r *Resolver) queryDocuments(p graphql.ResolveParams) (interface{}, error) {
	first, after, err := args(p.Args).page()
	if err != nil {
		return nil, err
	}
	page, err := r.store.Documents(p.Context, stance.PageQuery{First: storeFirst(first), After: after})
	if err != nil {
		return nil, pageError(err)
	}
	sc := r.newScope()
	c := &documentConn{info: page.PageInfo, nodes: []*documentValue{}}
	if first == 0 {
		c.info = countOnly(page.PageInfo, len(page.Documents))
		return c, nil
	}
	for _, d := range page.Documents {
		c.nodes = append(c.nodes, &documentValue{d: d, sc: sc})
	}
	return c, nil
}

func (r *Resolver) queryPaths(p graphql.ResolveParams) (interface{}, error) {
	a := args(p.Args)
	from, err := r.actorRef(p.Context, "from", a.str("from"))
	if err != nil {
		return nil, err
	}
	to, err := r.actorRef(p.Context, "to", a.str("to"))
	if err != nil {
		return nil, err
	}
	hops := a.int("maxHops", stance.DefaultMaxHops)
	if hops < 1 || hops > stance.MaxHops {
		return nil, badArg("maxHops", "must be between 1 and %d, got %d", stance.MaxHops, hops)
	}
	limit := a.int("limit", stance.DefaultPaths)
	if limit < 0 || limit > stance.MaxPaths {
		return nil, badArg("limit", "must be between 0 and %d, got %d", stance.MaxPaths, limit)
	}
	out := []*pathValue{}
	if limit == 0 {
		return out, nil
	}
	paths, err := r.store.Paths(p.Context, stance.PathQuery{
		From: from.ID, To: to.ID, MaxHops: hops, Types: a.strings("types"),
		FollowDirection: a.bool("followDirection", false), Limit: limit,
	})
	if err != nil {
		return nil, err
	}
	sc := r.newScope()
	sc.remember(from, to)
	for _, path := range paths {
		sc.want(path.Actors...)
		out = append(out, &pathValue{actors: path.Actors, stances: sc.stanceValues(path.Stances), sc: sc})
	}
	return out, nil
}

func (r *Resolver) pathActors(p graphql.ResolveParams) (interface{}, error) {
	pv, ok := p.Source.(*pathValue)
	if !ok {
		return nil, errSource
	}
	out := make([]*actorValue, len(pv.actors))
	for i, id := range pv.actors {
		a, err := pv.sc.actor(p.Context, id)
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}

func (r *Resolver) queryDyad(p graphql.ResolveParams) (interface{}, error) {
	a := args(p.Args)
	x, err := r.actorRef(p.Context, "a", a.str("a"))
	if err != nil {
		return nil, err
	}
	y, err := r.actorRef(p.Context, "b", a.str("b"))
	if err != nil {
		return nil, err
	}
	d, err := r.store.Dyad(p.Context, x.ID, y.ID)
	if err != nil {
		return nil, err
	}
	sc := r.newScope()
	return &dyadValue{d: d, a: sc.actorValue(x), b: sc.actorValue(y)}, nil
}

func (r *Resolver) dyadStances(p graphql.ResolveParams) (interface{}, error) {
	dv, ok := p.Source.(*dyadValue)
	if !ok {
		return nil, errSource
	}
	first, after, err := args(p.Args).page()
	if err != nil {
		return nil, err
	}
	page, err := r.store.DyadStances(p.Context, dv.a.a.ID, dv.b.a.ID, stance.PageQuery{First: storeFirst(first), After: after})
	if err != nil {
		return nil, pageError(err)
	}
	return dv.a.sc.stanceConn(page, first)
}

func (r *Resolver) queryMatrix(p graphql.ResolveParams) (interface{}, error) {
	a := args(p.Args)
	sc := r.newScope()
	q := stance.MatrixQuery{Types: a.strings("types"), From: a.date("from"), To: a.date("to")}
	if err := dateRange("", q.From, q.To); err != nil {
		return nil, err
	}
	for i, ref := range a.strings("actors") {
		act, err := r.actorRef(p.Context, fmt.Sprintf("actors[%d]", i), ref)
		if err != nil {
			return nil, err
		}
		sc.remember(act)
		q.Actors = append(q.Actors, act.ID)
	}
	if a.has("actors") && len(q.Actors) == 0 {
		return []*cellValue{}, nil // an explicit empty list selects no actor, not every actor
	}
	cells, err := r.store.Matrix(p.Context, q)
	if err != nil {
		return nil, err
	}
	out := make([]*cellValue, len(cells))
	for i, c := range cells {
		sc.want(c.Subject, c.Object)
		out[i] = &cellValue{c: c, sc: sc}
	}
	return out, nil
}

func (r *Resolver) cellSubject(p graphql.ResolveParams) (interface{}, error) {
	c, ok := p.Source.(*cellValue)
	if !ok {
		return nil, errSource
	}
	return c.sc.actor(p.Context, c.c.Subject)
}

func (r *Resolver) cellObject(p graphql.ResolveParams) (interface{}, error) {
	c, ok := p.Source.(*cellValue)
	if !ok {
		return nil, errSource
	}
	return c.sc.actor(p.Context, c.c.Object)
}

func (r *Resolver) queryVocabulary(p graphql.ResolveParams) (interface{}, error) {
	return r.Vocabulary().Types(), nil
}

func (r *Resolver) queryStats(p graphql.ResolveParams) (interface{}, error) {
	return r.store.Stats(p.Context)
}

// actorStances resolves Actor.stances.
func (r *Resolver) actorStances(p graphql.ResolveParams) (interface{}, error) {
	av, ok := p.Source.(*actorValue)
	if !ok {
		return nil, errSource
	}
	a := args(p.Args)
	first, after, err := a.page()
	if err != nil {
		return nil, err
	}
	q := stance.AdjacencyQuery{
		Direction: direction(a["direction"], stance.Out),
		Types:     a.strings("types"),
		From:      a.date("from"),
		To:        a.date("to"),
		First:     storeFirst(first),
		After:     after,
	}
	if err := dateRange("", q.From, q.To); err != nil {
		return nil, err
	}
	if a.has("counterpart") {
		c, err := r.actorRef(p.Context, "counterpart", a.str("counterpart"))
		if err != nil {
			return nil, err
		}
		av.sc.remember(c)
		q.Counterpart = c.ID
	}
	page, err := r.store.ActorStances(p.Context, av.a.ID, q)
	if err != nil {
		return nil, pageError(err)
	}
	return av.sc.stanceConn(page, first)
}

func (r *Resolver) actorDegree(p graphql.ResolveParams) (interface{}, error) {
	av, ok := p.Source.(*actorValue)
	if !ok {
		return nil, errSource
	}
	return r.store.Degree(p.Context, av.a.ID, direction(p.Args["direction"], stance.Both))
}

func (r *Resolver) stanceSubject(p graphql.ResolveParams) (interface{}, error) {
	s, ok := p.Source.(*stanceValue)
	if !ok {
		return nil, errSource
	}
	return s.sc.actor(p.Context, s.s.Subject)
}

func (r *Resolver) stanceObject(p graphql.ResolveParams) (interface{}, error) {
	s, ok := p.Source.(*stanceValue)
	if !ok {
		return nil, errSource
	}
	return s.sc.actor(p.Context, s.s.Object)
}

// stanceDate resolves Stance.date, falling back to the date of the first
// evidence document as the contract says.
func (r *Resolver) stanceDate(p graphql.ResolveParams) (interface{}, error) {
	s, ok := p.Source.(*stanceValue)
	if !ok {
		return nil, errSource
	}
	if !s.s.Date.IsZero() || len(s.s.Evidence) == 0 {
		return optDate(s.s.Date), nil
	}
	d, err := s.sc.document(p.Context, s.s.Evidence[0].DocumentID)
	if errors.Is(err, stance.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return optDate(d.Date), nil
}

func (r *Resolver) evidenceDocument(p graphql.ResolveParams) (interface{}, error) {
	e, ok := p.Source.(*evidenceValue)
	if !ok {
		return nil, errSource
	}
	d, err := e.sc.document(p.Context, e.e.DocumentID)
	if err != nil {
		return nil, err
	}
	return &documentValue{d: d, sc: e.sc}, nil
}

func (r *Resolver) documentStances(p graphql.ResolveParams) (interface{}, error) {
	dv, ok := p.Source.(*documentValue)
	if !ok {
		return nil, errSource
	}
	first, after, err := args(p.Args).page()
	if err != nil {
		return nil, err
	}
	page, err := r.store.DocumentStances(p.Context, dv.d.ID, stance.PageQuery{First: storeFirst(first), After: after})
	if err != nil {
		return nil, pageError(err)
	}
	return dv.sc.stanceConn(page, first)
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

// pageError names the after argument when the store rejects a cursor.
func pageError(err error) error {
	if errors.Is(err, stance.ErrInvalidCursor) {
		return argError("after", err)
	}
	return err
}

// dateRange rejects from > to: an empty answer would hide the mistake.
func dateRange(prefix string, from, to stance.Date) error {
	if !from.IsZero() && !to.IsZero() && from > to {
		name := "from"
		if prefix != "" {
			name = prefix + ".from"
		}
		return badArg(name, "%s is after to (%s)", from, to)
	}
	return nil
}
