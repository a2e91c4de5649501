package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// MergeActors folds actor merge into actor keep in one transaction: every
// stance of merge (either end) moves to keep, merge's name and aliases
// become keep's aliases, and merge is deleted. Stances that become the same
// stance are combined with their evidence merged.
func (s *Store) MergeActors(ctx context.Context, keep, merge string) (Actor, error) {
	var out Actor
	err := s.update(ctx, func(w *writer) error {
		k, err := s.resolve(w.cache, keep)
		if err != nil {
			return fmt.Errorf("keep: %w", err)
		}
		m, err := s.resolve(w.cache, merge)
		if err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		if k.ID == m.ID {
			return fmt.Errorf("%w: cannot merge %q into itself", ErrInvalidInput, k.Name)
		}
		// Collect every stance touching merge before changing anything.
		var moved []*stanceRecord
		seen := map[string]bool{}
		for _, dir := range []byte{keys.Out, keys.In} {
			sc := scan{txn: w.txn, prefixes: [][]byte{keys.AdjacencyPrefix(dir, mustID(m.ID), "", nil)}}
			err := sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
				r, err := itemStance(w.txn, k, item)
				if err != nil {
					return false, err
				}
				if !seen[r.ID] {
					seen[r.ID] = true
					moved = append(moved, r)
				}
				return true, nil
			})
			if err != nil {
				return err
			}
		}
		if err := refuseSelfStances(k, m, moved); err != nil {
			return err
		}
		for _, r := range moved {
			if err := s.removeStance(w, r); err != nil {
				return err
			}
		}
		for _, r := range moved {
			if r.Subject == m.ID {
				r.Subject = k.ID
			}
			if r.Object == m.ID {
				r.Object = k.ID
			}
			if _, _, err := s.rehome(w, r); err != nil {
				return err
			}
		}
		next := cloneActor(k)
		next.Aliases = mergeAliases(next.Name, next.Aliases, append([]string{m.Name}, m.Aliases...))
		if err := checkAliasCount(next.Name, len(next.Aliases)); err != nil {
			return fmt.Errorf("merging %q into %q: %w", m.Name, k.Name, err)
		}
		if next.Country == "" {
			next.Country = m.Country
		}
		if next.Code == "" {
			next.Code = m.Code
		}
		if next.Wikidata == "" {
			next.Wikidata = m.Wikidata
		}
		if err := w.delete(keys.ActorKey(mustID(m.ID))); err != nil {
			return err
		}
		w.cache.actors[m.ID] = nil
		w.add(keys.CounterKey(cntActors), -1)
		out = next
		return s.putActor(w, &next)
	})
	return out, err
}

// rehome writes a stance that changed identity: when another stance already
// has one of its new identities, the two are combined under the existing ID.
func (s *Store) rehome(w *writer, r *stanceRecord) (*stanceRecord, bool, error) {
	ids := identities(&r.Stance)
	for i, c := range derivedIDs(ids) {
		old, err := s.identityHolder(w, ids[i], c)
		if err != nil {
			return nil, false, err
		}
		if old != nil && old.ID != r.ID {
			// r's ID goes: the stance absorbing its evidence holds the
			// spans its quotes left out of their documents.
			stored, created, err := s.addStance(w, r, nil)
			if err == nil {
				err = w.repointQuotes(r, stored.ID)
			}
			return stored, created, err
		}
	}
	return r, false, s.writeStance(w, r)
}

// refuseSelfStances refuses a merge that would turn a live stance between
// keep and merge into a stance from the kept actor to itself. Retracted
// ones move along: they are history, and queries skip them.
func refuseSelfStances(keep, merge *Actor, moved []*stanceRecord) error {
	var ids []string
	for _, r := range moved {
		between := (r.Subject == keep.ID && r.Object == merge.ID) || (r.Subject == merge.ID && r.Object == keep.ID)
		if between && !r.Retracted {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return fmt.Errorf("%w: merging %q into %q would make %d stance(s) between them point from %q to itself (%s); retract them first (retractStance) and merge again",
		ErrSelfStance, merge.Name, keep.Name, len(ids), keep.Name, strings.Join(ids[:min(len(ids), 5)], ", "))
}
