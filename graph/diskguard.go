package graph

import (
	"fmt"
	"sync"
	"time"
)

// Badger writes its write-ahead logs, tables and value log through memory
// maps. On a full filesystem a store into a mapped page cannot fail with
// ENOSPC: the kernel kills the process with SIGBUS. So writes must stop
// while there is still room for what Badger writes next, which the guard
// checks before every write transaction.

// guardInterval is how long a free-space reading is trusted. One statfs
// costs a microsecond or two; a bulk load commits a transaction of up to
// 15% of a memtable every few milliseconds, and the reserve covers several
// memtables, so a reading this old cannot hide the last free bytes.
const guardInterval = 100 * time.Millisecond

// numMemtables is the number of memtables Badger keeps (see badgerOptions).
const numMemtables = 3

// reserveFor returns the free bytes a store with options o keeps on its
// filesystem: room for the write-ahead log of the memtable being filled
// and of the next one, for flushing the memtables waiting to become level
// 0 tables (one table of about a memtable each), and for one more value
// log file. Compactions write their output before deleting their input:
// one of level 0 (at most five memtables, Badger's trigger) fits in the
// reserve, a deep level's of a large store may not (the README says so).
// Value log GC copies a file's live values before deleting it: the value
// log file of the reserve.
func reserveFor(o Options) int64 {
	return (numMemtables+1)*o.MemTableSize + o.ValueLogFileSize
}

// diskGuard refuses writes while the free space on the store's filesystem
// is under the reserve. Safe for concurrent use.
type diskGuard struct {
	dir     string
	reserve int64
	// free reports the bytes available to an unprivileged writer on
	// dir's filesystem (see freeBytes); a seam for tests.
	free func(dir string) (int64, error)
	// every is how long a reading is trusted: guardInterval.
	every time.Duration

	mu      sync.Mutex
	checked time.Time // when last was read; zero: never
	last    int64
}

func newDiskGuard(dir string, reserve int64) *diskGuard {
	return &diskGuard{dir: dir, reserve: reserve, free: freeBytes, every: guardInterval}
}

// check returns an error wrapping ErrDiskFull when fewer than need bytes
// would be left above the reserve. need is what the caller is about to
// write, beyond the transaction the reserve already covers; 0 for most
// writes. A nil guard (in-memory store) never refuses.
func (g *diskGuard) check(need int64) error {
	if g == nil {
		return nil
	}
	free, err := g.reading()
	if err != nil {
		// Unknown free space must not stop writes that work today:
		// the filesystem may not report it (some network mounts).
		return nil
	}
	if free-need >= g.reserve {
		return nil
	}
	return &diskFullError{dir: g.dir, free: free, need: need, reserve: g.reserve}
}

// reading returns the free bytes, read afresh when the last reading is
// older than guardInterval.
func (g *diskGuard) reading() (int64, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.checked.IsZero() && time.Since(g.checked) < g.every {
		return g.last, nil
	}
	free, err := g.free(g.dir)
	if err != nil {
		return 0, err
	}
	g.last, g.checked = free, time.Now()
	return free, nil
}

// forget drops the cached reading, so the next check reads afresh.
func (g *diskGuard) forget() {
	if g == nil {
		return
	}
	g.mu.Lock()
	g.checked = time.Time{}
	g.mu.Unlock()
}

// diskFullError is ErrDiskFull with the figures a user needs to act on it.
type diskFullError struct {
	dir                 string
	free, need, reserve int64
}

func (e *diskFullError) Error() string {
	msg := fmt.Sprintf("%v: %s has %s free, under the %s the store keeps in reserve", ErrDiskFull, e.dir, mib(e.free), mib(e.reserve))
	if e.need > 0 {
		msg = fmt.Sprintf("%v: %s has %s free, and this write needs %s above the %s the store keeps in reserve", ErrDiskFull, e.dir, mib(e.free), mib(e.need), mib(e.reserve))
	}
	return msg + "; reads go on, and writes resume once space is freed"
}

func (e *diskFullError) Unwrap() error { return ErrDiskFull }

// mib formats a byte count for messages: exact bytes, and MiB to read.
func mib(n int64) string {
	return fmt.Sprintf("%d bytes (%.1f MiB)", n, float64(n)/(1<<20))
}
