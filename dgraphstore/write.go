package dgraphstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/dgo/v250"
	"github.com/dgraph-io/dgo/v250/protos/api"
	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// A write works on the records it can touch, its working set: it reads
// them from Dgraph in a transaction, loads them into an in-memory graph
// store, applies the change there, so that validation, merging, errors
// and change reports are package graph's own, and writes back what
// changed in the same transaction. Dgraph's conflict detection aborts it
// when another writer changed the same records meanwhile; it is then
// retried. The working set is the actors a change names (and every actor
// whose name looks like one of them), the stances between them, and the
// documents those cite: what package graph would read for the change.

// workingSet is the records one write read, by ID.
type workingSet struct {
	actors, docs, stances map[string]node
}

// gatherer reads a working set in the write's transaction.
type gatherer struct {
	s   *Store
	ctx context.Context
	txn *dgo.Txn
	ws  workingSet
}

func (g *gatherer) add(dst map[string]node, ns []node) {
	for _, n := range ns {
		dst[n.ID] = n
	}
}

// actors reads the actors refs name (by ID or any name) and every actor
// with a look-alike name.
func (g *gatherer) actors(refs ...string) error {
	var ids, keys, skels []string
	for _, ref := range refs {
		ref = strings.TrimSpace(ref)
		if u, err := uuid.Parse(ref); err == nil && len(ref) == 36 {
			ids = append(ids, u.String())
			continue
		}
		if k := stance.NormalizeName(ref); k != "" {
			keys = append(keys, k)
			skels = append(skels, graph.Skeleton(ref))
		}
	}
	for _, by := range []struct {
		pred string
		vs   []string
	}{{"sg.id", ids}, {"sg.key", keys}, {"sg.skel", skels}} {
		ns, err := g.s.dg.nodesEq(g.ctx, g.txn, typeActor, by.pred, by.vs)
		if err != nil {
			return err
		}
		g.add(g.ws.actors, ns)
	}
	return nil
}

// docs reads the documents with the given IDs (malformed ones skipped:
// the change itself reports them).
func (g *gatherer) docs(ids ...string) error {
	var ok []string
	for _, id := range ids {
		if checkID(id) == nil {
			ok = append(ok, id)
		}
	}
	ns, err := g.s.dg.nodesEq(g.ctx, g.txn, typeDocument, "sg.id", ok)
	g.add(g.ws.docs, ns)
	return err
}

// stancesOf reads every stance of the actors ids, either way.
func (g *gatherer) stancesOf(ids ...string) error {
	return g.incident(func(st stance.Stance) bool {
		for _, id := range ids {
			if st.Subject == id || st.Object == id {
				return true
			}
		}
		return false
	}, "~sg.subject", "~sg.object")
}

// incident reads the stances linked to the working set's actors by preds
// that keep accepts.
func (g *gatherer) incident(keep func(stance.Stance) bool, preds ...string) error {
	uids := make([]string, 0, len(g.ws.actors))
	for _, n := range g.ws.actors {
		uids = append(uids, n.UID)
	}
	m, err := g.s.dg.linked(g.ctx, g.txn, uids, preds...)
	if err != nil {
		return err
	}
	for _, ns := range m {
		for _, n := range ns {
			st, err := decode[stance.Stance](n)
			if err != nil {
				return err
			}
			if keep(st) {
				g.ws.stances[n.ID] = n
			}
		}
	}
	return nil
}

// stance reads the stance with ID id, if any.
func (g *gatherer) stance(id string) error {
	ns, err := g.s.dg.nodesEq(g.ctx, g.txn, typeStance, "sg.id", []string{id})
	g.add(g.ws.stances, ns)
	return err
}

// close reads what the working set's stances refer to: their actors and
// the documents they cite.
func (g *gatherer) close() error {
	var actors, docs []string
	for _, n := range g.ws.stances {
		st, err := decode[stance.Stance](n)
		if err != nil {
			return err
		}
		for _, id := range []string{st.Subject, st.Object} {
			if _, ok := g.ws.actors[id]; !ok {
				actors = append(actors, id)
			}
		}
		for _, e := range st.Evidence {
			if _, ok := g.ws.docs[e.DocumentID]; !ok {
				docs = append(docs, e.DocumentID)
			}
		}
	}
	if err := g.actors(actors...); err != nil {
		return err
	}
	return g.docs(docs...)
}

