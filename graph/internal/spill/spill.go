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
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"unsafe"
)

// sparseEvery is how many records of a run share one sparse-index entry: a
// point read scans at most this many records.
const sparseEvery = 64

// Sorter buffers writes and spills them to sorted runs. The buffer that
// fills up is sorted and written by a goroutine while the next one fills,
// so at most two buffers of half the budget each are held. A Sorter is not
// safe for concurrent use, except that Gets may run side by side while no
// write does.
type Sorter struct {
	dir    string
	budget int // per buffer
	seed   maphash.Seed
	cur    *buffer

	mu     sync.Mutex
	free   *buffer       // a spilled buffer's memory, for the next one
	flying *buffer       // being spilled; nil when none
	landed chan struct{} // closed when flying's run is written
	runs   []*run
	err    error
	sealed bool
}

// buffer holds writes in arrival order. Bytes go to fixed chunks that
// never move once written, so a spilling goroutine and Get can read them
// while only the entries are reordered by the sort.
type buffer struct {
	chunks [][]byte
	used   int // chunks in use: chunks[used-1] is being filled
	ents   []entry
	// index holds the newest write of each read-back key.
	index index
	size  int
}

// loc is where a write's bytes are: key then value in one chunk.
type loc struct {
	chunk, off, klen, vlen int32 // vlen -1 for a delete
}

// entry is one buffered write with the first 8 bytes of its key, which
// decide most comparisons of a sort without touching the chunks.
type entry struct {
	pfx uint64
	loc
	seq    int32 // order of the write within the buffer
	lookup bool  // a read-back key: its run's filter holds it
}

const chunkSize = 4 << 20

// New returns a Sorter spilling into dir (created if missing); it holds at
// most about budget bytes in memory.
func New(dir string, budget int) (*Sorter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	s := &Sorter{dir: dir, budget: max(budget/2, 1<<16), seed: maphash.MakeSeed()}
	s.cur = s.newBuffer()
	return s, nil
}

// entrySize is what an entry takes in a buffer's budget.
const entrySize = int(unsafe.Sizeof(entry{}))

// newBuffer returns an empty buffer whose entries take a quarter of the
// budget from the start: an import's writes average about 150 bytes of
// budget with their entries, so most buffers fill it without growing
// their entries. Grown by append from nothing, the first buffer's
// entries were copied about five times over (a tenth of the writing
// goroutine's time in a 200k-stance import), and every new array zeroed.
// Their capacity, used or not, is what counts against the budget.
func (s *Sorter) newBuffer() *buffer {
	b := &buffer{index: newIndex(), ents: make([]entry, 0, s.entryShare())}
	b.size = cap(b.ents) * entrySize
	return b
}

// entryShare is how many entries a buffer starts with: a quarter of the
// budget.
func (s *Sorter) entryShare() int { return s.budget / 4 / entrySize }

// Put records that k holds v. lookup marks k as one Get will ask for.
func (s *Sorter) Put(k, v []byte, lookup bool) error { return s.add(k, v, false, lookup) }

// Delete records that k holds nothing.
func (s *Sorter) Delete(k []byte, lookup bool) error { return s.add(k, nil, true, lookup) }

func (s *Sorter) add(k, v []byte, del, lookup bool) error {
	if s.sealed {
		return errors.New("spill: write after Seal")
	}
	b := s.cur
	n := len(k) + len(v)
	if b.used == 0 || len(b.chunks[b.used-1])+n > cap(b.chunks[b.used-1]) {
		// The next kept chunk if it is large enough, else a new one.
		if b.used < len(b.chunks) && cap(b.chunks[b.used]) >= n {
			b.used++
		} else {
			b.chunks = slices.Insert(b.chunks, b.used, make([]byte, 0, max(chunkSize, n)))
			b.used++
		}
	}
	c := b.used - 1
	l := loc{chunk: int32(c), off: int32(len(b.chunks[c])), klen: int32(len(k)), vlen: int32(len(v))}
	if del {
		l.vlen = -1
	}
	b.chunks[c] = append(append(b.chunks[c], k...), v...)
	if len(b.ents) == cap(b.ents) {
		b.size -= cap(b.ents) * entrySize
		b.ents = append(b.ents, entry{})[:len(b.ents)]
		b.size += cap(b.ents) * entrySize
	}
	b.ents = append(b.ents, entry{pfx: prefix(k), loc: l, seq: int32(len(b.ents)), lookup: lookup})
	b.size += n
	if lookup {
		b.index.put(b, k, l)
		b.size += 64 + len(k)
	}
	if b.size >= s.budget {
		return s.handoff()
	}
	return nil
}

