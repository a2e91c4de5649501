package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/ristretto/v2/z"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/graph/internal/spill"
)

// importMarker names the file that exists in a store directory while an
// import is under way. Open finding it means the process died before the
// import committed; the store was empty before it, so Open empties it
// again (see clearUnfinishedImport).
const importMarker = "IMPORTING"

// importSpillDir is where an import spills sorted runs, inside the store
// directory so that it is on the same disk and found after a crash.
const importSpillDir = "import.tmp"

// Importer fills an empty store with many batches much faster than Load:
// records are sorted outside Badger and written as finished tables in one
// pass at Commit, instead of going through Badger's memtables and
// compactions. Batches are validated and merged exactly as Load does, so
// the store after Commit is the one the same Loads would have built.
//
// The import is all-or-nothing: nothing is visible until Commit returns,
// a batch that fails validation is rejected alone (the import goes on),
// and a process that dies before Commit returns leaves the store empty
// when it is next opened. The Importer holds the store's writer lock from
// Import to Commit or Abort: other writes, Close included, wait for it.
// Reads see the empty store until Commit, and wait while it writes.
// An Importer is not safe for concurrent use.
type Importer struct {
	s      *Store
	w      *writer
	sorter *spill.Sorter
	spill  string // spill directory
	marker string // marker file; "" for an in-memory store
	res    LoadResult
	err    error // a failure that leaves the import unusable
	done   bool
	// keepMarker leaves the marker for Open when a failed Commit could
	// not take its tables out again.
	keepMarker bool
	// meta is the store's metadata (its vocabulary), which emptying the
	// store for the import's tables must not lose.
	meta []metaEntry
	// codes lists the imported actors by upper-case code, for
	// ActorByCode: the store's own index sees them only after Commit.
	codes map[string][]string
}

// Import starts an import into s, which must hold no records (else
// ErrNotEmpty); callers with a non-empty store use Load. The buffer
// holds Options.ImportBufferSize bytes before spilling to disk.
func (s *Store) Import(ctx context.Context) (*Importer, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.ro {
		return nil, ErrReadOnly
	}
	s.wmu.Lock()
	im, err := s.startImport()
	if err != nil {
		s.wmu.Unlock()
		return nil, err
	}
	return im, nil
}

func (s *Store) startImport() (*Importer, error) {
	if s.isClosed() {
		return nil, ErrClosed
	}
	empty, err := s.IsEmpty(context.Background())
	if err != nil {
		return nil, err
	}
	if !empty {
		return nil, fmt.Errorf("%w: an import needs an empty store (load into this one instead)", ErrNotEmpty)
	}
	im := &Importer{s: s, codes: map[string][]string{}}
	if im.meta, err = readMeta(s.db); err != nil {
		return nil, err
	}
	if s.dir == "" {
		if im.spill, err = os.MkdirTemp("", "stancegraph-import-"); err != nil {
			return nil, fmt.Errorf("graph: import: %w", err)
		}
	} else {
		im.spill = filepath.Join(s.dir, importSpillDir)
		im.marker = filepath.Join(s.dir, importMarker)
		if err := os.RemoveAll(im.spill); err != nil {
			return nil, fmt.Errorf("graph: import: %w", err)
		}
		// The marker is durable before anything else happens, so a
		// crash at any later point is recognised by Open.
		if err := writeSynced(im.marker, "an import into this empty store is under way; if no process is running it, the next Open empties the store\n"+encodeMeta(im.meta)); err != nil {
			return nil, fmt.Errorf("graph: import: %w", err)
		}
	}
	if im.sorter, err = spill.New(im.spill, s.importBuffer); err != nil {
		im.cleanup()
		return nil, fmt.Errorf("graph: import: %w", err)
	}
	s.ident = nil // built afresh from the empty storage by the first batch
	im.w = &writer{s: s, counters: map[string]*int64{}, degrees: map[degreeSlot]int64{}, cache: s.newCacheTxn(), imp: im.sorter}
	return im, nil
}

