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
type Writer struct {
	mu   sync.Mutex
	w    io.Writer
	buf  []byte
	err  error // the first failed write; later writes report it
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// New returns a Writer onto w that flushes every interval.
func New(w io.Writer, every time.Duration) *Writer {
	b := &Writer{w: w, buf: make([]byte, 0, bufferSize), stop: make(chan struct{}), done: make(chan struct{})}
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
// A line longer than the buffer is written through at once.
func (b *Writer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return 0, b.err
	}
	if len(b.buf)+len(p) > cap(b.buf) {
		if err := b.flushLocked(); err != nil {
			return 0, err
		}
		if len(p) > cap(b.buf) {
			return b.w.Write(p)
		}
	}
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// Flush writes out what the Writer holds.
func (b *Writer) Flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.flushLocked()
}

func (b *Writer) flushLocked() error {
	if b.err != nil || len(b.buf) == 0 {
		return b.err
	}
	_, b.err = b.w.Write(b.buf)
	b.buf = b.buf[:0]
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
