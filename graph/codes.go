package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// ActorByCode returns the actor carrying code, a CAMEO actor code such as
// "AFGINSTAL" (case-insensitive). Event datasets name actors by code, not
// by name: "UNITED STATES" appears under many codes and one code under
// many names, so importers resolve by code first. When several actors
// carry the same code (JSON Lines may give one code to two actors), the
// one first in listing order is returned, so that the answer does not
// change from one call to the next.
func (s *Store) ActorByCode(ctx context.Context, code string) (Actor, error) {
	if err := ctx.Err(); err != nil {
		return Actor{}, err
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return Actor{}, fmt.Errorf("%w: empty actor code", ErrInvalidInput)
	}
	list := s.codeIndex()[code]
	if len(list) == 0 {
		return Actor{}, fmt.Errorf("%w: no actor with code %q", ErrNotFound, clip(code))
	}
	return cloneActor(list[0]), nil
}

// codeIndex returns the actors by upper-case code, each list in listing
// order. Like actorsSorted it is rebuilt once per change of the actor
// cache, not kept up to date by every write path.
func (s *Store) codeIndex() map[string][]*Actor {
	s.mu.RLock()
	idx, ok := s.codes, s.codes != nil && s.codesGen == s.actorGen
	gen := s.actorGen
	s.mu.RUnlock()
	if ok {
		return idx
	}
	// Read after gen: should the actors change meanwhile, the index is
	// returned but not kept.
	sorted := s.actorsSorted()
	idx = map[string][]*Actor{}
	for _, sa := range sorted {
		if c := strings.ToUpper(sa.a.Code); c != "" {
			idx[c] = append(idx[c], sa.a)
		}
	}
	for c, list := range idx {
		idx[c] = slices.Clip(list)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.actorGen == gen {
		s.codes, s.codesGen = idx, gen
	}
	return idx
}
