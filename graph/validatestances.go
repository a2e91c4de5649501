package graph

import (
	"context"
	"runtime"
	"sync"
)

// parallelCheckMin is the fewest stances a batch needs for its checks to
// be split between goroutines; smaller batches, such as a server's
// loads, are checked on the caller's.
const parallelCheckMin = 4096

// validateStances checks stances with one checker per part, the parts
// side by side on every core. A batch's checks read and never write, and
// in an import they ran on one goroutine while the other core waited for
// the writes they gate (in a CPU profile, 0.29 s of the 1.1 s a
// 200k-stance import spent on the writing goroutine). The error is the
// first stance's in batch order, as checking them one by one would
// report.
func validateStances(ctx context.Context, stances []StanceSpec, checker func() *stanceChecker) error {
	return inParts(len(stances), parallelCheckMin, func(lo, hi int) error {
		return checker().check(ctx, stances[lo:hi], lo)
	})
}

// inParts calls fn on consecutive parts of [0, n), one per core side by
// side when n is at least min, else on the caller's goroutine alone, and
// returns the error of the first part in order that failed: the error a
// check of the records one by one would meet first, when each part
// returns its first.
func inParts(n, min int, fn func(lo, hi int) error) error {
	parts := 1
	if n >= min {
		parts = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		if p == parts-1 {
			errs[p] = fn(lo, hi)
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[p] = fn(lo, hi)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// stanceChecker checks stances against their batch and the store, with
// memos of its own: actor references already resolved and the store's
// documents already read.
type stanceChecker struct {
	s       *Store
	c       *cacheTxn
	actors  *batchActors
	docs    map[string]Document                // the batch's, by ID
	stored  func(id string) (*Document, error) // the store's
	cited   map[string]*Document               // the store's read so far, by ID
	known   map[string]string                  // references resolved, to their owner
	quotes  *quoteSpans                        // where the quotes were found; nil: not kept
	readErr error                              // a failure to read the store, no fault of a record
}

// check checks stances, the first of which is the batch's stance first.
func (k *stanceChecker) check(ctx context.Context, stances []StanceSpec, first int) error {
	at := 0 // the batch's index of the stance being checked
	var found func(j, start, end int)
	if k.quotes != nil {
		found = func(j, start, end int) { k.quotes.set(at, j, start, end) }
	}
	for i, spec := range stances {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		at = first + i
		ends, err := validateStance(spec, k.resolve, k.document, k.s.Vocabulary(), k.actors.describe, found)
		if err != nil {
			if k.readErr != nil {
				return k.readErr
			}
			return &RecordError{Record: "stance", Index: first + i, Err: err}
		}
		if k.quotes != nil {
			k.quotes.setEnds(at, ends)
		}
	}
	return nil
}

func (k *stanceChecker) resolve(ref string) (string, error) {
	if o, ok := k.known[ref]; ok {
		return o, nil // the same busy actors recur throughout a batch
	}
	o, ok := k.actors.owner(NormalizeName(ref))
	if !ok {
		a, err := k.s.resolve(k.c, ref)
		if err != nil {
			return "", err
		}
		o = a.ID
	}
	k.known[ref] = o
	return o, nil
}

func (k *stanceChecker) document(id string) (*Document, error) {
	if d, ok := k.docs[id]; ok {
		return &d, nil
	}
	sd, seen := k.cited[id]
	if !seen {
		if sd, k.readErr = k.stored(id); k.readErr != nil {
			return nil, k.readErr
		}
		k.cited[id] = sd
	}
	return sd, nil
}