// idMap translates stance IDs between the working store and Dgraph: a
// stance keeps the ID it was stored with, while the same stance loaded
// afresh may derive another (after an actor merge moved it).
type idMap struct{ toReal, toWork map[string]string }

func (m idMap) real(id string) string {
	if r, ok := m.toReal[id]; ok {
		return r
	}
	return id
}

func (m idMap) work(id string) string {
	if w, ok := m.toWork[id]; ok {
		return w
	}
	return id
}

// stanceOut translates a stance of the working store.
func (m idMap) stanceOut(st stance.Stance) stance.Stance {
	st.ID = m.real(st.ID)
	return st
}

// maxAttempts bounds the retries of a write aborted by a concurrent one.
const maxAttempts = 4

// write runs one change: gather reads its working set, apply changes the
// working store.
func (s *Store) write(ctx context.Context, gather func(*gatherer) error, apply func(w *graph.Store, ids idMap) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	for attempt := 1; ; attempt++ {
		err := s.writeOnce(ctx, gather, apply)
		if !errors.Is(err, dgo.ErrAborted) || attempt == maxAttempts {
			return err
		}
	}
}

func (s *Store) writeOnce(ctx context.Context, gather func(*gatherer) error, apply func(w *graph.Store, ids idMap) error) error {
	txn := s.dg.c.NewTxn()
	defer txn.Discard(context.WithoutCancel(ctx))
	g := &gatherer{s: s, ctx: ctx, txn: txn, ws: workingSet{actors: map[string]node{}, docs: map[string]node{}, stances: map[string]node{}}}
	if err := gather(g); err != nil {
		return err
	}
	if err := g.close(); err != nil {
		return err
	}
	work, err := openWork(s.Vocabulary())
	if err != nil {
		return err
	}
	defer work.Close()
	ids, err := seed(ctx, work, &g.ws)
	if err != nil {
		return err
	}
	if err := apply(work, ids); err != nil {
		return err
	}
	return s.writeBack(ctx, txn, work, &g.ws, ids)
}

// openWork opens an empty in-memory store for a write's working set.
func openWork(v *stance.Vocabulary) (*graph.Store, error) {
	work, err := graph.Open("", &graph.Options{InMemory: true, Vocabulary: v, MemTableSize: 8 << 20, BlockCacheSize: 1 << 20})
	if err != nil {
		return nil, fmt.Errorf("dgraphstore: opening the working store: %w", err)
	}
	return work, nil
}

// seed loads the working set into the working store and maps the stance
// IDs it derives to the stored ones.
func seed(ctx context.Context, work *graph.Store, ws *workingSet) (idMap, error) {
	var b stance.Batch
	var stored []string
	for _, n := range ws.actors {
		a, err := actorOf(n)
		if err != nil {
			return idMap{}, err
		}
		b.Actors = append(b.Actors, a)
	}
	for _, n := range ws.docs {
		d, err := decode[stance.Document](n)
		if err != nil {
			return idMap{}, err
		}
		b.Documents = append(b.Documents, d)
	}
	for _, n := range ws.stances {
		st, err := decode[stance.Stance](n)
		if err != nil {
			return idMap{}, err
		}
		b.Stances = append(b.Stances, specOf(st))
		stored = append(stored, st.ID)
	}
	// Two loads: a batch's stances name its own new actors by name only,
	// and these name theirs by ID.
	specs := b.Stances
	b.Stances, b.ReturnStored = nil, true
	res, err := work.Load(ctx, b)
	if err == nil {
		var more stance.LoadResult
		more, err = work.Load(ctx, stance.Batch{Stances: specs, ReturnStored: true})
		res.Stored.Stances = more.Stored.Stances
	}
	if err != nil {
		return idMap{}, fmt.Errorf("dgraphstore: the stored records do not load back (the store is inconsistent): %w", err)
	}
	for i, a := range res.Stored.Actors {
		if a.ID != b.Actors[i].ID {
			return idMap{}, fmt.Errorf("dgraphstore: stored actor %s %q loads back as %s", b.Actors[i].ID, b.Actors[i].Name, a.ID)
		}
	}
	ids := idMap{toReal: map[string]string{}, toWork: map[string]string{}}
	for i, st := range res.Stored.Stances {
		if prev, dup := ids.toReal[st.ID]; dup {
			return idMap{}, fmt.Errorf("dgraphstore: stored stances %s and %s load back as one", prev, stored[i])
		}
		ids.toReal[st.ID], ids.toWork[stored[i]] = stored[i], st.ID
	}
	return ids, nil
}

