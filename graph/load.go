package graph

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// Load applies b all-or-nothing. Every record is validated (names, kinds,
// references, types, quotes) before anything is written, and the first
// problem is returned as a *RecordError with nothing stored. Records
// already present are merged, so loading the same batch twice adds
// nothing.
//
// A batch too large for one Badger transaction commits in several. Before
// the first of them, the validated batch is written to a journal file in
// the store directory (synced, then renamed into place), and removed after
// the last. From that point the load is promised whole: cancelling ctx no
// longer stops it, and if the process dies, or a commit fails (a full
// disk), the journal is loaded again by the next Open or before the next
// write, so the store never keeps part of the batch. Until that point,
// nothing is stored. An in-memory store keeps no journal.
//
// A batch is refused with ErrDiskFull, nothing stored, when the space it
// needs is not free above the store's Reserve.
func (s *Store) Load(ctx context.Context, b Batch) (LoadResult, error) {
	if s.ro {
		return LoadResult{}, ErrReadOnly
	}
	docs, err := s.validateBatch(ctx, &b, s.readCache(), s.storedDocument(ctx), nil)
	if err != nil {
		return LoadResult{}, err
	}
	if err := s.guard.check(loadFootprint(&b)); err != nil {
		return LoadResult{}, err
	}
	cp := newCommitPoint(ctx)
	defer cp.release()
	var journal func() error
	if path := s.journalPath(); path != "" {
		journal = func() error { return cp.pass(func() error { return writeJournal(path, &b) }) }
	}
	var res LoadResult
	err = s.update(ctx, func(w *writer) error {
		s.bulk(w, journal)
		w.committed = func() {
			if cp.isPassed() {
				// Should the removal fail, the next write loads the
				// batch again, which adds nothing.
				removeSynced(s.journalPath())
			}
		}
		res, err = s.apply(cp.ctx, w, b, docs)
		if err != nil && cp.ctx.Err() != nil {
			err = cp.err()
		}
		return err
	})
	if err != nil {
		res.Stored = Stored{}
	}
	if err != nil && cp.isPassed() {
		return res, fmt.Errorf("%w (%w: part of the load is stored and all of it is journaled in %s: the next write or the next open of the store finishes it)", err, ErrLoadJournaled, s.journalPath())
	}
	return res, err
}

// loadFootprint estimates the bytes a load of b writes: each record with
// its index entries, and the journal holding b, which is about its size.
func loadFootprint(b *Batch) int64 {
	var n int64
	for _, a := range b.Actors {
		n += 256 + int64(len(a.Name))
		for _, al := range a.Aliases {
			n += 64 + 2*int64(len(al))
		}
	}
	for _, d := range b.Documents {
		n += 256 + int64(len(d.Text)+len(d.Title)+len(d.Source)+len(d.URL))
	}
	for _, st := range b.Stances {
		n += 512 + int64(len(st.Topic))
		for _, ev := range st.Evidence {
			n += 128 + int64(len(ev.Quote))
		}
		for _, r := range st.References {
			n += 128 + int64(len(r.Record)+len(r.URL)+len(r.Publisher))
		}
		if st.Event != nil {
			n += 128
		}
	}
	return 2 * n
}

