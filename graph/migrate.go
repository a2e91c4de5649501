package graph

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// layoutKey holds the store's record layout. A store without it was
// written in layout 1 (each stance record whole in its S, O and I
// entries), unless it holds nothing.
var layoutKey = keys.MetaKey("layout")

// currentLayout is the layout this code writes: each stance record once,
// in its O entry, with its S entry a reference to it and its I entry its
// header (see codec.go, layout 2), and each document's text without the
// spans its stances quote (see docspans.go), a confidence of whole
// ten-thousandths in 2 bytes (layout 3).
const currentLayout = 3

// migrateBatch is how many stances a migration converts per transaction.
const migrateBatch = 1000

// errLayoutTooNew refuses a store written by a newer graphd.
var errLayoutTooNew = errors.New("graph: the store's record layout is newer than this graphd reads; upgrade graphd")

// readLayout returns the store's layout, 1 when it records none.
func readLayout(txn *badger.Txn) (int, error) {
	v, err := getValue(txn, layoutKey)
	switch {
	case errors.Is(err, ErrNotFound):
		return 1, nil
	case err != nil:
		return 0, err
	case len(v) != 1:
		return 0, fmt.Errorf("%w: layout record %x", errCorrupt, v)
	}
	return int(v[0]), nil
}

// migration converts a store's stances to the current layout in batches,
// each its own transaction, so that a store of any size migrates in
// bounded memory. Each stance's S, O and I entries change together, and
// the layout is recorded only after the last batch: a migration cut short
// leaves stances of both layouts, which every read understands, and the
// next Open converts those still whole, passing over the others.
type migration struct {
	db    *badger.DB
	batch int
	// guard refuses a batch when the disk is under its reserve: the old
	// values stay on disk until compactions drop them.
	guard *diskGuard
	// afterBatch, when set, runs after each committed batch with the
	// stances converted so far; an error stops the migration (tests).
	afterBatch func(converted int) error
}

// settleLayout migrates a writable store to the current layout, or
// records the layout of an empty one. Read-only stores are read as they
// are.
func (s *Store) settleLayout(log *slog.Logger, m *migration) error {
	var layout int
	if err := s.db.View(func(txn *badger.Txn) (err error) { layout, err = readLayout(txn); return err }); err != nil {
		return err
	}
	switch {
	case layout > currentLayout:
		return fmt.Errorf("%w (layout %d, this graphd writes %d)", errLayoutTooNew, layout, currentLayout)
	case layout == currentLayout || s.ro:
		return nil
	}
	if m == nil {
		m = &migration{db: s.db, batch: migrateBatch, guard: s.guard}
	}
	n, err := m.run()
	if err != nil {
		return fmt.Errorf("graph: migrate the store to record layout %d (%d stances converted; opening it again carries on): %w", currentLayout, n, err)
	}
	if n > 0 && log != nil {
		log.Info("store migrated to a new record layout", "layout", currentLayout, "stances", n)
	}
	return nil
}

// conversion is one pass of a migration over a key family: the records
// old reports are rewritten by convert.
type conversion struct {
	prefix  byte
	old     func(k, v []byte) bool
	convert func(txn *badger.Txn, k, v []byte) error
}

// conversions are a migration's passes, in order: stance records first,
// since a document's pass reads the stances citing it.
var conversions = []conversion{
	{keys.Stance, func(_, v []byte) bool { return v[0] == recordVersion }, convertStance},
	{keys.Out, staleOut, convertOut},
	{keys.Document, func(_, v []byte) bool { return v[0] == recordVersion }, convertDocument},
}

// run converts every record of an older layout, then records the layout,
// and returns how many it converted.
func (m *migration) run() (int, error) {
	total := 0
	for _, c := range conversions {
		var next []byte // the first key of the next batch
		for {
			if err := m.guard.check(0); err != nil {
				return total, err
			}
			n, last, err := m.convertBatch(c, next)
			total += n
			if err != nil {
				return total, err
			}
			if last == nil {
				break
			}
			if m.afterBatch != nil {
				if err := m.afterBatch(total); err != nil {
					return total, err
				}
			}
			next = append(bytes.Clone(last), 0)
		}
	}
	err := m.db.Update(func(txn *badger.Txn) error { return txn.Set(layoutKey, []byte{currentLayout}) })
	return total, err
}

