package dgraphstore

import (
	"context"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// Load applies b all-or-nothing in one Dgraph transaction, with package
// graph's validation: the first problem is a *stance.RecordError and
// nothing is stored; records already stored are merged.
func (s *Store) Load(ctx context.Context, b stance.Batch) (stance.LoadResult, error) {
	var res stance.LoadResult
	gather := func(g *gatherer) error {
		var refs, docs []string
		for _, a := range b.Actors {
			refs = append(append(refs, a.Name), a.Aliases...)
		}
		for _, d := range b.Documents {
			docs = append(docs, stance.DocumentID(d.Text))
		}
		for _, sp := range b.Stances {
			refs = append(refs, sp.Subject, sp.Object)
			for _, e := range sp.Evidence {
				docs = append(docs, e.Document)
			}
		}
		if err := g.actors(refs...); err != nil {
			return err
		}
		if err := g.docs(docs...); err != nil {
			return err
		}
		return g.stancesFor(b)
	}
	err := s.write(ctx, gather, func(w *graph.Store, ids idMap) error {
		var err error
		res, err = w.Load(ctx, b)
		for i := range res.Stored.Stances {
			res.Stored.Stances[i] = ids.stanceOut(res.Stored.Stances[i])
		}
		for i, c := range res.Changes {
			if c.Record == "stance" {
				res.Changes[i].ID = ids.real(c.ID)
			}
		}
		return err
	})
	if err != nil {
		return stance.LoadResult{}, err
	}
	return res, nil
}

// UpsertActor adds a, or merges it into the actor one of its names names.
func (s *Store) UpsertActor(ctx context.Context, a stance.Actor) (stance.Actor, error) {
	var out stance.Actor
	err := s.write(ctx, func(g *gatherer) error { return g.actors(append([]string{a.Name}, a.Aliases...)...) },
		func(w *graph.Store, _ idMap) error {
			var err error
			out, err = w.UpsertActor(ctx, a)
			return err
		})
	return out, err
}

// AddAlias adds alias to the actor ref names.
func (s *Store) AddAlias(ctx context.Context, ref, alias string) (stance.Actor, error) {
	var out stance.Actor
	err := s.write(ctx, func(g *gatherer) error { return g.actors(ref, alias) },
		func(w *graph.Store, _ idMap) error {
			var err error
			out, err = w.AddAlias(ctx, ref, alias)
			return err
		})
	return out, err
}

// MergeActors folds actor merge into actor keep, with every stance of
// merge.
func (s *Store) MergeActors(ctx context.Context, keep, merge string) (stance.Actor, error) {
	var out stance.Actor
	gather := func(g *gatherer) error {
		if err := g.actors(keep, merge); err != nil {
			return err
		}
		ids := make([]string, 0, len(g.ws.actors))
		for id := range g.ws.actors {
			ids = append(ids, id)
		}
		return g.stancesOf(ids...)
	}
	err := s.write(ctx, gather, func(w *graph.Store, _ idMap) error {
		var err error
		out, err = w.MergeActors(ctx, keep, merge)
		return err
	})
	return out, err
}

// PutDocument stores d unless its text is stored already.
func (s *Store) PutDocument(ctx context.Context, d stance.Document) (stance.Document, bool, error) {
	var out stance.Document
	var created bool
	err := s.write(ctx, func(g *gatherer) error { return g.docs(stance.DocumentID(d.Text)) },
		func(w *graph.Store, _ idMap) error {
			var err error
			out, created, err = w.PutDocument(ctx, d)
			return err
		})
	return out, created, err
}

// AddStance adds the stance spec describes, or merges its evidence into
// the same stance.
func (s *Store) AddStance(ctx context.Context, spec stance.StanceSpec) (stance.Stance, bool, error) {
	var out stance.Stance
	var created bool
	gather := func(g *gatherer) error {
		if err := g.actors(spec.Subject, spec.Object); err != nil {
			return err
		}
		var docs []string
		for _, e := range spec.Evidence {
			docs = append(docs, e.Document)
		}
		if err := g.docs(docs...); err != nil {
			return err
		}
		return g.stancesFor(stance.Batch{Stances: []stance.StanceSpec{spec}})
	}
	err := s.write(ctx, gather, func(w *graph.Store, ids idMap) error {
		st, c, err := w.AddStance(ctx, spec)
		out, created = ids.stanceOut(st), c
		return err
	})
	return out, created, err
}

// RetractStance marks a stance retracted with a reason.
func (s *Store) RetractStance(ctx context.Context, id, reason string) (stance.Stance, error) {
	if err := checkID(id); err != nil {
		return stance.Stance{}, err
	}
	var out stance.Stance
	err := s.write(ctx, func(g *gatherer) error { return g.stance(id) },
		func(w *graph.Store, ids idMap) error {
			st, err := w.RetractStance(ctx, ids.work(id), reason)
			out = ids.stanceOut(st)
			return err
		})
	return out, err
}
