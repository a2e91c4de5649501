package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/dgraphstore/dgraphtest"
	"github.com/stancegraph/stancegraph/stance"
)

// seedFile is the seed's JSON Lines, loaded by file as a user would.
var seedFile = filepath.Join("..", "..", "seed", "seed.jsonl")

// cursors matches the cursors of an answer: opaque, and each store writes
// its own, so answers are compared without them.
var cursors = regexp.MustCompile(`"(cursor|endCursor|startCursor)": "[^"]*"`)

func withoutCursors(s string) string { return cursors.ReplaceAllString(s, `"$1": "…"`) }

// TestDgraphCommandsMatchEmbedded loads the seed's JSON Lines with graphd
// load into an embedded store (--data) and into a Dgraph cluster
// (--store), and wants every README query, every export format and the
// counts to print the same bytes from both; an export of the cluster
// loaded into a new embedded store exports the same JSON Lines again.
func TestDgraphCommandsMatchEmbedded(t *testing.T) {
	c := dgraphtest.Require(t)
	store := "dgraph://" + c.Addr
	dir := t.TempDir()
	mustGraphd(t, "load", "--data", dir, seedFile)
	mustGraphd(t, "load", "--store", store, seedFile)
	same := func(args ...string) string {
		t.Helper()
		embedded, eerr := graphd(t, append([]string{args[0], "--data", dir}, args[1:]...)...)
		cluster, cerr := graphd(t, append([]string{args[0], "--store", store}, args[1:]...)...)
		if withoutCursors(embedded) != withoutCursors(cluster) || (eerr == nil) != (cerr == nil) {
			t.Errorf("graphd %s:\n--data (%v):\n%s\n--store (%v):\n%s", strings.Join(args, " "), eerr, embedded, cerr, cluster)
		}
		return cluster
	}
	for _, q := range readmeQueries(t) {
		same("query", q)
	}
	same("query", `{ stances(filter: {subject: "Atlantis"}) { totalCount } }`) // an error
	if out := same("stats"); !strings.Contains(out, "stances ") || strings.Contains(out, "stances    0\n") {
		t.Errorf("stats of the loaded seed: %s", out)
	}
	for _, format := range []string{"json", "jsonl", "graphml", "csv", "nquads", "plover"} {
		same("export", "--format", format)
	}
	exported := filepath.Join(t.TempDir(), "cluster.jsonl")
	mustGraphd(t, "export", "--store", store, "--format", "jsonl", "--out", exported)
	back := t.TempDir()
	mustGraphd(t, "load", "--data", back, exported)
	if a, b := mustGraphd(t, "export", "--data", dir, "--format", "jsonl"), mustGraphd(t, "export", "--data", back, "--format", "jsonl"); a != b {
		t.Errorf("embedded -> Dgraph -> embedded changed the JSON Lines:\n%s\nwant\n%s", b, a)
	}
	if out := mustGraphd(t, "vocabulary", "--store", store); !strings.Contains(out, "SUPPORTS") || !strings.Contains(out, "The cluster keeps this vocabulary") {
		t.Errorf("vocabulary of the cluster:\n%s", out)
	}
	if out := mustGraphd(t, "seed", "--store", store); !strings.Contains(out, "seed: added 0 actors, 0 documents, 0 stances") {
		t.Errorf("seed of a cluster holding the seed: %s", out)
	}
	// Loading the same file again adds nothing, as on the embedded store.
	if out := mustGraphd(t, "load", "--store", store, seedFile); !strings.Contains(out, "+0 actors, +0 documents, +0 stances") {
		t.Errorf("second load into the cluster: %s", out)
	}
}

