package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Actor finds an actor by ID, name or alias among those imported so far,
// as Store.Actor would find it once they are committed. A converter that
// turns a large file into many batches asks it which actors the earlier
// batches added (the store shows none of them until Commit).
func (im *Importer) Actor(ctx context.Context, ref string) (Actor, error) {
	if err := ctx.Err(); err != nil {
		return Actor{}, err
	}
	a, err := im.s.resolve(im.w.cache, ref)
	if err != nil {
		return Actor{}, err
	}
	return cloneActor(a), nil
}

// ActorByCode finds the actor with a CAMEO code among those imported so
// far; of several, the first in listing order, as Store.ActorByCode.
func (im *Importer) ActorByCode(ctx context.Context, code string) (Actor, error) {
	if err := ctx.Err(); err != nil {
		return Actor{}, err
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return Actor{}, fmt.Errorf("%w: empty actor code", ErrInvalidInput)
	}
	var best *Actor
	for _, id := range im.codes[code] {
		a, ok := im.w.cache.actor(id)
		if !ok || !strings.EqualFold(a.Code, code) {
			continue // its code changed since (an upsert)
		}
		if best == nil || actorSortKey(*a) < actorSortKey(*best) {
			best = a
		}
	}
	if best == nil {
		return Actor{}, fmt.Errorf("%w: no actor with code %q", ErrNotFound, clip(code))
	}
	return cloneActor(best), nil
}

// Vocabulary returns the store's vocabulary, which an import does not
// change.
func (im *Importer) Vocabulary() *Vocabulary { return im.s.Vocabulary() }

// indexCodes records the codes of the actors a loaded batch named, for
// ActorByCode.
func (im *Importer) indexCodes(b Batch) {
	for _, in := range b.Actors {
		a, err := im.s.resolve(im.w.cache, in.Name)
		if err != nil || a.Code == "" {
			continue
		}
		code := strings.ToUpper(a.Code)
		if !slices.Contains(im.codes[code], a.ID) {
			im.codes[code] = append(im.codes[code], a.ID)
		}
	}
}
