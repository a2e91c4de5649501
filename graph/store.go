package graph

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"
)

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
	// tables keeps the access pattern of the mapped tables (see
	// readahead.go); nil for an in-memory store or off Linux.
	tables *tableAdvice

	// importBuffer is Options.ImportBufferSize.
	importBuffer int
	// gate holds readers back while an import's tables are added (see
	// Importer.Commit); every read path takes it shared.
	gate sync.RWMutex

	// wmu serializes writers: every write reads counters and identity keys
	// and must see the previous write, and one writer never conflicts.
	wmu sync.Mutex
	// ident filters identity reads of bulk loads; nil until the first
	// Load large enough to be worth it builds it (see
	// filterWorthBuilding), and reset by Restore. Guarded by wmu.
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
	// commitHook, when set (by tests only), runs as a write transaction
	// is about to commit synchronously, and when a bulk load's split is
	// written and not yet visible (see sendSorted): what a reader may do
	// then, and where a process may die.
	commitHook func()

	closeOnce sync.Once
	closeErr  error
	closed    chan struct{}
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
