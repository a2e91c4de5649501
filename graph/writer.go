package graph

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/graph/internal/spill"
)

// writer is one write transaction with counter deltas accumulated in memory
// and flushed at commit, and large batches split when Badger's transaction
// limit is reached.
type writer struct {
	s        *Store
	txn      *badger.Txn
	counters map[string]*int64 // store counters and untracked degree counters, by key
	// degrees holds the deltas of the degree counters the in-memory
	// table tracks (see addDegree).
	degrees map[degreeSlot]int64
	cache   *cacheTxn
	// splittable allows committing early on ErrTxnTooBig (bulk loads only:
	// input was validated up front, so a split cannot leave a bad half).
	splittable bool
	// journal, when set, runs once before the first split commits: it
	// records the whole batch durably, so that a load cut short after
	// that commit is finished rather than left half done (see Load).
	journal func() error
	// committed, when set, runs after the last commit, writer lock held.
	committed func()
	// size and count estimate what the transaction holds, counters
	// included, so that a bulk load commits between two stances (see
	// split) before Badger's limit is reached in the middle of one.
	size, count int64
	// ident, when set, answers "certainly not stored" for identity hashes
	// (bulk loads; see identFilter).
	ident *identFilter
	// refs memoizes actor references during a bulk load's stances, which
	// name the same busy actors over and over; nil outside them.
	refs map[string]*Actor
	// imp, during an import, receives every write in place of txn and
	// answers reads of what the import wrote (see Importer).
	imp *spill.Sorter

	// pipelined makes split hand each full transaction to Badger without
	// waiting and fill the next one meanwhile, so that encoding and
	// Badger's memtable inserts run on both cores (bulk stances only,
	// where actors no longer change; see commitAsync).
	pipelined bool
	// staged mirrors this transaction's writes of the keys writers read
	// back, and prev holds those of the split sent before it: the current
	// transaction's snapshot predates that commit, so get looks in both
	// first. nil staged: nothing is tracked (a single-transaction write).
	staged *stageMap
	prev   *flight
	// pending holds a pipelined split's writes in the order made, for
	// sendSorted, which hands them to Badger sorted; w.txn is then only
	// the split's read snapshot.
	pending []pendingWrite
	// changes collects the stance changes observers are told of after
	// the commit; nil when nobody observes the store.
	changes *StanceChanges
	// docs holds the document records that quotes were left out of
	// since the last commit (see eachCitedDocument).
	docs map[[keys.IDLen]byte]*docRecord
	// created holds the records of the documents a bulk load created,
	// as last changed: the stances citing them come splits after the
	// documents, and reading each back cost 7% of a large load's CPU.
	// Only the batch's own documents are kept, so it holds no more than
	// the batch; nil outside Load and an import's batch (its batches
	// add up to millions of documents).
	created map[[keys.IDLen]byte]*docRecord
	// quotes holds where an import's batch checks found its quotes,
	// for prepareAhead; nil outside an import's batch.
	quotes *quoteSpans
	// resolved holds prepareAhead's memos of actor references, one per
	// worker and one for the writer, which an import keeps from batch to
	// batch (see Importer.Load); nil outside an import.
	resolved []map[string]*Actor
}

// stagedValue is a write not yet visible in the transaction's snapshot.
type stagedValue struct {
	v   []byte
	del bool
}

// stageMap holds staged writes. Most are of 17-byte keys (stance records,
// identities, documents, actors), kept in a map with an array key, which
// hashes faster than a string and costs no allocation per key.
type stageMap struct {
	short map[[1 + keys.IDLen]byte]stagedValue
	other map[string]stagedValue
}

func newStageMap() *stageMap {
	return &stageMap{short: map[[1 + keys.IDLen]byte]stagedValue{}, other: map[string]stagedValue{}}
}

func (m *stageMap) put(k []byte, sv stagedValue) {
	if len(k) == 1+keys.IDLen {
		m.short[[1 + keys.IDLen]byte(k)] = sv
		return
	}
	m.other[string(k)] = sv
}

func (m *stageMap) get(k []byte) (stagedValue, bool) {
	if len(k) == 1+keys.IDLen {
		sv, ok := m.short[[1 + keys.IDLen]byte(k)]
		return sv, ok
	}
	sv, ok := m.other[string(k)]
	return sv, ok
}

