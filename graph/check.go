package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// CheckReport is the result of Check.
type CheckReport struct {
	Actors, Stances, Documents int      // records checked
	Violations                 []string // each broken invariant, in words
}

// maxViolations bounds the report so a badly broken store still gives a
// readable answer.
const maxViolations = 1000

// Check verifies every invariant of the store against one snapshot: each
// index entry has its record and each record its index entries, counters
// equal recounts, and each evidence quote sits at its offsets in its
// document. It returns an error only when it cannot read the store.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var c *checker
	err := s.view(ctx, func(txn *badger.Txn) error {
		c = newChecker(ctx, txn, s.Vocabulary())
		return c.run()
	})
	if c == nil {
		return CheckReport{}, err
	}
	return c.rep, err
}

// invariants are the families of invariants Check proves, one method
// each, in order: later families use what earlier ones collected (the
// actors and their names, the recounts of stances and documents).
var invariants = []struct {
	name  string
	check func(*checker) error
}{
	{"actors", (*checker).actors},
	{"names", (*checker).names},
	{"stances", (*checker).stances},
	{"adjacency", (*checker).adjacency},
	{"dates", (*checker).dates},
	{"identities", (*checker).identities},
	{"documents", (*checker).documents},
	{"citations", (*checker).citations},
	{"counters", (*checker).counters},
	{"degrees", (*checker).degrees},
}

// checker walks one snapshot, collecting what the families share and the
// violations they find.
type checker struct {
	ctx    context.Context
	txn    *badger.Txn
	rep    CheckReport
	family string         // the family running, for found
	found  map[string]int // violations per family, for tests

	vocab      *Vocabulary       // the store's stance types
	actorsByID map[string]Actor  // every decodable actor
	named      map[string]string // normalized name -> the actor holding it
	live       int               // recount of live stances
	retracted  int               // recount of retracted stances
	degree     map[string]int    // recount per degree counter key
	docs       int               // recount of documents
}

func newChecker(ctx context.Context, txn *badger.Txn, vocab *Vocabulary) *checker {
	return &checker{ctx: ctx, txn: txn, vocab: vocab, found: map[string]int{},
		actorsByID: map[string]Actor{}, named: map[string]string{}, degree: map[string]int{}}
}

func (c *checker) run() error {
	for _, inv := range invariants {
		c.family = inv.name
		if err := inv.check(c); err != nil {
			return err
		}
	}
	return nil
}

// bad records a violation.
func (c *checker) bad(f string, a ...any) {
	c.found[c.family]++
	if len(c.rep.Violations) < maxViolations {
		c.rep.Violations = append(c.rep.Violations, fmt.Sprintf(f, a...))
	}
}

// has returns the value at k, if any.
func (c *checker) has(k []byte) ([]byte, bool) {
	v, err := getValue(c.txn, k)
	return v, err == nil
}

// each calls fn for every entry under a one-byte prefix, with copies of
// the key and value.
func (c *checker) each(prefix byte, fn func(k, v []byte)) error {
	it := c.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefix}})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := c.ctx.Err(); err != nil {
			return err
		}
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		fn(it.Item().KeyCopy(nil), v)
	}
	return nil
}

// stanceOf reads and decodes the stance with ID id, following its
// reference.
func (c *checker) stanceOf(id []byte) (*stanceRecord, bool) {
	v, err := getValue(c.txn, keys.StanceKey(id))
	r, err := stanceAt(id, v, err, txnGetter(c.txn))
	return r, err == nil
}

// entryValues returns the O and I values stance r must have when its S
// value is sv: copies of sv in layout 1, the record and its header in
// layout 2.
func entryValues(r *stanceRecord, sv []byte) (out, in []byte) {
	if sv[0] == recordVersion {
		return sv, sv
	}
	return encodeOut(r), encodeIn(r)
}

// sameEntry reports whether the adjacency value av of family fam holds
// want, what stance r (S value sv) writes there: an O value of layout 2
// holds it too when it keeps the confidence in 8 bytes.
func sameEntry(r *stanceRecord, sv []byte, fam byte, av, want []byte) bool {
	if bytes.Equal(av, want) {
		return true
	}
	return fam == keys.Out && sv[0] != recordVersion && bytes.Equal(av, encodeOutWith(r, false))
}

