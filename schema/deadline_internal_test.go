package schema

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"
)

// TestDeadlineCtx checks the request context against what
// context.WithDeadline promises: Err and Done agree, the earlier
// deadline wins, release and the parent's cancellation end it.
func TestDeadlineCtx(t *testing.T) {
	far := time.Now().Add(time.Hour)
	tests := []struct {
		name string
		// run ends (or not) the context and returns the error Err must
		// report; done says whether Done must then be closed.
		run  func(t *testing.T, parent context.CancelFunc, c *deadlineCtx, release func()) error
		done bool
	}{
		{"live", func(*testing.T, context.CancelFunc, *deadlineCtx, func()) error { return nil }, false},
		{"released", func(_ *testing.T, _ context.CancelFunc, _ *deadlineCtx, release func()) error {
			release()
			return context.Canceled
		}, true},
		{"released after Done", func(_ *testing.T, _ context.CancelFunc, c *deadlineCtx, release func()) error {
			c.Done()
			release()
			return context.Canceled
		}, true},
		{"parent canceled", func(_ *testing.T, parent context.CancelFunc, _ *deadlineCtx, _ func()) error {
			parent()
			return context.Canceled
		}, true},
		{"deadline passed", func(t *testing.T, _ context.CancelFunc, c *deadlineCtx, _ func()) error {
			c.deadline = time.Now().Add(-time.Millisecond)
			return context.DeadlineExceeded
		}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parent, cancel := context.WithCancel(context.Background())
			defer cancel()
			c := withDeadline(parent, far)
			defer c.release()
			release := c.release
			want := tc.run(t, cancel, c, release)
			if err := c.Err(); !errors.Is(err, want) || (want == nil) != (err == nil) {
				t.Errorf("Err before Done = %v, want %v", err, want)
			}
			select {
			case <-c.Done():
				if !tc.done {
					t.Error("Done is closed, want open")
				}
			default:
				if tc.done {
					t.Error("Done is open, want closed")
				}
			}
			if err := c.Err(); !errors.Is(err, want) || (want == nil) != (err == nil) {
				t.Errorf("Err after Done = %v, want %v", err, want)
			}
		})
	}
}

// TestDeadlineCtxWakesDone: a select on Done wakes at the deadline, as
// it did with context.WithTimeout's timer.
func TestDeadlineCtxWakesDone(t *testing.T) {
	c := withDeadline(context.Background(), time.Now().Add(20*time.Millisecond))
	defer c.release()
	select {
	case <-c.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("Done not closed 5 s after a deadline of 20 ms")
	}
	if err := c.Err(); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Err = %v, want DeadlineExceeded", err)
	}
}

// TestDeadlineCtxKeepsEarlierDeadline: a caller's earlier deadline bounds
// the request, and the parent's values stay visible.
func TestDeadlineCtxKeepsEarlierDeadline(t *testing.T) {
	type key struct{}
	early := time.Now().Add(time.Minute)
	parent, cancel := context.WithDeadline(context.WithValue(context.Background(), key{}, "v"), early)
	defer cancel()
	c := withDeadline(parent, early.Add(time.Hour))
	defer c.release()
	if d, ok := c.Deadline(); !ok || !d.Equal(early) {
		t.Errorf("Deadline = %v, %v; want %v, true", d, ok, early)
	}
	if v := c.Value(key{}); v != "v" {
		t.Errorf("Value = %v, want the parent's", v)
	}
}

// TestDeadlineCtxStartsNoTimer: a request that never waits on Done costs
// one allocation for its deadline, where context.WithTimeout's timer
// cost three.
func TestDeadlineCtxStartsNoTimer(t *testing.T) {
	parent := context.Background()
	allocs := testing.AllocsPerRun(100, func() {
		c := withDeadline(parent, time.Now().Add(time.Minute))
		_ = c.Err()
		c.release()
	})
	if allocs > 1 {
		t.Errorf("%.0f allocations a request, want 1", allocs)
	}
}

// countingCtx counts the reads of its error.
type countingCtx struct {
	context.Context
	errs int
}

func (c *countingCtx) Err() error { c.errs++; return c.Context.Err() }

// TestCheckpointReadsDeadlineSparingly: the fast path reads the
// request's deadline at its first field and every checkEvery fields
// after, not at each of a page's ~250 fields, and a request already out
// of time stops at the first.
func TestCheckpointReadsDeadlineSparingly(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name     string
		parent   context.Context
		fields   int
		wantErrs int
		wantErr  error
	}{
		{"one field", context.Background(), 1, 1, nil},
		{"a page", context.Background(), 250, (250 + checkEvery - 1) / checkEvery, nil},
		{"out of time", canceled, 1, 1, context.Canceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := &countingCtx{Context: tc.parent}
			x := &executor{ctx: ctx, limit: 1 << 20}
			var buf bytes.Buffer
			var err error
			for i := 0; i < tc.fields && err == nil; i++ {
				err = x.checkpoint(&buf)
			}
			if ctx.errs != tc.wantErrs || !errors.Is(err, tc.wantErr) || (err == nil) != (tc.wantErr == nil) {
				t.Errorf("%d reads of Err, error %v; want %d, %v", ctx.errs, err, tc.wantErrs, tc.wantErr)
			}
		})
	}
}