// apply writes a validated batch through w: Load's transactions, or an
// Importer's sorter.
func (s *Store) apply(ctx context.Context, w *writer, b Batch, docs map[string]Document) (LoadResult, error) {
	var res LoadResult
	for i, a := range b.Actors {
		if err := w.split(); err != nil {
			return res, err
		}
		next, old, err := s.upsertActor(w, a, nil)
		if err != nil {
			return res, &RecordError{Record: "actor", Index: i, Err: err}
		}
		if b.ReturnStored {
			res.Stored.Actors = append(res.Stored.Actors, *next)
		}
		if old == nil {
			res.Actors++
			continue
		}
		for _, c := range actorChanges(i, a, old, next) {
			res.Note(c)
		}
	}
	// Most records loaded are new, which the filter knows without a
	// read (see identFilter): one key per document, per stance and
	// per evidence.
	expect := len(b.Documents)
	for _, spec := range b.Stances {
		expect += 1 + max(len(spec.Evidence)+len(spec.References), 1)
	}
	var err error
	if w.ident, err = s.filter(expect, w.imp != nil); err != nil {
		return res, err
	}
	// Actors no longer change from here on: let Badger commit each
	// split while the next one is encoded.
	if err := w.pipeline(); err != nil {
		return res, err
	}
	for i, d := range b.Documents {
		if err := w.split(); err != nil {
			return res, err
		}
		stored, created, err := s.storeDocument(w, d)
		if err != nil {
			return res, &RecordError{Record: "document", Index: i, Err: err}
		}
		if b.ReturnStored {
			res.Stored.Documents = append(res.Stored.Documents, stored)
		}
		if created {
			res.Documents++
		}
	}
	lookup := func(id string) (Document, bool) { d, ok := docs[id]; return d, ok }
	stance := 0 // the record being added, for its changes
	policy := &mergePolicy{upsert: b.Upsert, onChange: func(c Change) { c.Index = stance; res.Note(c) }}
	// Memoize actor references: stances name the same busy actors
	// over and over.
	w.refs = map[string]*Actor{}
	var ahead *preparer
	if w.imp != nil {
		ahead = s.prepareAhead(w.cache, b.Stances, lookup, w.quotes, w.resolved)
		defer ahead.stop()
	}
	for i, spec := range b.Stances {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
		if err := w.split(); err != nil {
			return res, err
		}
		var r *stanceRecord
		var err error
		if ahead != nil {
			r, err = ahead.get(i)
		}
		if r == nil && err == nil {
			r, err = s.prepare(w, spec, lookup)
		}
		if err != nil {
			return res, &RecordError{Record: "stance", Index: i, Err: err}
		}
		stance = i
		stored, created, err := s.addStance(w, r, policy)
		if err != nil {
			return res, &RecordError{Record: "stance", Index: i, Err: err}
		}
		if b.ReturnStored {
			res.Stored.Stances = append(res.Stored.Stances, stored.Stance)
		}
		if created {
			res.Stances++
		}
	}
	// An import commits no transaction: its documents go to the sorter
	// with the batch.
	return res, w.flushDocs()
}

// storedDocument reads a document a batch cites from the store; nil, nil
// when there is none.
func (s *Store) storedDocument(ctx context.Context) func(id string) (*Document, error) {
	return func(id string) (*Document, error) {
		got, err := s.Document(ctx, id)
		if errors.Is(err, ErrNotFound) || errors.Is(err, ErrInvalidID) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return &got, nil
	}
}

// validateBatch checks every record of b against the store (actors through
// c, documents through stored) and the batch itself without writing, and
// returns the batch's documents by ID.
// When quotes is set, it learns where the stances' quotes are.
func (s *Store) validateBatch(ctx context.Context, b *Batch, c *cacheTxn, stored func(id string) (*Document, error), quotes *quoteSpans) (map[string]Document, error) {
	// The documents are checked and hashed while the actors, each
	// judged against the ones before it, are checked on this goroutine:
	// in an import's first batch both were one core's work in turn.
	docErr := make(chan error, 1)
	if len(b.Actors) > 0 && len(b.Documents) > 0 {
		go func() { docErr <- checkDocuments(b.Documents) }()
	} else {
		docErr <- checkDocuments(b.Documents) // nothing to overlap with
	}
	actors := newBatchActors(s, c, b)
	for i := range b.Actors {
		if err := actors.check(i, &b.Actors[i]); err != nil {
			<-docErr
			return nil, &RecordError{Record: "actor", Index: i, Err: err}
		}
	}
	if err := <-docErr; err != nil {
		return nil, err
	}
	docs := make(map[string]Document, len(b.Documents))
	for _, d := range b.Documents {
		if _, dup := docs[d.ID]; !dup {
			docs[d.ID] = d
		}
	}
	check := func() *stanceChecker {
		return &stanceChecker{s: s, c: c, actors: actors, docs: docs, stored: stored, cited: map[string]*Document{}, known: map[string]string{}, quotes: quotes}
	}
	if err := validateStances(ctx, b.Stances, check); err != nil {
		return nil, err
	}
	return docs, nil
}

