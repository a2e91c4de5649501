package graph

import (
	"fmt"
	"strings"
)

// batchActors follows a batch's actor records while it is validated: the
// actor each name will denote after the batch (an existing ID, or "#i"
// for the batch's i-th record when it creates an actor) and what each
// actor the batch touches will hold, so that a record is judged against
// the store and the records before it.
type batchActors struct {
	c       *cacheTxn
	b       *Batch
	names   map[string]string // normalized name -> owner
	pending map[string]Actor  // owner -> the actor as the batch leaves it
	s       *Store
	looks   *lookalikes // built by lookalikes
}

func newBatchActors(s *Store, c *cacheTxn, b *Batch) *batchActors {
	return &batchActors{c: c, b: b, names: map[string]string{}, pending: map[string]Actor{}, s: s}
}

// lookalikes returns the skeleton index of the names, built when the
// first actor record is checked. Building it takes the skeleton of every
// name an import has seen, on one core: a batch of stances alone built
// it for nothing (20,000 names for each batch after the first of the
// bench's 200k-stance import, 100,000 at 1M).
func (v *batchActors) lookalikes() *lookalikes {
	if v.looks == nil {
		v.looks = v.s.newLookalikes(v.c)
	}
	return v.looks
}

// owner returns the actor a normalized name will denote.
func (v *batchActors) owner(key string) (string, bool) {
	if o, ok := v.names[key]; ok {
		return o, true
	}
	return v.c.name(key)
}

// current returns the actor owner denotes as the batch has left it so far.
func (v *batchActors) current(owner string) Actor {
	if a, ok := v.pending[owner]; ok {
		return a
	}
	a, _ := v.c.actor(owner)
	return cloneActor(a)
}

// describe names an actor in a message.
func (v *batchActors) describe(owner string) string {
	a := v.current(owner)
	if strings.HasPrefix(owner, "#") {
		return fmt.Sprintf("%q (new in this load)", a.Name)
	}
	return fmt.Sprintf("%q", a.Name)
}

// check validates record i, a, and notes the names and fields it leaves.
func (v *batchActors) check(i int, a *Actor) error {
	if err := checkActorFields(a); err != nil {
		return err
	}
	all := append([]string{a.Name}, a.Aliases...)
	match, by := "", ""
	for _, n := range all {
		o, ok := v.owner(NormalizeName(n))
		if !ok {
			continue
		}
		if match != "" && o != match {
			return fmt.Errorf("%w: actor %q: its names belong to two different actors, %s and %s (%q is one of them)", ErrInvalidInput, a.Name, v.describe(match), v.describe(o), n)
		}
		match, by = o, n
	}
	self := match
	var next Actor
	if match == "" {
		self = fmt.Sprintf("#%d", i)
		next = *a
		if next.Kind == "" {
			next.Kind = KindOther
		}
		next.Country = strings.ToUpper(next.Country)
		next.Aliases = mergeAliases(a.Name, nil, a.Aliases)
	} else {
		var err error
		if next, err = v.merge(match, by, a); err != nil {
			return err
		}
	}
	if err := checkLookalikes(v.lookalikes(), *a, self, v.owner, v.describe); err != nil {
		return err
	}
	if err := checkAliasCount(next.Name, len(next.Aliases)); err != nil {
		return err
	}
	v.pending[self] = next
	for _, n := range all {
		key := NormalizeName(n)
		v.names[key] = self
		v.looks.add(key)
	}
	return nil
}

// merge returns the actor match becomes when record a, which names it by
// the name by, is merged into it. Unless the batch is an upsert, a record
// that would change a field already set, or that creates no actor of its
// own name but takes another's alias, is a conflict.
func (v *batchActors) merge(match, by string, a *Actor) (Actor, error) {
	cur := v.current(match)
	if _, named := v.owner(NormalizeName(a.Name)); !named && !v.b.Upsert {
		return Actor{}, fmt.Errorf("%w: actor %q: its alias %q already names actor %s; drop the alias, or load with upsert to merge %q into %s",
			ErrConflict, a.Name, by, v.describe(match), a.Name, v.describe(match))
	}
	next := mergeActor(&cur, *a)
	if !v.b.Upsert {
		for _, d := range actorDiff(&cur, &next) {
			if d.Old != "" && d.Old != string(KindOther) {
				return Actor{}, fmt.Errorf("%w: actor %q: %s would change from %q to %q (actor %s); load with upsert to change it",
					ErrConflict, a.Name, d.Field, d.Old, d.New, v.describe(match))
			}
		}
	}
	next.Aliases = mergeAliases(next.Name, next.Aliases, append([]string{a.Name}, a.Aliases...))
	return next, nil
}

// actorDiff lists the fields of old that next changes, aliases aside.
func actorDiff(old, next *Actor) []Change {
	var out []Change
	for _, f := range []struct{ field, old, new string }{
		{"kind", string(old.Kind), string(next.Kind)},
		{"country", old.Country, next.Country},
		{"code", old.Code, next.Code},
		{"wikidata", old.Wikidata, next.Wikidata},
	} {
		if f.old != f.new {
			out = append(out, Change{Record: "actor", ID: old.ID, Name: old.Name, Field: f.field, Old: f.old, New: f.new})
		}
	}
	return out
}

// actorChanges lists what storing next in place of old changed, for
// LoadResult; in is the record that did it.
func actorChanges(i int, in Actor, old, next *Actor) []Change {
	out := actorDiff(old, next)
	if _, named := nameIn(old, in.Name); !named {
		out = append(out, Change{Record: "actor", ID: old.ID, Name: old.Name, Field: "merged", New: fmt.Sprintf("%q became an alias", strings.TrimSpace(in.Name))})
	}
	if added := next.Aliases[min(len(old.Aliases), len(next.Aliases)):]; len(added) > 0 {
		out = append(out, Change{Record: "actor", ID: old.ID, Name: old.Name, Field: "aliases", New: strings.Join(added, ", ")})
	}
	for j := range out {
		out[j].Index = i
	}
	return out
}

// nameIn reports whether name is one of a's names.
func nameIn(a *Actor, name string) (string, bool) {
	key := NormalizeName(name)
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if NormalizeName(n) == key {
			return n, true
		}
	}
	return "", false
}

// checkLookalikes refuses the names of a that look like a name of an
// actor other than self.
func checkLookalikes(looks *lookalikes, a Actor, self string, owner func(string) (string, bool), describe func(string) string) error {
	if err := checkLookalike("actor name", a.Name, self, looks, owner, describe); err != nil {
		return err
	}
	for _, al := range a.Aliases {
		if err := checkLookalike(fmt.Sprintf("alias of %q", a.Name), al, self, looks, owner, describe); err != nil {
			return err
		}
	}
	return nil
}
