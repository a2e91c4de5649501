package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/dgraphstore/dgraphtest"
)

// TestServeFromDgraph serves the contract from a throwaway cluster: a
// mutation and a query answer over HTTP, /readyz is 200, and once the
// cluster is gone /readyz says 503 while the process keeps serving.
func TestServeFromDgraph(t *testing.T) {
	c := dgraphtest.Require(t)
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		done <- run(ctx, []string{"--store", "dgraph://" + c.Addr, "--addr", "127.0.0.1:0", "--dgraph-timeout", "3s"}, &stderr, func(a string) { addrs <- a })
	}()
	var base string
	select {
	case a := <-addrs:
		base = "http://" + a
	case code := <-done:
		t.Fatalf("exited %d: %s", code, stderr.String())
	case <-time.After(time.Minute):
		t.Fatal("not listening after a minute")
	}
	post := func(q string) string {
		body, _ := json.Marshal(map[string]string{"query": q})
		resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if got := post(`mutation { upsertActor(input: {name: "Iran", kind: STATE}) { name } }`); !strings.Contains(got, `"Iran"`) {
		t.Errorf("mutation answered %s", got)
	}
	if got := post(`{ stats { actors } }`); !strings.Contains(got, `"actors":1`) {
		t.Errorf("stats answered %s", got)
	}
	if code := status(t, base+"/readyz"); code != 200 {
		t.Errorf("/readyz = %d with the cluster up, want 200", code)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if code := status(t, base+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d with the cluster down, want 503", code)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit code %d: %s", code, stderr.String())
	}
}

func status(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestStoreRequired checks the one required flag.
func TestStoreRequired(t *testing.T) {
	var stderr bytes.Buffer
	if code := run(context.Background(), nil, &stderr, nil); code != 2 || !strings.Contains(stderr.String(), "--store") {
		t.Errorf("run without --store = %d, %q; want 2 and a message naming --store", code, stderr.String())
	}
}
