package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
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
// stance has a type of the store's vocabulary, each
// index entry has its record and each record its index entries, counters
// equal recounts, and each evidence quote sits at its offsets in its
// document. It returns an error only when it cannot read the store.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var rep CheckReport
	bad := func(f string, a ...any) {
		if len(rep.Violations) < maxViolations {
			rep.Violations = append(rep.Violations, fmt.Sprintf(f, a...))
		}
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		has := func(k []byte) ([]byte, bool) {
			v, err := getValue(txn, k)
			return v, err == nil
		}
		each := func(prefix byte, fn func(k, v []byte) error) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefix}})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				if err := ctx.Err(); err != nil {
					return err
				}
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					return err
				}
				if err := fn(it.Item().KeyCopy(nil), v); err != nil {
					return err
				}
			}
			return nil
		}
		// Actors and the name index. Each actor's names are collected once
		// (key -> actor ID), so that each name entry is checked in constant
		// time: scanning the actor's alias list per entry made the check
		// quadratic in aliases.
		actors := map[string]Actor{}
		named := map[string]string{}
		if err := each(keys.Actor, func(k, v []byte) error {
			rep.Actors++
			a, err := decodeActor(v)
			if err != nil {
				bad("actor %s: undecodable record", idString(k[1:]))
				return nil
			}
			actors[a.ID] = a
			if len(a.Aliases) > MaxAliases {
				bad("actor %q has %d aliases, over the limit of %d", a.Name, len(a.Aliases), MaxAliases)
			}
			for _, n := range append([]string{a.Name}, a.Aliases...) {
				key := NormalizeName(n)
				named[key] = a.ID
				if id, ok := has(keys.NameKey(key)); !ok || idString(id) != a.ID {
					bad("actor %q: name %q is not indexed to it", a.Name, n)
				}
			}
			return nil
		}); err != nil {
			return err
		}
		if err := each(keys.Name, func(k, v []byte) error {
			a, ok := actors[idString(v)]
			if !ok {
				bad("name %q points to missing actor %s", k[1:], idString(v))
				return nil
			}
			if named[string(k[1:])] != a.ID {
				bad("name %q points to actor %q, which does not have that name", k[1:], a.Name)
			}
			return nil
		}); err != nil {
			return err
		}
		// Stances and everything that indexes them.
		live, retracted := 0, 0
		deg := map[string]int{}
		if err := each(keys.Stance, func(k, v []byte) error {
			rep.Stances++
			r, err := decodeStance(v)
			if err != nil {
				bad("stance %s: undecodable record", idString(k[1:]))
				return nil
			}
			id := mustID(r.ID)
			if !s.Vocabulary().Has(r.Type) {
				bad("stance %s: type %q is not in the store's vocabulary (%s); extend the vocabulary with it", r.ID, r.Type, strings.Join(s.Vocabulary().Names(), ", "))
			}
			if _, ok := actors[r.Subject]; !ok {
				bad("stance %s: subject %s does not exist", r.ID, r.Subject)
			}
			if _, ok := actors[r.Object]; !ok {
				bad("stance %s: object %s does not exist", r.ID, r.Object)
			}
			for _, adj := range [][]byte{
				keys.Adjacency(keys.Out, mustID(r.Subject), r.Type, mustID(r.Object), id),
				keys.Adjacency(keys.In, mustID(r.Object), r.Type, mustID(r.Subject), id),
			} {
				if av, ok := has(adj); !ok || !bytes.Equal(av, v) {
					bad("stance %s: adjacency entry %c missing or stale", r.ID, adj[0])
				}
			}
			if !r.effDate.IsZero() {
				if _, ok := has(keys.DateKey(int32(r.effDate), id)); !ok {
					bad("stance %s: date index entry missing", r.ID)
				}
			}
			for _, e := range r.Evidence {
				if _, ok := has(keys.DocStanceKey(mustID(e.DocumentID), id)); !ok {
					bad("stance %s: document index entry for %s missing", r.ID, e.DocumentID)
				}
			}
			ids := identities(&r.Stance)
			for i, c := range derivedIDs(ids) {
				sv, ok := has(keys.IdentityKey(ids[i]))
				if bytes.Equal(c[:], id) {
					// The record's key stands for this identity; stores
					// written before that layout also have an entry.
					if ok && !bytes.Equal(sv, id) {
						bad("stance %s: identity entry held by another stance", r.ID)
					}
					continue
				}
				if !ok || !bytes.Equal(sv, id) {
					bad("stance %s: identity entry missing or held by another stance", r.ID)
				}
			}
			if r.Retracted {
				retracted++
			} else {
				live++
				deg[string(keys.DegreeKey(mustID(r.Subject), keys.Out, r.Type))]++
				deg[string(keys.DegreeKey(mustID(r.Object), keys.In, r.Type))]++
			}
			return nil
		}); err != nil {
			return err
		}
		stanceOf := func(id []byte) (*stanceRecord, bool) {
			v, ok := has(keys.StanceKey(id))
			if !ok {
				return nil, false
			}
			r, err := decodeStance(v)
			return r, err == nil
		}
		for _, dir := range []byte{keys.Out, keys.In} {
			if err := each(dir, func(k, v []byte) error {
				_, _, _, _, sid, ok := keys.ParseAdjacency(k)
				if !ok {
					bad("malformed adjacency key %x", k)
					return nil
				}
				if sv, ok := has(keys.StanceKey(sid)); !ok || !bytes.Equal(sv, v) {
					bad("adjacency entry %c for stance %s has no matching record", dir, idString(sid))
				}
				return nil
			}); err != nil {
				return err
			}
		}
		if err := each(keys.Date, func(k, _ []byte) error {
			r, ok := stanceOf(k[5:])
			if !ok || int32(r.effDate) != int32(binary.BigEndian.Uint32(k[1:5])) {
				bad("date index entry for stance %s has no matching record", idString(k[5:]))
			}
			return nil
		}); err != nil {
			return err
		}
		if err := each(keys.Identity, func(k, v []byte) error {
			r, ok := stanceOf(v)
			if !ok || !slices.ContainsFunc(identities(&r.Stance), func(h []byte) bool { return bytes.Equal(h, k[1:]) }) {
				bad("identity entry %x points to stance %s, which does not have it", k[1:], idString(v))
			}
			return nil
		}); err != nil {
			return err
		}
		// Documents, and evidence offsets, one document at a time.
		docs := 0
		if err := each(keys.Document, func(k, v []byte) error {
			rep.Documents++
			docs++
			if _, err := decodeDocument(v); err != nil {
				bad("document %s: undecodable record", idString(k[1:]))
			}
			return nil
		}); err != nil {
			return err
		}
		var curDoc []byte
		var runes []rune
		if err := each(keys.DocStance, func(k, _ []byte) error {
			doc, sid := k[1:1+keys.IDLen], k[1+keys.IDLen:]
			if !bytes.Equal(doc, curDoc) {
				curDoc = bytes.Clone(doc)
				runes = nil
				if dv, ok := has(keys.DocumentKey(doc)); ok {
					if d, err := decodeDocument(dv); err == nil {
						runes = []rune(d.Text)
					}
				}
			}
			if runes == nil {
				bad("stance %s cites missing document %s", idString(sid), idString(doc))
				return nil
			}
			r, ok := stanceOf(sid)
			if !ok {
				bad("document index entry for stance %s has no record", idString(sid))
				return nil
			}
			did, cited := idString(doc), false
			for _, e := range r.Evidence {
				if e.DocumentID != did {
					continue
				}
				cited = true
				if e.Start < 0 || e.End > len(runes) || e.Start >= e.End || string(runes[e.Start:e.End]) != e.Quote {
					bad("stance %s: evidence offsets [%d:%d] do not hold its quote in document %s", r.ID, e.Start, e.End, did)
				}
			}
			if !cited {
				bad("document index entry says stance %s cites %s, but it does not", r.ID, did)
			}
			return nil
		}); err != nil {
			return err
		}
		// Counters against recounts.
		for _, c := range []struct {
			name string
			want int
		}{{cntActors, len(actors)}, {cntStances, live}, {cntRetracted, retracted}, {cntDocuments, docs}} {
			got, err := readCounter(txn, keys.CounterKey(c.name))
			if err != nil {
				return err
			}
			if got != c.want {
				bad("counter %s is %d, recount is %d", c.name, got, c.want)
			}
		}
		if err := each(keys.Degree, func(k, v []byte) error {
			if len(v) != 8 {
				bad("degree counter %x is malformed", k)
				return nil
			}
			got := int(binary.BigEndian.Uint64(v))
			if want := deg[string(k)]; got != want {
				bad("degree counter of actor %s is %d, recount is %d", idString(k[1:1+keys.IDLen]), got, want)
			}
			delete(deg, string(k))
			return nil
		}); err != nil {
			return err
		}
		for k, n := range deg {
			bad("degree counter of actor %s is missing (recount %d)", idString([]byte(k)[1:1+keys.IDLen]), n)
		}
		return nil
	})
	return rep, err
}