// parallelDocumentsMin is the fewest documents a batch needs for their
// checks to be split between goroutines.
const parallelDocumentsMin = 256

// checkDocuments validates docs and sets each one's ID, the hash of its
// text. The error is the first bad document's in batch order.
func checkDocuments(docs []Document) error {
	return inParts(len(docs), parallelDocumentsMin, func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			d := &docs[i]
			if err := validateDocument(d); err != nil {
				return &RecordError{Record: "document", Index: i, Err: err}
			}
			d.ID = DocumentID(d.Text)
		}
		return nil
	})
}

// validateStance checks one stance record of a batch: its actors (two
// different ones), type, confidence and quotes.
// found, when set, is told where each quote is. It returns the IDs of
// the actors the subject and object resolved to.
func validateStance(spec StanceSpec, resolve func(string) (string, error), document func(string) (*Document, error), vocab *Vocabulary, describe func(string) string, found func(j, start, end int)) ([2]string, error) {
	var ends [2]string
	for k, ref := range []struct{ field, v string }{{"subject", spec.Subject}, {"object", spec.Object}} {
		o, err := resolve(ref.v)
		if err != nil {
			return [2]string{}, fmt.Errorf("%s: %w", ref.field, err)
		}
		ends[k] = o
	}
	if ends[0] == ends[1] {
		return [2]string{}, selfStance(spec, describe(ends[0]))
	}
	if err := vocab.Validate(spec.Type); err != nil {
		return [2]string{}, err
	}
	if c := spec.Confidence; math.IsNaN(c) || c < 0 || c > 1 {
		return [2]string{}, fmt.Errorf("%w: confidence must be in (0, 1] (got %v)", ErrInvalidInput, c)
	}
	if err := checkReferences(spec.References, spec.Event); err != nil {
		return [2]string{}, err
	}
	for j, ev := range spec.Evidence {
		d, err := document(ev.Document)
		if err != nil {
			return [2]string{}, err
		}
		if d == nil {
			return [2]string{}, fmt.Errorf("evidence %d: %w: no document %q in this file or the store", j+1, ErrNotFound, clip(ev.Document))
		}
		start, end, err := locateQuote(d, ev)
		if err != nil {
			return [2]string{}, fmt.Errorf("evidence %d: %w", j+1, err)
		}
		if found != nil {
			found(j, start, end)
		}
	}
	return ends, nil
}

// selfStance is the error for a stance whose two ends are one actor.
func selfStance(spec StanceSpec, actor string) error {
	return fmt.Errorf("%w: subject %q and object %q are the same actor %s; a stance links two different actors", ErrSelfStance, clip(spec.Subject), clip(spec.Object), actor)
}

// IsEmpty reports whether the store holds no records at all (its
// metadata, such as the vocabulary, is not a record).
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	empty := true
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if it.Item().Key()[0] != keys.Meta {
				empty = false
				return nil
			}
		}
		return nil
	})
	return empty, err
}

// preparer prepares an import's stances ahead of the writer on other
// cores: resolving, the quote search, identity hashes and the encoding are
// most of a stance's cost and need nothing the writer changes. Stances in
// order are what the writer must still do itself (merging, writing).
type preparer struct {
	out   []prepared
	ready []chan struct{} // per block, closed when its stances are done
	next  atomic.Int32    // next block to take
	quit  atomic.Bool
	wg    sync.WaitGroup
	// block prepares one block with a goroutine's memo of actor
	// references, and marks it ready.
	block func(blk int, memo map[string]*Actor)
	own   map[string]*Actor // the writer's memo
}

