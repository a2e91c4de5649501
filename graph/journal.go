package graph

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// A bulk load larger than one Badger transaction commits in several. To
// keep Load all-or-nothing across a crash, the validated batch is written
// to a journal file in the store directory before the first of those
// commits and removed after the last: a journal left behind is a load that
// was promised whole and is finished (merged again, which is idempotent)
// before anything else is written. See Load.

// journalName names the journal file in the store directory.
const journalName = "LOADING"

// journalMagic starts a journal file, naming its format: version 2 is a
// gob stream of a journalHeader and the records in journalChunks of up to
// journalChunkSize each (encoding a whole batch as one gob value grew a
// buffer the size of the batch, by copying, on the load's path); version
// 1, one gob-encoded Batch, is still read.
const (
	journalMagic   = "stancegraph-load-journal 2\n"
	journalMagicV1 = "stancegraph-load-journal 1\n"
)

// journalChunkSize is how many records of a kind a journalChunk holds.
const journalChunkSize = 1024

// journalHeader opens a version 2 journal: the batch's flags and how many
// records of each kind the chunks after it hold.
type journalHeader struct {
	Upsert, ReturnStored       bool
	Actors, Documents, Stances int
}

// journalChunk is a run of one kind of record of a journaled batch.
type journalChunk struct {
	Actors    []Actor
	Documents []Document
	Stances   []StanceSpec
}

// journalPath returns where s keeps its journal; "" for an in-memory store.
func (s *Store) journalPath() string {
	if s.dir == "" {
		return ""
	}
	return filepath.Join(s.dir, journalName)
}

// writeJournal records b at path durably: it is written to a temporary
// file, synced and renamed, so path holds either nothing or all of b.
func writeJournal(path string, b *Batch) error {
	tmp := path + ".tmp"
	err := writeJournalFile(tmp, b)
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	if err != nil {
		os.Remove(tmp)
		if errors.Is(err, syscall.ENOSPC) {
			return fmt.Errorf("%w: %s: no room for the load's journal: %v", ErrDiskFull, filepath.Dir(path), err)
		}
		return fmt.Errorf("graph: write load journal: %w", err)
	}
	return nil
}

func writeJournalFile(name string, b *Batch) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	_, err = bw.WriteString(journalMagic)
	if err == nil {
		err = encodeJournal(gob.NewEncoder(bw), b)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// encodeJournal writes b as a journalHeader and journalChunks.
func encodeJournal(enc *gob.Encoder, b *Batch) error {
	h := journalHeader{Upsert: b.Upsert, ReturnStored: b.ReturnStored, Actors: len(b.Actors), Documents: len(b.Documents), Stances: len(b.Stances)}
	if err := enc.Encode(h); err != nil {
		return err
	}
	for i := 0; i < len(b.Actors); i += journalChunkSize {
		if err := enc.Encode(journalChunk{Actors: b.Actors[i:min(i+journalChunkSize, len(b.Actors))]}); err != nil {
			return err
		}
	}
	for i := 0; i < len(b.Documents); i += journalChunkSize {
		if err := enc.Encode(journalChunk{Documents: b.Documents[i:min(i+journalChunkSize, len(b.Documents))]}); err != nil {
			return err
		}
	}
	for i := 0; i < len(b.Stances); i += journalChunkSize {
		if err := enc.Encode(journalChunk{Stances: b.Stances[i:min(i+journalChunkSize, len(b.Stances))]}); err != nil {
			return err
		}
	}
	return nil
}

// decodeJournal reads a batch written by encodeJournal.
func decodeJournal(dec *gob.Decoder) (*Batch, error) {
	var h journalHeader
	if err := dec.Decode(&h); err != nil {
		return nil, err
	}
	b := &Batch{Upsert: h.Upsert, ReturnStored: h.ReturnStored}
	for len(b.Actors) < h.Actors || len(b.Documents) < h.Documents || len(b.Stances) < h.Stances {
		var c journalChunk
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("after %d actors, %d documents and %d stances of %d, %d and %d: %w",
				len(b.Actors), len(b.Documents), len(b.Stances), h.Actors, h.Documents, h.Stances, err)
		}
		if len(c.Actors)+len(c.Documents)+len(c.Stances) == 0 {
			return nil, errors.New("empty chunk")
		}
		b.Actors = append(b.Actors, c.Actors...)
		b.Documents = append(b.Documents, c.Documents...)
		b.Stances = append(b.Stances, c.Stances...)
	}
	if len(b.Actors) != h.Actors || len(b.Documents) != h.Documents || len(b.Stances) != h.Stances {
		return nil, fmt.Errorf("holds %d actors, %d documents and %d stances, its header %d, %d and %d",
			len(b.Actors), len(b.Documents), len(b.Stances), h.Actors, h.Documents, h.Stances)
	}
	return b, nil
}

