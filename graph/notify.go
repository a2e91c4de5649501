package graph

import (
	"sync"
	"sync/atomic"
)

// observers is the set of functions Subscribe registered, replaced as a
// whole on each change so that a commit reads it without a lock.
type observers struct {
	mu   sync.Mutex // serializes replacements
	next int
	fns  atomic.Pointer[map[int]func(StanceChanges)]
}

// Subscribe registers fn to be told of every commit that adds live stances
// or retracts stances, after the commit, so a feed never announces a
// stance a reader cannot see yet. Writes done by an Importer (an empty
// store filled in one pass) and moves by MergeActors are not reported.
//
// fn runs on the writing goroutine with the writer lock held: it must
// return at once (hand the changes to a buffered channel, and drop the
// observer when it is full, rather than wait), and must not write to the
// store. The returned function unregisters fn; a notification already
// under way may still call fn once.
func (s *Store) Subscribe(fn func(StanceChanges)) (cancel func()) {
	o := &s.observers
	o.mu.Lock()
	defer o.mu.Unlock()
	id := o.next
	o.next++
	o.replace(func(m map[int]func(StanceChanges)) { m[id] = fn })
	var once sync.Once
	return func() {
		once.Do(func() {
			o.mu.Lock()
			defer o.mu.Unlock()
			o.replace(func(m map[int]func(StanceChanges)) { delete(m, id) })
		})
	}
}

// replace installs a copy of the observer set changed by edit; o.mu held.
func (o *observers) replace(edit func(map[int]func(StanceChanges))) {
	m := map[int]func(StanceChanges){}
	if cur := o.fns.Load(); cur != nil {
		for k, v := range *cur {
			m[k] = v
		}
	}
	edit(m)
	o.fns.Store(&m)
}

// watched reports whether any observer is registered, so that writers
// collect changes only for someone.
func (o *observers) watched() bool {
	m := o.fns.Load()
	return m != nil && len(*m) > 0
}

// notify hands a commit's changes to every observer.
func (o *observers) notify(c *StanceChanges) {
	if len(c.List) == 0 && c.Missed == 0 {
		return
	}
	m := o.fns.Load()
	if m == nil {
		return
	}
	for _, fn := range *m {
		fn(*c)
	}
}

// noteStance records what writing after over before (nil for a new
// stance) changed, when someone observes the store.
func (w *writer) noteStance(before *Stance, after *Stance) {
	if w.changes == nil {
		return
	}
	var kind ChangeKind
	switch {
	case before == nil && !after.Retracted:
		kind = StanceAdded
	case before != nil && !before.Retracted && after.Retracted:
		kind = StanceRetracted
	default:
		return
	}
	if len(w.changes.List) >= MaxStanceChanges {
		w.changes.Missed++
		return
	}
	w.changes.List = append(w.changes.List, StanceChange{Kind: kind, Stance: *after})
}
