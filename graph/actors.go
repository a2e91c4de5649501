package graph

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"sort"
	"strings"

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
	if id, ok := canonicalID(ref); ok {
		if a, ok := c.actor(id); ok {
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

// canonicalID returns ref in the form actors are keyed by, the
// lower-case text of a UUID, when ref is a UUID's 36-character text. A
// ref already in that form, as every ID the store hands out is, comes
// back as it is, without being parsed and printed again: an allocation
// on every page of an actor's stances.
func canonicalID(ref string) (string, bool) {
	if len(ref) != 36 {
		return "", false
	}
	if isLowerUUID(ref) {
		return ref, true
	}
	u, err := uuid.Parse(ref)
	if err != nil {
		return "", false
	}
	return u.String(), true
}

// isLowerUUID reports whether s, 36 bytes long, is a UUID's text as
// uuid.UUID.String writes it: hyphens at 8, 13, 18 and 23, lower-case
// hex digits elsewhere. resolvers' looksLikeUUID accepts either case:
// an argument is checked there, and put in this form here.
func isLowerUUID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
				return false
			}
		}
	}
	return true
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

// checkAliasCount refuses an actor with more than MaxAliases aliases.
func checkAliasCount(name string, n int) error {
	if n > MaxAliases {
		return fmt.Errorf("%w: actor %q would have %d aliases, over the limit of %d", ErrTooManyAliases, name, n, MaxAliases)
	}
	return nil
}

// checkActorFields validates a's names (returning them in their stored
// form, see checkName), kind and country without looking at the store.
func checkActorFields(a *Actor) error {
	name, err := checkName("actor name", a.Name)
	if err != nil {
		return err
	}
	a.Name = name
	if a.Kind != "" && !a.Kind.Valid() {
		return fmt.Errorf("%w: actor %q: kind %q is not one of %v", ErrInvalidInput, a.Name, a.Kind, ActorKinds())
	}
	if a.Country != "" && !isISO3(a.Country) {
		return fmt.Errorf("%w: actor %q: country %q is not an ISO 3166-1 alpha-3 code", ErrInvalidInput, a.Name, a.Country)
	}
	if err := checkAliasCount(a.Name, len(a.Aliases)); err != nil {
		return err
	}
	aliases := make([]string, len(a.Aliases))
	for i, al := range a.Aliases {
		if aliases[i], err = checkName(fmt.Sprintf("alias of %q", a.Name), al); err != nil {
			return err
		}
	}
	a.Aliases = aliases
	return nil
}

// UpsertActor adds a or, when its name or an alias names an existing actor,
// merges into that actor: aliases are added and the non-empty fields of a
// replace the stored ones. It is an error for a's names to match two
// different actors, to look like another actor's name (ErrLookalike), or
// to leave the actor with more than MaxAliases aliases.
func (s *Store) UpsertActor(ctx context.Context, a Actor) (Actor, error) {
	var out Actor
	err := s.update(ctx, func(w *writer) error {
		got, _, err := s.upsertActor(w, a, s.newLookalikes(w.cache))
		if err != nil {
			return err
		}
		out = cloneActor(got)
		return nil
	})
	return out, err
}

// upsertActor writes in as UpsertActor describes and returns the actor
// stored and the one it replaced (nil when in is new). looks, when not nil,
// refuses look-alike names; a load checks them while validating instead.
func (s *Store) upsertActor(w *writer, in Actor, looks *lookalikes) (next, old *Actor, err error) {
	if err := checkActorFields(&in); err != nil {
		return nil, nil, err
	}
	if in.Kind == "" {
		in.Kind = KindOther
	}
	match, err := matchActor(w.cache, in)
	if err != nil {
		return nil, nil, err
	}
	if looks != nil {
		self := ""
		if match != nil {
			self = match.ID
		}
		if err := checkNames(w.cache, looks, in, self); err != nil {
			return nil, nil, err
		}
	}
	var a Actor
	if match == nil {
		a = Actor{ID: ActorID(in.Name), Name: in.Name, Kind: in.Kind, Country: strings.ToUpper(in.Country), Code: in.Code, Wikidata: in.Wikidata}
		if _, taken := w.cache.actor(a.ID); taken {
			return nil, nil, fmt.Errorf("%w: actor %q: its ID is held by another actor", ErrInvalidInput, in.Name)
		}
		w.add(keys.CounterKey(cntActors), 1)
	} else {
		a = mergeActor(match, in)
		// A name given that differs from the canonical one becomes an alias.
		in.Aliases = append([]string{in.Name}, in.Aliases...)
	}
	a.Aliases = mergeAliases(a.Name, a.Aliases, in.Aliases)
	if err := checkAliasCount(a.Name, len(a.Aliases)); err != nil {
		return nil, nil, err
	}
	if err := s.putActor(w, &a); err != nil {
		return nil, nil, err
	}
	return &a, match, nil
}

