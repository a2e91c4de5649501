package graph

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// Actor resolves ref, a UUID or any name of an actor (canonical or alias,
// matched by NormalizeName), and returns the actor. An unknown name or ID
// yields an error wrapping ErrNotFound that names it.
func (s *Store) Actor(ctx context.Context, ref string) (Actor, error) {
	if err := ctx.Err(); err != nil {
		return Actor{}, err
	}
	a, err := s.resolve(s.readCache(), ref)
	if err != nil {
		return Actor{}, err
	}
	return cloneActor(a), nil
}

// ActorsByID returns the actors with the given IDs in the same order, from
// memory; list views use it to name the far ends of a page of stances.
func (s *Store) ActorsByID(ctx context.Context, ids []string) ([]Actor, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Actor, len(ids))
	s.mu.RLock()
	defer s.mu.RUnlock()
	for i, id := range ids {
		a, ok := s.actors[id]
		if !ok {
			return nil, fmt.Errorf("%w: actor %s", ErrNotFound, id)
		}
		out[i] = cloneActor(a)
	}
	return out, nil
}

func cloneActor(a *Actor) Actor {
	c := *a
	c.Aliases = slices.Clone(a.Aliases)
	if c.Aliases == nil {
		c.Aliases = []string{}
	}
	return c
}

// resolve finds an actor by UUID or name through c.
func (s *Store) resolve(c *cacheTxn, ref string) (*Actor, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, fmt.Errorf("%w: empty actor reference", ErrInvalidInput)
	}
	if u, err := uuid.Parse(ref); err == nil && len(ref) == 36 {
		if a, ok := c.actor(u.String()); ok {
			return a, nil
		}
		return nil, fmt.Errorf("%w: no actor with id %s", ErrNotFound, ref)
	}
	if id, ok := c.name(NormalizeName(ref)); ok {
		if a, ok := c.actor(id); ok {
			return a, nil
		}
	}
	return nil, fmt.Errorf("%w: no actor named %q", ErrNotFound, clip(ref))
}

// resolve resolves an actor reference inside a write, through the load's
// memo when there is one.
func (w *writer) resolve(ref string) (*Actor, error) {
	if w.refs == nil {
		return w.s.resolve(w.cache, ref)
	}
	if a, ok := w.refs[ref]; ok {
		return a, nil
	}
	a, err := w.s.resolve(w.cache, ref)
	if err == nil {
		w.refs[ref] = a
	}
	return a, err
}

// resolveID is resolve returning the actor ID.
func (s *Store) resolveID(ref string) (string, error) {
	a, err := s.resolve(s.readCache(), ref)
	if err != nil {
		return "", err
	}
	return a.ID, nil
}

// validateName checks a name or alias.
func validateName(field, name string) error {
	switch {
	case !utf8.ValidString(name):
		return fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalidInput, field)
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("%w: %s is empty", ErrInvalidInput, field)
	case len(name) > 200:
		return fmt.Errorf("%w: %s %q is longer than 200 bytes", ErrInvalidInput, field, clip(name))
	case NormalizeName(name) == "":
		return fmt.Errorf("%w: %s %q has no letters or digits", ErrInvalidInput, field, name)
	}
	return nil
}

// UpsertActor adds a or, when its name or an alias names an existing actor,
// merges into that actor: aliases are added and the non-empty fields of a
// replace the stored ones. It is an error for a's names to match two
// different actors.
func (s *Store) UpsertActor(ctx context.Context, a Actor) (Actor, error) {
	var out Actor
	err := s.update(ctx, func(w *writer) error {
		got, _, err := s.upsertActor(w, a)
		if err != nil {
			return err
		}
		out = cloneActor(got)
		return nil
	})
	return out, err
}

