package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
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
	// Vocabulary is the set of stance types accepted; nil means
	// DefaultVocabulary().
	Vocabulary *Vocabulary
	// Logger receives the storage engine's messages; nil discards them.
	Logger *slog.Logger
	// MemTableSize is the size in bytes of each in-memory write buffer;
	// 0 means 64 MiB. Larger tables speed bulk loads and cost memory.
	MemTableSize int64
	// BlockCacheSize is the size in bytes of the read cache; 0 means 256 MiB.
	BlockCacheSize int64
}

// DefaultOptions returns the options graphd uses by default.
func DefaultOptions() Options {
	return Options{MemTableSize: 64 << 20, BlockCacheSize: 256 << 20}
}

// WithInMemory returns a copy of o with InMemory set.
func (o Options) WithInMemory(v bool) Options { o.InMemory = v; return o }

// WithSyncWrites returns a copy of o with SyncWrites set.
func (o Options) WithSyncWrites(v bool) Options { o.SyncWrites = v; return o }

// WithVocabulary returns a copy of o with Vocabulary set.
func (o Options) WithVocabulary(v *Vocabulary) Options { o.Vocabulary = v; return o }

// WithLogger returns a copy of o with Logger set.
func (o Options) WithLogger(l *slog.Logger) Options { o.Logger = l; return o }

