// Package spill is the external sort behind bulk imports. It takes writes
// and deletes of keys in any order, answers point reads of the keys the
// caller marks as read back, and finally replays the last value of every
// key in key order. Writes are buffered in memory and spilled to sorted run
// files once the buffer passes its budget, so an import much larger than
// memory keeps a bounded footprint, and the replay is a merge of sorted
// runs, which is what an SSTable writer wants.
package spill

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// sparseEvery is how many records of a run share one sparse-index entry: a
// point read scans at most this many records.
const sparseEvery = 64

// Sorter buffers writes and spills them to sorted runs. It is not safe for
// concurrent use.
type Sorter struct {
	dir    string
	budget int
	seed   maphash.Seed

	arena []byte
	ents  []entry
	// index holds the newest buffered write of each read-back key.
	index map[string]int32
	runs  []*run
	err   error
}

// entry is one buffered write: key and value live in the arena.
type entry struct {
	off  int
	klen int32
	vlen int32 // -1 for a delete
	seq  int32 // order of the write within the buffer
}

// New returns a Sorter spilling into dir (created if missing) whenever its
// buffer passes budget bytes.
func New(dir string, budget int) (*Sorter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	return &Sorter{dir: dir, budget: max(budget, 1<<16), seed: maphash.MakeSeed(), index: map[string]int32{}}, nil
}

// Put records that k holds v. lookup marks k as one Get will ask for.
func (s *Sorter) Put(k, v []byte, lookup bool) error { return s.add(k, v, false, lookup) }

// Delete records that k holds nothing.
func (s *Sorter) Delete(k []byte, lookup bool) error { return s.add(k, nil, true, lookup) }

func (s *Sorter) add(k, v []byte, del, lookup bool) error {
	if s.err != nil {
		return s.err
	}
	e := entry{off: len(s.arena), klen: int32(len(k)), vlen: int32(len(v)), seq: int32(len(s.ents))}
	if del {
		e.vlen = -1
	}
	s.arena = append(s.arena, k...)
	s.arena = append(s.arena, v...)
	s.ents = append(s.ents, e)
	if lookup {
		s.index[string(k)] = e.seq
	}
	if s.size() >= s.budget {
		s.err = s.spill()
	}
	return s.err
}

// size estimates the buffer's memory: arena, entries and index.
func (s *Sorter) size() int { return len(s.arena) + 24*len(s.ents) + 64*len(s.index) }

func (s *Sorter) key(e entry) []byte { return s.arena[e.off : e.off+int(e.klen)] }

func (s *Sorter) value(e entry) []byte {
	if e.vlen < 0 {
		return nil
	}
	o := e.off + int(e.klen)
	return s.arena[o : o+int(e.vlen)]
}

// sorted orders the buffer by key, the newest write of a key last.
func (s *Sorter) sorted() []entry {
	slices.SortFunc(s.ents, func(a, b entry) int {
		if c := bytes.Compare(s.key(a), s.key(b)); c != 0 {
			return c
		}
		return int(a.seq - b.seq)
	})
	return s.ents
}

// Get returns a copy of the value k holds, found false when it holds
// nothing. Only keys written with lookup set are found.
func (s *Sorter) Get(k []byte) (v []byte, found bool, err error) {
	if s.err != nil {
		return nil, false, s.err
	}
	if i, ok := s.index[string(k)]; ok {
		e := s.ents[i]
		if e.vlen < 0 {
			return nil, false, nil
		}
		return bytes.Clone(s.value(e)), true, nil
	}
	for i := len(s.runs) - 1; i >= 0; i-- {
		v, del, ok, err := s.runs[i].find(k)
		if err != nil {
			return nil, false, err
		}
		if ok {
			return v, !del, nil
		}
	}
	return nil, false, nil
}

