package logbuf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// countingWriter records every write it is given.
type countingWriter struct {
	mu     sync.Mutex
	writes int
	buf    bytes.Buffer
	fail   error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fail != nil {
		return 0, c.fail
	}
	c.writes++
	return c.buf.Write(p)
}

func (c *countingWriter) state() (int, string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.writes, c.buf.String()
}

// TestLinesBatched checks that a Writer keeps every line, in order, in
// fewer writes than lines, and when each reaches the underlying writer.
func TestLinesBatched(t *testing.T) {
	cases := []struct {
		name      string
		lines     int
		level     slog.Level
		close     bool
		wantLines int
		maxWrites int
	}{
		{"info lines wait for the flush", 100, slog.LevelInfo, false, 0, 0},
		{"close writes out every info line in one write", 100, slog.LevelInfo, true, 100, 1},
		{"a warning is written at once", 1, slog.LevelWarn, false, 1, 1},
		{"a full buffer is written without waiting", 2000, slog.LevelInfo, true, 2000, 8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var cw countingWriter
			logger, bw := NewLogger(&cw, slog.LevelInfo, time.Hour)
			defer bw.Close()
			for i := range c.lines {
				logger.Log(context.Background(), c.level, "http request", "n", i, "path", "/graphql")
			}
			if c.close {
				if err := bw.Close(); err != nil {
					t.Fatal(err)
				}
			}
			writes, out := cw.state()
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if out == "" {
				lines = nil
			}
			if len(lines) != c.wantLines {
				t.Fatalf("%d lines written, want %d", len(lines), c.wantLines)
			}
			for i, l := range lines {
				if !strings.Contains(l, " n="+strconv.Itoa(i)+" ") {
					t.Fatalf("line %d is %q: out of order or lost", i, l)
				}
			}
			if writes > c.maxWrites {
				t.Errorf("%d writes for %d lines, want at most %d", writes, len(lines), c.maxWrites)
			}
		})
	}
}

// TestFlushedEveryInterval checks that held lines reach the writer
// without a Close, within about the interval.
func TestFlushedEveryInterval(t *testing.T) {
	var cw countingWriter
	logger, bw := NewLogger(&cw, slog.LevelInfo, 10*time.Millisecond)
	defer bw.Close()
	logger.Info("http request", "path", "/graphql")
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if _, out := cw.state(); strings.Contains(out, "path=/graphql") {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the line was not written within 5 s of a 10 ms interval")
}

// TestWriteErrorReported checks that a failing writer's error reaches
// the callers of Flush, Write and Close.
func TestWriteErrorReported(t *testing.T) {
	broken := errors.New("disk gone")
	cw := &countingWriter{fail: broken}
	bw := New(cw, time.Hour)
	if _, err := bw.Write([]byte("one\n")); err != nil {
		t.Fatalf("held write failed: %v", err)
	}
	if err := bw.Flush(); !errors.Is(err, broken) {
		t.Fatalf("Flush: %v, want %v", err, broken)
	}
	if _, err := bw.Write([]byte("two\n")); !errors.Is(err, broken) {
		t.Fatalf("Write after failure: %v, want %v", err, broken)
	}
	if err := bw.Close(); !errors.Is(err, broken) {
		t.Fatalf("Close: %v, want %v", err, broken)
	}
}

// BenchmarkRequestLine times one request line of graphd's log written to
// a file, line by line as slog's text handler writes it and batched by a
// Writer, from as many goroutines as GOMAXPROCS.
func BenchmarkRequestLine(b *testing.B) {
	cases := []struct {
		name   string
		logger func(w io.Writer) (*slog.Logger, func())
	}{
		{"line-by-line", func(w io.Writer) (*slog.Logger, func()) {
			return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})), func() {}
		}},
		{"batched", func(w io.Writer) (*slog.Logger, func()) {
			l, bw := NewLogger(w, slog.LevelInfo, 100*time.Millisecond)
			return l, func() { bw.Close() }
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			f, err := os.Create(filepath.Join(b.TempDir(), "requests.log"))
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			l, done := c.logger(f)
			defer done()
			ctx := context.Background()
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					l.LogAttrs(ctx, slog.LevelInfo, "http request", slog.String("method", "POST"), slog.String("path", "/graphql"),
						slog.Int("status", 200), slog.Int64("bytes", 5123), slog.Duration("duration", 734*time.Microsecond),
						slog.String("remote", "127.0.0.1:53422"), slog.String("operation", "Stances"), slog.String("op_type", "query"))
				}
			})
		})
	}
}

// gateWriter holds every write until its gate opens, as a slow disk would.
type gateWriter struct {
	entered chan struct{} // gets a value when a write starts
	gate    chan struct{}
	countingWriter
}

func (g *gateWriter) Write(p []byte) (int, error) {
	g.entered <- struct{}{}
	<-g.gate
	return g.countingWriter.Write(p)
}

// TestWriteDoesNotWaitForFlush checks that lines logged while a flush is
// writing are taken at once, and still reach the writer after what that
// flush wrote, each exactly once.
func TestWriteDoesNotWaitForFlush(t *testing.T) {
	gw := &gateWriter{entered: make(chan struct{}, 4), gate: make(chan struct{})}
	b := New(gw, time.Hour)
	io.WriteString(b, "first\n")
	flushed := make(chan error, 1)
	go func() { flushed <- b.Flush() }()
	<-gw.entered // the flush is inside the underlying write
	wrote := make(chan struct{})
	go func() {
		io.WriteString(b, "second\n")
		close(wrote)
	}()
	select {
	case <-wrote:
	case <-time.After(5 * time.Second):
		t.Error("a Write waited for a flush's underlying write")
	}
	close(gw.gate)
	if err := <-flushed; err != nil {
		t.Fatal(err)
	}
	<-wrote
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, got := gw.state(); got != "first\nsecond\n" {
		t.Errorf("written %q, want the lines in order, once each", got)
	}
}

// TestConcurrentWritesKeepEveryLine writes from several goroutines
// through many flushes and checks that every line arrives whole, once.
func TestConcurrentWritesKeepEveryLine(t *testing.T) {
	var cw countingWriter
	b := New(&cw, time.Millisecond)
	const writers, lines = 8, 2000
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range lines {
				io.WriteString(b, strconv.Itoa(w)+" "+strconv.Itoa(i)+" "+strings.Repeat("x", 100)+"\n")
			}
		}()
	}
	wg.Wait()
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	_, got := cw.state()
	next := make([]int, writers) // each writer's lines arrive in its order
	for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		var w, i int
		var x string
		if _, err := fmt.Sscanf(l, "%d %d %s", &w, &i, &x); err != nil || len(x) != 100 || i != next[w] {
			t.Fatalf("line %q out of order or torn (want writer %d's line %d)", l, w, next[w])
		}
		next[w]++
	}
	for w, n := range next {
		if n != lines {
			t.Errorf("writer %d: %d lines arrived, want %d", w, n, lines)
		}
	}
}