func (s *Store) upsertActor(w *writer, in Actor) (*Actor, bool, error) {
	in.Name = strings.TrimSpace(in.Name)
	if err := validateName("actor name", in.Name); err != nil {
		return nil, false, err
	}
	if in.Kind == "" {
		in.Kind = KindOther
	}
	if !in.Kind.Valid() {
		return nil, false, fmt.Errorf("%w: actor %q: kind %q is not one of %v", ErrInvalidInput, in.Name, in.Kind, ActorKinds)
	}
	if in.Country != "" && !isISO3(in.Country) {
		return nil, false, fmt.Errorf("%w: actor %q: country %q is not an ISO 3166-1 alpha-3 code", ErrInvalidInput, in.Name, in.Country)
	}
	for _, al := range in.Aliases {
		if err := validateName(fmt.Sprintf("alias of %q", in.Name), al); err != nil {
			return nil, false, err
		}
	}
	// Find the existing actor every name points to, if any.
	var match *Actor
	for _, n := range append([]string{in.Name}, in.Aliases...) {
		id, ok := w.cache.name(NormalizeName(n))
		if !ok {
			continue
		}
		a, _ := w.cache.actor(id)
		if match != nil && a.ID != match.ID {
			return nil, false, fmt.Errorf("%w: actor %q: name %q belongs to %q but another of its names belongs to %q", ErrInvalidInput, in.Name, n, a.Name, match.Name)
		}
		match = a
	}
	created := match == nil
	var next Actor
	if created {
		next = Actor{ID: ActorID(in.Name), Name: in.Name, Kind: in.Kind, Country: strings.ToUpper(in.Country), Code: in.Code, Wikidata: in.Wikidata}
		if _, taken := w.cache.actor(next.ID); taken {
			return nil, false, fmt.Errorf("%w: actor %q: its ID is held by another actor", ErrInvalidInput, in.Name)
		}
		w.add(keys.CounterKey(cntActors), 1)
	} else {
		next = cloneActor(match)
		if in.Kind != KindOther || next.Kind == "" {
			next.Kind = in.Kind
		}
		if in.Country != "" {
			next.Country = strings.ToUpper(in.Country)
		}
		if in.Code != "" {
			next.Code = in.Code
		}
		if in.Wikidata != "" {
			next.Wikidata = in.Wikidata
		}
		// A name given that differs from the canonical one becomes an alias.
		in.Aliases = append([]string{in.Name}, in.Aliases...)
	}
	next.Aliases = mergeAliases(next.Name, next.Aliases, in.Aliases)
	if err := s.putActor(w, &next); err != nil {
		return nil, false, err
	}
	return &next, created, nil
}

// mergeAliases appends the aliases of add not already known under another
// spelling (after NormalizeName) to have.
func mergeAliases(name string, have, add []string) []string {
	seen := map[string]bool{NormalizeName(name): true}
	out := make([]string, 0, len(have)+len(add))
	for _, list := range [][]string{have, add} {
		for _, a := range list {
			a = strings.TrimSpace(a)
			n := NormalizeName(a)
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			out = append(out, a)
		}
	}
	return out
}

// putActor writes an actor record and name index entries for all its names.
func (s *Store) putActor(w *writer, a *Actor) error {
	id := mustID(a.ID)
	if err := w.set(keys.ActorKey(id), encodeActor(a)); err != nil {
		return err
	}
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		norm := NormalizeName(n)
		if err := w.set(keys.NameKey(norm), id); err != nil {
			return err
		}
		w.cache.names[norm] = a.ID
	}
	w.cache.actors[a.ID] = a
	return nil
}

func isISO3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}

// AddAlias adds alias to the actor ref names. An alias already naming
// another actor is an error; one already naming this actor is accepted.
func (s *Store) AddAlias(ctx context.Context, ref, alias string) (Actor, error) {
	var out Actor
	err := s.update(ctx, func(w *writer) error {
		a, err := s.resolve(w.cache, ref)
		if err != nil {
			return err
		}
		if err := validateName("alias", alias); err != nil {
			return err
		}
		if id, ok := w.cache.name(NormalizeName(alias)); ok {
			if id != a.ID {
				other, _ := w.cache.actor(id)
				return fmt.Errorf("%w: alias %q already names %q", ErrInvalidInput, alias, other.Name)
			}
			out = cloneActor(a)
			return nil
		}
		next := cloneActor(a)
		next.Aliases = mergeAliases(next.Name, next.Aliases, []string{alias})
		out = next
		return s.putActor(w, &next)
	})
	return out, err
}