func prefix(k []byte) uint64 {
	var p [8]byte
	copy(p[:], k)
	return binary.BigEndian.Uint64(p[:])
}

func (b *buffer) key(l loc) []byte {
	return b.chunks[l.chunk][l.off : l.off+l.klen]
}

func (b *buffer) value(l loc) []byte {
	if l.vlen < 0 {
		return nil
	}
	o := l.off + l.klen
	return b.chunks[l.chunk][o : o+l.vlen]
}

func (b *buffer) compare(x, y entry) int {
	if x.pfx != y.pfx {
		if x.pfx < y.pfx {
			return -1
		}
		return 1
	}
	kx, ky := b.key(x.loc), b.key(y.loc)
	if len(kx) >= 8 && len(ky) >= 8 {
		// Equal prefixes: the first 8 bytes tie.
		kx, ky = kx[8:], ky[8:]
	}
	if c := bytes.Compare(kx, ky); c != 0 {
		return c
	}
	return int(x.seq - y.seq)
}

// parallelSortMin is the fewest entries worth splitting between
// goroutines: below it the partition costs about what it saves.
const parallelSortMin = 1 << 14

// sortParallel orders ents by key, the newest write of a key last, on up
// to ways goroutines. The last buffer is sorted by Seal while nothing
// else runs, so on one goroutine it kept a core idle (105 ms of a 2.4 s
// import of 200k stances). Entries are split by key prefix around a
// sampled median, so the sorted parts are in order side by side and need
// no merge.
func (b *buffer) sortParallel(ents []entry, ways int) {
	if ways < 2 || len(ents) < parallelSortMin {
		b.radixSort(ents, 56, 0)
		return
	}
	mid := partitionByPrefix(ents, medianPrefix(ents))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b.sortParallel(ents[:mid], ways/2)
	}()
	b.sortParallel(ents[mid:], ways-ways/2)
	wg.Wait()
}

// medianPrefix estimates the median key prefix of ents from an evenly
// spaced sample.
func medianPrefix(ents []entry) uint64 {
	const n = 255
	sample := make([]uint64, n)
	for i := range sample {
		sample[i] = ents[i*(len(ents)-1)/(n-1)].pfx
	}
	slices.Sort(sample)
	return sample[n/2]
}

// partitionByPrefix moves the entries whose prefix is below pivot to the
// front and returns how many there are. Entries of one prefix stay on one
// side, so sorting both sides sorts the whole.
func partitionByPrefix(ents []entry, pivot uint64) int {
	i := 0
	for j := range ents {
		if ents[j].pfx < pivot {
			ents[i], ents[j] = ents[j], ents[i]
			i++
		}
	}
	return i
}

// handoff sends the full buffer to be spilled, after the previous one has
// landed, and starts a new one.
func (s *Sorter) handoff() error {
	if err := s.wait(); err != nil {
		return err
	}
	b := s.cur
	landed := make(chan struct{})
	s.mu.Lock()
	s.flying, s.landed = b, landed
	name := filepath.Join(s.dir, fmt.Sprintf("run-%06d", len(s.runs)))
	next := s.free
	s.free = nil
	s.mu.Unlock()
	if next == nil {
		next = s.newBuffer()
	}
	// Emptied here, by the goroutine that also calls Get: a Get may
	// still read the landed buffer until then.
	next.reset(s.entryShare())
	s.cur = next
	go func() {
		r, err := s.spill(b, name)
		s.mu.Lock()
		if err != nil {
			s.err = err
		} else {
			s.runs = append(s.runs, r)
		}
		s.flying = nil
		// Its chunks and entries are reused by the buffer after next:
		// a large import would otherwise allocate its size over again.
		s.free = b
		s.mu.Unlock()
		close(landed)
	}()
	return nil
}

