package graph

import (
	"bytes"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/stance"
)

// identities returns the identity hashes of a stance: one per piece of
// evidence (subject, type, object, document, quote), or, for a bare
// assertion, one of (subject, type, object, topic, date). Two adds sharing
// an identity are the same stance.
func identities(r *Stance) [][]byte {
	h := func(parts ...string) []byte {
		// The parts joined by NUL bytes, in a buffer on the stack when
		// they fit: strings.Join and the conversion to bytes copied
		// them twice on the heap, which made an identity of a quote
		// cost 1.6-2.7 us instead of 0.4-0.8 us.
		var buf [512]byte
		b := buf[:0]
		for i, p := range parts {
			if i > 0 {
				b = append(b, 0)
			}
			b = append(b, p...)
		}
		sum := sha256.Sum256(b)
		return sum[:16]
	}
	if len(r.Evidence) == 0 && len(r.References) == 0 {
		return [][]byte{h("bare", r.Subject, r.Type, r.Object, r.Topic, r.Date.String())}
	}
	out := make([][]byte, 0, len(r.Evidence)+len(r.References))
	for _, ev := range r.Evidence {
		out = append(out, h("ev", r.Subject, r.Type, r.Object, ev.DocumentID, ev.Quote))
	}
	for _, ref := range r.References {
		out = append(out, h("ref", r.Subject, r.Type, r.Object, ref.Dataset, ref.Record))
	}
	return out
}

// Identities returns st's identities (see identities) as hex strings,
// and the stance ID each would give a stance created with it first. A
// store that keeps stances elsewhere (package dgraphstore) indexes them by
// identity, so that a write reads what this package reads to add st (the
// stances holding its identities, and those at their IDs) and no more.
func Identities(st Stance) (idents, ids []string) {
	hs := identities(&st)
	for i, id := range derivedIDs(hs) {
		idents = append(idents, hex.EncodeToString(hs[i]))
		ids = append(ids, id.String())
	}
	return idents, ids
}

// AddStance adds the stance spec describes, or merges its evidence into the
// same stance already stored (see identities); created reports which.
func (s *Store) AddStance(ctx context.Context, spec StanceSpec) (Stance, bool, error) {
	var out Stance
	var created bool
	err := s.update(ctx, func(w *writer) error {
		r, err := s.prepare(w, spec, nil)
		if err != nil {
			return err
		}
		rec, c, err := s.addStance(w, r, nil)
		if err != nil {
			return err
		}
		out, created = rec.Stance, c
		return nil
	})
	return out, created, err
}

// docLookup finds documents for evidence: those of the batch being loaded
// first, then the store.
type docLookup func(id string) (Document, bool)

// prepare validates spec and resolves its references into a record.
func (s *Store) prepare(w *writer, spec StanceSpec, docs docLookup) (*stanceRecord, error) {
	return s.prepareWith(w.resolve, func(ref string) (Document, error) { return s.evidenceDoc(w, ref, docs) }, spec, nil)
}

// prepareWith is prepare with the actor and document lookups given, so
// that it can run outside the writer (see prepareAhead); located, when
// set, may say where evidence j's quote is, found by the batch's checks.
func (s *Store) prepareWith(resolve func(string) (*Actor, error), evidenceDoc func(string) (Document, error), spec StanceSpec, located func(j int) (start, end int, ok bool)) (*stanceRecord, error) {
	subj, err := resolve(spec.Subject)
	if err != nil {
		return nil, fmt.Errorf("subject: %w", err)
	}
	obj, err := resolve(spec.Object)
	if err != nil {
		return nil, fmt.Errorf("object: %w", err)
	}
	if subj.ID == obj.ID {
		return nil, selfStance(spec, fmt.Sprintf("%q", subj.Name))
	}
	return s.prepareResolved(subj.ID, obj.ID, evidenceDoc, spec, located)
}

