package dgraphstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/dgo/v250"

	"github.com/stancegraph/stancegraph/stance"
)

// Paths returns simple paths of live stances from q.From to q.To, shortest
// first, in package graph's order. graphd computes them, not DQL's
// shortest(): a breadth-first search backwards from the target bounds a
// depth-first walk from the source, and each level's neighbours are read
// with one batched query.
func (s *Store) Paths(ctx context.Context, q stance.PathQuery) ([]stance.Path, error) {
	if q.MaxHops == 0 {
		q.MaxHops = stance.DefaultMaxHops
	}
	if q.Limit == 0 {
		q.Limit = stance.DefaultPaths
	}
	if q.MaxHops < 1 || q.MaxHops > stance.MaxHops {
		return nil, fmt.Errorf("%w: maxHops must be between 1 and %d (got %d)", stance.ErrInvalidInput, stance.MaxHops, q.MaxHops)
	}
	if q.Limit < 1 || q.Limit > stance.MaxPaths {
		return nil, fmt.Errorf("%w: limit must be between 1 and %d (got %d)", stance.ErrInvalidInput, stance.MaxPaths, q.Limit)
	}
	var out []stance.Path
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		from, err := s.resolve(ctx, txn, q.From)
		if err != nil {
			return fmt.Errorf("from: %w", err)
		}
		to, err := s.resolve(ctx, txn, q.To)
		if err != nil {
			return fmt.Errorf("to: %w", err)
		}
		types, err := s.Vocabulary().Select(q.Types)
		if err != nil {
			return err
		}
		if from.ID == to.ID {
			return nil
		}
		w := &walker{s: s, ctx: ctx, txn: txn, types: types, order: typeOrder(len(q.Types) == 0, types), adj: map[string]*adjacency{}}
		fwd, back := []dir{dirOut, dirIn}, []dir{dirOut, dirIn}
		if q.FollowDirection {
			fwd, back = []dir{dirOut}, []dir{dirIn}
		}
		out, err = w.paths(from.ID, to.ID, q.MaxHops, q.Limit, fwd, back)
		return err
	})
	return out, err
}

// dir is a direction of travel along a stance.
type dir int

const (
	dirOut dir = iota // from subject to object
	dirIn             // from object to subject
)

// hop is one step of a path: the stance and the actor it leads to.
type hop struct {
	to string
	st stance.Stance
}

// adjacency is an actor's live hops each way, in listing order.
type adjacency struct{ hops [2][]hop }

// walker reads adjacency for one path search, remembering what it read.
type walker struct {
	s     *Store
	ctx   context.Context
	txn   *dgo.Txn
	types []string
	order func(string) string
	adj   map[string]*adjacency
}

// load reads the adjacency of the actors in ids not read yet, in one
// query per chunk.
func (w *walker) load(ids []string) error {
	var need []string
	for _, id := range ids {
		if _, ok := w.adj[id]; !ok {
			need = append(need, id)
		}
	}
	for _, chunk := range chunks(dedupe(need)) {
		q := newDQL()
		q.add("r(func: eq(sg.id, %s)) @filter(type(%s)) { sg.id out: ~sg.subject @filter(%s) { sg.data } in: ~sg.object @filter(%s) { sg.data } }",
			q.list(chunk), typeActor, filterLive, filterLive)
		var res struct {
			R []struct {
				ID      string `json:"sg.id"`
				Out, In []node
			}
		}
		if err := w.s.dg.query(w.ctx, w.txn, q, &res); err != nil {
			return err
		}
		for _, id := range chunk {
			w.adj[id] = &adjacency{}
		}
		for _, r := range res.R {
			a := w.adj[r.ID]
			for d, ns := range [][]node{r.Out, r.In} {
				sts, err := stancesOf(ns)
				if err != nil {
					return err
				}
				for _, st := range sts {
					if slices.Contains(w.types, st.Type) {
						a.hops[d] = append(a.hops[d], hop{to: farEnd(st, r.ID), st: st})
					}
				}
				slices.SortFunc(a.hops[d], func(x, y hop) int {
					return strings.Compare(w.order(x.st.Type)+x.to+x.st.ID, w.order(y.st.Type)+y.to+y.st.ID)
				})
			}
		}
	}
	return nil
}

// hops returns actor's hops in the directions dirs, in listing order.
func (w *walker) hops(actor string, dirs []dir) ([]hop, error) {
	if err := w.load([]string{actor}); err != nil {
		return nil, err
	}
	var out []hop
	for _, d := range dirs {
		out = append(out, w.adj[actor].hops[d]...)
	}
	return out, nil
}

// paths finds up to limit paths from from to to, shortest first, by the
// search every store runs (stance.PathSearch), reading each level of the
// backward walk in one query.
func (w *walker) paths(from, to string, maxHops, limit int, fwd, back []dir) ([]stance.Path, error) {
	search := stance.PathSearch[hop]{
		Forward:  func(a string) ([]hop, error) { return w.hops(a, fwd) },
		Backward: func(a string) ([]hop, error) { return w.hops(a, back) },
		End:      func(h hop) string { return h.to },
		Prefetch: w.load,
	}
	found, err := search.Find(from, to, maxHops, limit)
	if err != nil {
		return nil, err
	}
	var out []stance.Path
	for _, hs := range found {
		p := stance.Path{Actors: []string{from}}
		for _, h := range hs {
			p.Actors = append(p.Actors, h.to)
			p.Stances = append(p.Stances, h.st)
		}
		out = append(out, p)
	}
	return out, nil
}
