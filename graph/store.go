package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/graph/internal/spill"
)

// Options configure Open. The zero value is usable: DefaultOptions documents
// what each zero field means.
type Options struct {
	// InMemory keeps everything in memory; dir is ignored. For tests and
	// short-lived embedding.
	InMemory bool
	// ReadOnly opens the store for reading only; writes return ErrReadOnly.
	ReadOnly bool
	// SyncWrites makes every commit wait for fsync, so acknowledged writes
	// survive power loss, not only a process crash.
	SyncWrites bool
	// Vocabulary is the set of stance types a new store is created with,
	// and keeps (nil means DefaultVocabulary()); a store written before
	// stores kept their vocabulary records it too. A store that keeps one
	// is read with it: then Vocabulary, when set, may only hold types it
	// has, unchanged (else ErrVocabularyConflict).
	Vocabulary *Vocabulary
	// ExtendVocabulary adds types to the store's vocabulary, recorded in
	// its history (Store.VocabularyHistory). A type the store has must
	// come unchanged: stored stances were typed by it.
	ExtendVocabulary []TypeInfo
	// Logger receives the storage engine's messages; nil discards them.
	Logger *slog.Logger
	// MemTableSize is the size in bytes of each in-memory write buffer;
	// 0 means 64 MiB. Larger tables speed bulk loads and cost memory.
	MemTableSize int64
	// BlockCacheSize is the size in bytes of the read cache; 0 means 256 MiB.
	BlockCacheSize int64
	// ValueLogFileSize is the size in bytes of each value log file, where
	// Badger keeps values over 1 MiB (long documents); 0 means 128 MiB,
	// four times MaxDocumentBytes. It is part of the free space the store
	// keeps in reserve (see Store.Reserve), hence smaller than Badger's
	// 1 GiB default.
	ValueLogFileSize int64
	// ImportBufferSize is how many bytes an Importer sorts in memory
	// before spilling a sorted run to disk; 0 means 256 MiB.
	ImportBufferSize int64
}

// DefaultOptions returns the options graphd uses by default.
func DefaultOptions() Options {
	return Options{MemTableSize: 64 << 20, BlockCacheSize: 256 << 20, ValueLogFileSize: 128 << 20, ImportBufferSize: 256 << 20}
}

// Store is the stance graph: a long-lived handle to a Badger database, safe
// for concurrent use. Open one per directory per process and Close it when
// done; Close is idempotent.
type Store struct {
	db *badger.DB
	// vocab is the store's vocabulary; Restore replaces it with the
	// backup's.
	vocab atomic.Pointer[Vocabulary]
	ro    bool
	dir   string // "" for an in-memory store
	// guard refuses writes while the disk is nearly full; nil for an
	// in-memory or read-only store.
	guard *diskGuard

	// importBuffer is Options.ImportBufferSize.
	importBuffer int
	// gate holds readers back while an import's tables are added (see
	// Importer.Commit); every read path takes it shared.
	gate sync.RWMutex

	// wmu serializes writers: every write reads counters and identity keys
	// and must see the previous write, and one writer never conflicts.
	wmu sync.Mutex
	// ident filters identity reads of bulk loads; nil until the first
	// Load builds it, and reset by Restore. Guarded by wmu.
	ident *identFilter

	// mu guards the actor cache: actors are few and read on every list,
	// so they live in memory, mirrored from storage after each commit.
	mu     sync.RWMutex
	actors map[string]*Actor // by ID; an *Actor is never changed once here
	names  map[string]string // normalized name or alias -> ID
	// actorGen counts changes to actors; sorted is the listing order as
	// of sortedGen (see actorsSorted).
	actorGen, sortedGen uint64
	sorted              []sortedActor
	// looks indexes look-alike names as of looksGen (see storedLookalikes).
	looks    map[string]string
	looksGen uint64
	// codes indexes actors by CAMEO code as of codesGen (see codeIndex).
	codes    map[string][]*Actor
	codesGen uint64
	deg      *degrees // per-actor live-stance counters (see degrees)
	// nets keeps the net weights alignment scores on (see netIndex).
	nets netCache
	// unsettled counts bulk-load splits committing without mu held (see
	// writer.commitAsync): while it is non-zero the degree table may lag
	// a reader's snapshot, so viewWithDegree reads storage instead.
	unsettled atomic.Int32

	// observers are told of committed stance changes (see Subscribe).
	observers observers

	closeOnce sync.Once
	closeErr  error
	closed    chan struct{}
}