// prepareResolved is prepareWith once the subject and object are resolved
// to two different actors, subj and obj.
func (s *Store) prepareResolved(subj, obj string, evidenceDoc func(string) (Document, error), spec StanceSpec, located func(j int) (start, end int, ok bool)) (*stanceRecord, error) {
	if err := s.Vocabulary().Validate(spec.Type); err != nil {
		return nil, err
	}
	conf := spec.Confidence
	if conf == 0 {
		conf = 1
	}
	if math.IsNaN(conf) || conf <= 0 || conf > 1 {
		return nil, fmt.Errorf("%w: confidence must be in (0, 1] (got %v)", ErrInvalidInput, spec.Confidence)
	}
	if !utf8.ValidString(spec.Topic) || len(spec.Topic) > 1000 {
		return nil, fmt.Errorf("%w: topic must be valid UTF-8 of at most 1000 bytes", ErrInvalidInput)
	}
	if spec.Date < 0 {
		return nil, fmt.Errorf("%w: date out of range", ErrInvalidDate)
	}
	if err := checkRetraction(spec.Retracted, spec.RetractReason); err != nil {
		return nil, err
	}
	if err := checkReferences(spec.References, spec.Event); err != nil {
		return nil, err
	}
	r := &stanceRecord{Stance: Stance{Subject: subj, Type: spec.Type, Object: obj, Topic: strings.TrimSpace(spec.Topic), Date: spec.Date, Confidence: conf,
		Retracted: spec.Retracted, RetractReason: spec.RetractReason, Event: spec.Event}}
	mergeReferences(&r.References, spec.References)
	for i, ev := range spec.Evidence {
		d, err := evidenceDoc(ev.Document)
		if err != nil {
			return nil, fmt.Errorf("evidence %d: %w", i+1, err)
		}
		start, end, ok := 0, 0, false
		if located != nil {
			start, end, ok = located(i)
		}
		if !ok {
			if start, end, err = locateQuote(&d, ev); err != nil {
				return nil, fmt.Errorf("evidence %d: %w", i+1, err)
			}
		}
		e := Evidence{DocumentID: d.ID, Quote: ev.Quote, Start: start, End: end}
		if !slices.Contains(r.Evidence, e) {
			r.Evidence = append(r.Evidence, e)
		}
		if r.effDate.IsZero() {
			r.effDate = d.Date
		}
	}
	if r.Date.IsZero() {
		// A stance is dated when it was expressed, else by its document.
		r.Date = r.effDate
	}
	r.effDate = r.Date
	return r, nil
}

func (s *Store) evidenceDoc(w *writer, ref string, docs docLookup) (Document, error) {
	if docs != nil {
		if d, ok := docs(ref); ok {
			return d, nil
		}
	}
	b, err := idBytes(ref)
	if err != nil {
		return Document{}, fmt.Errorf("document: %w", err)
	}
	v, err := w.get(keys.DocumentKey(b))
	if errors.Is(err, ErrNotFound) {
		return Document{}, fmt.Errorf("%w: no document with id %s", ErrNotFound, ref)
	}
	if err != nil {
		return Document{}, err
	}
	return readDocument(w.get, b, v)
}

// addStance stores r as a new stance, or merges it into the stance sharing
// one of its identities: new evidence is added, and a missing topic
// filled. p says what else a merge may change; nil keeps the stored topic
// and confidence, as AddStance does.
func (s *Store) addStance(w *writer, r *stanceRecord, p *mergePolicy) (*stanceRecord, bool, error) {
	if r.idents == nil {
		r.idents = identities(&r.Stance)
		r.derived = derivedIDs(r.idents)
	}
	for i, h := range r.idents {
		old, err := s.identityHolder(w, h, r.derived[i])
		if err != nil {
			return nil, false, err
		}
		if old == nil {
			continue
		}
		merged := *old
		merged.idents, merged.derived, merged.enc, merged.writes = nil, nil, nil, nil
		merged.Evidence = slices.Clone(old.Evidence)
		merged.References = slices.Clone(old.References)
		changes, err := p.merge(&merged, r)
		if err != nil {
			return nil, false, err
		}
		if len(changes) == 0 {
			return old, false, nil
		}
		for _, c := range changes {
			if c.Field != "" {
				c.ID, c.Name = old.ID, w.stanceName(&old.Stance)
				p.report(c)
			}
		}
		if err := s.removeStance(w, old); err != nil {
			return nil, false, err
		}
		if err := s.writeStance(w, &merged); err != nil {
			return nil, false, err
		}
		w.noteStance(&old.Stance, &merged.Stance)
		return &merged, false, nil
	}
	r.ID = r.derived[0].String()
	if err := s.writeStance(w, r); err != nil {
		return nil, false, err
	}
	w.noteStance(nil, &r.Stance)
	return r, true, nil
}

// mergePolicy is what a load lets a stance it repeats change: without
// upsert a different topic or confidence is an ErrConflict, with it they
// replace the stored ones. Every change is reported.
type mergePolicy struct {
	upsert   bool
	onChange func(Change)
}