// flight is a split handed to Badger by commitAsync: what get and commit
// need from it until the transaction after it is committed, and what to
// publish once it is durable.
type flight struct {
	done    chan struct{}
	err     error
	settled bool
	staged  *stageMap
	degrees map[degreeSlot]int64 // degree counters it set
	cache   *cacheTxn
}

// staging reports whether writes to k are tracked in staged: every family
// writers read back, that is all but the adjacency, date and citation
// entries, which only readers and Check scan.
func staging(k []byte) bool {
	switch k[0] {
	case keys.Out, keys.In, keys.Date, keys.DocStance:
		return false
	}
	return true
}

// pipeline switches split to commitAsync. Actors staged in the cache are
// committed first, synchronously, because a split in flight publishes its
// actors only when it settles and the stances after it must find them.
func (w *writer) pipeline() error {
	if w.imp != nil {
		return nil
	}
	if len(w.cache.actors) > 0 || len(w.cache.names) > 0 {
		// Committing the actors apart from the stances splits the load.
		if err := w.beforeSplit(); err != nil {
			return err
		}
		if err := w.commit(); err != nil {
			return err
		}
		w.cache.apply()
		w.cache = w.s.newCacheTxn()
		w.txn = w.s.db.NewTransaction(true)
	}
	w.pipelined = true
	return nil
}

// split commits and starts a new transaction when the current one is
// three quarters full (counting the counters commit will write). Bulk
// loads call it between records, so each record, its index entries and
// the counters it moves commit together; the last quarter is room for one
// more record.
func (w *writer) split() error {
	if !w.splittable || (4*w.size < 3*w.s.db.MaxBatchSize() && 4*w.count < 3*w.s.db.MaxBatchCount()) {
		return nil
	}
	if err := w.beforeSplit(); err != nil {
		return err
	}
	if w.pipelined {
		return w.commitAsync()
	}
	if err := w.commit(); err != nil {
		return err
	}
	// What is committed is visible to readers: publish its actors now
	// rather than leave the cache behind storage if a later part fails.
	w.cache.apply()
	w.cache = w.s.newCacheTxn()
	w.txn = w.s.db.NewTransaction(true)
	return nil
}

// beforeSplit runs before a bulk load commits part of itself: the journal
// first, once, and the disk guard every time, since a large load can use
// up the free space it started with.
func (w *writer) beforeSplit() error {
	if w.journal != nil {
		if err := w.journal(); err != nil {
			return err
		}
		w.journal = nil
	}
	return w.s.guard.check(0)
}

func (w *writer) stage(k []byte, sv stagedValue) {
	if w.staged != nil && staging(k) {
		w.staged.put(k, sv)
	}
}

func (w *writer) set(k, v []byte) error { return w.setHeld(k, v, v) }

// holdsStances reports whether reads of a stance's S entry before the
// commit must find its O value in it (see setHeld): in a bulk load's
// staging, which does not track O entries. An import's sorter answers
// reads of O entries itself (see readBack).
func (w *writer) holdsStances() bool { return w.staged != nil }

// setHeld writes v at k, and makes reads of k before the commit see held
// instead: a stance's S value, whose reference leads to an O entry that
// is not readable back until then (see stanceHeld).
func (w *writer) setHeld(k, v, held []byte) error {
	if held == nil {
		held = v
	}
	if w.imp != nil {
		return w.imp.Put(k, v, readBack(k))
	}
	if w.pipelined {
		return w.writeSorted(pendingWrite{k: k, v: v}, held)
	}
	return w.txnWrite(pendingWrite{k: k, v: v}, held)
}

func (w *writer) delete(k []byte) error {
	if w.imp != nil {
		return w.imp.Delete(k, readBack(k))
	}
	if w.pipelined {
		return w.writeSorted(pendingWrite{k: k, del: true}, nil)
	}
	return w.txnWrite(pendingWrite{k: k, del: true}, nil)
}

// txnWrite adds a write to the split's Txn and counts it, committing the
// split first and writing it to a new one when the Txn is full and the
// load may be split. Reads of the key before the commit find held.
func (w *writer) txnWrite(pw pendingWrite, held []byte) error {
	w.size += int64(len(pw.k) + len(pw.v) + 16)
	w.count++
	err := w.write(pw)
	if errors.Is(err, badger.ErrTxnTooBig) && w.splittable {
		if err := w.beforeSplit(); err != nil {
			return err
		}
		if err := w.commit(); err != nil {
			return err
		}
		w.txn = w.s.db.NewTransaction(true)
		err = w.write(pw)
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		return fmt.Errorf("graph: write too large for one transaction: %w", err)
	}
	if err == nil {
		w.stage(pw.k, stagedValue{v: held, del: pw.del})
	}
	return err
}