// actors proves each actor record decodes, keeps to MaxAliases, and has
// each of its names indexed to it. Each actor's names are collected once
// (key -> actor ID), so that names checks each entry in constant time:
// scanning the actor's alias list per entry made the check quadratic in
// aliases.
func (c *checker) actors() error {
	return c.each(keys.Actor, func(k, v []byte) {
		c.rep.Actors++
		a, err := decodeActor(v)
		if err != nil {
			c.bad("actor %s: undecodable record", idString(k[1:]))
			return
		}
		c.actorsByID[a.ID] = a
		if len(a.Aliases) > MaxAliases {
			c.bad("actor %q has %d aliases, over the limit of %d", a.Name, len(a.Aliases), MaxAliases)
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			key := NormalizeName(n)
			c.named[key] = a.ID
			if id, ok := c.has(keys.NameKey(key)); !ok || idString(id) != a.ID {
				c.bad("actor %q: name %q is not indexed to it", a.Name, n)
			}
		}
	})
}

// names proves each name index entry points to an actor having that name.
func (c *checker) names() error {
	return c.each(keys.Name, func(k, v []byte) {
		a, ok := c.actorsByID[idString(v)]
		if !ok {
			c.bad("name %q points to missing actor %s", k[1:], idString(v))
			return
		}
		if c.named[string(k[1:])] != a.ID {
			c.bad("name %q points to actor %q, which does not have that name", k[1:], a.Name)
		}
	})
}

// stances proves each stance record decodes, joins existing actors and
// has all its index entries, and recounts live and retracted stances and
// degrees.
func (c *checker) stances() error {
	return c.each(keys.Stance, func(k, v []byte) {
		c.rep.Stances++
		r, err := stanceFrom(k, v, txnGetter(c.txn))
		switch {
		case errors.Is(err, errDangling):
			c.bad("stance %s: dangling reference: no outgoing entry %s %s %s holds its record", idString(k[1:]), refPart(v, 0), refPart(v, 2), refPart(v, 1))
			return
		case err != nil:
			c.bad("stance %s: undecodable record", idString(k[1:]))
			return
		case v[0] == stanceHeld:
			c.bad("stance %s: a writer's in-memory value was stored", r.ID)
		}
		c.stanceEnds(r)
		c.stanceEntries(r, v)
		c.stanceIdentities(r)
		if r.Retracted {
			c.retracted++
			return
		}
		c.live++
		c.degree[string(keys.DegreeKey(mustID(r.Subject), keys.Out, r.Type))]++
		c.degree[string(keys.DegreeKey(mustID(r.Object), keys.In, r.Type))]++
	})
}

// stanceEnds proves a stance's type is in the store's vocabulary and its
// subject and object exist.
func (c *checker) stanceEnds(r *stanceRecord) {
	if !c.vocab.Has(r.Type) {
		c.bad("stance %s: type %q is not in the store's vocabulary (%s); extend the vocabulary with it", r.ID, r.Type, strings.Join(c.vocab.Names(), ", "))
	}
	if _, ok := c.actorsByID[r.Subject]; !ok {
		c.bad("stance %s: subject %s does not exist", r.ID, r.Subject)
	}
	if _, ok := c.actorsByID[r.Object]; !ok {
		c.bad("stance %s: object %s does not exist", r.ID, r.Object)
	}
}