// merge changes merged, a copy of a stored stance, by r, and returns the
// changes, a zero Change for evidence added. On a nil policy only evidence
// and a missing topic change.
func (p *mergePolicy) merge(merged, r *stanceRecord) ([]Change, error) {
	var out []Change
	for _, e := range r.Evidence {
		if !slices.Contains(merged.Evidence, e) {
			// More evidence for a claim is what loads are for, not a
			// change to report; the merge is still written.
			merged.Evidence = append(merged.Evidence, e)
			out = append(out, Change{})
		}
	}
	for range mergeReferences(&merged.References, r.References) {
		out = append(out, Change{})
	}
	if merged.Event == nil && r.Event != nil {
		merged.Event = r.Event
		out = append(out, Change{})
	}
	if merged.Topic == "" && r.Topic != "" {
		merged.Topic = r.Topic
		out = append(out, Change{Record: "stance", Field: "topic", New: r.Topic})
	}
	if r.Retracted && (!merged.Retracted || merged.RetractReason != r.RetractReason) {
		// A retracted record retracts the stored stance: that is what
		// loading an export with retractions asks for.
		merged.Retracted, merged.RetractReason = true, r.RetractReason
		out = append(out, Change{Record: "stance", Field: "retracted", Old: "false", New: "true"})
	}
	if p == nil {
		return out, nil
	}
	for _, f := range []struct {
		field, old, new string
		apply           func()
	}{
		{"topic", merged.Topic, r.Topic, func() { merged.Topic = r.Topic }},
		{"confidence", ftoa(merged.Confidence), ftoa(r.Confidence), func() { merged.Confidence = r.Confidence }},
	} {
		if f.new == "" || f.old == f.new {
			continue
		}
		if !p.upsert {
			return nil, fmt.Errorf("%w: this stance is already stored with %s %q, not %q; load with upsert to change it", ErrConflict, f.field, f.old, f.new)
		}
		f.apply()
		out = append(out, Change{Record: "stance", Field: f.field, Old: f.old, New: f.new})
	}
	return out, nil
}

// report passes c on, when there is a policy to report to.
func (p *mergePolicy) report(c Change) {
	if p != nil && p.onChange != nil {
		p.onChange(c)
	}
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// stanceName names a stance in a change report: "subject TYPE object".
func (w *writer) stanceName(st *Stance) string {
	name := func(id string) string {
		if a, ok := w.cache.actor(id); ok {
			return a.Name
		}
		return id
	}
	return name(st.Subject) + " " + st.Type + " " + name(st.Object)
}

// derivedIDs returns the stance ID each identity would give a stance
// created with it first: a new stance's ID derives from its first identity.
func derivedIDs(ids [][]byte) []uuid.UUID {
	out := make([]uuid.UUID, len(ids))
	for i, h := range ids {
		out[i] = nameUUID(stanceNS, h)
	}
	return out
}

// nameUUID is uuid.NewSHA1(ns, name), the version 5 UUID of name in ns,
// hashed from a buffer on the stack: uuid.NewSHA1 allocates a hash and
// its sum for every ID, two of the twenty allocations that preparing a
// stance for an import made. TestNameUUIDMatchesNewSHA1 pins the two
// together.
func nameUUID(ns uuid.UUID, name []byte) uuid.UUID {
	var buf [16 + 64]byte
	sum := sha1.Sum(append(append(buf[:0], ns[:]...), name...))
	var u uuid.UUID
	copy(u[:], sum[:])
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // the RFC 4122 variant
	return u
}

// identityHolder returns the stance holding identity h, or nil. The
// identity a stance's ID derives from has no identity entry (the stance
// record's key stands for it, one key fewer per stance), so the stance at
// the derived ID c is asked first, and must still have h: a merge can
// change a bare stance's identity, and actor merges rewrite identities.
// Other identities, and every identity in stores written before this
// layout, have an identity entry.
func (s *Store) identityHolder(w *writer, h []byte, c uuid.UUID) (*stanceRecord, error) {
	if w.ident != nil && !w.ident.mayContain(h) && !w.ident.mayContain(c[:]) {
		return nil, nil
	}
	r, err := w.readStance(c[:])
	switch {
	case err == nil && slices.ContainsFunc(identities(&r.Stance), func(x []byte) bool { return bytes.Equal(x, h) }):
		return r, nil
	case err != nil && !errors.Is(err, ErrNotFound):
		return nil, err
	}
	v, err := w.get(keys.IdentityKey(h))
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return w.readStance(v)
}

func (s *Store) readStance(txn *badger.Txn, id []byte) (*stanceRecord, error) {
	v, err := getValue(txn, keys.StanceKey(id))
	return stanceAt(id, v, err, txnGetter(txn))
}

// stanceAt decodes the S value read for stance id, following its
// reference through get, and names the ID when there is none.
func stanceAt(id, v []byte, err error, get getter) (*stanceRecord, error) {
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("%w: no stance with id %s", ErrNotFound, idString(id))
	}
	if err != nil {
		return nil, err
	}
	return stanceFrom(keys.StanceKey(id), v, get)
}

