package graph

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"

	"github.com/dgraph-io/badger/v4/pb"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// A bulk load's splits reach Badger sorted. A transaction's writes leave
// Badger's Txn in the random order of its pending-writes map, and each
// one is a skiplist insert that searches the 64 MiB memtable from its
// head: cache misses all the way down, 21 us a stance (of about six
// entries) in a profile of files of 100,000 loaded into a store holding
// 1M, more than the rest of Load together. In key order each insert finds
// the path of the one before it in cache.
//
// So a split is not a Txn: its writes are collected (pendingWrite), sorted
// and handed to Badger's KVLoader as one write request, marked as one
// transaction at one version, then made visible by a transaction that
// commits at that version. Writers are serialized by the writer lock and
// nothing else writes to Badger while it is held, so that transaction's
// commit timestamp is the read timestamp of the last commit plus one,
// which the writer takes before sending. Readers whose snapshot predates
// that commit do not see the split, since its version is above their read
// timestamp; those after it see all of it. Badger's write-ahead log
// replays entries marked as part of a transaction only up to their
// transaction's end marker, so a process killed while the split is being
// written keeps all of it or none of it, as with a Txn: the load's journal
// finishes the rest (see Load).

// Badger's entry flags (value.go in badger v4), which KVLoader passes
// through from KV.Meta: the entry is a deletion, is part of a
// transaction, or ends one. Its Txn.Commit sets them on every entry it
// writes; TestSortedSplitReplaysAsTransaction pins their meaning.
const (
	badgerDelete byte = 1 << 0
	badgerTxn    byte = 1 << 6
	badgerFinTxn byte = 1 << 7
)

// badgerTxnKey is the key of Badger's end-of-transaction marker.
const badgerTxnKey = "!badger!txn"

// splitVisibleKey is deleted, never set, by the transaction that makes a
// sorted split visible: a commit needs a write, and a deletion of a key
// that is never stored leaves nothing a reader, Check or a dump sees.
var splitVisibleKey = keys.MetaKey("split-visible")

// pendingWrite is one write of a pipelined split.
type pendingWrite struct {
	k, v []byte
	del  bool
}

// write adds a write to the split: to its Txn, or to pending when the
// split goes sorted. It does not count towards the split's size (see
// writeSorted); counters, whose size was counted when they were first
// touched, are written this way.
func (w *writer) write(pw pendingWrite) error {
	if w.pipelined {
		w.pending = append(w.pending, pw)
		return nil
	}
	if pw.del {
		return w.txn.Delete(pw.k)
	}
	return w.txn.Set(pw.k, pw.v)
}

// writeSorted adds a write to a sorted split and counts it, sending the
// split first when this write would take it past what one Badger write
// request holds: where a Txn would fail with ErrTxnTooBig and setHeld
// split. Reads of k before the commit find held.
func (w *writer) writeSorted(pw pendingWrite, held []byte) error {
	n := int64(len(pw.k) + len(pw.v) + 16)
	if w.overfull(n) {
		if !w.splittable {
			return fmt.Errorf("graph: write too large for one transaction (%d entries, %d bytes)", w.count+1, w.size+n)
		}
		if err := w.beforeSplit(); err != nil {
			return err
		}
		if err := w.commitAsync(); err != nil {
			return err
		}
	}
	w.size += n
	w.count++
	w.pending = append(w.pending, pw)
	if pw.del {
		w.stage(pw.k, stagedValue{del: true})
	} else {
		w.stage(pw.k, stagedValue{v: held})
	}
	return nil
}

// overfull reports whether the split, counters included, with a write of
// n bytes more, is too large for one write request with the end marker
// beside it. size overestimates Badger's own estimate of an entry (16
// bytes over the key and value against its 10), so the margin is the
// marker's.
func (w *writer) overfull(n int64) bool {
	return w.size+n+64 >= w.s.db.MaxBatchSize() || w.count+3 >= w.s.db.MaxBatchCount()
}

// sendSorted writes a split's writes at version, in order (sortedOrder's),
// as one Badger transaction, then makes them visible (see the comment at
// the top of this file). version must be the read timestamp of the last
// commit plus one, with the writer lock held throughout. A split with no
// writes (a load of records all stored already) sends nothing.
func (s *Store) sendSorted(writes []pendingWrite, order []int32, version uint64) error {
	if len(writes) == 0 {
		return nil
	}
	l := s.db.NewKVLoader(1)
	set, del := []byte{badgerTxn}, []byte{badgerTxn | badgerDelete}
	var kv pb.KV
	for _, i := range order {
		pw := &writes[i]
		kv = pb.KV{Key: pw.k, Value: pw.v, Version: version, Meta: set}
		if pw.del {
			kv.Value, kv.Meta = nil, del
		}
		if err := l.Set(&kv); err != nil {
			return fmt.Errorf("%w: %w", ErrCommit, err)
		}
	}
	fin := pb.KV{Key: []byte(badgerTxnKey), Value: []byte(strconv.FormatUint(version, 10)), Version: version, Meta: []byte{badgerFinTxn}}
	if err := l.Set(&fin); err != nil {
		return fmt.Errorf("%w: %w", ErrCommit, err)
	}
	if err := l.Finish(); err != nil {
		return fmt.Errorf("%w: %w", ErrCommit, err)
	}
	if s.commitHook != nil {
		s.commitHook()
	}
	return s.makeVisible(version)
}

// makeVisible commits the transaction that takes the store's read
// timestamp to version, and checks that it did.
func (s *Store) makeVisible(version uint64) error {
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	if err := txn.Delete(splitVisibleKey); err != nil {
		return fmt.Errorf("%w: %w", ErrCommit, err)
	}
	if err := txn.Commit(); err != nil {
		return fmt.Errorf("%w: %w", ErrCommit, err)
	}
	rt := s.db.NewTransaction(false)
	defer rt.Discard()
	if got := rt.ReadTs(); got != version {
		return fmt.Errorf("%w: a split written at version %d became visible at %d: something wrote to the store outside the writer lock", ErrCommit, version, got)
	}
	return nil
}

// sortedOrder returns the indexes of writes in key order, with only the
// last write of each key, as a Txn keeps the last Set or Delete of a key.
// It sorts 16-byte entries holding each key's first eight bytes, not the
// writes themselves: most keys differ there (an ID's bytes follow a
// one-byte family), so a comparison rarely reads a key, and a swap moves
// a fifth of the bytes.
func sortedOrder(writes []pendingWrite) []int32 {
	type entry struct {
		prefix uint64
		i      int32
	}
	order := make([]entry, len(writes))
	for i, pw := range writes {
		var p [8]byte
		copy(p[:], pw.k)
		order[i] = entry{binary.BigEndian.Uint64(p[:]), int32(i)}
	}
	slices.SortFunc(order, func(a, b entry) int {
		if c := cmp.Compare(a.prefix, b.prefix); c != 0 {
			return c
		}
		if c := bytes.Compare(writes[a.i].k, writes[b.i].k); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	out := make([]int32, 0, len(order))
	for j, e := range order {
		if j+1 < len(order) && bytes.Equal(writes[e.i].k, writes[order[j+1].i].k) {
			continue
		}
		out = append(out, e.i)
	}
	return out
}
