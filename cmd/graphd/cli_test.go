package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

// TestFlagsPerCommand checks that each command lists only the flags it
// uses: the storage tuning flags only where a store is opened for writing,
// --url only where a server can do the work.
func TestFlagsPerCommand(t *testing.T) {
	tuning := []string{"sync", "memtable-mb", "cache-mb", "readahead"}
	remote := []string{"url", "token-file"}
	tests := []struct {
		command    string
		has, lacks []string
	}{
		{"serve", append([]string{"data", "vocabulary", "addr", "no-seed", "timeout"}, tuning...), []string{"url"}},
		{"seed", append(append([]string{"data"}, tuning...), remote...), []string{"vocabulary"}},
		{"load", append(append([]string{"data", "vocabulary", "upsert", "import"}, tuning...), remote...), nil},
		{"query", append(append([]string{"data", "vocabulary", "var", "format"}, tuning...), remote...), nil},
		{"restore", append([]string{"data", "from"}, tuning...), append([]string{"vocabulary"}, remote...)},
		{"export", append([]string{"data", "vocabulary", "format", "out"}, remote...), tuning},
		{"stats", append([]string{"data"}, remote...), append([]string{"vocabulary"}, tuning...)},
		{"backup", append([]string{"data", "to"}, remote...), append([]string{"vocabulary"}, tuning...)},
		{"check", append([]string{"data"}, remote...), append([]string{"vocabulary"}, tuning...)},
		{"extract", nil, append([]string{"data", "url"}, tuning...)},
		{"eval", []string{"gold", "seed"}, append([]string{"data", "url"}, tuning...)},
		{"version", nil, []string{"data"}},
	}
	listed := regexp.MustCompile(`(?m)^  -([a-z-]+)`)
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			out := mustGraphd(t, tt.command, "--help")
			flags := map[string]bool{}
			for _, m := range listed.FindAllStringSubmatch(out, -1) {
				flags[m[1]] = true
			}
			for _, f := range tt.has {
				if !flags[f] {
					t.Errorf("--%s is not listed", f)
				}
			}
			for _, f := range tt.lacks {
				if flags[f] {
					t.Errorf("--%s is listed", f)
				}
			}
		})
	}
}

// TestVersionText pins what graphd version prints for each kind of build.
func TestVersionText(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want []string
	}{
		{"tagged clean build", &debug.BuildInfo{
			Main: debug.Module{Path: "github.com/stancegraph/stancegraph", Version: "v1.2.0"},
			Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "false"},
			},
		}, []string{"graphd v1.2.0 (module github.com/stancegraph/stancegraph)\n", "revision 0123abcd (2026-12-01T10:00:00Z)\n"}},
		{"modified tree", &debug.BuildInfo{
			Main:     debug.Module{Path: "github.com/stancegraph/stancegraph", Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.modified", Value: "true"}},
		}, []string{"graphd (devel)", "revision 0123abcd, modified\n"}},
		{"no version control", &debug.BuildInfo{Main: debug.Module{Path: "github.com/stancegraph/stancegraph"}}, []string{"graphd (unknown)", "revision unknown: built without version control"}},
		{"no build information", nil, []string{"graphd (unknown) (module github.com/stancegraph/stancegraph)", "revision unknown"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeVersion(&b, tt.bi)
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("printed\n%s\nwant %q", b.String(), w)
				}
			}
			if !strings.Contains(b.String(), "built with go") {
				t.Errorf("printed\n%s\nwithout the Go release", b.String())
			}
		})
	}
}

// TestVersionOfBuiltBinary builds graphd as make build does and checks
// that graphd version and --version print the revision the Go tool stamped
// into it (none in a checkout git cannot describe, e.g. a linked worktree).
func TestVersionOfBuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds graphd")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "graphd")
	if out, err := exec.Command(goTool, "build", "-buildvcs=auto", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	info, err := exec.Command(goTool, "version", "-m", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := "revision unknown"
	if m := regexp.MustCompile(`vcs\.revision=(\w+)`).FindSubmatch(info); m != nil {
		want = "revision " + string(m[1])
	}
	for _, arg := range []string{"version", "--version"} {
		out, err := exec.Command(bin, arg).Output()
		if err != nil {
			t.Fatalf("graphd %s: %v", arg, err)
		}
		if !strings.HasPrefix(string(out), "graphd ") || !strings.Contains(string(out), want) {
			t.Errorf("graphd %s printed\n%s\nwant %q", arg, out, want)
		}
	}
}

// TestServingRecord checks the record of a server's address in its store
// directory: the URL a local command reaches it at, removed on shutdown,
// and a stale one left by a killed server removed by the next command.
func TestServingRecord(t *testing.T) {
	t.Run("addresses", func(t *testing.T) {
		tests := []struct{ addr, url string }{
			{"127.0.0.1:8080", "http://127.0.0.1:8080"},
			{"0.0.0.0:9000", "http://127.0.0.1:9000"},
			{"[::]:9000", "http://127.0.0.1:9000"}, // Go's wildcard listener takes both families
			{"192.0.2.7:80", "http://192.0.2.7:80"},
		}
		for _, tt := range tests {
			dir := t.TempDir()
			addr, err := net.ResolveTCPAddr("tcp", tt.addr)
			if err != nil {
				t.Fatal(err)
			}
			remove, err := recordServing(dir, addr)
			if err != nil {
				t.Fatal(err)
			}
			if got := servingURL(dir); got != tt.url {
				t.Errorf("%s recorded as %q, want %q", tt.addr, got, tt.url)
			}
			remove()
			if got := servingURL(dir); got != "" {
				t.Errorf("%s still recorded after removal: %q", tt.addr, got)
			}
		}
	})
	t.Run("lifecycle", func(t *testing.T) {
		dir := t.TempDir()
		url, stop := serve(t, dir)
		if got := servingURL(dir); got != url {
			t.Errorf("recorded %q for a server on %s", got, url)
		}
		stop()
		if _, err := os.Stat(filepath.Join(dir, servingFile)); !os.IsNotExist(err) {
			t.Errorf("the record outlived the server: %v", err)
		}
		// A killed server leaves its record; the next command to hold
		// the lock knows it is stale.
		os.WriteFile(filepath.Join(dir, servingFile), []byte("http://127.0.0.1:1\n"), 0o644)
		mustGraphd(t, "stats", "--data", dir)
		if _, err := os.Stat(filepath.Join(dir, servingFile)); !os.IsNotExist(err) {
			t.Errorf("a stale record survived a command holding the lock: %v", err)
		}
	})
	t.Run("read-only writes none", func(t *testing.T) {
		dir := t.TempDir()
		mustGraphd(t, "seed", "--data", dir)
		_, stop := serve(t, dir, "--read-only")
		defer stop()
		if got := servingURL(dir); got != "" {
			t.Errorf("a read-only server recorded %q", got)
		}
	})
}

// TestServePortClash starts serve on a port already in use: it fails
// naming the flag and creates no store, seeded or not.
func TestServePortClash(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := filepath.Join(t.TempDir(), "store")
	code, _, stderr := graphdExit(t, "serve", "--data", dir, "--addr", ln.Addr().String())
	if code != 1 || !strings.Contains(stderr, "--addr "+ln.Addr().String()+": the address is in use") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a failed serve left %s behind: %v", dir, err)
	}
}