// writeStance writes a record and every index entry for it, and counts it:
// the record in its O entry, which its S and I entries point to.
func (s *Store) writeStance(w *writer, r *stanceRecord) error {
	held := w.holdsStances()
	sw := r.writes
	if sw == nil || held {
		sw = stanceWritesOf(r, held)
	}
	// The record before the entries pointing to it: should Badger's
	// limit split a bulk load here, no committed reference dangles.
	if err := w.set(sw.sets[0][0], sw.sets[0][1]); err != nil {
		return err
	}
	if err := w.setHeld(sw.sets[1][0], sw.sets[1][1], sw.held); err != nil {
		return err
	}
	if w.s.ident != nil {
		for _, h := range sw.filtered {
			w.s.ident.add(h)
		}
	}
	for _, kv := range sw.sets[2:] {
		if err := w.set(kv[0], kv[1]); err != nil {
			return err
		}
	}
	s.countStance(w, r, sw.subj, sw.obj, 1)
	// After the record: a document names the stance holding its quote.
	return w.leaveOutQuotes(r)
}

// stanceWrites is what writeStance writes for a record.
type stanceWrites struct {
	subj, obj []byte
	// sets are the keys and values in the order written: the O entry,
	// the S entry, then the I, date, citation and identity entries.
	sets [][2][]byte
	// held is what reads of the S entry see before the commit (see
	// writer.setHeld); nil: its value.
	held []byte
	// filtered are the ID and identities the identity filter learns.
	filtered [][]byte
}

// stanceWritesOf builds what writeStance writes for r under its ID; held
// is the writer's holdsStances. It depends on r alone, so that an
// import's stances have it built ahead of the writer (see prepareAhead),
// which spent a third of its time in writeStance parsing IDs, building
// keys and encoding values.
func stanceWritesOf(r *stanceRecord, held bool) *stanceWrites {
	id, subj, obj := mustID(r.ID), mustID(r.Subject), mustID(r.Object)
	v := encodeValues(r, r.enc, held)
	ids, derived := r.idents, r.derived
	if ids == nil || len(derived) != len(ids) {
		ids = identities(&r.Stance)
		derived = derivedIDs(ids)
	}
	sw := &stanceWrites{subj: subj, obj: obj, held: v.held, filtered: [][]byte{id}}
	sw.sets = make([][2][]byte, 0, 4+len(r.Evidence)+len(ids))
	sw.sets = append(sw.sets,
		[2][]byte{keys.Adjacency(keys.Out, subj, r.Type, obj, id), v.out},
		[2][]byte{keys.StanceKey(id), v.ref},
		[2][]byte{keys.Adjacency(keys.In, obj, r.Type, subj, id), v.in})
	if !r.effDate.IsZero() {
		sw.sets = append(sw.sets, [2][]byte{keys.DateKey(int32(r.effDate), id), nil})
	}
	for _, ev := range r.Evidence {
		sw.sets = append(sw.sets, [2][]byte{keys.DocStanceKey(mustID(ev.DocumentID), id), nil})
	}
	for i, h := range ids {
		// The record's own key stands for the identity its ID derives from.
		if bytes.Equal(derived[i][:], id) {
			continue
		}
		sw.sets = append(sw.sets, [2][]byte{keys.IdentityKey(h), id})
		sw.filtered = append(sw.filtered, h)
	}
	return sw
}

