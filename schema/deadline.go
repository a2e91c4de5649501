package schema

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// deadlineCtx is a request's context bounded by the engine's deadline,
// as context.WithDeadline's is, but with no timer until something asks
// for Done. Nearly every request only asks Err (the executors'
// checkpoints, the store's checks on entry), and the timer WithDeadline
// starts and stops cost three allocations and two updates of the
// runtime's timer heap a request, about 1% of a notebook request's CPU
// over HTTP. Err reads the clock instead; Done starts the timer the
// first time it is asked for, so a select on it wakes at the deadline.
type deadlineCtx struct {
	context.Context // the parent: values, and cancellation before the deadline
	deadline        time.Time

	mu    sync.Mutex // orders release against the first Done
	ended atomic.Bool
	timed atomic.Pointer[timedCtx] // made by the first Done
}

// timedCtx is the context.WithDeadline a deadlineCtx hands Done from.
type timedCtx struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// withDeadline returns parent bounded by d, to be released as the
// CancelFunc of context.WithDeadline is (a method, not a func value,
// which would cost an allocation of its own).
func withDeadline(parent context.Context, d time.Time) *deadlineCtx {
	if pd, ok := parent.Deadline(); ok && pd.Before(d) {
		d = pd
	}
	return &deadlineCtx{Context: parent, deadline: d}
}

// Deadline reports the earlier of the parent's deadline and the engine's.
func (c *deadlineCtx) Deadline() (time.Time, bool) { return c.deadline, true }

// Err is the parent's error, else Canceled once released or
// DeadlineExceeded once the deadline has passed; once Done has been
// asked for, the timed context's, so that the two always agree.
func (c *deadlineCtx) Err() error {
	if t := c.timed.Load(); t != nil {
		return t.ctx.Err()
	}
	if err := c.Context.Err(); err != nil {
		return err
	}
	switch {
	case c.ended.Load():
		return context.Canceled
	case !time.Now().Before(c.deadline):
		return context.DeadlineExceeded
	}
	return nil
}

// Done starts the timer the first time it is asked for; after release it
// is closed at once.
func (c *deadlineCtx) Done() <-chan struct{} {
	if t := c.timed.Load(); t != nil {
		return t.ctx.Done()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.timed.Load()
	if t == nil {
		t = &timedCtx{}
		t.ctx, t.cancel = context.WithDeadline(c.Context, c.deadline)
		if c.ended.Load() {
			t.cancel()
		}
		c.timed.Store(t)
	}
	return t.ctx.Done()
}

// release ends the context as a CancelFunc does, stopping the timer when
// Done started one.
func (c *deadlineCtx) release() {
	c.mu.Lock()
	c.ended.Store(true)
	t := c.timed.Load()
	c.mu.Unlock()
	if t != nil {
		t.cancel()
	}
}