type prepared struct {
	r   *stanceRecord
	err error
}

const prepareBlock = 256

// errNotAhead marks a stance the preparer leaves to the writer: one citing
// a document outside its batch, which only the writer may read.
var errNotAhead = errors.New("graph: prepared by the writer")

// prepareAhead starts preparing specs. The actor cache c must not change
// while it runs: during a load's stances it does not.
// quotes, when set, holds where the batch's checks found the quotes;
// resolved, when set, holds a memo of actor references for each worker
// and one for the writer, kept from earlier batches (see Importer.Load),
// else each starts one of its own.
func (s *Store) prepareAhead(c *cacheTxn, specs []StanceSpec, docs docLookup, quotes *quoteSpans, resolved []map[string]*Actor) *preparer {
	n := (len(specs) + prepareBlock - 1) / prepareBlock
	p := &preparer{out: make([]prepared, len(specs)), ready: make([]chan struct{}, n)}
	for i := range p.ready {
		p.ready[i] = make(chan struct{})
	}
	doc := func(ref string) (Document, error) {
		if d, ok := docs(ref); ok {
			return d, nil
		}
		return Document{}, errNotAhead
	}
	p.block = func(blk int, memo map[string]*Actor) {
		resolve := func(ref string) (*Actor, error) {
			if a, ok := memo[ref]; ok {
				return a, nil
			}
			a, err := s.resolve(c, ref)
			if err == nil {
				memo[ref] = a
			}
			return a, err
		}
		for i := blk * prepareBlock; i < min((blk+1)*prepareBlock, len(specs)); i++ {
			located := func(j int) (int, int, bool) { return quotes.get(i, j) }
			var r *stanceRecord
			var err error
			if subj, obj, ok := quotes.resolvedEnds(i); ok {
				r, err = s.prepareResolved(subj, obj, doc, specs[i], located)
			} else {
				r, err = s.prepareWith(resolve, doc, specs[i], located)
			}
			if errors.Is(err, errNotAhead) {
				continue // out[i] stays empty: the writer prepares it
			}
			if err == nil {
				r.idents = identities(&r.Stance)
				r.derived = derivedIDs(r.idents)
				r.ID = r.derived[0].String() // its ID if it is new
				r.enc = encodeOut(r)
				r.writes = stanceWritesOf(r, false)
			}
			p.out[i] = prepared{r, err}
		}
		close(p.ready[blk])
	}
	memo := func(i int) map[string]*Actor {
		if i < len(resolved) {
			return resolved[i]
		}
		return map[string]*Actor{}
	}
	workers := prepareWorkers()
	for wk := range workers {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			memo := memo(wk)
			for !p.quit.Load() {
				blk := int(p.next.Add(1)) - 1
				if blk >= n {
					return
				}
				p.block(blk, memo)
			}
		}()
	}
	p.own = memo(workers)
	return p
}

// get returns stance i prepared, or nil and nil when the writer must
// prepare it itself. A block no worker has taken yet the writer prepares
// rather than wait for: since the writer's keys and values are built
// ahead (see stanceWritesOf), preparing is the larger half of a stance's
// work, and a core waited while the workers caught up.
func (p *preparer) get(i int) (*stanceRecord, error) {
	if i%prepareBlock == 0 {
		blk := i / prepareBlock
		if p.next.CompareAndSwap(int32(blk), int32(blk+1)) {
			p.block(blk, p.own)
		}
		<-p.ready[blk]
	}
	o := p.out[i]
	p.out[i] = prepared{}
	return o.r, o.err
}

// stop ends the workers and waits for them.
func (p *preparer) stop() {
	p.quit.Store(true)
	p.wg.Wait()
}

// prepareWorkers is how many goroutines prepare stances ahead of the
// writer, which keeps a core of its own.
func prepareWorkers() int {
	return max(runtime.GOMAXPROCS(0)-1, 1)
}
