// Package logbuf batches log lines into few writes. A server logging one
// line per request through slog's text handler straight to stderr makes
// one write system call per request, about as costly as formatting the
// line; a Writer gathers the lines and writes them out every interval,
// when its buffer fills, and at once after a warning or an error, so every
// line is still written, in order, at most an interval late.
package logbuf

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"time"
)

// bufferSize is how many bytes of lines a Writer holds before writing
// them out without waiting for the interval.
const bufferSize = 64 << 10

// Writer is an io.Writer that holds what it is given until the next
// flush. It is safe for concurrent use; Close writes out what it holds
// and stops its flushing.
//
// A flush writes one buffer while callers fill the other: with the write
// done under the lock that Write takes, every request logged during a
// flush's system call waited for it, and on a busy server those waits
// idled the processors and woke them again.
type Writer struct {
	mu    sync.Mutex // guards buf and err
	buf   []byte
	spare []byte // the other buffer, empty, or nil while a flush writes it
	err   error  // the first failed write; later writes report it

	out sync.Mutex // held while writing to w, so buffers leave in order
	w   io.Writer

	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// New returns a Writer onto w that flushes every interval.
func New(w io.Writer, every time.Duration) *Writer {
	b := &Writer{w: w, buf: make([]byte, 0, bufferSize), spare: make([]byte, 0, bufferSize),
		stop: make(chan struct{}), done: make(chan struct{})}
	go b.flushEvery(every)
	return b
}

func (b *Writer) flushEvery(every time.Duration) {
	defer close(b.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
			b.Flush()
		}
	}
}

// Write holds p for the next flush, flushing first when p would not fit.
// A line longer than the buffer is written through at once, after what
// the Writer held.
func (b *Writer) Write(p []byte) (int, error) {
	for {
		b.mu.Lock()
		if b.err != nil {
			err := b.err
			b.mu.Unlock()
			return 0, err
		}
		if len(b.buf)+len(p) <= cap(b.buf) {
			b.buf = append(b.buf, p...)
			b.mu.Unlock()
			return len(p), nil
		}
		b.mu.Unlock()
		if len(p) > bufferSize {
			return b.writeThrough(p)
		}
		if err := b.Flush(); err != nil {
			return 0, err
		}
	}
}

// writeThrough writes p after what the Writer holds.
func (b *Writer) writeThrough(p []byte) (int, error) {
	b.out.Lock()
	defer b.out.Unlock()
	if err := b.flushOut(); err != nil {
		return 0, err
	}
	n, err := b.w.Write(p)
	if err != nil {
		b.fail(err)
	}
	return n, err
}

// Flush writes out what the Writer holds.
func (b *Writer) Flush() error {
	b.out.Lock()
	defer b.out.Unlock()
	return b.flushOut()
}

// flushOut swaps the buffers under mu and writes the full one without
// it, so that Write goes on filling the other; the caller holds out.
func (b *Writer) flushOut() error {
	b.mu.Lock()
	full, err := b.buf, b.err
	if err != nil || len(full) == 0 {
		b.mu.Unlock()
		return err
	}
	b.buf, b.spare = b.spare, nil
	b.mu.Unlock()
	_, err = b.w.Write(full)
	b.mu.Lock()
	b.spare = full[:0]
	err = b.failLocked(err)
	b.mu.Unlock()
	return err
}

// fail records the first failed write.
func (b *Writer) fail(err error) {
	b.mu.Lock()
	b.failLocked(err)
	b.mu.Unlock()
}

// failLocked records err if it is the first failed write and returns the
// first; the caller holds mu.
func (b *Writer) failLocked(err error) error {
	if err != nil && b.err == nil {
		b.err = err
	}
	return b.err
}

// Close stops the periodic flush and writes out what the Writer holds.
// It does not close the underlying writer; it is idempotent.
func (b *Writer) Close() error {
	b.once.Do(func() {
		close(b.stop)
		<-b.done
	})
	return b.Flush()
}

// NewLogger returns graphd's logger: slog text lines of level and above,
// batched by a Writer onto w that flushes every interval and after every
// record at slog.LevelWarn or above, so that problems show at once. Close
// the Writer before exiting.
func NewLogger(w io.Writer, level slog.Level, every time.Duration) (*slog.Logger, *Writer) {
	bw := New(w, every)
	h := slog.NewTextHandler(bw, &slog.HandlerOptions{Level: level})
	return slog.New(flushing{h, bw}), bw
}

// flushing is a handler that flushes its Writer after warnings and errors.
type flushing struct {
	slog.Handler
	w *Writer
}

func (h flushing) Handle(ctx context.Context, r slog.Record) error {
	err := h.Handler.Handle(ctx, r)
	if r.Level >= slog.LevelWarn {
		if ferr := h.w.Flush(); err == nil {
			err = ferr
		}
	}
	return err
}

func (h flushing) WithAttrs(as []slog.Attr) slog.Handler {
	return flushing{h.Handler.WithAttrs(as), h.w}
}

func (h flushing) WithGroup(name string) slog.Handler {
	return flushing{h.Handler.WithGroup(name), h.w}
}