// TestServeDgraph serves the contract from a cluster with graphd serve
// --store: the cluster is seeded on first start, a mutation and a query
// answer over HTTP and /readyz is 200; once the cluster is gone /readyz
// and queries answer 503 (UNAVAILABLE) while the server keeps running.
func TestServeDgraph(t *testing.T) {
	c := dgraphtest.Require(t)
	url, stop := serveWith(t, "--store", "dgraph://"+c.Addr, "--store-timeout", "3s")
	defer stop()
	if got := post(t, url, `mutation { upsertActor(input: {name: "Oman", kind: STATE}) { name } }`, nil); !strings.Contains(mustJSON(t, got), `"Oman"`) {
		t.Errorf("mutation answered %s", mustJSON(t, got))
	}
	dir := t.TempDir()
	mustGraphd(t, "seed", "--data", dir)
	mustGraphd(t, "query", "--data", dir, `mutation { upsertActor(input: {name: "Oman", kind: STATE}) { name } }`)
	want := mustGraphd(t, "query", "--data", dir, `{ stats { actors stances documents } }`)
	if got := mustGraphd(t, "query", "--url", url, `{ stats { actors stances documents } }`); got != want {
		t.Errorf("stats over the seeded cluster:\n%s\nwant, as on a seeded embedded store:\n%s", got, want)
	}
	if code, _ := get(t, url+"/readyz"); code != http.StatusOK {
		t.Errorf("/readyz = %d with the cluster up, want 200", code)
	}
	if code, body := get(t, url+"/check"); code != http.StatusNotImplemented || !strings.Contains(body, "no check of its own") {
		t.Errorf("/check of a cluster = %d %s, want 501 saying why", code, body)
	}
	if _, err := graphd(t, "backup", "--url", url, "--to", filepath.Join(t.TempDir(), "b")); err == nil || !strings.Contains(err.Error(), "501 Not Implemented: backup: --store dgraph://"+c.Addr+": backup is the cluster's own") {
		t.Errorf("backup --url of a server on a cluster: %v", err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if code, _ := get(t, url+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d with the cluster down, want 503", code)
	}
	body, _ := json.Marshal(map[string]string{"query": `{ actor(name: "Oman") { name } }`})
	resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(b), `"UNAVAILABLE"`) {
		t.Errorf("query with the cluster down: %d %s, want 503 with code UNAVAILABLE", resp.StatusCode, b)
	}
}

// TestStoreFlagRefusals: what graphd does only to its embedded store is
// refused for a cluster with a usage error saying what to use instead,
// and a malformed --store or one given with --data is a usage error, all
// before any connection is tried.
func TestStoreFlagRefusals(t *testing.T) {
	const store = "dgraph://127.0.0.1:9"
	types := writeFile(t, "types.json", `[{"type": "PRAISES", "weight": 1}]`)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"backup", "--store", store, "--to", filepath.Join(t.TempDir(), "b")}, "backup is the cluster's own (dgraph export"},
		{[]string{"restore", "--store", store, "--from", "x"}, "restore is the cluster's own"},
		{[]string{"check", "--store", store}, "the Dgraph store has no check of its own"},
		{[]string{"vocabulary", "--store", store, "extend", types}, "the cluster keeps the vocabulary it was created with"},
		{[]string{"stats", "--store", "localhost:9080"}, `--store "localhost:9080": want dgraph://HOST:PORT`},
		{[]string{"stats", "--store", store, "--data", t.TempDir()}, "--data and --store cannot be used together"},
		{[]string{"stats", "--store", store, "--url", "http://127.0.0.1:8080"}, "--store and --url cannot be used together"},
		{[]string{"load", "--store", store, "--memtable-mb", "16", seedFile}, "the flag tunes the embedded store"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:1], " "), func(t *testing.T) {
			code, _, stderr := graphdExit(t, tt.args...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("graphd %s: exit %d, %q; want %d and %q", strings.Join(tt.args, " "), code, stderr, exitUsage, tt.want)
			}
		})
	}
}

// TestStoreUnreachable: a command given a cluster nobody answers at
// fails within --store-timeout, naming the address.
func TestStoreUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	for _, cmd := range []string{"stats", "query", "export", "load", "serve"} {
		t.Run(cmd, func(t *testing.T) {
			args := []string{cmd, "--store", "dgraph://" + addr, "--store-timeout", "1s"}
			switch cmd {
			case "query":
				args = append(args, "{ stats { actors } }")
			case "load":
				args = append(args, seedFile)
			case "serve":
				args = append(args, "--addr", "127.0.0.1:0")
			}
			code, _, stderr := graphdExit(t, args...)
			if code != exitFailure || !strings.Contains(stderr, "--store dgraph://"+addr+": no Dgraph alpha answered within 1s") {
				t.Errorf("graphd %s: exit %d, %q; want 1 and a message naming %s", strings.Join(args, " "), code, stderr, addr)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestUnreachableNamesCluster: a cluster that stops answering during a
// command is named in the command's error; other errors, and errors of
// the embedded store, pass unchanged.
func TestUnreachableNamesCluster(t *testing.T) {
	down := fmt.Errorf("%w: rpc error: code = Unavailable", stance.ErrUnavailable)
	bad := fmt.Errorf("%w: no actor", stance.ErrNotFound)
	tests := []struct {
		place string
		err   error
		want  string
	}{
		{"dgraph://10.0.0.5:9080", down, "the Dgraph cluster at dgraph://10.0.0.5:9080 did not answer: graph: store unavailable: rpc error: code = Unavailable"},
		{"dgraph://10.0.0.5:9080", bad, bad.Error()},
		{"", down, down.Error()},
	}
	for _, tt := range tests {
		got := unreachable(tt.place, tt.err)
		if got.Error() != tt.want || !errors.Is(got, tt.err) {
			t.Errorf("unreachable(%q, %v) = %v, want %q wrapping the error", tt.place, tt.err, got, tt.want)
		}
	}
	if unreachable("dgraph://10.0.0.5:9080", nil) != nil {
		t.Error("unreachable of no error is an error")
	}
}