// removeStance deletes a record and every index entry writeStance made.
func (s *Store) removeStance(w *writer, r *stanceRecord) error {
	id, subj, obj := mustID(r.ID), mustID(r.Subject), mustID(r.Object)
	dels := [][]byte{
		keys.StanceKey(id),
		keys.Adjacency(keys.Out, subj, r.Type, obj, id),
		keys.Adjacency(keys.In, obj, r.Type, subj, id),
	}
	if !r.effDate.IsZero() {
		dels = append(dels, keys.DateKey(int32(r.effDate), id))
	}
	for _, ev := range r.Evidence {
		dels = append(dels, keys.DocStanceKey(mustID(ev.DocumentID), id))
	}
	// Every identity's entry, including the one a record's own key stands
	// for: stores written before that layout have it.
	for _, h := range identities(&r.Stance) {
		dels = append(dels, keys.IdentityKey(h))
	}
	for _, k := range dels {
		if err := w.delete(k); err != nil {
			return err
		}
	}
	s.countStance(w, r, subj, obj, -1)
	return nil
}

// The keys of the counters every stance moves, built once: countStance
// runs for each stance an import writes. Only read.
var (
	stancesKey   = keys.CounterKey(cntStances)
	retractedKey = keys.CounterKey(cntRetracted)
)

// countStance moves the store's and r's actors' counters by d.
func (s *Store) countStance(w *writer, r *stanceRecord, subj, obj []byte, d int64) {
	if r.Retracted {
		w.add(retractedKey, d)
		return
	}
	w.add(stancesKey, d)
	w.addDegree(subj, keys.Out, r.Type, d)
	w.addDegree(obj, keys.In, r.Type, d)
}

// RetractStance marks a stance retracted with a reason. It stays readable
// (Stance, and Stances with IncludeRetracted) but leaves counts, paths,
// dyads and matrices. Retracting twice updates the reason.
func (s *Store) RetractStance(ctx context.Context, id, reason string) (Stance, error) {
	b, err := idBytes(id)
	if err != nil {
		return Stance{}, err
	}
	if err := checkRetraction(true, reason); err != nil {
		return Stance{}, err
	}
	var out Stance
	err = s.update(ctx, func(w *writer) error {
		old, err := w.readStance(b)
		if err != nil {
			return err
		}
		next := *old
		next.Retracted, next.RetractReason = true, reason
		if err := s.removeStance(w, old); err != nil {
			return err
		}
		out = next.Stance
		if err := s.writeStance(w, &next); err != nil {
			return err
		}
		w.noteStance(&old.Stance, &next.Stance)
		return nil
	})
	return out, err
}

// checkRetraction validates a retraction reason; a live stance has none.
func checkRetraction(retracted bool, reason string) error {
	switch {
	case !retracted && reason != "":
		return fmt.Errorf("%w: a retraction reason is given but the stance is not retracted", ErrInvalidInput)
	case !utf8.ValidString(reason) || len(reason) > 1000:
		return fmt.Errorf("%w: reason must be valid UTF-8 of at most 1000 bytes", ErrInvalidInput)
	}
	return nil
}

// Stance returns the stance with ID id, retracted or not.
func (s *Store) Stance(ctx context.Context, id string) (Stance, error) {
	b, err := idBytes(id)
	if err != nil {
		return Stance{}, err
	}
	var out Stance
	err = s.view(ctx, func(txn *badger.Txn) error {
		r, err := s.readStance(txn, b)
		if err == nil {
			out = r.Stance
		}
		return err
	})
	return out, err
}

// adjacencyPrefixes lists the prefixes covering an actor's entries in the
// given directions, types and counterpart, in listing order.
func adjacencyPrefixes(dirs []byte, actor []byte, types []string, all bool, other []byte) [][]byte {
	var ps [][]byte
	for _, d := range dirs {
		if all && other == nil {
			ps = append(ps, keys.AdjacencyPrefix(d, actor, "", nil))
			continue
		}
		for _, t := range types {
			ps = append(ps, keys.AdjacencyPrefix(d, actor, t, other))
		}
	}
	return ps
}

func dirBytes(d Direction) []byte {
	switch d {
	case Out:
		return []byte{keys.Out}
	case In:
		return []byte{keys.In}
	}
	return []byte{keys.Out, keys.In}
}

