package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/tmpfs"
)

// diskFill writes a file in dir until the filesystem is full, and returns
// a function that removes it.
func diskFill(t *testing.T, dir string) func() {
	t.Helper()
	name := tmpfs.Fill(t, dir)
	// The server trusts a free-space reading for 100ms.
	time.Sleep(150 * time.Millisecond)
	return func() {
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// TestDiskFullServe fills the disk under a running server: mutations and
// POST /load answer 507 naming the directory, queries go on, writes
// resume once space is freed; once stopped, graphd check runs read-only
// on the full disk, a writing command says what to free, and every
// acknowledged write is there.
func TestDiskFullServe(t *testing.T) {
	mnt := tmpfs.Mount(t, "200m") // the reserve at --memtable-mb 8 is 160 MiB
	dir := filepath.Join(mnt, "store")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := &concURLWriter{url: make(chan string, 1)}
	stderr := &concBuffer{}
	serveDone := make(chan error, 1)
	go func() {
		serveDone <- run(ctx, []string{"serve", "--data", dir, "--addr", "127.0.0.1:0", "--memtable-mb", "8", "--gc-interval", "50ms"}, strings.NewReader(""), stdout, stderr)
	}()
	var url string
	select {
	case url = <-stdout.url:
	case err := <-serveDone:
		t.Fatalf("serve returned before listening: %v\n%s", err, stderr)
	case <-time.After(30 * time.Second):
		t.Fatalf("serve printed no URL within 30s\n%s", stderr)
	}
	cl := concNewClient(url)
	bg := context.Background()
	const add = `mutation($n: String!) { upsertActor(input: {name: $n, kind: STATE}) { id } }`
	load := func(name string) (int, string) {
		t.Helper()
		body := `{"record":"actor","name":"` + name + `","kind":"STATE"}` + "\n"
		req, _ := http.NewRequest(http.MethodPost, strings.TrimSuffix(url, "/graphql")+"/load", bytes.NewReader([]byte(body)))
		req.Header.Set("Content-Type", "application/jsonl")
		resp, err := cl.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		msg, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(msg)
	}

	free := diskFill(t, mnt)
	ans, err := cl.post(bg, add, map[string]any{"n": "Disk Full Land"})
	if err != nil || ans.Status != http.StatusInsufficientStorage || !strings.Contains(ans.errorText(), dir) {
		t.Errorf("mutation on a full disk: HTTP %d %q %v, want 507 naming %s", ans.Status, ans.errorText(), err, dir)
	}
	if code, msg := load("Disk Full Load"); code != http.StatusInsufficientStorage || !strings.Contains(msg, "reserve") {
		t.Errorf("POST /load on a full disk: %d %s, want 507 naming the reserve", code, msg)
	}
	if ans, err := cl.post(bg, `{ stats { actors } }`, nil); err != nil || ans.Status != http.StatusOK || len(ans.Errors) > 0 {
		t.Errorf("query on a full disk: HTTP %d %q %v", ans.Status, ans.errorText(), err)
	}
	time.Sleep(120 * time.Millisecond) // value log GC runs, and is skipped
	free()
	if ans, err := cl.post(bg, add, map[string]any{"n": "Disk Freed Land"}); err != nil || ans.Status != http.StatusOK || len(ans.Errors) > 0 {
		t.Fatalf("mutation once space is freed: HTTP %d %q %v", ans.Status, ans.errorText(), err)
	}
	if code, msg := load("Disk Freed Load"); code != http.StatusOK {
		t.Fatalf("POST /load once space is freed: %d %s", code, msg)
	}
	cancel()
	if err := <-serveDone; err != nil {
		t.Fatalf("serve: %v\n%s", err, stderr)
	}

	free = diskFill(t, mnt)
	var out, errOut bytes.Buffer
	if err := run(bg, []string{"check", "--data", dir}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("check on a full disk: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "; 0 violations") || !strings.Contains(errOut.String(), "read-only") {
		t.Errorf("check on a full disk printed:\n%s%s", out.String(), errOut.String())
	}
	out.Reset()
	err = run(bg, []string{"seed", "--data", dir, "--memtable-mb", "8"}, strings.NewReader(""), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "free space") {
		t.Errorf("seed on a full disk: %v, want a message naming %s and what to free", err, dir)
	}
	free()
	out.Reset()
	q := `{ a: actor(name: "Disk Freed Land") { id } b: actor(name: "Disk Freed Load") { id } c: actor(name: "Disk Full Land") { id } }`
	if err := run(bg, []string{"query", "--data", dir, q}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("query: %v", err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, out.Bytes()); err != nil {
		t.Fatal(err)
	}
	if s := compact.String(); !strings.Contains(s, `"a":{"id"`) || !strings.Contains(s, `"b":{"id"`) || !strings.Contains(s, `"c":null`) {
		t.Errorf("after restart the acknowledged writes, and only they, should be there:\n%s", s)
	}
}
