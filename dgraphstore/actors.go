package dgraphstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/dgo/v250"

	"github.com/stancegraph/stancegraph/stance"
)

// Actor resolves ref, an ID or any name of an actor.
func (s *Store) Actor(ctx context.Context, ref string) (stance.Actor, error) {
	var a actorRef
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		var err error
		a, err = s.resolve(ctx, txn, ref)
		return err
	})
	return a.Actor, err
}

// ActorsByID returns the actors with the given IDs, in order.
func (s *Store) ActorsByID(ctx context.Context, ids []string) ([]stance.Actor, error) {
	var out []stance.Actor
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		ns, err := s.dg.nodesEq(ctx, txn, typeActor, "sg.id", ids)
		if err != nil {
			return err
		}
		byID := map[string]stance.Actor{}
		for _, n := range ns {
			if byID[n.ID], err = actorOf(n); err != nil {
				return err
			}
		}
		out = make([]stance.Actor, len(ids))
		for i, id := range ids {
			a, ok := byID[id]
			if !ok {
				return fmt.Errorf("%w: actor %s", stance.ErrNotFound, id)
			}
			out[i] = a
			out[i].Aliases = slices.Clone(a.Aliases)
		}
		return nil
	})
	return out, err
}

// ActorByCode returns the first actor in listing order carrying code.
func (s *Store) ActorByCode(ctx context.Context, code string) (stance.Actor, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return stance.Actor{}, fmt.Errorf("%w: empty actor code", stance.ErrInvalidInput)
	}
	var list []stance.Actor
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		ns, err := s.dg.nodesEq(ctx, txn, typeActor, "sg.code", []string{code})
		if err != nil {
			return err
		}
		list, err = actorsOf(ns)
		return err
	})
	if err != nil {
		return stance.Actor{}, err
	}
	if len(list) == 0 {
		return stance.Actor{}, fmt.Errorf("%w: no actor with code %q", stance.ErrNotFound, clip(code))
	}
	sortActors(list)
	return list[0], nil
}

// Actors lists actors by normalized name, then ID.
func (s *Store) Actors(ctx context.Context, q stance.ActorQuery) (stance.ActorPage, error) {
	first, err := pageSize(q.First)
	if err != nil {
		return stance.ActorPage{}, err
	}
	if q.Kind != "" && !q.Kind.Valid() {
		return stance.ActorPage{}, fmt.Errorf("%w: kind %q is not one of %v", stance.ErrInvalidInput, q.Kind, stance.ActorKinds())
	}
	after := ""
	if q.After != "" {
		if after, err = decodeCursor(tagActors, q.After); err != nil {
			return stance.ActorPage{}, err
		}
	}
	list, err := s.allActors(ctx)
	if err != nil {
		return stance.ActorPage{}, err
	}
	search := foldSearch(q.Search)
	code := strings.ToUpper(strings.TrimSpace(q.Code))
	var keep []stance.Actor
	for _, a := range list {
		if (q.Kind == "" || a.Kind == q.Kind) && (search == "" || actorMatches(a, search)) && (code == "" || strings.EqualFold(a.Code, code)) {
			keep = append(keep, a)
		}
	}
	items, cursors, info := paginate(keep, actorSortKey, tagActors, after, first)
	return stance.ActorPage{Actors: items, Cursors: cursors, PageInfo: info}, nil
}

// allActors reads every actor, in listing order.
func (s *Store) allActors(ctx context.Context) ([]stance.Actor, error) {
	var list []stance.Actor
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		return s.dg.eachOfType(ctx, txn, typeActor, func(n node) error {
			a, err := actorOf(n)
			list = append(list, a)
			return err
		})
	})
	sortActors(list)
	return list, err
}

func actorsOf(ns []node) ([]stance.Actor, error) {
	out := make([]stance.Actor, 0, len(ns))
	for _, n := range ns {
		a, err := actorOf(n)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// actorSortKey is the listing order of actors: normalized name, then ID.
func actorSortKey(a stance.Actor) string { return stance.NormalizeName(a.Name) + "\x00" + a.ID }

func sortActors(list []stance.Actor) {
	slices.SortFunc(list, func(x, y stance.Actor) int { return strings.Compare(actorSortKey(x), actorSortKey(y)) })
}

// foldSearch lowercases and folds whitespace but keeps dots, as package
// graph does: "U.S." finds "U.S." but not "Russia".
func foldSearch(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func actorMatches(a stance.Actor, search string) bool {
	norm := stance.NormalizeName(search)
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if strings.Contains(foldSearch(n), search) || stance.NormalizeName(n) == norm {
			return true
		}
	}
	return false
}
