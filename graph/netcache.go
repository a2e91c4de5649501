package graph

import (
	"runtime/debug"
	"time"
)

// The alignment index holds a few bytes for every pair of actors with
// stances, 200 MB at 10M stances, and graphd runs the collector at GOGC
// 400: while the index lives, the heap may grow to five times as much
// before a collection, memory a server in a small container needs for the
// page cache its reads come from (at 10M stances in 2,000 MiB the heap
// kept 1.3 GiB after the analyses, leaving 0.7 GiB for a 4.9 GB store).
// Alignment queries come in bursts, an analyst comparing actors, and the
// next write makes the index stale anyway; so an index idle for netIdle
// is dropped, and a large one handed back to the operating system at once.

// netIdle is how long an unused alignment index is kept.
const netIdle = 30 * time.Second

// netReleaseBytes is the size from which dropping an index also returns
// the freed memory to the operating system: below it, the collector's
// own pace costs less than a forced collection.
const netReleaseBytes = 64 << 20

// touchLocked records a use of the index and arms the timer that drops
// it; c.mu is held.
func (c *netCache) touchLocked() {
	c.used = time.Now()
	if c.timer == nil {
		c.timer = time.AfterFunc(c.idleFor(), c.expire)
	}
}

func (c *netCache) idleFor() time.Duration {
	if c.idle > 0 {
		return c.idle
	}
	return netIdle
}

// expire drops the index when it has been idle long enough, and waits
// for the rest of the time otherwise.
func (c *netCache) expire() {
	c.mu.Lock()
	if c.timer == nil { // stopped meanwhile
		c.mu.Unlock()
		return
	}
	if left := c.idleFor() - time.Since(c.used); left > 0 && c.ix != nil {
		c.timer.Reset(left)
		c.mu.Unlock()
		return
	}
	large := c.ix != nil && c.ix.bytes() >= netReleaseBytes
	c.ix, c.timer = nil, nil
	c.mu.Unlock()
	if large {
		debug.FreeOSMemory()
	}
}

// stop drops the index and its timer, for Close.
func (c *netCache) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.timer != nil {
		c.timer.Stop()
	}
	c.ix, c.timer = nil, nil
}

// bytes estimates the memory ix holds: its rows and, for each node, an
// ID as text, a map entry and the slice headers.
func (ix *netIndex) bytes() int {
	const entry, perNode = 16, 36 + 16 + 32 + 2*24 + 8
	n := len(ix.names) * perNode
	for i := range ix.out {
		n += (cap(ix.out[i]) + cap(ix.in[i])) * entry
	}
	return n
}