// Actors lists actors ordered by name, optionally narrowed to a kind and to
// those whose name or an alias contains Search (case-insensitively).
func (s *Store) Actors(ctx context.Context, q ActorQuery) (ActorPage, error) {
	first, err := pageSize(q.First)
	if err != nil {
		return ActorPage{}, err
	}
	if err := ctx.Err(); err != nil {
		return ActorPage{}, err
	}
	if q.Kind != "" && !q.Kind.Valid() {
		return ActorPage{}, fmt.Errorf("%w: kind %q is not one of %v", ErrInvalidInput, q.Kind, ActorKinds)
	}
	search := foldSearch(q.Search)
	list := s.actorsSorted()
	start := 0
	if q.After != "" {
		key, err := decodeCursor('a', q.After)
		if err != nil {
			return ActorPage{}, err
		}
		start = sort.Search(len(list), func(i int) bool { return list[i].key > string(key) })
	}
	var page ActorPage
	add := func(sa sortedActor) {
		page.Actors = append(page.Actors, cloneActor(sa.a))
		page.Cursors = append(page.Cursors, encodeCursor('a', []byte(sa.key)))
	}
	if q.Kind == "" && search == "" {
		end := min(start+first, len(list))
		for _, sa := range list[start:end] {
			add(sa)
		}
		page.Total, page.HasNext = len(list), end < len(list)
	} else {
		for i, sa := range list {
			if (q.Kind != "" && sa.a.Kind != q.Kind) || (search != "" && !actorMatches(sa.a, search)) {
				continue
			}
			page.Total++ // a filtered total counts every match
			switch {
			case i < start:
			case len(page.Actors) < first:
				add(sa)
			default:
				page.HasNext = true
			}
		}
	}
	if n := len(page.Cursors); n > 0 {
		page.EndCursor = page.Cursors[n-1]
	}
	return page, nil
}

// sortedActor is an actor with its listing order key.
type sortedActor struct {
	key string
	a   *Actor
}

// actorsSorted returns every actor in listing order. The list is built
// once per change of the actor cache rather than per page: sorting 100k
// actors by normalized name took over a second, and a client paging
// through them (an export) asks for a hundred pages.
func (s *Store) actorsSorted() []sortedActor {
	s.mu.RLock()
	list, ok := s.sorted, s.sortedGen == s.actorGen
	s.mu.RUnlock()
	if ok {
		return list
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sortedGen != s.actorGen || s.sorted == nil {
		list := make([]sortedActor, 0, len(s.actors))
		for _, a := range s.actors {
			list = append(list, sortedActor{key: actorSortKey(*a), a: a})
		}
		slices.SortFunc(list, func(x, y sortedActor) int { return strings.Compare(x.key, y.key) })
		s.sorted, s.sortedGen = list, s.actorGen
	}
	return s.sorted
}

func actorSortKey(a Actor) string { return NormalizeName(a.Name) + "\x00" + a.ID }

// foldSearch lowercases and folds whitespace but keeps dots: a search is a
// substring match, and "U.S." should find "U.S." but not "Russia", which a
// dotless "us" would.
func foldSearch(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func actorMatches(a *Actor, search string) bool {
	norm := NormalizeName(search)
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if strings.Contains(foldSearch(n), search) || NormalizeName(n) == norm {
			return true
		}
	}
	return false
}

// pageSize applies the default and bounds to a requested page size.
func pageSize(first int) (int, error) {
	switch {
	case first < 0:
		return 0, fmt.Errorf("%w: first must not be negative (got %d)", ErrInvalidInput, first)
	case first == 0:
		return DefaultPageSize, nil
	case first > MaxPageSize:
		return 0, fmt.Errorf("%w: first must be at most %d (got %d)", ErrInvalidInput, MaxPageSize, first)
	}
	return first, nil
}

// Cursors are opaque to clients: a tag byte naming the listing, then the
// position, base64url-encoded. The tag stops a cursor from one listing
// being replayed against another.
func encodeCursor(tag byte, pos []byte) string {
	return base64.RawURLEncoding.EncodeToString(append([]byte{tag}, pos...))
}

func decodeCursor(tag byte, c string) ([]byte, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 1 || b[0] != tag {
		return nil, fmt.Errorf("%w: %q", ErrInvalidCursor, clip(c))
	}
	return b[1:], nil
}