// Open opens or creates the store in dir. opts may be nil for DefaultOptions.
// When another process holds dir, Open returns an error wrapping ErrLocked.
func Open(dir string, opts *Options) (*Store, error) {
	o := DefaultOptions()
	if opts != nil {
		o = *opts
		if o.MemTableSize == 0 {
			o.MemTableSize = DefaultOptions().MemTableSize
		}
		if o.BlockCacheSize == 0 {
			o.BlockCacheSize = DefaultOptions().BlockCacheSize
		}
		if o.ValueLogFileSize == 0 {
			o.ValueLogFileSize = DefaultOptions().ValueLogFileSize
		}
		if o.ImportBufferSize == 0 {
			o.ImportBufferSize = DefaultOptions().ImportBufferSize
		}
	}
	unfinished := false
	if !o.InMemory && o.ReadOnly {
		if _, err := os.Stat(filepath.Join(dir, importMarker)); err == nil {
			// The directory holds part of an import that never
			// committed: as far as anyone was told, the store holds
			// nothing, and a reader cannot empty it. Serve that.
			unfinished, o.InMemory, o.ReadOnly = true, true, false
		}
	}
	bo := badgerOptions(dir, o)
	if !o.InMemory && !o.ReadOnly {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("graph: create store directory: %w", err)
		}
		if err := removeEmptyMemtables(dir); err != nil {
			return nil, err
		}
		// Opening for writing writes at once (a new memtable, the
		// flush of those a crash left): on a full disk, through a
		// memory map, that is a SIGBUS. Refuse instead.
		if err := newDiskGuard(dir, reserveFor(o)).check(0); err != nil {
			return nil, fmt.Errorf("open for writing: %w", err)
		}
	}
	db, err := badger.Open(bo)
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") || strings.Contains(err.Error(), "resource temporarily unavailable") {
			return nil, fmt.Errorf("%w: %s (stop the running graphd, or use --url to talk to it)", ErrLocked, dir)
		}
		return nil, fmt.Errorf("graph: open %s: %w", dir, err)
	}
	if !o.InMemory && !o.ReadOnly {
		if err := clearUnfinishedImport(db, dir, o.Logger); err != nil {
			db.Close()
			return nil, err
		}
	}
	s := &Store{db: db, ro: o.ReadOnly || unfinished, importBuffer: int(o.ImportBufferSize), closed: make(chan struct{})}
	if !o.InMemory {
		s.dir = dir
	}
	if !o.InMemory && !s.ro {
		s.guard = newDiskGuard(dir, reserveFor(o))
	}
	if err := s.settleVocabulary(o); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.loadActors(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.finishJournaled(o.Logger); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// BadgerOptions maps Options onto Badger's. Exported within the module
// through this function only so that benchmarks can build a raw Badger
// baseline with identical settings.
func badgerOptions(dir string, o Options) badger.Options {
	bo := badger.DefaultOptions(dir)
	if o.InMemory {
		bo = badger.DefaultOptions("").WithInMemory(true)
	}
	bo = bo.WithSyncWrites(o.SyncWrites).
		WithReadOnly(o.ReadOnly).
		WithMemTableSize(o.MemTableSize).
		WithBlockCacheSize(o.BlockCacheSize).
		WithValueLogFileSize(o.ValueLogFileSize).
		WithCompression(options.None).
		WithLogger(badgerLogger{o.Logger}).
		WithMetricsEnabled(false).
		// Writers are serialized by Store.wmu, so transactions cannot
		// conflict; tracking their reads would only cost time.
		WithDetectConflicts(false).
		// Memtables live on the Go heap: Badger's default of five
		// waiting to be flushed (plus the one being written) holds
		// 384 MiB at the default size; three keep bulk loads fed.
		WithNumMemtables(numMemtables).
		// Every prefix scan merges all level-0 tables, and a load can
		// end with up to four of them uncompacted (Badger compacts at
		// five) and keep them while the store serves, which made an
		// actor's page about twice as slow. Compacting level 0 on Close
		// hands the next process (graphd serve after graphd load) a
		// store whose listings are one seek per level.
		WithCompactL0OnClose(true)
	return bo
}

// badgerLogger adapts Badger's logger to slog; nil discards.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) log(level slog.Level, f string, a ...any) {
	if b.l != nil {
		b.l.Log(context.Background(), level, strings.TrimSpace(fmt.Sprintf(f, a...)), "component", "badger")
	}
}
func (b badgerLogger) Errorf(f string, a ...any)   { b.log(slog.LevelError, f, a...) }
func (b badgerLogger) Warningf(f string, a ...any) { b.log(slog.LevelWarn, f, a...) }
func (b badgerLogger) Infof(f string, a ...any)    { b.log(slog.LevelDebug, f, a...) }
func (b badgerLogger) Debugf(f string, a ...any)   {}