// Store is the stance graph: a long-lived handle to a Badger database, safe
// for concurrent use. Open one per directory per process and Close it when
// done; Close is idempotent.
type Store struct {
	db    *badger.DB
	vocab *Vocabulary
	ro    bool

	// wmu serializes writers: every write reads counters and identity keys
	// and must see the previous write, and one writer never conflicts.
	wmu sync.Mutex
	// ident filters identity reads of bulk loads; nil until the first
	// Load builds it, and reset by Restore. Guarded by wmu.
	ident *identFilter

	// mu guards the actor cache: actors are few and read on every list,
	// so they live in memory, mirrored from storage after each commit.
	mu     sync.RWMutex
	actors map[string]*Actor // by ID
	names  map[string]string // normalized name or alias -> ID
	deg    *degrees          // per-actor live-stance counters (see degrees)

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
	}
	if o.Vocabulary == nil {
		o.Vocabulary = DefaultVocabulary()
	}
	bo := badgerOptions(dir, o)
	if !o.InMemory && !o.ReadOnly {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("graph: create store directory: %w", err)
		}
		if err := removeEmptyMemtables(dir); err != nil {
			return nil, err
		}
	}
	db, err := badger.Open(bo)
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") || strings.Contains(err.Error(), "resource temporarily unavailable") {
			return nil, fmt.Errorf("%w: %s (stop the running graphd, or use --url to talk to it)", ErrLocked, dir)
		}
		return nil, fmt.Errorf("graph: open %s: %w", dir, err)
	}
	s := &Store{db: db, vocab: o.Vocabulary, ro: o.ReadOnly, closed: make(chan struct{})}
	if err := s.loadActors(); err != nil {
		db.Close()
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
		WithCompression(options.None).
		WithLogger(badgerLogger{o.Logger}).
		WithMetricsEnabled(false).
		// Writers are serialized by Store.wmu, so transactions cannot
		// conflict; tracking their reads would only cost time.
		WithDetectConflicts(false).
		// Memtables live on the Go heap: Badger's default of five
		// waiting to be flushed (plus the one being written) holds
		// 384 MiB at the default size; three keep bulk loads fed.
		WithNumMemtables(3)
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

// Vocabulary returns the stance types this store accepts.
func (s *Store) Vocabulary() *Vocabulary { return s.vocab }

// RunGC reclaims space in the value log; call it periodically on a busy
// store. It returns nil when there was nothing to reclaim.
func (s *Store) RunGC(ctx context.Context) error {
	if s.ro || s.isClosed() {
		return nil
	}
	for ctx.Err() == nil {
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
	w := &writer{s: s, txn: s.db.NewTransaction(true), counters: map[string]int64{}, cache: s.newCacheTxn()}
	defer func() { w.txn.Discard() }()
	if err := fn(w); err != nil {
		return err
	}
	if err := w.commit(); err != nil {
		return err
	}
	w.cache.apply()
	return nil
}

// loadActors fills the actor cache and the degree table from storage.
func (s *Store) loadActors() error {
	if err := s.loadDegrees(); err != nil {
		return fmt.Errorf("graph: load degrees: %w", err)
	}
	s.actors = map[string]*Actor{}
	s.names = map[string]string{}
	return s.db.View(func(txn *badger.Txn) error {
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
			s.actors[a.ID] = &a
			s.names[NormalizeName(a.Name)] = a.ID
			for _, al := range a.Aliases {
				s.names[NormalizeName(al)] = a.ID
			}
		}
		return nil
	})
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
	counters map[string]int64
	cache    *cacheTxn
	// splittable allows committing early on ErrTxnTooBig (bulk loads only:
	// input was validated up front, so a split cannot leave a bad half).
	splittable bool
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

func (w *writer) set(k, v []byte) error {
	w.size += int64(len(k) + len(v) + 16)
	w.count++
	err := w.txn.Set(k, v)
	if errors.Is(err, badger.ErrTxnTooBig) && w.splittable {
		if err := w.commit(); err != nil {
			return err
		}
		w.txn = w.s.db.NewTransaction(true)
		err = w.txn.Set(k, v)
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		return fmt.Errorf("graph: write too large for one transaction: %w", err)
	}
	return err
}

func (w *writer) delete(k []byte) error {
	w.size += int64(len(k) + 16)
	w.count++
	err := w.txn.Delete(k)
	if errors.Is(err, badger.ErrTxnTooBig) && w.splittable {
		if err := w.commit(); err != nil {
			return err
		}
		w.txn = w.s.db.NewTransaction(true)
		err = w.txn.Delete(k)
	}
	return err
}

// get returns a copy of the value at k, or nil and ErrNotFound.
func (w *writer) get(k []byte) ([]byte, error) { return getValue(w.txn, k) }

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

// commit flushes counter deltas and commits the transaction. Degree
// counters are read from the in-memory table (writers are serialized, so
// it equals storage here); the table learns the new values after the
// commit succeeds.
func (w *writer) commit() error {
	type degreeUpdate struct {
		actor []byte
		dir   byte
		typ   string
		n     int64
	}
	var updates []degreeUpdate
	for k, d := range w.counters {
		if d == 0 {
			continue
		}
		var n int64
		actor, dir, typ, isDegree := parseDegreeKey([]byte(k))
		known := false
		if isDegree {
			w.s.mu.RLock()
			n, known = w.s.deg.get(actor, dir, typ)
			w.s.mu.RUnlock()
		}
		if !known {
			v, err := w.get([]byte(k))
			switch {
			case err == nil && len(v) == 8:
				n = int64(binary.BigEndian.Uint64(v))
			case err != nil && !errors.Is(err, ErrNotFound):
				return err
			}
		}
		n += d
		if isDegree {
			updates = append(updates, degreeUpdate{actor, dir, typ, max(n, 0)})
		}
		var err error
		if n <= 0 {
			err = w.txn.Delete([]byte(k))
		} else {
			err = w.txn.Set([]byte(k), binary.BigEndian.AppendUint64(nil, uint64(n)))
		}
		if err != nil {
			return fmt.Errorf("graph: update counters: %w", err)
		}
	}
	clear(w.counters)
	w.size, w.count = 0, 0
	// The commit and the degree table change together under mu, so a
	// reader that opens its transaction and reads the table under mu (see
	// viewWithDegree) sees both before or both after.
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	if err := w.txn.Commit(); err != nil {
		return fmt.Errorf("graph: commit: %w", err)
	}
	for _, u := range updates {
		w.s.deg.set(u.actor, u.dir, u.typ, u.n)
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

// sortActors orders actors by normalized name, then ID.
func sortActors(as []Actor) {
	sort.Slice(as, func(i, j int) bool {
		ni, nj := NormalizeName(as[i].Name), NormalizeName(as[j].Name)
		if ni != nj {
			return ni < nj
		}
		return as[i].ID < as[j].ID
	})
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
// see the same commits.
func (s *Store) viewWithDegree(ctx context.Context, actor []byte, dirs []byte, types []string, fn func(txn *badger.Txn, total int, known bool) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.isClosed() {
		return ErrClosed
	}
	s.mu.RLock()
	txn := s.db.NewTransaction(false)
	n, known := s.deg.sum(actor, dirs, types)
	s.mu.RUnlock()
	defer txn.Discard()
	return fn(txn, n, known)
}