// ActorStances lists the live stances of one actor: by direction (Out
// first), then type, then counterpart. A page is one prefix scan over
// adjacency entries: outgoing ones carry the stance record, incoming ones
// its header and a point read of the record.
func (s *Store) ActorStances(ctx context.Context, actor string, q AdjacencyQuery) (StancePage, error) {
	n, err := pageSize(q.First)
	if err != nil {
		return StancePage{}, err
	}
	aID, err := s.resolveID(actor)
	if err != nil {
		return StancePage{}, err
	}
	var other []byte
	if q.Counterpart != "" {
		cID, err := s.resolveID(q.Counterpart)
		if err != nil {
			return StancePage{}, fmt.Errorf("counterpart: %w", err)
		}
		other = mustID(cID)
	}
	types, err := s.Vocabulary().Select(q.Types)
	if err != nil {
		return StancePage{}, err
	}
	if err := stance.CheckRange(q.From, q.To); err != nil {
		return StancePage{}, err
	}
	var pg StancePage
	a := mustID(aID)
	dirs := dirBytes(q.Direction)
	read := func(txn *badger.Txn, degTotal int, degKnown bool) error {
		sc := scan{txn: txn, tag: 'o', prefixes: adjacencyPrefixes(dirs, a, types, len(q.Types) == 0, other), noCursors: q.SkipCursors}
		match := func(_ []byte, item *badger.Item) (bool, error) {
			live, eff, ok := false, Date(0), false
			err := item.Value(func(v []byte) error {
				live, eff, ok = stanceHeader(v)
				return nil
			})
			if err == nil && !ok {
				err = errCorrupt
			}
			return err == nil && live && eff.Within(q.From, q.To), err
		}
		sc.accept = match
		if degKnown {
			sc.most = max(degTotal, 1) // the entries of its types, any date
		}
		items, cursors, info, err := page(&sc, q.After, n, pageMatch(txn, q.From, q.To, newPageArena(sc.room(n))))
		if err != nil {
			return err
		}
		pg = StancePage{Stances: items, Cursors: cursors, PageInfo: info}
		switch {
		case q.SkipTotal:
		case q.From.IsZero() && q.To.IsZero() && other == nil && degKnown:
			pg.Total = degTotal
		case q.From.IsZero() && q.To.IsZero() && other == nil:
			pg.Total, err = s.degree(txn, a, dirs, types)
		default:
			pg.Total, err = sc.count(match)
		}
		return err
	}
	if q.SkipTotal {
		// No total, so no degree table to read beside the snapshot.
		err = s.view(ctx, func(txn *badger.Txn) error { return read(txn, 0, false) })
	} else {
		err = s.viewWithDegree(ctx, a, dirs, types, read)
	}
	return pg, err
}

// pageMatch returns what accepts and decodes an adjacency entry of a
// page of live stances dated from..to: with one read of the value for
// the header and the record, the record decoded in place into the
// page's arena a.
func pageMatch(txn *badger.Txn, from, to Date, a *pageArena) func(k []byte, item *badger.Item) (Stance, bool, error) {
	get := txnGetter(txn)
	return func(k []byte, item *badger.Item) (st Stance, keep bool, err error) {
		err = item.Value(func(v []byte) error {
			live, eff, ok := stanceHeader(v)
			if !ok {
				return errCorrupt
			}
			if keep = live && eff.Within(from, to); keep {
				return pageStance(&st, k, v, get, a)
			}
			return nil
		})
		return st, keep && err == nil, err
	}
}

// degree sums an actor's live-stance counters, from memory unless a type
// is outside the table.
func (s *Store) degree(txn *badger.Txn, actor []byte, dirs []byte, types []string) (int, error) {
	s.mu.RLock()
	n, ok := s.deg.sum(actor, dirs, types)
	s.mu.RUnlock()
	if ok {
		return n, nil
	}
	return storedDegree(txn, actor, dirs, types)
}

// storedDegree sums an actor's live-stance counters as txn sees them.
func storedDegree(txn *badger.Txn, actor []byte, dirs []byte, types []string) (int, error) {
	total := 0
	for _, d := range dirs {
		for _, t := range types {
			n, err := readCounter(txn, keys.DegreeKey(actor, d, t))
			if err != nil {
				return 0, err
			}
			total += n
		}
	}
	return total, nil
}

// Degree counts an actor's live stances in direction d, from counters.
func (s *Store) Degree(ctx context.Context, actor string, d Direction) (int, error) {
	id, err := s.resolveID(actor)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.view(ctx, func(txn *badger.Txn) error {
		var err error
		n, err = s.degree(txn, mustID(id), dirBytes(d), s.Vocabulary().Names())
		return err
	})
	return n, err
}