// specOf is the spec that adds st again, its quotes pinned to their
// offsets.
func specOf(st stance.Stance) stance.StanceSpec {
	ev := make([]stance.EvidenceSpec, len(st.Evidence))
	for i, e := range st.Evidence {
		start := e.Start
		ev[i] = stance.EvidenceSpec{Document: e.DocumentID, Quote: e.Quote, Start: &start}
	}
	return stance.StanceSpec{Subject: st.Subject, Type: st.Type, Object: st.Object, Topic: st.Topic, Date: st.Date,
		Confidence: st.Confidence, Evidence: ev, References: st.References, Event: st.Event,
		Retracted: st.Retracted, RetractReason: st.RetractReason}
}

// record is a record to write: its node and its indexes.
type record struct {
	typ, id string
	data    []byte
	fields  map[string]any
}

// dump reads the working store after the change, stance IDs translated.
func dump(ctx context.Context, work *graph.Store, ids idMap) ([]record, error) {
	var out []record
	after := ""
	for {
		pg, err := work.Actors(ctx, stance.ActorQuery{First: stance.MaxPageSize, After: after})
		if err != nil {
			return nil, err
		}
		for _, a := range pg.Actors {
			out = append(out, actorRecord(a))
		}
		if !pg.HasNext {
			break
		}
		after = pg.EndCursor
	}
	err := work.ForEachDocument(ctx, func(d stance.Document) error {
		out = append(out, record{typ: typeDocument, id: d.ID, data: mustJSON(d)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = work.ForEachStance(ctx, &stance.EachOptions{IncludeRetracted: true}, func(st stance.Stance) error {
		out = append(out, stanceRecord(ids.stanceOut(st)))
		return nil
	})
	return out, err
}

func actorRecord(a stance.Actor) record {
	var keys, skels []string
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		keys = append(keys, stance.NormalizeName(n))
		skels = append(skels, graph.Skeleton(n))
	}
	f := map[string]any{"sg.key": dedupe(keys), "sg.skel": dedupe(skels)}
	if c := strings.ToUpper(a.Code); c != "" {
		f["sg.code"] = c
	}
	return record{typ: typeActor, id: a.ID, data: mustJSON(a), fields: f}
}

// identsOf is the sg.ident index of st.
func identsOf(st stance.Stance) []string {
	idents, _ := graph.Identities(st)
	return idents
}

func stanceRecord(st stance.Stance) record {
	var cites []string
	for _, e := range st.Evidence {
		cites = append(cites, e.DocumentID)
	}
	return record{typ: typeStance, id: st.ID, data: mustJSON(st), fields: map[string]any{
		"sg.live": !st.Retracted, "sg.subject": st.Subject, "sg.object": st.Object, "sg.cites": dedupe(cites),
		"sg.ident": identsOf(st)}}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("dgraphstore: encoding a record: %v", err)) // plain structs always encode
	}
	return b
}

// edges are the fields that link to other records by ID.
var edges = map[string]bool{"sg.subject": true, "sg.object": true, "sg.cites": true}

// writeBack writes the records the change made or altered, deletes those
// it removed, and commits.
func (s *Store) writeBack(ctx context.Context, txn *dgo.Txn, work *graph.Store, ws *workingSet, ids idMap) error {
	after, err := dump(ctx, work, ids)
	if err != nil {
		return err
	}
	before := map[string]node{}
	for _, m := range []map[string]node{ws.actors, ws.docs, ws.stances} {
		for id, n := range m {
			before[id] = n
		}
	}
	uid := func(id string) string {
		if n, ok := before[id]; ok {
			return n.UID
		}
		return "_:n" + strings.ReplaceAll(id, "-", "")
	}
	var fresh []string
	var set, del []map[string]any
	kept := map[string]bool{}
	for _, r := range after {
		kept[r.id] = true
		old, stored := before[r.id]
		if stored && old.Data == string(r.data) {
			continue
		}
		if !stored {
			fresh = append(fresh, r.id)
		}
		obj := map[string]any{"uid": uid(r.id), "dgraph.type": r.typ, "sg.id": r.id, "sg.data": string(r.data)}
		for k, v := range r.fields {
			obj[k] = linkTo(k, v, uid)
		}
		set = append(set, obj)
		if stored {
			gone, err := dropped(old, r, uid)
			if err != nil {
				return err
			}
			if len(gone) > 1 {
				del = append(del, gone)
			}
		}
	}
	for id, n := range before {
		if !kept[id] {
			del = append(del, map[string]any{"uid": n.UID})
		}
	}
	if len(set) == 0 && len(del) == 0 {
		return nil
	}
	if err := s.checkFresh(ctx, txn, fresh); err != nil {
		return err
	}
	return s.commit(ctx, txn, del, set)
}

// recordOf rebuilds the record a stored node was written from.
func recordOf(n node, typ string) (record, error) {
	switch typ {
	case typeActor:
		a, err := actorOf(n)
		return actorRecord(a), err
	case typeStance:
		st, err := decode[stance.Stance](n)
		return stanceRecord(st), err
	}
	return record{typ: typ, id: n.ID}, nil
}

// dropped lists the index values of the stored node old that its new
// record r no longer has, as a deletion: values are removed one by one
// rather than by wildcard, since a wildcard deletion in the transaction
// that sets the new values would remove those as well.
func dropped(old node, r record, uid func(string) string) (map[string]any, error) {
	prev, err := recordOf(old, r.typ)
	if err != nil {
		return nil, err
	}
	gone := map[string]any{"uid": old.UID}
	for k, v := range prev.fields {
		switch v := v.(type) {
		case []string:
			now, _ := r.fields[k].([]string)
			var lost []string
			for _, x := range v {
				if !slices.Contains(now, x) {
					lost = append(lost, x)
				}
			}
			if len(lost) > 0 {
				gone[k] = linkTo(k, lost, uid)
			}
		case string:
			if _, still := r.fields[k]; !still {
				gone[k] = linkTo(k, v, uid)
			}
		}
	}
	return gone, nil
}

// linkTo turns an edge field's IDs into node references.
func linkTo(field string, v any, uid func(string) string) any {
	if !edges[field] {
		return v
	}
	if ids, ok := v.([]string); ok {
		out := make([]map[string]string, len(ids))
		for i, id := range ids {
			out[i] = map[string]string{"uid": uid(id)}
		}
		return out
	}
	return map[string]string{"uid": uid(v.(string))}
}

// checkFresh makes sure the records the change created are not stored
// already: one written meanwhile by another process means the working
// set is stale, and the write is retried.
func (s *Store) checkFresh(ctx context.Context, txn *dgo.Txn, ids []string) error {
	for _, typ := range []string{typeActor, typeDocument, typeStance} {
		ns, err := s.dg.nodesEq(ctx, txn, typ, "sg.id", ids)
		if err != nil {
			return err
		}
		if len(ns) > 0 {
			return fmt.Errorf("dgraphstore: record %s was written by another writer meanwhile: %w", ns[0].ID, dgo.ErrAborted)
		}
	}
	return nil
}

// commit applies deletions, then additions, and commits.
func (s *Store) commit(ctx context.Context, txn *dgo.Txn, del, set []map[string]any) error {
	ctx, cancel := s.dg.bound(ctx)
	defer cancel()
	if len(del) > 0 {
		if _, err := txn.Mutate(ctx, &api.Mutation{DeleteJson: mustJSON(del)}); err != nil {
			return s.dg.fail(err)
		}
	}
	if len(set) > 0 {
		if _, err := txn.Mutate(ctx, &api.Mutation{SetJson: mustJSON(set)}); err != nil {
			return s.dg.fail(err)
		}
	}
	if err := txn.Commit(ctx); err != nil {
		if errors.Is(err, dgo.ErrAborted) {
			return err
		}
		return s.dg.fail(err)
	}
	return nil
}

// stancesFor reads the stances b's stances may merge with: those sharing
// an identity with one of them (graph.Identities), which is how package
// graph tells the same stance. A stance's identities need its ends
// resolved, its quotes found and its type checked, so b is first applied
// to a working store holding only the actors and documents read: what it
// stores there are b's stances as they will be, before any merge. When
// that fails, the change itself will fail, perhaps at an earlier record
// once stored stances are there too, so the working set is then the wider
// one of byPairs, and the change reports its first error as package graph
// would.
func (g *gatherer) stancesFor(b stance.Batch) error {
	idents, ids, err := g.identitiesOf(b)
	if err != nil {
		return g.byPairs(b)
	}
	for _, by := range []struct {
		pred string
		vs   []string
	}{{"sg.ident", idents}, {"sg.id", ids}} {
		ns, err := g.s.dg.nodesEq(g.ctx, g.txn, typeStance, by.pred, by.vs)
		if err != nil {
			return err
		}
		g.add(g.ws.stances, ns)
	}
	return nil
}

// identitiesOf applies b to a working store holding the working set's
// actors and documents, and returns the identities of the stances it
// stores and the IDs they derive (see graph.Identities).
func (g *gatherer) identitiesOf(b stance.Batch) (idents, ids []string, err error) {
	work, err := openWork(g.s.Vocabulary())
	if err != nil {
		return nil, nil, err
	}
	defer work.Close()
	if _, err := seed(g.ctx, work, &workingSet{actors: g.ws.actors, docs: g.ws.docs}); err != nil {
		return nil, nil, err
	}
	b.ReturnStored = true
	res, err := work.Load(g.ctx, b)
	if err != nil {
		return nil, nil, err
	}
	for _, st := range res.Stored.Stances {
		is, ds := graph.Identities(st)
		idents, ids = append(idents, is...), append(ids, ds...)
	}
	return idents, ids, nil
}

// byPairs reads the stances between the actors each of b's stances can
// resolve to: a stance's identities all hold its two ends, and a load
// never merges two stored actors (package graph refuses an actor line
// whose names belong to two), so no other stance can be touched.
func (g *gatherer) byPairs(b stance.Batch) error {
	r := newEndResolver(b, g.ws.actors)
	pairs := map[string]map[string]bool{}
	for _, sp := range b.Stances {
		for _, s := range r.uids(sp.Subject) {
			for _, o := range r.uids(sp.Object) {
				if pairs[s] == nil {
					pairs[s] = map[string]bool{}
				}
				pairs[s][o] = true
			}
		}
	}
	ns, err := g.s.dg.between(g.ctx, g.txn, pairs)
	g.add(g.ws.stances, ns)
	return err
}

// endResolver finds the stored actors a stance's end may resolve to in a
// load: by ID, or by any name of the batch's actor line holding the name
// given, since that line may add the name to a stored actor.
type endResolver struct {
	byKey  map[string][]string // normalized name -> UIDs of stored actors
	byID   map[string]string   // actor ID -> UID
	groups map[string][]string // normalized name -> every name of its actor lines
}

func newEndResolver(b stance.Batch, actors map[string]node) *endResolver {
	r := &endResolver{byKey: map[string][]string{}, byID: map[string]string{}, groups: map[string][]string{}}
	for id, n := range actors {
		r.byID[id] = n.UID
		a, err := actorOf(n)
		if err != nil {
			continue // the write reports it when it loads the working set
		}
		for _, name := range append([]string{a.Name}, a.Aliases...) {
			k := stance.NormalizeName(name)
			r.byKey[k] = append(r.byKey[k], n.UID)
		}
	}
	for _, a := range b.Actors {
		var keys []string
		for _, name := range append([]string{a.Name}, a.Aliases...) {
			keys = append(keys, stance.NormalizeName(name))
		}
		for _, k := range keys {
			r.groups[k] = append(r.groups[k], keys...)
		}
	}
	return r
}

// uids returns the UIDs of the stored actors ref may resolve to.
func (r *endResolver) uids(ref string) []string {
	ref = strings.TrimSpace(ref)
	if u, err := uuid.Parse(ref); err == nil && len(ref) == 36 {
		if uid, ok := r.byID[u.String()]; ok {
			return []string{uid}
		}
		return nil
	}
	k := stance.NormalizeName(ref)
	var out []string
	for _, key := range append([]string{k}, r.groups[k]...) {
		out = append(out, r.byKey[key]...)
	}
	return dedupe(out)
}