// spill writes the buffer as a sorted run, keeping the newest write of
// each key, and empties it.
func (s *Sorter) spill() error {
	name := filepath.Join(s.dir, fmt.Sprintf("run-%06d", len(s.runs)))
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("spill: %w", err)
	}
	r := &run{f: f, bloom: newBloom(len(s.index), s.seed)}
	bw := bufio.NewWriterSize(f, 1<<20)
	var off int64
	var hdr [2 * binary.MaxVarintLen64]byte
	ents := s.sorted()
	n := 0
	for i, e := range ents {
		k := s.key(e)
		if i+1 < len(ents) && bytes.Equal(k, s.key(ents[i+1])) {
			continue // a newer write of k follows
		}
		if n%sparseEvery == 0 {
			r.sparse = append(r.sparse, sparseEntry{key: bytes.Clone(k), off: off})
		}
		n++
		if _, ok := s.index[string(k)]; ok {
			r.bloom.add(k)
		}
		h := binary.AppendUvarint(hdr[:0], uint64(e.klen))
		h = binary.AppendUvarint(h, uint64(e.vlen+1))
		bw.Write(h)
		bw.Write(k)
		bw.Write(s.value(e))
		off += int64(len(h)) + int64(e.klen) + int64(max(e.vlen, 0))
	}
	r.size = off
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("spill: write %s: %w", name, err)
	}
	s.runs = append(s.runs, r)
	s.arena, s.ents = s.arena[:0], s.ents[:0]
	clear(s.index)
	return nil
}

// Runs reports how many runs have been spilled so far.
func (s *Sorter) Runs() int { return len(s.runs) }

// Merge calls fn with the last value of every key that holds one, in key
// order. k and v are valid only during the call. The Sorter must not be
// written afterwards.
func (s *Sorter) Merge(fn func(k, v []byte) error) error {
	if s.err != nil {
		return s.err
	}
	var srcs mergeHeap
	for i, r := range s.runs {
		c := &cursor{rank: i, rd: bufio.NewReaderSize(io.NewSectionReader(r.f, 0, r.size), 256<<10)}
		if err := c.next(); err != nil {
			return err
		}
		if !c.done {
			srcs = append(srcs, c)
		}
	}
	mem := &cursor{rank: len(s.runs), mem: s, ents: s.sorted()}
	if err := mem.next(); err != nil {
		return err
	}
	if !mem.done {
		srcs = append(srcs, mem)
	}
	heap.Init(&srcs)
	var last []byte
	emitted := false
	for len(srcs) > 0 {
		c := srcs[0]
		// The heap puts the newest source first among equal keys, so
		// the first time a key surfaces it carries its final value.
		if !emitted || !bytes.Equal(c.k, last) {
			last = append(last[:0], c.k...)
			emitted = true
			if !c.del {
				if err := fn(c.k, c.v); err != nil {
					return err
				}
			}
		}
		if err := c.next(); err != nil {
			return err
		}
		if c.done {
			heap.Pop(&srcs)
		} else {
			heap.Fix(&srcs, 0)
		}
	}
	return nil
}

// Close removes the run files.
func (s *Sorter) Close() error {
	var errs []error
	for _, r := range s.runs {
		errs = append(errs, r.f.Close(), os.Remove(r.f.Name()))
	}
	s.runs = nil
	s.arena, s.ents, s.index = nil, nil, nil
	if s.err == nil {
		s.err = errors.New("spill: sorter closed")
	}
	return errors.Join(errs...)
}

// run is one spilled file: records of uvarint key length, uvarint value
// length plus one (zero for a delete), key and value, in key order.
type run struct {
	f      *os.File
	size   int64
	sparse []sparseEntry
	bloom  *bloom
}

type sparseEntry struct {
	key []byte
	off int64
}