// Stances lists stances matching q, choosing the narrowest index: the
// subject's or object's adjacency, the document's citations, the date
// index, or all stances in ID order.
func (s *Store) Stances(ctx context.Context, q StanceQuery) (StancePage, error) {
	n, err := pageSize(q.First)
	if err != nil {
		return StancePage{}, err
	}
	f, err := s.stanceFilter(q)
	if err != nil {
		return StancePage{}, err
	}
	var pg StancePage
	err = s.view(ctx, func(txn *badger.Txn) error {
		sc, recordAt := s.stanceIndex(txn, f)
		match := func(k []byte, item *badger.Item) (*stanceRecord, bool, error) {
			r, err := recordAt(k, item)
			if err != nil {
				return nil, false, err
			}
			return r, f.keep(r), nil
		}
		items, cursors, info, err := page(&sc, q.After, n, func(k []byte, item *badger.Item) (Stance, bool, error) {
			r, ok, err := match(k, item)
			if !ok || err != nil {
				return Stance{}, false, err
			}
			return r.Stance, true, nil
		})
		if err != nil {
			return err
		}
		pg = StancePage{Stances: items, Cursors: cursors, PageInfo: info}
		if f.unfiltered() {
			pg.Total, err = stanceCount(txn, q.IncludeRetracted)
			return err
		}
		pg.Total, err = sc.count(func(k []byte, item *badger.Item) (bool, error) {
			_, ok, err := match(k, item)
			return ok, err
		})
		return err
	})
	return pg, err
}

// stanceFilter is a StanceQuery checked and resolved against the store:
// its actors and document as IDs, its types as a set.
type stanceFilter struct {
	q                    StanceQuery
	subj, obj, doc       []byte // nil when not asked for
	subjID, objID, docID string
	types                []string
	typeSet              map[string]bool
}

// stanceFilter checks q and resolves its names and IDs.
func (s *Store) stanceFilter(q StanceQuery) (*stanceFilter, error) {
	f := &stanceFilter{q: q, typeSet: map[string]bool{}}
	for _, ref := range []struct {
		field, value string
		dst          *[]byte
	}{{"subject", q.Subject, &f.subj}, {"object", q.Object, &f.obj}} {
		if ref.value == "" {
			continue
		}
		id, err := s.resolveID(ref.value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ref.field, err)
		}
		*ref.dst = mustID(id)
	}
	if q.Document != "" {
		var err error
		if f.doc, err = idBytes(q.Document); err != nil {
			return nil, fmt.Errorf("document: %w", err)
		}
	}
	var err error
	if f.types, err = s.Vocabulary().Select(q.Types); err != nil {
		return nil, err
	}
	if err := checkStanceQuery(q); err != nil {
		return nil, err
	}
	for _, t := range f.types {
		f.typeSet[t] = true
	}
	for _, id := range []struct {
		b   []byte
		dst *string
	}{{f.subj, &f.subjID}, {f.obj, &f.objID}, {f.doc, &f.docID}} {
		if id.b != nil {
			*id.dst = idString(id.b)
		}
	}
	return f, nil
}

// checkStanceQuery refuses a date range, confidence or quad class out of
// bounds.
func checkStanceQuery(q StanceQuery) error {
	if err := stance.CheckRange(q.From, q.To); err != nil {
		return err
	}
	if math.IsNaN(q.MinConfidence) || q.MinConfidence < 0 || q.MinConfidence > 1 {
		return fmt.Errorf("%w: minConfidence must be in [0, 1] (got %v)", ErrInvalidInput, q.MinConfidence)
	}
	if q.QuadClass < 0 || q.QuadClass > 4 {
		return fmt.Errorf("%w: quadClass must be 1 to 4, or 0 for any (got %d)", ErrInvalidInput, q.QuadClass)
	}
	return nil
}

// keep reports whether a stance read from the chosen index matches every
// condition of the query.
func (f *stanceFilter) keep(r *stanceRecord) bool {
	q := f.q
	if r.Retracted && !q.IncludeRetracted {
		return false
	}
	if f.subj != nil && r.Subject != f.subjID || f.obj != nil && r.Object != f.objID {
		return false
	}
	if !f.typeSet[r.Type] || r.Confidence < q.MinConfidence || !r.effDate.Within(q.From, q.To) {
		return false
	}
	if !fromEvent(&r.Stance, q.Dataset, q.QuadClass) {
		return false
	}
	if f.doc != nil {
		for _, e := range r.Evidence {
			if e.DocumentID == f.docID {
				return true
			}
		}
		return false
	}
	return true
}

