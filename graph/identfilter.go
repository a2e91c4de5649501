package graph

import (
	"encoding/binary"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// identFilter is a Bloom filter over the identity hashes, stance IDs and
// document IDs in storage (all 16 uniformly distributed bytes). A bulk
// load asks it before reading an identity, stance or document key (see
// identityHolder): most records loaded are new, and "certainly absent"
// spares a point read. It only ever errs towards "maybe
// present", which costs the read it would have cost anyway: deletes leave
// their bits set, and a new identity sets its bits before its transaction
// commits. It is owned by the writer lock.
type identFilter struct {
	bits []uint64
	n    int // identities added
	cap  int // identities the size was chosen for
	// prev is the filter this one was grown from during an import,
	// whose keys are not in storage to rebuild from: asked as well.
	prev *identFilter
}

// identBitsPerKey and identHashes give about a 1% false-positive rate.
const (
	identBitsPerKey = 10
	identHashes     = 7
)

func newIdentFilter(capacity int) *identFilter {
	capacity = max(capacity, 1<<16)
	words := (capacity*identBitsPerKey + 63) / 64
	return &identFilter{bits: make([]uint64, words), cap: capacity}
}

// The identity hashes are SHA-256 prefixes and the IDs SHA-1 based UUIDs,
// uniformly distributed but for a UUID's version and variant bits, so
// their halves serve directly as the two base hashes of double hashing.
func (f *identFilter) positions(h []byte, fn func(word int, mask uint64) bool) bool {
	h1, h2 := binary.LittleEndian.Uint64(h[0:8]), binary.LittleEndian.Uint64(h[8:16])|1
	m := uint64(len(f.bits) * 64)
	for i := uint64(0); i < identHashes; i++ {
		p := (h1 + i*h2) % m
		if !fn(int(p/64), 1<<(p%64)) {
			return false
		}
	}
	return true
}

func (f *identFilter) add(h []byte) {
	f.positions(h, func(w int, mask uint64) bool { f.bits[w] |= mask; return true })
	f.n++
}

func (f *identFilter) mayContain(h []byte) bool {
	for ; f != nil; f = f.prev {
		if f.positions(h, func(w int, mask uint64) bool { return f.bits[w]&mask != 0 }) {
			return true
		}
	}
	return false
}

// filter returns the identity filter, building it from storage on first use or
// rebuilding it larger when it has filled up; want is how many keys are
// about to be added. Callers hold the writer lock. An import's keys are
// not in storage until it commits, so its filter grows by chaining a
// larger one in front of the full one instead.
func (s *Store) filter(want int, importing bool) (*identFilter, error) {
	if f := s.ident; f != nil && f.n+want <= f.cap {
		return f, nil
	}
	if importing && s.ident != nil {
		f := newIdentFilter(4 * (s.ident.n + want))
		f.prev = s.ident
		s.ident = f
		return f, nil
	}
	if s.ident == nil && !importing {
		if worth, err := s.filterWorthBuilding(want); err != nil || !worth {
			return nil, err
		}
	}
	// Key-only passes, counting (first build only) then adding, so that
	// the filter is sized before it is filled and no copy of the keys is
	// held.
	each := func(fn func(h []byte)) error {
		return s.db.View(func(txn *badger.Txn) error {
			for _, p := range []byte{keys.Identity, keys.Stance, keys.Document} {
				it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{p}})
				for it.Rewind(); it.Valid(); it.Next() {
					if k := it.Item().Key(); len(k) == 1+16 {
						fn(k[1:])
					}
				}
				it.Close()
			}
			return nil
		})
	}
	// A filter that filled up knows how many keys it took (an upper
	// bound: deleted keys stay counted), which spares the counting pass;
	// growing fourfold keeps the rebuilds of a long load few.
	count, grow := 0, 2
	if s.ident != nil {
		count, grow = s.ident.n, 4
	} else if err := each(func([]byte) { count++ }); err != nil {
		return nil, err
	}
	f := newIdentFilter(grow * (count + want))
	if err := each(f.add); err != nil {
		return nil, err
	}
	s.ident = f
	return f, nil
}

// filterReadCost is how many stored keys the filter's first build may
// scan per key a load would read instead. On a quiet 300k-key store one
// absent-key read costs about 2.4 keys of two key-only passes, but during
// a load the reads compete with full memtables: into a store of 1M
// stances, two files of 100,000 took 46 us of CPU a stance with the
// filter built and 49-58 without (bench/README.md).
const filterReadCost = 8

// filterWorthBuilding reports whether building the filter from storage
// costs less than reading each of want keys: a small load into a large
// store (a 15-minute event file, a POST /load) reads its few keys instead
// of scanning every key stored, and the first large load builds it. Once
// built, every write keeps it current, so it stays in use.
func (s *Store) filterWorthBuilding(want int) (bool, error) {
	stored := 0
	err := s.db.View(func(txn *badger.Txn) error {
		for _, name := range []string{cntStances, cntRetracted, cntDocuments} {
			n, err := readCounter(txn, keys.CounterKey(name))
			if err != nil {
				return err
			}
			stored += n
		}
		return nil
	})
	return want*filterReadCost >= stored, err
}