// get returns a copy of the value at k, or nil and ErrNotFound, seeing the
// writes of this transaction and of the split still committing.
func (w *writer) get(k []byte) ([]byte, error) {
	if w.imp != nil {
		v, found, err := w.imp.Get(k)
		if err == nil && !found {
			err = ErrNotFound
		}
		return v, err
	}
	if w.staged != nil && staging(k) {
		sv, ok := w.staged.get(k)
		if !ok && w.prev != nil {
			sv, ok = w.prev.staged.get(k)
		}
		if ok {
			if sv.del {
				return nil, ErrNotFound
			}
			return bytes.Clone(sv.v), nil
		}
	}
	return getValue(w.txn, k)
}

// readBack reports whether an import's writer reads k back: stance
// references, identities and documents, and the O entries references
// lead to (actors and counters are read from memory). The sorter indexes
// only these. Indexing O entries costs less than holding each stance's O
// value a second time in its S entry, as a bulk load's staging does:
// that copied about 190 bytes a stance into the sorter, on the writing
// goroutine, and Commit parsed every S value to take it out again.
func readBack(k []byte) bool {
	if len(k) > 0 && k[0] == keys.Out {
		return true
	}
	if len(k) != 1+keys.IDLen {
		return false
	}
	switch k[0] {
	case keys.Stance, keys.Identity, keys.Document:
		return true
	}
	return false
}

// readStance reads a stance record inside the write.
func (w *writer) readStance(id []byte) (*stanceRecord, error) {
	v, err := w.get(keys.StanceKey(id))
	return stanceAt(id, v, err, w.get)
}

func getValue(txn *badger.Txn, k []byte) ([]byte, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return item.ValueCopy(nil)
}

func (w *writer) add(counter []byte, delta int64) {
	// Through a pointer: assigning to m[string(b)] copies b into a new
	// string every time, once a stance in an import.
	if n, ok := w.counters[string(counter)]; ok {
		*n += delta
		return
	}
	n := new(int64)
	*n = delta
	w.counters[string(counter)] = n
	// Committing writes the counter: count it towards the split.
	w.size += int64(len(counter) + 8 + 16)
	w.count++
}

// addDegree adds delta to an actor's live-stance counter for (dir, typ).
func (w *writer) addDegree(actor []byte, dir byte, typ string, delta int64) {
	// The table's layout is fixed while the writer lock is held (only
	// Restore replaces the table, under that lock), so no mu is needed.
	col, ok := w.s.deg.slot(dir, typ)
	if !ok {
		w.add(keys.DegreeKey(actor, dir, typ), delta)
		return
	}
	// One map operation: a new slot is seen in the map's length.
	held := len(w.degrees)
	w.degrees[degreeSlot{[16]byte(actor), col}] += delta
	if len(w.degrees) > held {
		// Committing writes the counter: count it towards the split.
		w.size += int64(1+keys.IDLen+1+len(typ)+1) + 8 + 16
		w.count++
	}
}

// flushCounters writes the counter deltas into the transaction and returns
// the new values of the degree counters the table tracks. Those are read
// from the table (writers are serialized, so it equals storage here, once
// the split still committing is counted in); the table learns the new
// values after the commit succeeds. Other counters are read from storage.
func (w *writer) flushCounters() (map[degreeSlot]int64, error) {
	put := func(k []byte, n int64, stage bool) error {
		var err error
		if n <= 0 {
			err = w.write(pendingWrite{k: k, del: true})
			if stage {
				w.stage(k, stagedValue{del: true})
			}
		} else {
			v := binary.BigEndian.AppendUint64(nil, uint64(n))
			err = w.write(pendingWrite{k: k, v: v})
			if stage {
				w.stage(k, stagedValue{v: v})
			}
		}
		if err != nil {
			return fmt.Errorf("graph: update counters: %w", err)
		}
		return nil
	}
	for k, dp := range w.counters {
		d := *dp
		if d == 0 {
			continue
		}
		var n int64
		v, err := w.get([]byte(k))
		switch {
		case err == nil && len(v) == 8:
			n = int64(binary.BigEndian.Uint64(v))
		case err != nil && !errors.Is(err, ErrNotFound):
			return nil, err
		}
		if err := put([]byte(k), n+d, true); err != nil {
			return nil, err
		}
	}
	// The writer lock keeps the table's rows from changing under us
	// (only writers change them), so it is read without mu.
	updates := make(map[degreeSlot]int64, len(w.degrees))
	for sl, d := range w.degrees {
		if d == 0 {
			continue
		}
		n, ok := int64(0), false
		if w.prev != nil {
			n, ok = w.prev.degrees[sl]
		}
		if !ok {
			n = w.s.deg.at(sl)
		}
		n = max(n+d, 0)
		updates[sl] = n
		// Degree counters are read back from the table, never from
		// storage, so they need no staging.
		if err := put(w.s.deg.key(sl), n, false); err != nil {
			return nil, err
		}
	}
	clear(w.counters)
	clear(w.degrees)
	w.size, w.count = 0, 0
	return updates, nil
}

