package main

import (
	"bytes"
	"context"
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
	"time"

	"github.com/dgraph-io/dgo/v250"
	"github.com/dgraph-io/dgo/v250/protos/api"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

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
	checked := regexp.MustCompile(` checked in [^;]*;`)
	ce, cc := mustGraphd(t, "check", "--data", dir), mustGraphd(t, "check", "--store", store)
	if checked.ReplaceAllString(ce, "") != checked.ReplaceAllString(cc, "") || !strings.Contains(cc, "0 violations") {
		t.Errorf("check --store:\n%s\nwant as check --data:\n%s", cc, ce)
	}
	// Loading the same file again adds nothing, as on the embedded store.
	if out := mustGraphd(t, "load", "--store", store, seedFile); !strings.Contains(out, "+0 actors, +0 documents, +0 stances") {
		t.Errorf("second load into the cluster: %s", out)
	}
	uid, id := damageActor(t, c.Addr)
	code, out, _ := graphdExit(t, "check", "--store", store)
	if want := fmt.Sprintf("violation: actor node %s (sg.id %q): sg.data does not decode", uid, id); code != exitViolations || !strings.Contains(out, want) || !strings.Contains(out, "; 1 violations") {
		t.Errorf("check of a cluster with a damaged actor: exit %d\n%s\nwant %d and %q", code, out, exitViolations, want)
	}
}

// damageActor overwrites one actor's record in the cluster at addr with
// text that is not JSON, below graphd, and returns its node and ID.
func damageActor(t *testing.T, addr string) (uid, id string) {
	t.Helper()
	ctx := context.Background()
	raw, err := dgo.NewClient(addr, dgo.WithGrpcOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	resp, err := raw.NewReadOnlyTxn().Query(ctx, `{ a(func: type(SGActor), first: 1) { uid sg.id } }`)
	if err != nil {
		t.Fatal(err)
	}
	var nodes struct {
		A []struct {
			UID string `json:"uid"`
			ID  string `json:"sg.id"`
		}
	}
	if err := json.Unmarshal(resp.Json, &nodes); err != nil || len(nodes.A) == 0 {
		t.Fatalf("an actor to damage: %v %s", err, resp.Json)
	}
	uid, id = nodes.A[0].UID, nodes.A[0].ID
	set, _ := json.Marshal(map[string]string{"uid": uid, "sg.data": "{not JSON"})
	if _, err := raw.NewTxn().Mutate(ctx, &api.Mutation{SetJson: set, CommitNow: true}); err != nil {
		t.Fatal(err)
	}
	return uid, id
}

// TestServeDgraph serves the contract from a cluster with graphd serve
// --store: the cluster is seeded on first start, a mutation and a query
// answer over HTTP, /readyz is 200 and /check checks the cluster; once
// the alpha is gone /readyz and queries answer 503 (UNAVAILABLE) while
// the server keeps running, and once it is back, the same server, never
// restarted, is ready again and answers as before.
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
	stats := `{ stats { actors stances documents } }`
	want := mustGraphd(t, "query", "--data", dir, stats)
	if got := mustGraphd(t, "query", "--url", url, stats); got != want {
		t.Errorf("stats over the seeded cluster:\n%s\nwant, as on a seeded embedded store:\n%s", got, want)
	}
	if code, _ := get(t, url+"/readyz"); code != http.StatusOK {
		t.Errorf("/readyz = %d with the cluster up, want 200", code)
	}
	if code, body := get(t, url+"/check"); code != http.StatusOK || !strings.Contains(body, `"Violations":null`) || !strings.Contains(body, `"Stances":14`) {
		t.Errorf("/check of a cluster = %d %s, want 200 with no violations", code, body)
	}
	checked := regexp.MustCompile(` checked in [^;]*;`)
	if got, want := mustGraphd(t, "check", "--url", url), mustGraphd(t, "check", "--data", dir); checked.ReplaceAllString(got, "") != checked.ReplaceAllString(want, "") {
		t.Errorf("graphd check --url of a server on a cluster:\n%s\nwant as of the embedded store:\n%s", got, want)
	}
	if _, err := graphd(t, "backup", "--url", url, "--to", filepath.Join(t.TempDir(), "b")); err == nil || !strings.Contains(err.Error(), "501 Not Implemented: backup: --store dgraph://"+c.Addr+": backup is the cluster's own") {
		t.Errorf("backup --url of a server on a cluster: %v", err)
	}
	if err := c.KillAlpha(0); err != nil {
		t.Fatal(err)
	}
	if code, _ := get(t, url+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d with the alpha down, want 503", code)
	}
	query := `{ actor(name: "Oman") { name } }`
	if code, body := postQuery(t, url, query); code != http.StatusServiceUnavailable || !strings.Contains(body, `"UNAVAILABLE"`) {
		t.Errorf("query with the alpha down: %d %s, want 503 with code UNAVAILABLE", code, body)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := c.RestartAlpha(ctx, 0); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for code, _ := get(t, url+"/readyz"); code != http.StatusOK; code, _ = get(t, url+"/readyz") {
		if time.Now().After(deadline) {
			t.Fatalf("/readyz = %d a minute after the alpha came back, want 200", code)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if code, body := postQuery(t, url, query); code != http.StatusOK || !strings.Contains(body, `{"data":{"actor":{"name":"Oman"}}}`) {
		t.Errorf("query once the alpha is back: %d %s, want 200 with the actor", code, body)
	}
	if got := mustGraphd(t, "query", "--url", url, stats); got != want {
		t.Errorf("stats once the alpha is back:\n%s\nwant\n%s", got, want)
	}
}

// postQuery sends a GraphQL query and returns the status and body.
func postQuery(t *testing.T, url, query string) (int, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
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