// stanceEntries proves a stance's adjacency entries hold what its S value
// v says (copies of it in layout 1; the record, and its header, in layout
// 2), and its date and document index entries exist.
func (c *checker) stanceEntries(r *stanceRecord, v []byte) {
	id := mustID(r.ID)
	out, in := entryValues(r, v)
	for _, adj := range []struct{ k, v []byte }{
		{keys.Adjacency(keys.Out, mustID(r.Subject), r.Type, mustID(r.Object), id), out},
		{keys.Adjacency(keys.In, mustID(r.Object), r.Type, mustID(r.Subject), id), in},
	} {
		if av, ok := c.has(adj.k); !ok || !sameEntry(r, v, adj.k[0], av, adj.v) {
			c.bad("stance %s: adjacency entry %c missing or stale", r.ID, adj.k[0])
		}
	}
	if !r.effDate.IsZero() {
		if _, ok := c.has(keys.DateKey(int32(r.effDate), id)); !ok {
			c.bad("stance %s: date index entry missing", r.ID)
		}
	}
	for _, e := range r.Evidence {
		if _, ok := c.has(keys.DocStanceKey(mustID(e.DocumentID), id)); !ok {
			c.bad("stance %s: document index entry for %s missing", r.ID, e.DocumentID)
		}
	}
}

// stanceIdentities proves each identity of a stance leads to it.
func (c *checker) stanceIdentities(r *stanceRecord) {
	id := mustID(r.ID)
	ids := identities(&r.Stance)
	for i, derived := range derivedIDs(ids) {
		sv, ok := c.has(keys.IdentityKey(ids[i]))
		if bytes.Equal(derived[:], id) {
			// The record's key stands for this identity; stores
			// written before that layout also have an entry.
			if ok && !bytes.Equal(sv, id) {
				c.bad("stance %s: identity entry held by another stance", r.ID)
			}
			continue
		}
		if !ok || !bytes.Equal(sv, id) {
			c.bad("stance %s: identity entry missing or held by another stance", r.ID)
		}
	}
}