// commit flushes counter deltas and commits the transaction, after the
// split still committing, if any, has settled. A pipelined load's last
// split goes the way of the others, and is waited for.
func (w *writer) commit() error {
	if w.pipelined {
		if err := w.commitAsync(); err != nil {
			return err
		}
		return w.settle()
	}
	if err := w.flushDocs(); err != nil {
		return err
	}
	updates, err := w.flushCounters()
	if err != nil {
		return err
	}
	if err := w.settle(); err != nil {
		return err
	}
	// The next transaction's snapshot holds everything committed so far.
	w.prev = nil
	if w.staged != nil {
		w.staged = newStageMap()
	}
	// Badger's write of the transaction takes milliseconds for a large
	// one, and readers take mu for every actor lookup, so it is not held
	// across the commit. Instead, as for a split committing
	// asynchronously, unsettled sends readers to their snapshot's degree
	// counters (see viewWithDegree) from before the commit is visible
	// until the table has its values.
	w.s.unsettled.Add(1)
	if w.s.commitHook != nil {
		w.s.commitHook()
	}
	err = w.txn.Commit()
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	defer w.s.unsettled.Add(-1)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrCommit, err)
	}
	for sl, n := range updates {
		w.s.deg.setAt(sl, n)
	}
	return nil
}

// commitAsync hands the split's writes to Badger, sorted (see
// sendSorted), and returns at once with the next read snapshot open, so
// the caller encodes the next split while Badger writes this one. At most
// one split is in flight: the previous one settles first. The next
// snapshot is opened before this split is sent; it therefore lacks this
// split, which get and flushCounters find in prev instead, and its read
// timestamp names the version the split is written at. Until the split
// settles, viewWithDegree reads degree counters from storage rather than
// from the table, which lags it.
func (w *writer) commitAsync() error {
	if err := w.flushDocs(); err != nil {
		return err
	}
	updates, err := w.flushCounters()
	if err != nil {
		return err
	}
	// Sorted here, while Badger still writes the split before it: the
	// writer would otherwise wait for that idle, and the split in flight
	// is the slower of the two.
	writes := w.pending
	order := sortedOrder(writes)
	if err := w.settle(); err != nil {
		return err
	}
	next := w.s.db.NewTransaction(true)
	f := &flight{done: make(chan struct{}), staged: w.staged, degrees: updates, cache: w.cache}
	w.s.unsettled.Add(1)
	version := next.ReadTs() + 1
	go func() {
		f.err = w.s.sendSorted(writes, order, version)
		close(f.done)
	}()
	w.txn.Discard()
	w.prev, w.txn, w.staged, w.cache, w.pending = f, next, newStageMap(), w.s.newCacheTxn(), nil
	return nil
}

// settle waits for the split in flight, if any, and publishes its degree
// counters. It reports the commit's failure every time it is called.
func (w *writer) settle() error {
	f := w.prev
	if f == nil {
		return nil
	}
	if !f.settled {
		<-f.done
		f.settled = true
		w.s.mu.Lock()
		if f.err == nil {
			for sl, n := range f.degrees {
				w.s.deg.setAt(sl, n)
			}
			f.cache.applyLocked()
		}
		w.s.unsettled.Add(-1)
		w.s.mu.Unlock()
	}
	if f.err != nil {
		return fmt.Errorf("%w: %w", ErrCommit, f.err)
	}
	return nil
}

func readCounter(txn *badger.Txn, k []byte) (int, error) {
	v, err := getValue(txn, k)
	if errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if len(v) != 8 {
		return 0, errCorrupt
	}
	return int(binary.BigEndian.Uint64(v)), nil
}
