package spill

import (
	"bytes"
	"hash/maphash"
)

// index maps each read-back key of a buffer to its newest write. It is an
// open-addressing table of fixed slots holding a 32-bit hash and the
// write's location; the key itself stays in the buffer's chunks. A Go map
// keyed by string allocated the key once more per write and rehashed
// every entry as it grew: in a 200k-stance import it took 61% of Put's
// time, on the goroutine every write waits for.
type index struct {
	slots []slot // a power of two long, at most half full
	n     int
	seed  maphash.Seed
}

// slot is one entry: h is the key's hash with its low bit set, so that
// zero marks an empty slot; the bits above it choose the slot.
type slot struct {
	h uint32
	loc
}

// minSlots is the table's size before its first growth.
const minSlots = 1 << 10

func newIndex() index { return index{seed: maphash.MakeSeed()} }

func (x *index) hash(k []byte) uint32 { return uint32(maphash.Bytes(x.seed, k)>>32) | 1 }

// get returns where the newest write of k is; b holds the keys.
func (x *index) get(b *buffer, k []byte) (loc, bool) {
	if x.n == 0 {
		return loc{}, false
	}
	h := x.hash(k)
	mask := uint32(len(x.slots) - 1)
	for i := (h >> 1) & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.h == 0 {
			return loc{}, false
		}
		if s.h == h && bytes.Equal(b.key(s.loc), k) {
			return s.loc, true
		}
	}
}

// put records l as the newest write of k, replacing an older one.
func (x *index) put(b *buffer, k []byte, l loc) {
	if 2*(x.n+1) > len(x.slots) {
		x.grow()
	}
	h := x.hash(k)
	mask := uint32(len(x.slots) - 1)
	for i := (h >> 1) & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.h == 0 {
			*s = slot{h, l}
			x.n++
			return
		}
		if s.h == h && bytes.Equal(b.key(s.loc), k) {
			s.loc = l
			return
		}
	}
}

// grow doubles the table, placing every entry again by its stored hash.
func (x *index) grow() {
	old := x.slots
	x.slots = make([]slot, max(2*len(old), minSlots))
	// Written once before any read: fresh pages that a probe reads first
	// map the shared zero page, and the first put into each one then
	// faults again to copy it and flushes the other cores' TLBs.
	clear(x.slots)
	mask := uint32(len(x.slots) - 1)
	for _, s := range old {
		if s.h == 0 {
			continue
		}
		i := (s.h >> 1) & mask
		for x.slots[i].h != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = s
	}
}

// len reports how many keys the index holds.
func (x *index) len() int { return x.n }

// reset empties the index, keeping its table for the next buffer.
func (x *index) reset() {
	clear(x.slots)
	x.n = 0
}
