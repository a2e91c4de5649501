package graph

import (
	"context"

	"github.com/dgraph-io/badger/v4"
)

// view runs fn in a read transaction, checking ctx and closure first.
func (s *Store) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.isClosed() {
		return ErrClosed
	}
	s.gate.RLock()
	defer s.gate.RUnlock()
	return s.db.View(fn)
}

// update runs fn in a write transaction under the writer lock. The
// transaction commits only when fn returns nil; after commit, after runs
// (to refresh caches) while the writer lock is still held.
func (s *Store) update(ctx context.Context, fn func(w *writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.ro {
		return ErrReadOnly
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.isClosed() {
		return ErrClosed
	}
	if err := s.guard.check(0); err != nil {
		return err
	}
	// A bulk load that failed after its first commit is finished
	// before anything else is written (see Load).
	if err := s.finishJournal(ctx); err != nil {
		return err
	}
	return s.updateLocked(ctx, fn)
}

// updateLocked is update with the writer lock held.
func (s *Store) updateLocked(ctx context.Context, fn func(w *writer) error) error {
	w := &writer{s: s, txn: s.db.NewTransaction(true), counters: map[string]*int64{}, degrees: map[degreeSlot]int64{}, cache: s.newCacheTxn()}
	if s.observers.watched() {
		w.changes = &StanceChanges{}
	}
	defer func() {
		// A split still committing must land, and its counters be
		// published, before the writer lock is released.
		w.settle()
		w.txn.Discard()
	}()
	if err := fn(w); err != nil {
		return err
	}
	if err := w.commit(); err != nil {
		return err
	}
	w.cache.apply()
	if w.committed != nil {
		w.committed()
	}
	if w.changes != nil {
		s.observers.notify(w.changes)
	}
	return nil
}

// viewWithDegree is view for listings whose total comes from the degree
// table: the transaction opens and the table is read under mu, which
// writers hold across commit and table update, so the page and its total
// see the same commits. While a bulk load's split commits without mu (see
// writer.commitAsync) the table may lag the snapshot, and the total is
// read from the snapshot's counters instead.
func (s *Store) viewWithDegree(ctx context.Context, actor []byte, dirs []byte, types []string, fn func(txn *badger.Txn, total int, known bool) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.isClosed() {
		return ErrClosed
	}
	s.gate.RLock()
	defer s.gate.RUnlock()
	s.mu.RLock()
	txn := s.db.NewTransaction(false)
	n, known := s.deg.sum(actor, dirs, types)
	settled := s.unsettled.Load() == 0
	s.mu.RUnlock()
	defer txn.Discard()
	if !settled {
		var err error
		if n, err = storedDegree(txn, actor, dirs, types); err != nil {
			return err
		}
		known = true
	}
	return fn(txn, n, known)
}
