package graph

import (
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Badger memory-maps its tables, and the kernel answers a fault on a
// mapped file by reading around the faulting page: as much as the
// device's read_ahead_kb, 128 KiB by default and 8 MiB on the virtual
// disk the benchmarks ran on. A listing reads a few KiB somewhere in the
// store, so once the store outgrows the memory left to the page cache each
// fault read megabytes nobody asked for and evicted as much of what the
// next read needed: at 10M stances in a 2,000 MiB cgroup, 2-hop p50 365 ms
// and paths p99 383 ms, against 22 ms and 19 ms with each fault reading
// its page only. So the store marks its tables' mappings for random
// access. A scan of a whole family (the analyses' index builds) wants the
// opposite, and marks them for sequential access while it runs, or it
// pays one disk read for every 4 KiB page.

// A store that fits in the page cache gains nothing from this and loses
// the kernel's fault-around, which maps up to 16 cached pages on one
// fault: at 1M stances on a machine with memory to spare, paths p99 went
// from 2.1 to 3.8 ms and dyad p50 from 111 to 208 us. So the tables are
// marked only while they are larger than randomShare of the memory the
// page cache can have (the machine's, or the cgroup's limit when lower),
// and left to the kernel's default otherwise.

// randomShare is the share of the page cache's memory the tables must
// exceed for random access: beyond it, the pages a read-around brings in
// crowd out the ones reads come back for.
const randomShare = 0.5

// access is the advice given to the tables.
type access int

const (
	accessNormal     access = iota // the kernel's default read-around
	accessRandom                   // each fault reads its page
	accessSequential               // aggressive read-ahead, for a scan
)

// advicePolicy chooses the tables' advice from their total size.
type advicePolicy struct {
	memory   int64 // the page cache's memory at most; 0 if unknown
	scanning bool
}

func (p advicePolicy) choose(tables int64) access {
	switch {
	case p.memory <= 0 || float64(tables) <= randomShare*float64(p.memory):
		return accessNormal
	case p.scanning:
		return accessSequential
	}
	return accessRandom
}

// tableAdviceInterval is how often a store marks the tables that
// compactions, flushes and imports created since the last time: a table
// read before it is marked is read as any mapped file is.
const tableAdviceInterval = 2 * time.Second

// tableAdvice keeps the access pattern of one store's mapped tables.
type tableAdvice struct {
	dir    string
	memory int64 // see advicePolicy
	// mu guards scans, and serializes marking so that the end of a scan
	// cannot be overtaken by a tick that began during it.
	mu    sync.Mutex
	scans int // scans running; while any is, tables are sequential
	// advised is the advice each mapped table has, so that a tick
	// advises only tables that are new or whose advice changed.
	advised map[mapping]access
}

// startTableAdvice advises dir's tables now and every
// tableAdviceInterval until closed is closed, new tables included. It
// returns nil where the kernel takes no advice (adviceSupported) or for
// an in-memory store.
func startTableAdvice(dir string, closed <-chan struct{}) *tableAdvice {
	if dir == "" || !adviceSupported {
		return nil
	}
	a := &tableAdvice{dir: absDir(dir), memory: cacheMemory()}
	a.mark()
	go func() {
		t := time.NewTicker(tableAdviceInterval)
		defer t.Stop()
		for {
			select {
			case <-closed:
				return
			case <-t.C:
				a.mark()
			}
		}
	}()
	return a
}

// mark advises every mapped table of the store as their size and the
// running scans want.
func (a *tableAdvice) mark() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.markLocked()
}

func (a *tableAdvice) markLocked() {
	ms, err := tableMappingsOf(a.dir)
	if err != nil {
		return // advice is a hint: unadvised tables read correctly, only slower
	}
	var total int64
	for _, m := range ms {
		total += int64(m.end - m.start)
	}
	want := advicePolicy{memory: a.memory, scanning: a.scans > 0}.choose(total)
	a.advised = adviseChanged(ms, want, a.advised, madvise)
}

// adviseChanged gives want, through advise, to each mapping of ms whose
// advice in had differs, and returns the advice each mapping now has. A
// mapping not in had has the kernel's default. One that advise refuses
// (gone since it was listed, or the kernel declines) keeps its old
// advice and is tried again next time.
func adviseChanged(ms []mapping, want access, had map[mapping]access, advise func(mapping, access) error) map[mapping]access {
	now := make(map[mapping]access, len(ms))
	for _, m := range ms {
		cur, ok := had[m]
		if !ok {
			cur = accessNormal
		}
		if cur != want && advise(m, want) == nil {
			cur = want
		}
		now[m] = cur
	}
	return now
}

// scanning marks the tables for sequential access, when they are marked
// at all, until the returned function is called; a nil *tableAdvice does
// nothing. Reads that run meanwhile get the read-ahead too: a scan of a
// whole family is rare and short beside the reads it would otherwise
// slow by one disk read a page.
func (a *tableAdvice) scanning() (done func()) {
	if a == nil {
		return func() {}
	}
	a.mu.Lock()
	a.scans++
	if a.scans == 1 {
		a.markLocked()
	}
	a.mu.Unlock()
	return func() {
		a.mu.Lock()
		a.scans--
		if a.scans == 0 {
			a.markLocked()
		}
		a.mu.Unlock()
	}
}

// mapping is an address range of the process mapped from a file. The
// inode tells a new table mapped where a deleted one was from the old.
type mapping struct {
	start, end uintptr
	inode      uint64
}

// tableMappings finds the mappings of dir's tables (*.sst) in the text of
// /proc/self/maps, where paths are absolute with symbolic links resolved.
func tableMappings(maps, dir string) []mapping {
	var out []mapping
	prefix := strings.TrimSuffix(dir, "/") + "/"
	for _, line := range strings.Split(maps, "\n") {
		f := strings.Fields(line)
		// address perms offset dev inode path; a deleted file's path
		// ends in " (deleted)" and is not a table any more.
		if len(f) != 6 || !strings.HasPrefix(f[5], prefix) || !strings.HasSuffix(f[5], ".sst") {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		inode, err3 := strconv.ParseUint(f[4], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil || end <= start {
			continue
		}
		out = append(out, mapping{uintptr(start), uintptr(end), inode})
	}
	return out
}

// absDir is dir as /proc/self/maps names it: absolute, with symbolic
// links resolved; dir itself when that fails.
func absDir(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}
