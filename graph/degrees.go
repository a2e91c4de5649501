package graph

import (
	"encoding/binary"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// degrees mirrors the per-actor live-stance counters (the Degree key
// family) in memory, so that a page's totalCount and an actor's degree
// cost no read, and a bulk load's counter updates cost no read either.
// Storage stays the source of truth: the table is filled from it at Open
// and after Restore, and changed only after a commit succeeds.
type degrees struct {
	index map[string]int       // stance type -> column
	names []string             // column -> stance type (Out columns)
	m     map[[16]byte][]int32 // actor -> counts, Out columns then In columns
}

func newDegrees(v *Vocabulary) *degrees {
	d := &degrees{index: map[string]int{}, names: v.Names(), m: map[[16]byte][]int32{}}
	for i, t := range d.names {
		d.index[t] = i
	}
	return d
}

// degreeSlot names one counter the table tracks: an actor and a column.
// Writers key their pending degree deltas by it, which hashes faster than
// the storage key and needs no key built until commit.
type degreeSlot struct {
	actor [16]byte
	col   int
}

// slot returns where the counter of (dir, typ) sits in an actor's row.
func (d *degrees) slot(dir byte, typ string) (int, bool) {
	i, ok := d.index[typ]
	if !ok {
		return 0, false
	}
	if dir == keys.In {
		i += len(d.index)
	}
	return i, true
}

// key returns the storage key of the counter at sl.
func (d *degrees) key(sl degreeSlot) []byte {
	dir, col := byte(keys.Out), sl.col
	if col >= len(d.names) {
		dir, col = keys.In, col-len(d.names)
	}
	return keys.DegreeKey(sl.actor[:], dir, d.names[col])
}

// at returns the count at sl.
func (d *degrees) at(sl degreeSlot) int64 {
	row := d.m[sl.actor]
	if row == nil {
		return 0
	}
	return int64(row[sl.col])
}

// set records n for one counter.
func (d *degrees) set(actor []byte, dir byte, typ string, n int64) {
	i, ok := d.slot(dir, typ)
	if !ok {
		return
	}
	d.setAt(degreeSlot{[16]byte(actor), i}, n)
}

// setAt records n at sl.
func (d *degrees) setAt(sl degreeSlot, n int64) {
	row := d.m[sl.actor]
	if row == nil {
		if n == 0 {
			return
		}
		row = make([]int32, 2*len(d.index))
		d.m[sl.actor] = row
	}
	row[sl.col] = int32(n)
	for _, c := range row {
		if c != 0 {
			return
		}
	}
	delete(d.m, sl.actor)
}

// sum adds an actor's counters over dirs and types.
func (d *degrees) sum(actor []byte, dirs []byte, types []string) (int, bool) {
	row := d.m[[16]byte(actor)]
	total := 0
	for _, dir := range dirs {
		for _, t := range types {
			i, ok := d.slot(dir, t)
			if !ok {
				return 0, false
			}
			if row != nil {
				total += int(row[i])
			}
		}
	}
	return total, true
}

// parseDegreeKey splits a Degree key into actor, direction and type.
func parseDegreeKey(k []byte) (actor []byte, dir byte, typ string, ok bool) {
	if len(k) < 1+keys.IDLen+1+2 || k[0] != keys.Degree || k[len(k)-1] != 0 {
		return nil, 0, "", false
	}
	return k[1 : 1+keys.IDLen], k[1+keys.IDLen], string(k[2+keys.IDLen : len(k)-1]), true
}

// loadDegrees fills a fresh table from storage.
func (s *Store) loadDegrees() error {
	d := newDegrees(s.Vocabulary())
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{keys.Degree}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			actor, dir, typ, ok := parseDegreeKey(it.Item().Key())
			if !ok {
				continue // Check reports malformed counters
			}
			err := it.Item().Value(func(v []byte) error {
				if len(v) == 8 {
					d.set(actor, dir, typ, int64(binary.BigEndian.Uint64(v)))
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.deg = d
	s.mu.Unlock()
	return nil
}