// unfiltered reports whether the query asks for every stance, so that its
// total is the stored counters rather than a count.
func (f *stanceFilter) unfiltered() bool {
	q := f.q
	return f.subj == nil && f.obj == nil && f.doc == nil && q.From.IsZero() && q.To.IsZero() && len(q.Types) == 0 && q.MinConfidence == 0 && q.Dataset == "" && q.QuadClass == 0
}

// stanceIndex chooses the narrowest index for f and returns its scan and
// how an entry of it gives its stance: index keys end in the stance's ID,
// adjacency and stance entries hold the record or point to it.
func (s *Store) stanceIndex(txn *badger.Txn, f *stanceFilter) (scan, func(k []byte, item *badger.Item) (*stanceRecord, error)) {
	sc := scan{txn: txn}
	holdRecord := func(k []byte, item *badger.Item) (*stanceRecord, error) { return itemStance(txn, k, item) }
	idTail := func(k []byte, _ *badger.Item) (*stanceRecord, error) {
		return s.readStance(txn, k[len(k)-keys.IDLen:])
	}
	q := f.q
	allTypes := len(q.Types) == 0
	switch {
	case f.subj != nil:
		sc.tag, sc.prefixes = 's', adjacencyPrefixes([]byte{keys.Out}, f.subj, f.types, allTypes, f.obj)
		return sc, holdRecord
	case f.obj != nil:
		sc.tag, sc.prefixes = 'i', adjacencyPrefixes([]byte{keys.In}, f.obj, f.types, allTypes, nil)
		return sc, holdRecord
	case f.doc != nil:
		sc.tag, sc.prefixes = 'd', [][]byte{keys.DocStanceKey(f.doc, nil)}
		return sc, idTail
	case !q.From.IsZero() || !q.To.IsZero():
		sc.tag, sc.prefixes = 't', [][]byte{{keys.Date}}
		if !q.From.IsZero() {
			sc.lo = keys.DateKey(int32(q.From), nil)
		}
		if !q.To.IsZero() {
			sc.hi = keys.DateKey(int32(q.To)+1, nil)
		}
		return sc, idTail
	}
	sc.tag, sc.prefixes = 'a', [][]byte{{keys.Stance}}
	return sc, holdRecord
}

// stanceCount reads the number of live stances, and retracted ones too
// when asked, from the counters.
func stanceCount(txn *badger.Txn, retracted bool) (int, error) {
	n, err := readCounter(txn, keys.CounterKey(cntStances))
	if err != nil || !retracted {
		return n, err
	}
	r, err := readCounter(txn, keys.CounterKey(cntRetracted))
	return n + r, err
}

// DocumentStances lists the stances citing a document, retracted ones
// included, since a document view shows everything said of it.
func (s *Store) DocumentStances(ctx context.Context, doc string, q PageQuery) (StancePage, error) {
	b, err := idBytes(doc)
	if err != nil {
		return StancePage{}, err
	}
	// Existence only: the key, not the document's (possibly large) text.
	err = s.view(ctx, func(txn *badger.Txn) error {
		if _, err := txn.Get(keys.DocumentKey(b)); errors.Is(err, badger.ErrKeyNotFound) {
			return fmt.Errorf("%w: no document with id %s", ErrNotFound, doc)
		} else if err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return StancePage{}, err
	}
	return s.Stances(ctx, StanceQuery{Document: doc, IncludeRetracted: true, First: q.First, After: q.After})
}

// ForEachStance calls fn for every stance in ID order, retracted ones only
// when opts asks for them (nil means live stances only). It reads a
// consistent snapshot.
func (s *Store) ForEachStance(ctx context.Context, opts *EachOptions, fn func(Stance) error) error {
	includeRetracted := opts != nil && opts.IncludeRetracted
	return s.view(ctx, func(txn *badger.Txn) error {
		sc := scan{txn: txn, prefixes: [][]byte{{keys.Stance}}}
		return sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
			if err := ctx.Err(); err != nil {
				return false, err
			}
			r, err := itemStance(txn, k, item)
			if err != nil {
				return false, err
			}
			if r.Retracted && !includeRetracted {
				return true, nil
			}
			return true, fn(r.Stance)
		})
	})
}

// ForEachDocument calls fn for every document in ID order.
func (s *Store) ForEachDocument(ctx context.Context, fn func(Document) error) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		sc := scan{txn: txn, prefixes: [][]byte{{keys.Document}}}
		return sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
			d, err := itemDocument(txn, k, item)
			if err != nil {
				return false, err
			}
			return true, fn(d)
		})
	})
}