// Close flushes and closes the store. Calling it again returns the first result.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		close(s.closed)
		s.wmu.Lock()
		defer s.wmu.Unlock()
		s.closeErr = s.db.Close()
	})
	return s.closeErr
}

// Reserve returns the free bytes the store keeps on its filesystem:
// writes are refused with ErrDiskFull while less is free, because Badger
// writes through memory maps and a full disk would crash the process. It
// is 4 x Options.MemTableSize + Options.ValueLogFileSize (384 MiB by
// default); 0 for an in-memory or read-only store.
func (s *Store) Reserve() int64 {
	if s.guard == nil {
		return 0
	}
	return s.guard.reserve
}

// Vocabulary returns the stance types this store accepts.
func (s *Store) Vocabulary() *Vocabulary { return s.vocab.Load() }

// settleVocabulary sets the vocabulary the store is read with and records
// it (see Options.Vocabulary) unless the store is read-only.
func (s *Store) settleVocabulary(o Options) error {
	var stored *storedVocabulary
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		stored, err = readStoredVocabulary(txn)
		return err
	})
	if err != nil {
		return err
	}
	empty, err := s.IsEmpty(context.Background())
	if err != nil {
		return err
	}
	v, rec, err := settleVocabulary(stored, empty, o, time.Now().UTC())
	if err != nil {
		return err
	}
	if rec != nil && s.ro && len(o.ExtendVocabulary) > 0 {
		return fmt.Errorf("%w: the vocabulary of a read-only store cannot be extended", ErrReadOnly)
	}
	if rec != nil && !s.ro {
		if err := writeStoredVocabulary(s.db, rec); err != nil {
			return err
		}
	}
	s.vocab.Store(v)
	return nil
}

// RunGC reclaims space in the value log; call it periodically on a busy
// store. It returns nil when there was nothing to reclaim.
func (s *Store) RunGC(ctx context.Context) error {
	if s.ro || s.isClosed() {
		return nil
	}
	for ctx.Err() == nil {
		// A rewrite copies a value log file's live values before
		// deleting it: the reserve's value log file makes room for it.
		if err := s.guard.check(0); err != nil {
			return fmt.Errorf("graph: value log gc skipped: %w", err)
		}
		if err := s.db.RunValueLogGC(0.5); err != nil {
			if errors.Is(err, badger.ErrNoRewrite) || errors.Is(err, badger.ErrRejected) {
				return nil
			}
			return fmt.Errorf("graph: value log gc: %w", err)
		}
	}
	return ctx.Err()
}