// TestFailedFirstLoad checks that a load into a new store that stores
// nothing leaves --data as it found it, absent or empty, while a store
// that was there, or that the load filled in part, stays.
func TestFailedFirstLoad(t *testing.T) {
	files := t.TempDir()
	bad := filepath.Join(files, "bad.jsonl")
	good := filepath.Join(files, "good.jsonl")
	os.WriteFile(bad, []byte(`{"record":"actor","name":"Qatar","kind":"STATE"}`+"\n"+`{"record":"stance","subject":"Qatar","type":"HOSTS","object":"Qatar"}`+"\n"), 0o644)
	os.WriteFile(good, []byte(`{"record":"actor","name":"Oman","kind":"STATE"}`+"\n"), 0o644)
	seeded := t.TempDir()
	mustGraphd(t, "seed", "--data", seeded)
	tests := []struct {
		name    string
		dir     string
		args    []string
		entries int // files in dir afterwards; -1 for no dir
	}{
		{"absent directory", filepath.Join(t.TempDir(), "new"), []string{bad}, -1},
		{"absent directory, file by file", filepath.Join(t.TempDir(), "new"), []string{"--import=false", bad}, -1},
		{"empty directory", t.TempDir(), []string{bad}, 0},
		{"a good file first", filepath.Join(t.TempDir(), "new"), []string{"--import=false", good, bad}, 1},
		{"existing store", seeded, []string{bad}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := graphd(t, append([]string{"load", "--data", tt.dir}, tt.args...)...); err == nil {
				t.Fatal("the bad file loaded")
			}
			entries, err := os.ReadDir(tt.dir)
			switch {
			case tt.entries < 0 && !os.IsNotExist(err):
				t.Errorf("%s exists after a failed first load (%d entries, %v)", tt.dir, len(entries), err)
			case tt.entries == 0 && (err != nil || len(entries) != 0):
				t.Errorf("the empty directory holds %d entries after a failed load (%v)", len(entries), err)
			case tt.entries > 0 && len(entries) == 0:
				t.Errorf("the store is gone: %v", err)
			}
		})
	}
	if out := mustGraphd(t, "stats", "--data", seeded); !strings.Contains(out, "stances    14") {
		t.Errorf("the seeded store changed: %s", out)
	}
}

// TestPlainMessages checks that errors reach the user without Go package
// prefixes or Go type names.
func TestPlainMessages(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a.jsonl:2: jsonl: bad record: x", "a.jsonl:2: bad record: x"},
		{"graph: import: graph: store is not empty", "import: store is not empty"},
		{"c.jsonl:1: stance: date: graph: invalid date: \"y\"", "c.jsonl:1: stance: date: invalid date: \"y\""},
		{"opening x (graph: store is closed)", "opening x (store is closed)"},
		{"seed: added 3 actors", "seed: added 3 actors"},
		{"the graph: a word", "the graph: a word"},
	}
	for _, tt := range tests {
		if got := plainMessage(tt.in); got != tt.want {
			t.Errorf("plainMessage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	file := filepath.Join(t.TempDir(), "typed.jsonl")
	os.WriteFile(file, []byte(`{"record":"actor","name":42}`+"\n"), 0o644)
	var out, errOut bytes.Buffer
	code := runExit(context.Background(), []string{"load", "--data", t.TempDir(), file}, strings.NewReader(""), &out, &errOut)
	msg := errOut.String()
	if code != 1 || !strings.Contains(msg, "graphd: "+file+`:1: bad record: field "name" is a number, want a string`) {
		t.Errorf("exit %d, stderr %q", code, msg)
	}
	for _, goish := range []string{": jsonl:", "Go struct", "actorRecord", "json:"} {
		if strings.Contains(msg, goish) {
			t.Errorf("stderr %q holds %q", msg, goish)
		}
	}
}