// find reads k from the run: the value and whether it is a delete.
func (r *run) find(k []byte) (v []byte, del, ok bool, err error) {
	if !r.bloom.mayContain(k) {
		return nil, false, false, nil
	}
	i, exact := slices.BinarySearchFunc(r.sparse, k, func(e sparseEntry, k []byte) int { return bytes.Compare(e.key, k) })
	if !exact {
		i--
	}
	if i < 0 {
		return nil, false, false, nil
	}
	end := r.size
	if i+1 < len(r.sparse) {
		end = r.sparse[i+1].off
	}
	buf := make([]byte, end-r.sparse[i].off)
	if _, err := r.f.ReadAt(buf, r.sparse[i].off); err != nil {
		return nil, false, false, fmt.Errorf("spill: read %s: %w", r.f.Name(), err)
	}
	for len(buf) > 0 {
		kl, n1 := binary.Uvarint(buf)
		vl, n2 := binary.Uvarint(buf[max(n1, 0):])
		if n1 <= 0 || n2 <= 0 || uint64(len(buf)-n1-n2) < kl+max(vl, 1)-1 {
			return nil, false, false, fmt.Errorf("spill: %s is corrupt", r.f.Name())
		}
		buf = buf[n1+n2:]
		key := buf[:kl]
		vlen := int(vl) - 1
		buf = buf[kl:]
		var val []byte
		if vlen >= 0 {
			val, buf = buf[:vlen], buf[vlen:]
		}
		switch c := bytes.Compare(key, k); {
		case c == 0:
			return bytes.Clone(val), vlen < 0, true, nil
		case c > 0:
			return nil, false, false, nil
		}
	}
	return nil, false, false, nil
}

// cursor walks one source of a merge: a run file or the sorted buffer.
type cursor struct {
	rank int // newer sources rank higher
	rd   *bufio.Reader
	mem  *Sorter
	ents []entry
	pos  int

	k, v []byte
	del  bool
	done bool
}

func (c *cursor) next() error {
	if c.mem != nil {
		// Skip to the newest write of each key.
		for c.pos+1 < len(c.ents) && bytes.Equal(c.mem.key(c.ents[c.pos]), c.mem.key(c.ents[c.pos+1])) {
			c.pos++
		}
		if c.pos >= len(c.ents) {
			c.done = true
			return nil
		}
		e := c.ents[c.pos]
		c.k, c.v, c.del = c.mem.key(e), c.mem.value(e), e.vlen < 0
		c.pos++
		return nil
	}
	kl, err := binary.ReadUvarint(c.rd)
	if err == io.EOF {
		c.done = true
		return nil
	}
	if err != nil {
		return fmt.Errorf("spill: read run: %w", err)
	}
	vl, err := binary.ReadUvarint(c.rd)
	if err != nil {
		return fmt.Errorf("spill: read run: %w", err)
	}
	c.del = vl == 0
	n := int(kl) + max(int(vl)-1, 0)
	if cap(c.k) < n {
		c.k = make([]byte, n, max(n, 2*cap(c.k)))
	}
	buf := c.k[:n]
	if _, err := io.ReadFull(c.rd, buf); err != nil {
		return fmt.Errorf("spill: read run: %w", err)
	}
	c.k, c.v = buf[:kl], buf[kl:]
	return nil
}

// mergeHeap orders cursors by key, the newest source first on a tie.
type mergeHeap []*cursor

func (h mergeHeap) Len() int { return len(h) }
func (h mergeHeap) Less(i, j int) bool {
	if c := bytes.Compare(h[i].k, h[j].k); c != 0 {
		return c < 0
	}
	return h[i].rank > h[j].rank
}
func (h mergeHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *mergeHeap) Push(x any)   { *h = append(*h, x.(*cursor)) }
func (h *mergeHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}

// bloom is a run's filter over its read-back keys, so that a point read
// opens only the runs that may hold the key.
type bloom struct {
	bits []uint64
	seed maphash.Seed
}

func newBloom(n int, seed maphash.Seed) *bloom {
	return &bloom{bits: make([]uint64, max((n*10+63)/64, 1)), seed: seed}
}

func (b *bloom) each(k []byte, fn func(w int, mask uint64) bool) bool {
	h := maphash.Bytes(b.seed, k)
	h1, h2 := h, (h>>33|h<<31)|1
	m := uint64(len(b.bits) * 64)
	for i := uint64(0); i < 7; i++ {
		p := (h1 + i*h2) % m
		if !fn(int(p/64), 1<<(p%64)) {
			return false
		}
	}
	return true
}

func (b *bloom) add(k []byte) { b.each(k, func(w int, m uint64) bool { b.bits[w] |= m; return true }) }

func (b *bloom) mayContain(k []byte) bool {
	return b.each(k, func(w int, m uint64) bool { return b.bits[w]&m != 0 })
}