// Load validates b against the store and the batches imported before it,
// and adds it to the import. A batch with a bad record is rejected with a
// *RecordError, as Load rejects it, and the import goes on without it.
// Any other failure ends the import: only Abort remains.
func (im *Importer) Load(ctx context.Context, b Batch) (LoadResult, error) {
	if err := im.usable(); err != nil {
		return LoadResult{}, err
	}
	// The checks' actors serve the preparation only when no actor of the
	// batch can take a name over in between (see quoteSpans).
	quotes := newQuoteSpans(b.Stances, len(b.Actors) == 0)
	docs, err := im.s.validateBatch(ctx, &b, im.w.cache, im.storedDocument, quotes)
	if err != nil {
		if ctx.Err() == nil && !errors.As(err, new(*RecordError)) {
			im.err = err
		}
		return LoadResult{}, err
	}
	// The batch's documents stay in memory for the stances citing
	// them, which would otherwise read each back from the sorter.
	im.w.created = make(map[[keys.IDLen]byte]*docRecord, len(b.Documents))
	im.w.quotes = quotes
	if len(b.Actors) > 0 || im.w.resolved == nil {
		// The memos name actors as they were: a batch that loads
		// actors may change them. Kept otherwise, they spare each
		// batch resolving every name again (a fifth of preparing a
		// stance in a 200k-stance import of four batches).
		im.w.resolved = make([]map[string]*Actor, prepareWorkers()+1) // and the writer's
		for i := range im.w.resolved {
			im.w.resolved[i] = map[string]*Actor{}
		}
	}
	res, err := im.s.apply(ctx, im.w, b, docs)
	im.w.created, im.w.quotes = nil, nil
	if err != nil {
		// Part of the batch is in the sorter and cannot be taken out.
		im.err = fmt.Errorf("graph: import failed partway through a batch, abort it: %w", err)
		return LoadResult{}, err
	}
	im.res.Add(res)
	im.indexCodes(b)
	return res, nil
}