// readJournal reads the batch recorded at path.
func readJournal(path string) (*Batch, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	magic := make([]byte, len(journalMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != journalMagic && string(magic) != journalMagicV1 {
		return nil, fmt.Errorf("%s does not start with %q", path, journalMagic[:len(journalMagic)-1])
	}
	dec := gob.NewDecoder(br)
	if string(magic) == journalMagicV1 {
		var b Batch
		if err := dec.Decode(&b); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return &b, nil
	}
	b, err := decodeJournal(dec)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// journaled reports whether a load is journaled in s's directory.
func (s *Store) journaled() bool {
	p := s.journalPath()
	if p == "" {
		return false
	}
	_, err := os.Stat(p)
	return err == nil
}

// finishJournaled finishes at Open a load that a crash interrupted.
func (s *Store) finishJournaled(log *slog.Logger) error {
	if s.ro || !s.journaled() {
		return nil
	}
	if log != nil {
		log.Warn("a load into this store was interrupted after part of it was stored; finishing it", "journal", s.journalPath())
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.finishJournal(context.Background())
}

// finishJournal loads the journaled batch, if any, again and removes the
// journal; the writer lock is held. What is already stored is merged, so
// the store ends as if the load had never been interrupted.
func (s *Store) finishJournal(ctx context.Context) error {
	if !s.journaled() {
		return nil
	}
	path := s.journalPath()
	fail := func(err error) error {
		return fmt.Errorf("graph: finish the interrupted load journaled in %s (part of it is stored): %w; "+
			"if it cannot be finished (another vocabulary than the one it was loaded with?), remove that file to keep the store as it is", path, err)
	}
	b, err := readJournal(path)
	if err != nil {
		return fail(err)
	}
	docs, err := s.validateBatch(ctx, b, s.readCache(), s.storedDocument(ctx), nil)
	if err != nil {
		return fail(err)
	}
	err = s.updateLocked(ctx, func(w *writer) error {
		s.bulk(w, nil)
		_, err := s.apply(ctx, w, *b, docs)
		return err
	})
	if err != nil {
		return fail(err)
	}
	if err := removeSynced(path); err != nil {
		return fail(err)
	}
	return nil
}

// bulk sets w up for a load of a validated batch: split into several
// transactions when large, with journal run before the first split
// commits (nil when the batch is journaled already).
func (s *Store) bulk(w *writer, journal func() error) {
	w.splittable = true
	w.staged = newStageMap()
	w.journal = journal
	w.created = map[[keys.IDLen]byte]*docRecord{}
}

// commitPoint lets a load's context cancel it only until its journal is
// written: from then on the load is promised whole, and a crash would
// finish it, so a client that leaves must not stop it half way either.
type commitPoint struct {
	ctx    context.Context // the load's context, cancelled only before the point
	parent context.Context
	stop   func() bool

	mu     sync.Mutex
	passed bool
	cancel context.CancelFunc
}

func newCommitPoint(parent context.Context) *commitPoint {
	ctx, cancel := context.WithCancel(context.WithoutCancel(parent))
	cp := &commitPoint{ctx: ctx, parent: parent, cancel: cancel}
	cp.stop = context.AfterFunc(parent, func() {
		cp.mu.Lock()
		defer cp.mu.Unlock()
		if !cp.passed {
			cp.cancel()
		}
	})
	return cp
}

// pass runs record unless the load was cancelled first; once it
// succeeds, cancelling the parent no longer stops the load.
func (cp *commitPoint) pass(record func() error) error {
	cp.mu.Lock()
	defer cp.mu.Unlock()
	if cp.ctx.Err() != nil {
		return cp.err()
	}
	if err := record(); err != nil {
		return err
	}
	cp.passed = true
	return nil
}

// isPassed reports whether the journal was written.
func (cp *commitPoint) isPassed() bool {
	cp.mu.Lock()
	defer cp.mu.Unlock()
	return cp.passed
}

// err returns the parent's error, which callers compare with theirs.
func (cp *commitPoint) err() error {
	if err := cp.parent.Err(); err != nil {
		return err
	}
	return cp.ctx.Err()
}

// release frees the commit point's resources.
func (cp *commitPoint) release() {
	cp.stop()
	cp.cancel()
}
