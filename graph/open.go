package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Open opens or creates the store in dir. opts may be nil for DefaultOptions;
// zero sizes in it take their defaults.
// When another process holds dir, Open returns an error wrapping ErrLocked.
func Open(dir string, opts *Options) (*Store, error) {
	o := DefaultOptions()
	if opts != nil {
		o = opts.withDefaults()
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
	if err := s.settleLayout(o.Logger, nil); err != nil {
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
	if !o.InMemory && !o.Readahead {
		// Last, so that an Open that fails leaves no advising goroutine
		// behind; the settling above runs on the kernel's default.
		s.tables = startTableAdvice(dir, s.closed)
	}
	return s, nil
}

// Close flushes and closes the store. Calling it again returns the first result.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		close(s.closed)
		s.nets.stop()
		s.wmu.Lock()
		defer s.wmu.Unlock()
		s.closeErr = s.db.Close()
	})
	return s.closeErr
}

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
