package resolvers

import (
	"fmt"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// relationFields are the resolve functions of what lies between actors:
// paths, a dyad's stances, and the matrix of counts.
func (r *Resolver) relationFields() fieldMap {
	return fieldMap{
		"Query": {
			"paths":  resolver(r.queryPaths),
			"dyad":   resolver(r.queryDyad),
			"matrix": resolver(r.queryMatrix),
		},
		"Path": {
			"actors":  resolver(r.pathActors),
			"stances": field(func(p *pathValue) any { return p.stances }),
		},
		"Dyad": {
			"a":       field(func(d *dyadValue) any { return d.a }),
			"b":       field(func(d *dyadValue) any { return d.b }),
			"aToB":    field(func(d *dyadValue) any { return nonNilCounts(d.d.AToB) }),
			"bToA":    field(func(d *dyadValue) any { return nonNilCounts(d.d.BToA) }),
			"stances": resolver(r.dyadStances),
		},
		"MatrixCell": {
			"subject": resolver(r.cellSubject),
			"object":  resolver(r.cellObject),
			"type":    field(func(c *cellValue) any { return c.c.Type }),
			"count":   field(func(c *cellValue) any { return c.c.Count }),
		},
		"TypeCount": {
			"type":  field(func(t stance.TypeCount) any { return t.Type }),
			"count": field(func(t stance.TypeCount) any { return t.Count }),
		},
	}
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

// pathValue is the source of Path fields.
type pathValue struct {
	actors  []string
	stances []*stanceValue
	sc      *scope
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

// dyadValue is the source of Dyad fields.
type dyadValue struct {
	d    stance.Dyad
	a, b *actorValue
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

// cellValue is the source of MatrixCell fields.
type cellValue struct {
	c  stance.MatrixCell
	sc *scope
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