// convertBatch converts up to m.batch records of c's family from key from
// on, in one transaction. last is the key to go on after, nil when the
// family is done.
func (m *migration) convertBatch(c conversion, from []byte) (n int, last []byte, err error) {
	err = m.db.Update(func(txn *badger.Txn) error {
		type entry struct{ k, v []byte }
		var todo []entry
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{c.prefix}})
		seek := from
		if seek == nil {
			seek = []byte{c.prefix}
		}
		for it.Seek(seek); it.Valid() && len(todo) < m.batch; it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				it.Close()
				return err
			}
			todo = append(todo, entry{it.Item().KeyCopy(nil), v})
		}
		more := it.Valid()
		it.Close()
		for _, e := range todo {
			if len(e.v) == 0 || !c.old(e.k, e.v) {
				continue // converted by an earlier, interrupted run
			}
			if err := c.convert(txn, e.k, e.v); err != nil {
				return err
			}
			n++
		}
		if more && len(todo) > 0 {
			last = todo[len(todo)-1].k
		}
		return nil
	})
	return n, last, err
}

// convertStance rewrites the entries of one whole stance record v at S key
// k in the current layout.
func convertStance(txn *badger.Txn, k, v []byte) error {
	r, err := decodeStance(v)
	if err != nil {
		return fmt.Errorf("stance %s: %w", idString(k[1:]), err)
	}
	id, subj, obj := k[1:], mustID(r.Subject), mustID(r.Object)
	vals := encodeValues(r, nil, false)
	for _, kv := range [][2][]byte{
		{k, vals.ref},
		{keys.Adjacency(keys.Out, subj, r.Type, obj, id), vals.out},
		{keys.Adjacency(keys.In, obj, r.Type, subj, id), vals.in},
	} {
		if err := txn.Set(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// convertDocument rewrites the whole document record v at D key k in the
// current layout, leaving out the quotes of the stances citing it.
func convertDocument(txn *badger.Txn, k, v []byte) error {
	id := k[1:]
	d, err := decodeDocRecord(id, v)
	if err != nil {
		return fmt.Errorf("document %s: %w", idString(id), err)
	}
	var citing [][]byte
	it := txn.NewIterator(badger.IteratorOptions{Prefix: keys.DocStanceKey(id, nil)})
	for it.Rewind(); it.Valid(); it.Next() {
		citing = append(citing, bytes.Clone(it.Item().Key()[1+keys.IDLen:]))
	}
	it.Close()
	for _, sid := range citing {
		v, err := getValue(txn, keys.StanceKey(sid))
		r, err := stanceAt(sid, v, err, txnGetter(txn))
		if err != nil {
			return fmt.Errorf("document %s: %w", idString(id), err)
		}
		for _, ev := range r.Evidence {
			if ev.DocumentID == d.ID {
				d.leaveOut(ev, [keys.IDLen]byte(sid))
			}
		}
	}
	return txn.Set(k, encodeDocRecord(&d))
}

// staleOut reports whether the O value v at key k is not as this code
// writes it: a confidence in 8 bytes that 2 hold (layout 2).
func staleOut(k, v []byte) bool {
	if v[0] != stanceOut || v[1]&(flagSure|flagTenThousandths) != 0 {
		return false
	}
	r, err := stanceFrom(k, v, nil)
	return err == nil && !bytes.Equal(encodeOut(r), v)
}

// convertOut rewrites the O value v at key k as this code writes it.
func convertOut(txn *badger.Txn, k, v []byte) error {
	r, err := stanceFrom(k, v, nil)
	if err != nil {
		return fmt.Errorf("outgoing entry %x: %w", k, err)
	}
	return txn.Set(k, encodeOut(r))
}
