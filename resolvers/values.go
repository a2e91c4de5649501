package resolvers

import (
	"context"
	"errors"
	"sync"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// errSource marks a resolve function handed a source of the wrong Go type;
// wrap turns it into a message naming the field.
var errSource = errors.New("resolvers: unexpected source")

// field adapts an accessor of source type T into a resolve function.
func field[T any](get func(T) any) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (interface{}, error) {
		v, ok := p.Source.(T)
		if !ok {
			return nil, errSource
		}
		return get(v), nil
	}
}

// scope is shared by every value resolved under one root field of one
// request. It remembers the actors and documents that value needs, so a page
// of 50 stances costs one batched actor lookup and one read per distinct
// document rather than one per stance (the N+1 problem).
type scope struct {
	r      *Resolver
	mu     sync.Mutex // graphql-go resolves serially today; the lock keeps that an implementation detail
	actors map[string]stance.Actor
	wanted map[string]struct{} // actor IDs of values created but not yet looked up
	docs   map[string]stance.Document
}

func (r *Resolver) newScope() *scope {
	return &scope{r: r, actors: map[string]stance.Actor{}, wanted: map[string]struct{}{}, docs: map[string]stance.Document{}}
}

// want notes actor IDs that resolvers will probably ask for, to be fetched
// together on the first lookup.
func (sc *scope) want(ids ...string) {
	sc.mu.Lock()
	for _, id := range ids {
		if _, ok := sc.actors[id]; !ok {
			sc.wanted[id] = struct{}{}
		}
	}
	sc.mu.Unlock()
}

// remember records actors already at hand, sparing a lookup.
func (sc *scope) remember(as ...stance.Actor) {
	sc.mu.Lock()
	for _, a := range as {
		sc.actors[a.ID] = a
		delete(sc.wanted, a.ID)
	}
	sc.mu.Unlock()
}

// actor returns the actor with ID id, fetching every wanted actor in one
// ActorsByID call when id is not cached yet.
func (sc *scope) actor(ctx context.Context, id string) (*actorValue, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if a, ok := sc.actors[id]; ok {
		return &actorValue{a: a, sc: sc}, nil
	}
	ids := make([]string, 0, len(sc.wanted)+1)
	ids = append(ids, id)
	for w := range sc.wanted {
		if w != id {
			ids = append(ids, w)
		}
	}
	clear(sc.wanted)
	if as, err := sc.r.store.ActorsByID(ctx, ids); err == nil && len(as) == len(ids) {
		for _, a := range as {
			sc.actors[a.ID] = a
		}
		if a, ok := sc.actors[id]; ok {
			return &actorValue{a: a, sc: sc}, nil
		}
	}
	// The batch failed, perhaps because one actor vanished in a concurrent
	// merge: look this one up alone so its own error is the one reported.
	a, err := sc.r.store.Actor(ctx, id)
	if err != nil {
		return nil, err
	}
	sc.actors[a.ID] = a
	return &actorValue{a: a, sc: sc}, nil
}

// document returns the document with ID id, reading it once per scope.
func (sc *scope) document(ctx context.Context, id string) (stance.Document, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if d, ok := sc.docs[id]; ok {
		return d, nil
	}
	d, err := sc.r.store.Document(ctx, id)
	if err != nil {
		return stance.Document{}, err
	}
	sc.docs[id] = d
	return d, nil
}

// actorValue is the source of Actor fields.
type actorValue struct {
	a  stance.Actor
	sc *scope
}

func (sc *scope) actorValue(a stance.Actor) *actorValue {
	sc.remember(a)
	return &actorValue{a: a, sc: sc}
}

// stanceValue is the source of Stance fields.
type stanceValue struct {
	s  stance.Stance
	sc *scope
}

func (sc *scope) stanceValues(ss []stance.Stance) []*stanceValue {
	out := make([]*stanceValue, len(ss))
	ids := make([]string, 0, 2*len(ss))
	for i, s := range ss {
		out[i] = &stanceValue{s: s, sc: sc}
		ids = append(ids, s.Subject, s.Object)
	}
	sc.want(ids...)
	return out
}

func (s *stanceValue) evidence() []*evidenceValue {
	return valuesOf(s.s.Evidence, func(e stance.Evidence) *evidenceValue { return &evidenceValue{e: e, sc: s.sc} })
}

// evidenceValue is the source of Evidence fields.
type evidenceValue struct {
	e  stance.Evidence
	sc *scope
}

// documentValue is the source of Document fields.
type documentValue struct {
	d  stance.Document
	sc *scope
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

// actorConn is the source of ActorConnection fields.
type actorConn struct {
	nodes []*actorValue
	info  stance.PageInfo
}

// documentConn is the source of DocumentConnection fields.
type documentConn struct {
	nodes []*documentValue
	info  stance.PageInfo
}

// pathValue is the source of Path fields.
type pathValue struct {
	actors  []string
	stances []*stanceValue
	sc      *scope
}

// dyadValue is the source of Dyad fields.
type dyadValue struct {
	d    stance.Dyad
	a, b *actorValue
}

// cellValue is the source of MatrixCell fields.
type cellValue struct {
	c  stance.MatrixCell
	sc *scope
}

// ingestValue is the source of IngestResult fields.
type ingestValue struct {
	document *documentValue
	stances  []*stanceValue
	created  stance.LoadResult
}

// optString maps the empty string to GraphQL null.
func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// optDate maps the zero Date to GraphQL null.
func optDate(d stance.Date) any {
	if d.IsZero() {
		return nil
	}
	return d
}

// nonNilStrings keeps a non-null list field from resolving to null.
func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilCounts(c []stance.TypeCount) []stance.TypeCount {
	if c == nil {
		return []stance.TypeCount{}
	}
	return c
}

// kindOrOther reports a stored actor without a kind as OTHER, the
// documented default, instead of failing the non-null field.
func kindOrOther(k stance.ActorKind) string {
	if k == "" {
		return string(stance.KindOther)
	}
	return string(k)
}