// matchActor finds the existing actor every name of in points to, if any.
func matchActor(c *cacheTxn, in Actor) (*Actor, error) {
	var match *Actor
	for _, n := range append([]string{in.Name}, in.Aliases...) {
		id, ok := c.name(NormalizeName(n))
		if !ok {
			continue
		}
		a, _ := c.actor(id)
		if match != nil && a.ID != match.ID {
			return nil, fmt.Errorf("%w: actor %q: name %q belongs to %q but another of its names belongs to %q", ErrInvalidInput, in.Name, n, a.Name, match.Name)
		}
		match = a
	}
	return match, nil
}

// mergeActor returns old with the fields in gives: a kind other than
// OTHER, and every non-empty field, replace the stored ones. Aliases are
// left to mergeAliases.
func mergeActor(old *Actor, in Actor) Actor {
	next := cloneActor(old)
	if (in.Kind != KindOther && in.Kind != "") || next.Kind == "" {
		next.Kind = in.Kind
		if next.Kind == "" {
			next.Kind = KindOther
		}
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
	return next
}

// checkNames refuses the names of in that look like a name of an actor
// other than self, as c sees the store.
func checkNames(c *cacheTxn, looks *lookalikes, in Actor, self string) error {
	describe := func(id string) string {
		if a, ok := c.actor(id); ok {
			return fmt.Sprintf("%q", a.Name)
		}
		return id
	}
	return checkLookalikes(looks, in, self, c.name, describe)
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
// another actor, or looking like another actor's name, is an error; one
// already naming this actor is accepted. An actor takes at most MaxAliases.
func (s *Store) AddAlias(ctx context.Context, ref, alias string) (Actor, error) {
	var out Actor
	err := s.update(ctx, func(w *writer) error {
		a, err := s.resolve(w.cache, ref)
		if err != nil {
			return err
		}
		if alias, err = checkName("alias", alias); err != nil {
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
		if err := checkNames(w.cache, s.newLookalikes(w.cache), Actor{Name: alias}, a.ID); err != nil {
			return err
		}
		next := cloneActor(a)
		next.Aliases = mergeAliases(next.Name, next.Aliases, []string{alias})
		if err := checkAliasCount(next.Name, len(next.Aliases)); err != nil {
			return err
		}
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
		return ActorPage{}, fmt.Errorf("%w: kind %q is not one of %v", ErrInvalidInput, q.Kind, ActorKinds())
	}
	search := foldSearch(q.Search)
	code := strings.ToUpper(strings.TrimSpace(q.Code))
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
	if q.Kind == "" && search == "" && code == "" {
		end := min(start+first, len(list))
		for _, sa := range list[start:end] {
			add(sa)
		}
		page.Total, page.HasNext = len(list), end < len(list)
	} else {
		for i, sa := range list {
			if (q.Kind != "" && sa.a.Kind != q.Kind) || (search != "" && !actorMatches(sa.a, search)) || (code != "" && !strings.EqualFold(sa.a.Code, code)) {
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
	var text [cursorStack * 4 / 3]byte
	return string(appendCursor(text[:0], tag, pos)) // the one allocation of a cursor of usual length
}

// appendCursor appends the text of the cursor of pos under tag to dst.
func appendCursor(dst []byte, tag byte, pos []byte) []byte {
	var raw [cursorStack]byte
	b := append(append(raw[:0], tag), pos...)
	return base64.RawURLEncoding.AppendEncode(dst, b)
}

// cursorStack is the length of a cursor's position that is encoded
// without allocating anything but the cursor itself: every key of an
// adjacency or date listing fits.
const cursorStack = 128

func decodeCursor(tag byte, c string) ([]byte, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 1 || b[0] != tag {
		return nil, fmt.Errorf("%w: %q", ErrInvalidCursor, clip(c))
	}
	return b[1:], nil
}
