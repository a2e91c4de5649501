package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// watching runs load --watch until stop, which returns its output.
func watching(t *testing.T, args ...string) (out *syncBuffer, stop func() string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out = &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"load", "--interval", "20ms"}, args...), strings.NewReader(""), out, out)
	}()
	return out, func() string {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("load --watch: %v\n%s", err, out.String())
		}
		return out.String()
	}
}

// waitFor waits until out holds want.
func waitFor(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(out.String(), want) {
			return
		}
	}
	t.Fatalf("load --watch never said %q:\n%s", want, out.String())
}

func copySample(t *testing.T, sample, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../events/testdata/" + sample)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLoadWatch follows a folder: files appearing are loaded once, a
// partial download and a file no reader takes are not, and a restarted
// watch loads only what is new.
func TestLoadWatch(t *testing.T) {
	folder, data := t.TempDir(), filepath.Join(t.TempDir(), "store")
	copySample(t, "gdelt2-20150218230000.export.CSV", folder, "20150218230000.export.CSV")
	out, stop := watching(t, "--data", data, "--watch", folder)
	waitFor(t, out, "20150218230000.export.CSV: +22 actors, +0 documents, +36 stances")
	copySample(t, "icews-events.2018.sample.tab", folder, "icews.tab.part")
	os.WriteFile(filepath.Join(folder, "image.bin"), []byte{0, 1, 2, 0xff, 0}, 0o644)
	waitFor(t, out, "image.bin")
	os.Rename(filepath.Join(folder, "icews.tab.part"), filepath.Join(folder, "icews.tab"))
	waitFor(t, out, "icews.tab: +")
	first := stop()
	if strings.Contains(first, "icews.tab.part") {
		t.Errorf("a partial download was read:\n%s", first)
	}

	copySample(t, "plover-gsr.jsonl", folder, "plover.jsonl")
	out, stop = watching(t, "--data", data, "--watch", folder)
	waitFor(t, out, "plover.jsonl: +")
	time.Sleep(100 * time.Millisecond) // a few more polls
	second := stop()
	for _, old := range []string{"20150218230000", "icews.tab", "image.bin"} {
		if strings.Contains(strings.ReplaceAll(second, "following "+folder, ""), old) {
			t.Errorf("the restarted watch took %s again:\n%s", old, second)
		}
	}
	state, err := os.ReadFile(filepath.Join(data, watchStateName))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(state), "\n"); n != 4 || !strings.Contains(string(state), `"refused":`) {
		t.Errorf("the state records %d files, want 4 (one refused):\n%s", n, state)
	}
	if out := mustGraphd(t, "check", "--data", data); !strings.Contains(out, "0 violations") {
		t.Errorf("check: %s", out)
	}
}