// Size returns the bytes the store occupies on disk (LSM tree and value log).
func (s *Store) Size() int64 {
	lsm, vlog := s.db.Size()
	return lsm + vlog
}

func (s *Store) isClosed() bool {
	select {
	case <-s.closed:
		return true
	default:
		return false
	}
}

// view runs fn in a read transaction, checking ctx and closure first.
func (s *Store) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.isClosed() {
		return ErrClosed
	}
	s.gate.RLock()
	defer s.gate.RUnlock()
	return s.db.View(fn)
}

// update runs fn in a write transaction under the writer lock. The
// transaction commits only when fn returns nil; after commit, after runs
// (to refresh caches) while the writer lock is still held.
func (s *Store) update(ctx context.Context, fn func(w *writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.ro {
		return ErrReadOnly
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.isClosed() {
		return ErrClosed
	}
	if err := s.guard.check(0); err != nil {
		return err
	}
	// A bulk load that failed after its first commit is finished
	// before anything else is written (see Load).
	if err := s.finishJournal(ctx); err != nil {
		return err
	}
	return s.updateLocked(ctx, fn)
}

// updateLocked is update with the writer lock held.
func (s *Store) updateLocked(ctx context.Context, fn func(w *writer) error) error {
	w := &writer{s: s, txn: s.db.NewTransaction(true), counters: map[string]int64{}, degrees: map[degreeSlot]int64{}, cache: s.newCacheTxn()}
	if s.observers.watched() {
		w.changes = &StanceChanges{}
	}
	defer func() {
		// A split still committing must land, and its counters be
		// published, before the writer lock is released.
		w.settle()
		w.txn.Discard()
	}()
	if err := fn(w); err != nil {
		return err
	}
	if err := w.commit(); err != nil {
		return err
	}
	w.cache.apply()
	if w.committed != nil {
		w.committed()
	}
	if w.changes != nil {
		s.observers.notify(w.changes)
	}
	return nil
}

// loadActors fills the actor cache and the degree table from storage.
func (s *Store) loadActors() error {
	if err := s.loadDegrees(); err != nil {
		return fmt.Errorf("graph: load degrees: %w", err)
	}
	actors := map[string]*Actor{}
	names := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{keys.Actor}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var a Actor
			err := it.Item().Value(func(v []byte) error {
				var err error
				a, err = decodeActor(v)
				return err
			})
			if err != nil {
				return fmt.Errorf("graph: load actors: %w", err)
			}
			actors[a.ID] = &a
			names[NormalizeName(a.Name)] = a.ID
			for _, al := range a.Aliases {
				names[NormalizeName(al)] = a.ID
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.actors, s.names = actors, names
	s.actorGen++
	s.mu.Unlock()
	return nil
}

// cacheTxn stages actor-cache changes until the transaction commits.
type cacheTxn struct {
	s      *Store
	actors map[string]*Actor // nil value: deleted
	names  map[string]string // "" value: deleted
}

// readCache is a view of the committed cache for readers: its nil maps
// stage nothing (reading a nil map is allowed), so a lookup allocates nothing.
func (s *Store) readCache() *cacheTxn { return &cacheTxn{s: s} }

func (s *Store) newCacheTxn() *cacheTxn {
	return &cacheTxn{s: s, actors: map[string]*Actor{}, names: map[string]string{}}
}

func (c *cacheTxn) actor(id string) (*Actor, bool) {
	if a, ok := c.actors[id]; ok {
		return a, a != nil
	}
	c.s.mu.RLock()
	defer c.s.mu.RUnlock()
	a, ok := c.s.actors[id]
	return a, ok
}

func (c *cacheTxn) name(norm string) (string, bool) {
	if id, ok := c.names[norm]; ok {
		return id, id != ""
	}
	c.s.mu.RLock()
	defer c.s.mu.RUnlock()
	id, ok := c.s.names[norm]
	return id, ok
}

func (c *cacheTxn) apply() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	c.applyLocked()
}

// applyLocked is apply with mu held.
func (c *cacheTxn) applyLocked() {
	if len(c.actors) > 0 {
		c.s.actorGen++
	}
	for id, a := range c.actors {
		if a == nil {
			delete(c.s.actors, id)
		} else {
			c.s.actors[id] = a
		}
	}
	for n, id := range c.names {
		if id == "" {
			delete(c.s.names, n)
		} else {
			c.s.names[n] = id
		}
	}
}

// writer is one write transaction with counter deltas accumulated in memory
// and flushed at commit, and large batches split when Badger's transaction
// limit is reached.
type writer struct {
	s        *Store
	txn      *badger.Txn
	counters map[string]int64 // store counters and untracked degree counters
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
	// changes collects the stance changes observers are told of after
	// the commit; nil when nobody observes the store.
	changes *StanceChanges
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

func (w *writer) set(k, v []byte) error {
	if w.imp != nil {
		return w.imp.Put(k, v, readBack(k))
	}
	w.size += int64(len(k) + len(v) + 16)
	w.count++
	err := w.txn.Set(k, v)
	if errors.Is(err, badger.ErrTxnTooBig) && w.splittable {
		if err := w.beforeSplit(); err != nil {
			return err
		}
		if err := w.commit(); err != nil {
			return err
		}
		w.txn = w.s.db.NewTransaction(true)
		err = w.txn.Set(k, v)
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		return fmt.Errorf("graph: write too large for one transaction: %w", err)
	}
	if err == nil {
		w.stage(k, stagedValue{v: v})
	}
	return err
}

func (w *writer) delete(k []byte) error {
	if w.imp != nil {
		return w.imp.Delete(k, readBack(k))
	}
	w.size += int64(len(k) + 16)
	w.count++
	err := w.txn.Delete(k)
	if errors.Is(err, badger.ErrTxnTooBig) && w.splittable {
		if err := w.beforeSplit(); err != nil {
			return err
		}
		if err := w.commit(); err != nil {
			return err
		}
		w.txn = w.s.db.NewTransaction(true)
		err = w.txn.Delete(k)
	}
	if err == nil {
		w.stage(k, stagedValue{del: true})
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

// readBack reports whether writers read k back during a load: stance
// records, identities and documents (actors and counters are read from
// memory). An import indexes only these.
func readBack(k []byte) bool {
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
	return stanceAt(id, v, err)
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
	if _, ok := w.counters[string(counter)]; !ok {
		// Committing writes the counter: count it towards the split.
		w.size += int64(len(counter) + 8 + 16)
		w.count++
	}
	w.counters[string(counter)] += delta
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
	sl := degreeSlot{[16]byte(actor), col}
	n, seen := w.degrees[sl]
	if !seen {
		// Committing writes the counter: count it towards the split.
		w.size += int64(1+keys.IDLen+1+len(typ)+1) + 8 + 16
		w.count++
	}
	w.degrees[sl] = n + delta
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
			err = w.txn.Delete(k)
			if stage {
				w.stage(k, stagedValue{del: true})
			}
		} else {
			v := binary.BigEndian.AppendUint64(nil, uint64(n))
			err = w.txn.Set(k, v)
			if stage {
				w.stage(k, stagedValue{v: v})
			}
		}
		if err != nil {
			return fmt.Errorf("graph: update counters: %w", err)
		}
		return nil
	}
	for k, d := range w.counters {
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
// split still committing, if any, has settled.
func (w *writer) commit() error {
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
	// The commit and the degree table change together under mu, so a
	// reader that opens its transaction and reads the table under mu (see
	// viewWithDegree) sees both before or both after.
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	if err := w.txn.Commit(); err != nil {
		return fmt.Errorf("graph: commit: %w", err)
	}
	for sl, n := range updates {
		w.s.deg.setAt(sl, n)
	}
	return nil
}

// commitAsync hands the full transaction to Badger and returns at once
// with the next one open, so the caller encodes the next split while
// Badger writes this one. At most one split is in flight: the previous
// one settles first. The next transaction is opened before this one is
// sent, because opening it afterwards would wait for the commit; its
// snapshot therefore lacks this split, which get and flushCounters find
// in prev instead. Until the split settles, viewWithDegree reads degree
// counters from storage rather than from the table, which lags it.
func (w *writer) commitAsync() error {
	updates, err := w.flushCounters()
	if err != nil {
		return err
	}
	if err := w.settle(); err != nil {
		return err
	}
	next := w.s.db.NewTransaction(true)
	f := &flight{done: make(chan struct{}), staged: w.staged, degrees: updates, cache: w.cache}
	w.s.unsettled.Add(1)
	w.txn.CommitWith(func(err error) {
		f.err = err
		close(f.done)
	})
	w.prev, w.txn, w.staged, w.cache = f, next, newStageMap(), w.s.newCacheTxn()
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
		return fmt.Errorf("graph: commit: %w", f.err)
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

// Counter names.
const (
	cntActors    = "actors"
	cntStances   = "stances"
	cntRetracted = "retracted"
	cntDocuments = "documents"
)

// Stats counts actors, live and retracted stances, and documents. It reads
// counters maintained by every write, so it does not scan.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		for _, c := range []struct {
			name string
			dst  *int
		}{{cntActors, &st.Actors}, {cntStances, &st.Stances}, {cntRetracted, &st.Retracted}, {cntDocuments, &st.Documents}} {
			if *c.dst, err = readCounter(txn, keys.CounterKey(c.name)); err != nil {
				return err
			}
		}
		return nil
	})
	return st, err
}

// idBytes parses a UUID string into its 16 bytes.
func idBytes(id string) ([]byte, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return nil, fmt.Errorf("%w: %q is not a UUID", ErrInvalidID, clip(id))
	}
	return u[:], nil
}

func mustID(id string) []byte {
	u := uuid.MustParse(id)
	return u[:]
}

func idString(b []byte) string {
	u, _ := uuid.FromBytes(b)
	return u.String()
}

// clip shortens s for error messages.
func clip(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}

// removeEmptyMemtables deletes zero-length memtable files. A process killed
// between Badger creating one and sizing it leaves such a file, which makes
// badger.Open fail (dgraph-io/badger#2207); an empty file holds no data.
func removeEmptyMemtables(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return fmt.Errorf("graph: read store directory: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".mem") {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.Size() == 0 {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("graph: remove empty memtable file: %w", err)
			}
		}
	}
	return nil
}

// viewWithDegree is view for listings whose total comes from the degree
// table: the transaction opens and the table is read under mu, which
// writers hold across commit and table update, so the page and its total
// see the same commits. While a bulk load's split commits without mu (see
// writer.commitAsync) the table may lag the snapshot, and the total is
// read from the snapshot's counters instead.
func (s *Store) viewWithDegree(ctx context.Context, actor []byte, dirs []byte, types []string, fn func(txn *badger.Txn, total int, known bool) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.isClosed() {
		return ErrClosed
	}
	s.gate.RLock()
	defer s.gate.RUnlock()
	s.mu.RLock()
	txn := s.db.NewTransaction(false)
	n, known := s.deg.sum(actor, dirs, types)
	settled := s.unsettled.Load() == 0
	s.mu.RUnlock()
	defer txn.Discard()
	if !settled {
		var err error
		if n, err = storedDegree(txn, actor, dirs, types); err != nil {
			return err
		}
		known = true
	}
	return fn(txn, n, known)
}