// storedDocument finds a document imported by an earlier batch.
func (im *Importer) storedDocument(id string) (*Document, error) {
	b, err := idBytes(id)
	if err != nil {
		return nil, nil
	}
	v, err := im.w.get(keys.DocumentKey(b))
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	d, err := readDocument(im.w.get, b, v)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

func (im *Importer) usable() error {
	switch {
	case im.done:
		return errors.New("graph: import already committed or aborted")
	case im.err != nil:
		return im.err
	}
	return nil
}

// Result returns what the batches loaded so far added.
func (im *Importer) Result() LoadResult { return im.res }

// Commit writes everything imported into the store as sorted tables and
// makes it visible. On failure the store is left empty.
func (im *Importer) Commit(ctx context.Context) error {
	if err := im.usable(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s := im.s
	defer im.finish()
	// Tables are written through memory maps: refuse rather than die
	// of SIGBUS on a full disk (see diskGuard).
	if err := s.guard.check(0); err != nil {
		return fmt.Errorf("graph: import: %w", err)
	}
	if err := im.flushCounters(); err != nil {
		return err
	}
	// Readers would otherwise see tables appear one by one.
	s.gate.Lock()
	defer s.gate.Unlock()
	// What publish hands the store is built while the tables are
	// written: after them it ran alone, 0.11 s of a 1M-stance import.
	// Its maps then live beside Badger's table builders, which did not
	// raise the peak of a 10M import (1,451 MiB anonymous, 1,450 before).
	// Every way out of Commit receives from ready.
	ready := make(chan published, 1)
	go func() { ready <- im.published() }()
	if err := im.stream(ctx); err != nil {
		<-ready
		derr := s.db.DropAll()
		if derr == nil {
			derr = writeMeta(s.db, im.meta)
		}
		if derr != nil {
			// Part of the import may be in the store: the marker
			// stays, so that the next Open empties it.
			im.keepMarker = true
			err = errors.Join(err, fmt.Errorf("graph: import: empty the store again: %w", derr))
		}
		return err
	}
	p := <-ready
	if im.marker != "" {
		if err := removeSynced(im.marker); err != nil {
			return fmt.Errorf("graph: import: %w", err)
		}
	}
	im.publish(p)
	return nil
}

// published is what an import hands the store once its tables are in:
// the degree table, actors by ID and their names' owners.
type published struct {
	deg    *degrees
	actors map[string]*Actor
	names  map[string]string
}

// published builds, from the actor cache and degree counts the import
// kept, what publish hands the store. The store was empty and the
// import's writer never committed, so they hold what the committed
// tables hold; reading those back instead (loadActors), every actor and
// counter decoded again, took 1.4% of a 200k-stance import's CPU and
// about 0.35 s of a 1M one. TestImportPublishesWhatItWrote compares the
// two. It only reads the import's state, which no longer changes.
func (im *Importer) published() published {
	s, c := im.s, im.w.cache
	d := newDegrees(s.Vocabulary())
	for sl, n := range im.w.degrees {
		if n > 0 { // flushCounters stores no other
			d.setAt(sl, n)
		}
	}
	actors := make(map[string]*Actor, len(c.actors))
	for id, a := range c.actors {
		if a != nil {
			actors[id] = a
		}
	}
	names := make(map[string]string, len(c.names))
	for n, id := range c.names {
		if id != "" {
			names[n] = id
		}
	}
	return published{d, actors, names}
}

// publish hands the store p, built by published.
func (im *Importer) publish(p published) {
	s := im.s
	s.mu.Lock()
	s.deg, s.actors, s.names = p.deg, p.actors, p.names
	s.actorGen++
	s.mu.Unlock()
}

// flushCounters adds the store and degree counters to the sorter: the
// store was empty, so each delta is the counter's value.
func (im *Importer) flushCounters() error {
	put := func(k []byte, n int64) error {
		if n <= 0 {
			return nil
		}
		return im.sorter.Put(k, binary.BigEndian.AppendUint64(nil, uint64(n)), false)
	}
	for k, d := range im.w.counters {
		if err := put([]byte(k), *d); err != nil {
			return err
		}
	}
	for sl, d := range im.w.degrees {
		if err := put(im.s.deg.key(sl), d); err != nil {
			return err
		}
	}
	for _, m := range im.meta {
		if err := im.sorter.Put(m.key, m.value, false); err != nil {
			return err
		}
	}
	return nil
}

// stream replays the sorter in key order into Badger's StreamWriter:
// three disjoint key ranges, merged side by side, each one stream whose
// tables Badger builds in goroutines of its own.
func (im *Importer) stream(ctx context.Context) error {
	sw := im.s.db.NewStreamWriter()
	if err := sw.Prepare(); err != nil {
		sw.Cancel()
		return fmt.Errorf("graph: import: %w", err)
	}
	if err := im.sorter.Seal(); err != nil {
		sw.Cancel()
		return fmt.Errorf("graph: import: %w", err)
	}
	// Three key ranges are merged side by side; each sends its buffers
	// to the StreamWriter, which builds tables in goroutines of its own.
	// Badger's cost is per key, so the ranges split the keys about
	// evenly: actors, documents, I and identity entries (1.45 keys a
	// stance); O and S entries (2); and dates, degree counters and
	// citations (2.4). The last range once began at S, with 3.4 keys a
	// stance, and ran alone at the end of every merge.
	bounds := [][]byte{nil, {keys.Out}, {keys.Date}, nil}
	errs := make(chan error, len(bounds)-1)
	var stop atomic.Bool // a range failed: the others give up
	for i := range len(bounds) - 1 {
		go func() {
			err := im.mergeRange(ctx, sw, uint32(i+1), bounds[i], bounds[i+1], &stop)
			if err != nil {
				stop.Store(true)
			}
			errs <- err
		}()
	}
	var err error
	for range len(bounds) - 1 {
		err = errors.Join(err, <-errs)
	}
	if err != nil {
		sw.Cancel()
		return fmt.Errorf("graph: import: %w", err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("graph: import: %w", err)
	}
	return nil
}

// mergeRange streams the sorter's keys in [lo, hi), which come out
// sorted, to sw as one stream. One stream per range rather than per key
// family: Badger holds a table builder of twice the bottom level's table
// size (128 MiB) for every stream until Flush, so streams cost memory.
func (im *Importer) mergeRange(ctx context.Context, sw *badger.StreamWriter, stream uint32, lo, hi []byte, stop *atomic.Bool) error {
	// Write copies what it keeps, so one buffer serves the whole range.
	buf := z.NewBuffer(8<<20, "stancegraph.import")
	defer buf.Release()
	n := 0
	send := func() error {
		if buf.LenNoPadding() == 0 {
			return nil
		}
		err := sw.Write(buf)
		buf.Reset()
		return err
	}
	err := im.sorter.MergeRange(lo, hi, func(k, v []byte) error {
		if n++; n%65536 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if stop.Load() {
				return errors.New("another range failed")
			}
		}
		appendKV(buf, k, v, stream)
		if buf.LenNoPadding() >= 4<<20 {
			return send()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return nil // no stream was opened: nothing to close
	}
	if err := send(); err != nil {
		return err
	}
	// Closed now, the stream's last table is built and synced while the
	// other ranges still merge, not after all of them at Flush: an
	// import whose ranges hold a table or less each (200k stances) would
	// otherwise build every table at the end, one core idle meanwhile.
	appendStreamDone(buf, stream)
	return send()
}

// appendKV adds to buf what badger.KVToBuffer would for a pb.KV of key k,
// value v, version 1 and stream id: its protobuf encoding, written by
// hand because reflection-based marshalling was a fifth of the merge.
// TestAppendKVMatchesProto pins the equivalence.
func appendKV(buf *z.Buffer, k, v []byte, stream uint32) {
	n := protowire.SizeTag(1) + protowire.SizeBytes(len(k)) + protowire.SizeTag(4) + 1 + protowire.SizeTag(10) + protowire.SizeVarint(uint64(stream))
	if len(v) > 0 {
		n += protowire.SizeTag(2) + protowire.SizeBytes(len(v))
	}
	b := buf.SliceAllocate(n)[:0]
	b = protowire.AppendTag(b, 1, protowire.BytesType)
	b = protowire.AppendBytes(b, k)
	if len(v) > 0 {
		b = protowire.AppendTag(b, 2, protowire.BytesType)
		b = protowire.AppendBytes(b, v)
	}
	b = protowire.AppendTag(b, 4, protowire.VarintType)
	b = protowire.AppendVarint(b, 1)
	b = protowire.AppendTag(b, 10, protowire.VarintType)
	protowire.AppendVarint(b, uint64(stream))
}

// appendStreamDone adds to buf what badger.KVToBuffer would for a pb.KV
// closing the stream: the StreamWriter then finishes its table at once.
func appendStreamDone(buf *z.Buffer, stream uint32) {
	n := protowire.SizeTag(10) + protowire.SizeVarint(uint64(stream)) + protowire.SizeTag(11) + 1
	b := buf.SliceAllocate(n)[:0]
	b = protowire.AppendTag(b, 10, protowire.VarintType)
	b = protowire.AppendVarint(b, uint64(stream))
	b = protowire.AppendTag(b, 11, protowire.VarintType)
	protowire.AppendVarint(b, 1)
}

// Abort discards the import; the store stays empty. It is a no-op after
// Commit or Abort.
func (im *Importer) Abort() error {
	if im.done {
		return nil
	}
	im.finish()
	return nil
}

// finish releases the spill files, the marker and the writer lock.
func (im *Importer) finish() {
	if im.done {
		return
	}
	im.done = true
	im.cleanup()
	// An aborted import's keys may be in the filter, and a committed
	// one's filter is a chain: the next Load builds one from storage.
	im.s.ident = nil
	im.s.wmu.Unlock()
}

func (im *Importer) cleanup() {
	if im.sorter != nil {
		im.sorter.Close()
	}
	os.RemoveAll(im.spill)
	if im.marker != "" && !im.keepMarker {
		// After a successful Commit the marker is gone already; after a
		// failure nothing was written, or DropAll took it out again.
		os.Remove(im.marker)
	}
}

// clearUnfinishedImport empties a store whose import never committed: the
// store was empty before it, and Commit is the import's only point of
// visibility, so emptying it is the state the import's caller was told.
func clearUnfinishedImport(db *badger.DB, dir string, log *slog.Logger) error {
	marker := filepath.Join(dir, importMarker)
	text, err := os.ReadFile(marker)
	if errors.Is(err, os.ErrNotExist) {
		return os.RemoveAll(filepath.Join(dir, importSpillDir))
	}
	if err != nil {
		return fmt.Errorf("graph: clear unfinished import: %w", err)
	}
	if err := db.DropAll(); err != nil {
		return fmt.Errorf("graph: clear unfinished import: %w", err)
	}
	if err := writeMeta(db, decodeMeta(string(text))); err != nil {
		return fmt.Errorf("graph: clear unfinished import: %w", err)
	}
	if err := os.RemoveAll(filepath.Join(dir, importSpillDir)); err != nil {
		return fmt.Errorf("graph: clear unfinished import: %w", err)
	}
	if err := removeSynced(marker); err != nil {
		return fmt.Errorf("graph: clear unfinished import: %w", err)
	}
	if log != nil {
		log.Warn("an import into this store did not finish; the store was emptied as it was before the import", "dir", dir)
	}
	return nil
}

// writeSynced creates name with text and makes the file and its directory
// entry durable.
func writeSynced(name, text string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return syncDir(filepath.Dir(name))
}

// removeSynced removes name durably.
func removeSynced(name string) error {
	if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return syncDir(filepath.Dir(name))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
