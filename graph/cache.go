package graph

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// loadActors fills the actor cache and the degree table from storage.
func (s *Store) loadActors() error {
	if err := s.loadDegrees(); err != nil {
		return fmt.Errorf("graph: load degrees: %w", err)
	}
	actors := map[string]*Actor{}
	names := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{keys.Actor}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var a Actor
			err := it.Item().Value(func(v []byte) error {
				var err error
				a, err = decodeActor(v)
				return err
			})
			if err != nil {
				return fmt.Errorf("graph: load actors: %w", err)
			}
			actors[a.ID] = &a
			names[NormalizeName(a.Name)] = a.ID
			for _, al := range a.Aliases {
				names[NormalizeName(al)] = a.ID
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.actors, s.names = actors, names
	s.actorGen++
	s.mu.Unlock()
	return nil
}

// cacheTxn stages actor-cache changes until the transaction commits.
type cacheTxn struct {
	s      *Store
	actors map[string]*Actor // nil value: deleted
	names  map[string]string // "" value: deleted
}

// readCache is a view of the committed cache for readers: its nil maps
// stage nothing (reading a nil map is allowed), so a lookup allocates nothing.
func (s *Store) readCache() *cacheTxn { return &cacheTxn{s: s} }

func (s *Store) newCacheTxn() *cacheTxn {
	return &cacheTxn{s: s, actors: map[string]*Actor{}, names: map[string]string{}}
}

func (c *cacheTxn) actor(id string) (*Actor, bool) {
	if a, ok := c.actors[id]; ok {
		return a, a != nil
	}
	c.s.mu.RLock()
	defer c.s.mu.RUnlock()
	a, ok := c.s.actors[id]
	return a, ok
}

func (c *cacheTxn) name(norm string) (string, bool) {
	if id, ok := c.names[norm]; ok {
		return id, id != ""
	}
	c.s.mu.RLock()
	defer c.s.mu.RUnlock()
	id, ok := c.s.names[norm]
	return id, ok
}

func (c *cacheTxn) apply() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	c.applyLocked()
}

// applyLocked is apply with mu held.
func (c *cacheTxn) applyLocked() {
	if len(c.actors) > 0 {
		c.s.actorGen++
	}
	for id, a := range c.actors {
		if a == nil {
			delete(c.s.actors, id)
		} else {
			c.s.actors[id] = a
		}
	}
	for n, id := range c.names {
		if id == "" {
			delete(c.s.names, n)
		} else {
			c.s.names[n] = id
		}
	}
}