// adjacency proves each adjacency entry belongs to a stance record, which
// names that entry and gives it its value.
func (c *checker) adjacency() error {
	for _, dir := range []byte{keys.Out, keys.In} {
		err := c.each(dir, func(k, v []byte) {
			_, _, _, _, sid, ok := keys.ParseAdjacency(k)
			if !ok {
				c.bad("malformed adjacency key %x", k)
				return
			}
			if !c.entryMatches(dir, sid, k, v) {
				c.bad("adjacency entry %c for stance %s has no matching record", dir, idString(sid))
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// entryMatches reports whether stance sid's S value names the adjacency
// entry k in direction dir, with value v in layout 1, where the entry
// repeats the S value. In layout 2 the key is enough: stances proved the
// value of the entry the reference names.
func (c *checker) entryMatches(dir byte, sid, k, v []byte) bool {
	sv, ok := c.has(keys.StanceKey(sid))
	if !ok || len(sv) == 0 {
		return false
	}
	if sv[0] == recordVersion {
		return bytes.Equal(sv, v)
	}
	subj, obj, typ, _, err := parseRef(sv)
	if err != nil {
		return false
	}
	if dir == keys.In {
		return bytes.Equal(k, keys.Adjacency(keys.In, obj, typ, subj, sid))
	}
	return bytes.Equal(k, keys.Adjacency(keys.Out, subj, typ, obj, sid))
}

// refPart names part i (subject, object, type) of a stance reference, for
// a report; "?" when v is no reference.
func refPart(v []byte, i int) string {
	subj, obj, typ, _, err := parseRef(v)
	switch {
	case err != nil:
		return "?"
	case i == 0:
		return idString(subj)
	case i == 1:
		return idString(obj)
	}
	return typ
}

// dates proves each date index entry matches its stance's date.
func (c *checker) dates() error {
	return c.each(keys.Date, func(k, _ []byte) {
		r, ok := c.stanceOf(k[5:])
		if !ok || int32(r.effDate) != int32(binary.BigEndian.Uint32(k[1:5])) {
			c.bad("date index entry for stance %s has no matching record", idString(k[5:]))
		}
	})
}

// identities proves each identity entry points to a stance having it.
func (c *checker) identities() error {
	return c.each(keys.Identity, func(k, v []byte) {
		r, ok := c.stanceOf(v)
		if !ok || !slices.ContainsFunc(identities(&r.Stance), func(h []byte) bool { return bytes.Equal(h, k[1:]) }) {
			c.bad("identity entry %x points to stance %s, which does not have it", k[1:], idString(v))
		}
	})
}

// documents proves each document record decodes and its text rebuilds
// (each span it left out is quoted by the stance it names) into the text
// its ID derives from, and recounts them.
func (c *checker) documents() error {
	return c.each(keys.Document, func(k, v []byte) {
		c.rep.Documents++
		c.docs++
		d, err := readDocument(txnGetter(c.txn), k[1:], v)
		switch {
		case errors.Is(err, errSpanLost):
			c.bad("%v", err)
		case err != nil:
			c.bad("document %s: undecodable record", idString(k[1:]))
		case DocumentID(d.Text) != idString(k[1:]):
			c.bad("document %s: its text rebuilds into that of document %s", idString(k[1:]), DocumentID(d.Text))
		}
	})
}

// citations proves each document index entry joins an existing document
// to a stance citing it, at offsets that hold the quote. Entries are in
// document order, so each document's text is decoded once.
func (c *checker) citations() error {
	var curDoc []byte
	var runes []rune
	return c.each(keys.DocStance, func(k, _ []byte) {
		doc, sid := k[1:1+keys.IDLen], k[1+keys.IDLen:]
		if !bytes.Equal(doc, curDoc) {
			curDoc, runes = bytes.Clone(doc), c.documentText(doc)
		}
		if runes == nil && c.hasDocument(doc) {
			return // documents reported it
		}
		if runes == nil {
			c.bad("stance %s cites missing document %s", idString(sid), idString(doc))
			return
		}
		r, ok := c.stanceOf(sid)
		if !ok {
			c.bad("document index entry for stance %s has no record", idString(sid))
			return
		}
		c.citation(r, idString(doc), runes)
	})
}

// documentText returns the text of document doc, nil when it is missing
// or cannot be read.
func (c *checker) documentText(doc []byte) []rune {
	dv, ok := c.has(keys.DocumentKey(doc))
	if !ok {
		return nil
	}
	d, err := readDocument(txnGetter(c.txn), doc, dv)
	if err != nil {
		return nil
	}
	return []rune(d.Text)
}

// hasDocument reports whether document doc has a record.
func (c *checker) hasDocument(doc []byte) bool {
	_, err := c.txn.Get(keys.DocumentKey(doc))
	return err == nil
}

// citation proves stance r cites document did, each quote at its offsets.
func (c *checker) citation(r *stanceRecord, did string, runes []rune) {
	cited := false
	for _, e := range r.Evidence {
		if e.DocumentID != did {
			continue
		}
		cited = true
		if e.Start < 0 || e.End > len(runes) || e.Start >= e.End || string(runes[e.Start:e.End]) != e.Quote {
			c.bad("stance %s: evidence offsets [%d:%d] do not hold its quote in document %s", r.ID, e.Start, e.End, did)
		}
	}
	if !cited {
		c.bad("document index entry says stance %s cites %s, but it does not", r.ID, did)
	}
}

// counters proves the store's counters equal the recounts.
func (c *checker) counters() error {
	for _, cnt := range []struct {
		name string
		want int
	}{{cntActors, len(c.actorsByID)}, {cntStances, c.live}, {cntRetracted, c.retracted}, {cntDocuments, c.docs}} {
		got, err := readCounter(c.txn, keys.CounterKey(cnt.name))
		if err != nil {
			return err
		}
		if got != cnt.want {
			c.bad("counter %s is %d, recount is %d", cnt.name, got, cnt.want)
		}
	}
	return nil
}

// degrees proves each degree counter equals its recount, and that no
// recounted degree lacks a counter.
func (c *checker) degrees() error {
	want := maps.Clone(c.degree)
	err := c.each(keys.Degree, func(k, v []byte) {
		if len(v) != 8 {
			c.bad("degree counter %x is malformed", k)
			return
		}
		got := int(binary.BigEndian.Uint64(v))
		if n := want[string(k)]; got != n {
			c.bad("degree counter of actor %s is %d, recount is %d", idString(k[1:1+keys.IDLen]), got, n)
		}
		delete(want, string(k))
	})
	if err != nil {
		return err
	}
	for k, n := range want {
		c.bad("degree counter of actor %s is missing (recount %d)", idString([]byte(k)[1:1+keys.IDLen]), n)
	}
	return nil
}