// reset empties b, keeping its memory, but for entries grown past twice
// their share (half the budget): small records grow them by append until
// their capacity alone can fill the budget, and a buffer reused with them
// would spill at every write. An import's records, tens of bytes each,
// stay under it and keep their entries.
func (b *buffer) reset(share int) {
	for i := range b.chunks {
		b.chunks[i] = b.chunks[i][:0]
	}
	b.used = 0
	b.ents = b.ents[:0]
	if cap(b.ents) > 2*share {
		b.ents = make([]entry, 0, share)
	}
	b.index.reset()
	b.size = cap(b.ents) * entrySize
}

// wait waits for the buffer in flight, if any, and reports a failed spill.
func (s *Sorter) wait() error {
	s.mu.Lock()
	landed := s.landed
	s.mu.Unlock()
	if landed != nil {
		<-landed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Get returns a copy of the value k holds, found false when it holds
// nothing. Only keys written with lookup set are found.
func (s *Sorter) Get(k []byte) (v []byte, found bool, err error) {
	if l, ok := s.cur.index.get(s.cur, k); ok {
		return bytes.Clone(s.cur.value(l)), l.vlen >= 0, nil
	}
	s.mu.Lock()
	fl, runs, err := s.flying, s.runs, s.err
	s.mu.Unlock()
	if err != nil {
		return nil, false, err
	}
	if fl != nil {
		// The spilling goroutine only reads the index and the chunks.
		if l, ok := fl.index.get(fl, k); ok {
			return bytes.Clone(fl.value(l)), l.vlen >= 0, nil
		}
	}
	for i := len(runs) - 1; i >= 0; i-- {
		v, del, ok, err := runs[i].find(k)
		if err != nil {
			return nil, false, err
		}
		if ok {
			return v, !del, nil
		}
	}
	return nil, false, nil
}

// spill writes b as a sorted run, keeping the newest write of each key.
// It sorts on every core: in a 200k-stance import the first buffer fills
// during the last batch and Commit waits for its run, with a core idle
// unless the sort has both.
func (s *Sorter) spill(b *buffer, name string) (*run, error) {
	b.sortParallel(b.ents, runtime.GOMAXPROCS(0))
	f, err := os.Create(name)
	if err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	r := &run{f: f, bloom: newBloom(b.index.len(), s.seed)}
	bw := bufio.NewWriterSize(f, 1<<20)
	var off int64
	var hdr [2 * binary.MaxVarintLen64]byte
	n := 0
	for i, e := range b.ents {
		k := b.key(e.loc)
		if i+1 < len(b.ents) && b.ents[i+1].pfx == e.pfx && bytes.Equal(k, b.key(b.ents[i+1].loc)) {
			continue // a newer write of k follows
		}
		if n%sparseEvery == 0 {
			r.sparse = append(r.sparse, sparseEntry{key: bytes.Clone(k), off: off})
		}
		n++
		if e.lookup {
			r.bloom.add(k)
		}
		h := binary.AppendUvarint(hdr[:0], uint64(e.klen))
		h = binary.AppendUvarint(h, uint64(e.vlen+1))
		bw.Write(h)
		bw.Write(k)
		bw.Write(b.value(e.loc))
		off += int64(len(h)) + int64(e.klen) + int64(max(e.vlen, 0))
	}
	r.size = off
	if err := bw.Flush(); err != nil {
		f.Close()
		return nil, fmt.Errorf("spill: write %s: %w", name, err)
	}
	return r, nil
}

// Runs reports how many runs have been spilled so far.
func (s *Sorter) Runs() int {
	s.wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.runs)
}

// Seal ends the writes: it sorts the buffer and waits for the spill in
// flight, after which MergeRange may run, on several goroutines at once.
// The sort comes first: in a 200k-stance import the first buffer fills
// during the last batch and its run is still being written, on one core,
// when Commit seals.
func (s *Sorter) Seal() error {
	if !s.sealed {
		s.cur.sortParallel(s.cur.ents, runtime.GOMAXPROCS(0))
		s.sealed = true
	}
	err := s.wait()
	// A spilled buffer's memory, kept for the next buffer, has no next
	// one: let the collector have it. The merge's garbage (Badger's
	// per-key allocations) then reuses it instead of fresh pages, which
	// took 9% fewer page faults in a 200k-stance import.
	s.mu.Lock()
	s.free = nil
	s.mu.Unlock()
	return err
}

// MergeRange calls fn with the last value of every key from lo
// (inclusive) to hi (exclusive) that holds one, in key order; nil bounds
// are open. k and v are valid only during the call. The Sorter must be
// sealed.
func (s *Sorter) MergeRange(lo, hi []byte, fn func(k, v []byte) error) error {
	if !s.sealed {
		return errors.New("spill: MergeRange before Seal")
	}
	h := mergeHeap{hi: hi}
	for i, r := range s.runs {
		from := int64(0)
		if lo != nil {
			if j, _ := slices.BinarySearchFunc(r.sparse, lo, func(e sparseEntry, k []byte) int { return bytes.Compare(e.key, k) }); j > 0 {
				from = r.sparse[j-1].off
			}
		}
		c := &cursor{rank: i, f: r.f, off: from, end: r.size}
		if err := h.add(c, lo); err != nil {
			return err
		}
	}
	mem := &cursor{rank: len(s.runs), mem: s.cur, end: int64(len(s.cur.ents))}
	if lo != nil {
		p, _ := slices.BinarySearchFunc(s.cur.ents, lo, func(e entry, k []byte) int { return bytes.Compare(s.cur.key(e.loc), k) })
		mem.pos = p
	}
	if hi != nil {
		// The buffer's end of the range is found once, not per key.
		p, _ := slices.BinarySearchFunc(s.cur.ents, hi, func(e entry, k []byte) int { return bytes.Compare(s.cur.key(e.loc), k) })
		mem.end = int64(p)
	}
	if err := h.add(mem, lo); err != nil {
		return err
	}
	h.init()
	for len(h.cs) > 0 {
		c := h.cs[0]
		// The newest source of a key is first among equal keys, so it
		// carries the final value; older ones are skipped while c.k
		// still holds the key, before c moves on.
		if !c.del {
			if err := fn(c.k, c.v); err != nil {
				return err
			}
		}
		if err := h.skipOlder(c.k); err != nil {
			return err
		}
		if err := h.advance(0); err != nil {
			return err
		}
	}
	return nil
}

// Close waits for a spill in flight and removes the run files.
func (s *Sorter) Close() error {
	werr := s.wait()
	var errs []error
	if werr != nil && !errors.Is(werr, errClosed) {
		errs = append(errs, werr)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.runs {
		errs = append(errs, r.f.Close(), os.Remove(r.f.Name()))
	}
	s.runs = nil
	s.cur, s.free = &buffer{index: newIndex()}, nil
	s.err = errClosed
	return errors.Join(errs...)
}

var errClosed = errors.New("spill: sorter closed")

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
// A run's records are read in place from a window of the file, so k and
// v stay valid until the cursor moves again.
type cursor struct {
	rank int // newer sources rank higher
	mem  *buffer
	pos  int // next entry of mem

	f        *os.File
	off, end int64  // next file offset to read, end of the run (mem: of the entries)
	win      []byte // bytes read from the file and not yet parsed
	buf      []byte // win's backing array

	k, v []byte
	del  bool
	done bool
}

// runWindow is how much of a run a cursor reads at a time.
const runWindow = 256 << 10

func (c *cursor) next() error {
	if b := c.mem; b != nil {
		return c.nextInBuffer(b)
	}
	for {
		kl, n1 := binary.Uvarint(c.win)
		vl, n2 := binary.Uvarint(c.win[max(n1, 0):])
		if n1 > 0 && n2 > 0 {
			n := n1 + n2 + int(kl) + max(int(vl)-1, 0)
			if n <= len(c.win) {
				rec := c.win[n1+n2 : n]
				c.k, c.v, c.del = rec[:kl], rec[kl:], vl == 0
				c.win = c.win[n:]
				return nil
			}
		}
		if c.off >= c.end {
			if len(c.win) > 0 {
				return fmt.Errorf("spill: %s ends inside a record", c.f.Name())
			}
			c.done = true
			return nil
		}
		if err := c.fill(); err != nil {
			return err
		}
	}
}

// nextInBuffer moves to the buffer's next key, skipping to the newest
// write of each.
func (c *cursor) nextInBuffer(b *buffer) error {
	for c.pos+1 < int(c.end) && b.ents[c.pos].pfx == b.ents[c.pos+1].pfx && bytes.Equal(b.key(b.ents[c.pos].loc), b.key(b.ents[c.pos+1].loc)) {
		c.pos++
	}
	if c.pos >= int(c.end) {
		c.done = true
		return nil
	}
	e := b.ents[c.pos]
	c.k, c.v, c.del = b.key(e.loc), b.value(e.loc), e.vlen < 0
	c.pos++
	return nil
}

// fill moves the unparsed bytes to the front of the window and reads
// more of the run after them, growing the window for a record larger
// than it.
func (c *cursor) fill() error {
	if c.buf == nil {
		c.buf = make([]byte, runWindow)
	}
	n := copy(c.buf, c.win)
	if n == len(c.buf) {
		c.buf = append(c.buf[:n], make([]byte, n)...)
	}
	m := int(min(int64(len(c.buf)-n), c.end-c.off))
	got, err := c.f.ReadAt(c.buf[n:n+m], c.off)
	if got < m {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return fmt.Errorf("spill: read %s: %w", c.f.Name(), err)
	}
	c.off += int64(m)
	c.win = c.buf[:n+m]
	return nil
}

// mergeHeap orders cursors by key, the newest source first on a tie. It
// is a binary heap written out rather than container/heap, whose calls
// through an interface were a good part of a merge's cost.
type mergeHeap struct {
	cs []*cursor
	hi []byte // the range's end: nil, open
}

// add reads c's first key at or after lo and keeps c if that key is in
// the range.
func (h *mergeHeap) add(c *cursor, lo []byte) error {
	for {
		if err := c.next(); err != nil {
			return err
		}
		if c.done || lo == nil || bytes.Compare(c.k, lo) >= 0 {
			break
		}
	}
	if h.live(c) {
		h.cs = append(h.cs, c)
	}
	return nil
}

// live reports whether c holds a key before the range's end.
func (h *mergeHeap) live(c *cursor) bool {
	return !c.done && (h.hi == nil || c.mem != nil || bytes.Compare(c.k, h.hi) < 0)
}

func (h *mergeHeap) less(i, j int) bool {
	if c := bytes.Compare(h.cs[i].k, h.cs[j].k); c != 0 {
		return c < 0
	}
	return h.cs[i].rank > h.cs[j].rank
}

func (h *mergeHeap) init() {
	for i := len(h.cs)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *mergeHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h.cs) {
			return
		}
		j := l
		if r := l + 1; r < len(h.cs) && h.less(r, l) {
			j = r
		}
		if !h.less(j, i) {
			return
		}
		h.cs[i], h.cs[j] = h.cs[j], h.cs[i]
		i = j
	}
}

func (h *mergeHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(i, p) {
			return
		}
		h.cs[i], h.cs[p] = h.cs[p], h.cs[i]
		i = p
	}
}

// advance moves cursor i to its next key and restores the order, taking
// the cursor out when its range is done.
func (h *mergeHeap) advance(i int) error {
	c := h.cs[i]
	if err := c.next(); err != nil {
		return err
	}
	if h.live(c) {
		h.down(i)
		return nil
	}
	last := len(h.cs) - 1
	h.cs[i] = h.cs[last]
	h.cs = h.cs[:last]
	if i < last {
		h.down(i)
		h.up(i)
	}
	return nil
}

// skipOlder moves past k every cursor but the first that holds it: older
// writes of the key the first one's value replaces. While the first
// cursor stays put, the smallest of the others is one of its children.
func (h *mergeHeap) skipOlder(k []byte) error {
	for {
		j := 1
		if len(h.cs) <= j {
			return nil
		}
		if len(h.cs) > 2 && h.less(2, 1) {
			j = 2
		}
		if !bytes.Equal(h.cs[j].k, k) {
			return nil
		}
		if err := h.advance(j); err != nil {
			return err
		}
	}
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
