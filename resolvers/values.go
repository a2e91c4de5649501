package resolvers

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sync"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// errSource marks a resolve function handed a source of the wrong Go type;
// wrap turns it into a message naming the field.
var errSource = errors.New("resolvers: unexpected source")

// field adapts an accessor of source type T into a resolve function,
// and gives the accessor to executors that read such a field without the
// request (Direct.Get).
func field[T any](get func(T) any) resolveFn {
	return resolveFn{
		resolve: func(p graphql.ResolveParams) (interface{}, error) {
			v, ok := p.Source.(T)
			if !ok {
				return nil, errSource
			}
			return get(v), nil
		},
		get: func(source any) (any, bool) {
			v, ok := source.(T)
			if !ok {
				return nil, false
			}
			return get(v), true
		},
	}
}

// scope is shared by every value resolved under one root field of one
// request. It remembers the actors and documents that value needs, so a page
// of 50 stances costs one batched actor lookup and one read per distinct
// document rather than one per stance (the N+1 problem).
//
// Its maps are made when first written: most requests fill one of them
// or none, and an empty map is an allocation a request.
type scope struct {
	r  *Resolver
	mu sync.Mutex // graphql-go resolves serially today; the lock keeps that an implementation detail
	// actors holds one value per actor, shared by every field that names
	// it: a page of 20 stances of one subject resolves subject 20 times.
	// A page's other actors are the page's own (see lookActors): an
	// actor named in two pages of one request is looked up once a page,
	// which costs less than growing this map by a page's actors.
	actors map[string]*actorValue
	// wanted lists the actor IDs of values created but not yet looked
	// up, repeats and actors already known included: appending a page's
	// 40 IDs to a list costs one allocation where a set grew in several
	// steps, and the lookup (batch) drops what it need not fetch.
	wanted []string
	docs   map[string]stance.Document
	texts  map[string]string
}

func (r *Resolver) newScope() *scope {
	return &scope{r: r}
}

// want notes actor IDs that resolvers will probably ask for, to be fetched
// together on the first lookup.
func (sc *scope) want(ids ...string) {
	sc.mu.Lock()
	sc.wanted = append(sc.wanted, ids...)
	sc.mu.Unlock()
}

// remember records actors already at hand, sparing a lookup.
func (sc *scope) remember(as ...stance.Actor) {
	sc.mu.Lock()
	for _, a := range as {
		sc.keep(a)
	}
	sc.mu.Unlock()
}

// keep stores a's value under sc.mu and returns it.
func (sc *scope) keep(a stance.Actor) *actorValue {
	o := &ownedActor{a: a}
	return sc.keepAt(&o.v, &o.a)
}

// ownedActor is an actor's value with the actor it points to, made in
// one allocation for an actor that came alone.
type ownedActor struct {
	v actorValue
	a stance.Actor
}

// keepAt is keep with the value's memory given, so that a batch of
// actors takes one allocation rather than one an actor; the value
// points to a, which must not change.
func (sc *scope) keepAt(v *actorValue, a *stance.Actor) *actorValue {
	*v = actorValue{a: a, sc: sc}
	if sc.actors == nil {
		sc.actors = make(map[string]*actorValue)
	}
	sc.actors[a.ID] = v
	return v
}

// actor returns the actor with ID id, fetching every wanted actor in one
// ActorsByID call when id is not cached yet.
func (sc *scope) actor(ctx context.Context, id string) (*actorValue, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if v, ok := sc.actors[id]; ok {
		return v, nil
	}
	ids := sc.batch(id)
	if as, err := sc.r.store.ActorsByID(ctx, ids); err == nil && len(as) == len(ids) {
		sc.makeRoom(len(as))
		vals := make([]actorValue, len(as))
		for i := range as {
			sc.keepAt(&vals[i], &as[i])
		}
		if v, ok := sc.actors[id]; ok {
			return v, nil
		}
	}
	// The batch failed, perhaps because one actor vanished in a concurrent
	// merge: look this one up alone so its own error is the one reported.
	a, err := sc.r.store.Actor(ctx, id)
	if err != nil {
		return nil, err
	}
	return sc.keep(a), nil
}

// batch returns id and the wanted IDs not known yet, each once, and
// empties wanted.
func (sc *scope) batch(id string) []string {
	ids := append(make([]string, 0, len(sc.wanted)+1), id)
	for _, w := range sc.wanted {
		if _, ok := sc.actors[w]; !ok {
			ids = append(ids, w)
		}
	}
	sc.wanted = sc.wanted[:0]
	slices.Sort(ids)
	return slices.Compact(ids)
}

// makeRoom grows the actors map once for n more actors when n is larger
// than the map, where adding them one by one would grow it in steps.
func (sc *scope) makeRoom(n int) {
	if n <= len(sc.actors) {
		return
	}
	m := make(map[string]*actorValue, len(sc.actors)+n)
	maps.Copy(m, sc.actors)
	sc.actors = m
}

// document returns the document with ID id without its text, reading it
// once per scope: citations ask for titles and dates far more often than
// for texts, which a store may have to rebuild.
func (sc *scope) document(ctx context.Context, id string) (stance.Document, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if d, ok := sc.docs[id]; ok {
		return d, nil
	}
	d, err := sc.r.store.DocumentInfo(ctx, id)
	if err != nil {
		return stance.Document{}, err
	}
	if sc.docs == nil {
		sc.docs = make(map[string]stance.Document)
	}
	sc.docs[id] = d
	return d, nil
}

// text returns the text of document id, reading it once per scope.
func (sc *scope) text(ctx context.Context, id string) (string, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if t, ok := sc.texts[id]; ok {
		return t, nil
	}
	d, err := sc.r.store.Document(ctx, id)
	if err != nil {
		return "", err
	}
	if sc.texts == nil {
		sc.texts = make(map[string]string)
	}
	sc.texts[id] = d.Text
	return d.Text, nil
}

// optString maps the empty string to GraphQL null.
func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Leaves of a request's values (an actorValue, stanceValue, evidenceValue
// or documentValue, made for the request and never changed) are returned
// as pointers into the value: a string or a Date put in an interface is
// copied to the heap, one allocation a leaf, over a hundred for a page of
// 20 stances. graphql-go's String, ID, enum and Date serializers take a
// pointer as the value it points to, and so do the engine's leaf writers.

// optStringAt is optString for a string held by a request's value.
func optStringAt(s *string) any {
	if *s == "" {
		return nil
	}
	return s
}

// optDateAt is optDate for a Date held by a request's value.
func optDateAt(d *stance.Date) any {
	if d.IsZero() {
		return nil
	}
	return d
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
