package server_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/stance"
)

// TestLoadAndBackupRoutes covers bulk loading over HTTP (all-or-nothing,
// line-numbered errors, token) and the online backup.
func TestLoadAndBackupRoutes(t *testing.T) {
	f := newFixture(t)
	ts := newServer(t, f, nil, func(c *server.Config) {
		c.Token = "s3cret"
		c.Load = func(ctx context.Context, r io.Reader, name string, _ bool) (any, error) {
			return jsonl.Load(ctx, f.st, r, name, nil)
		}
		c.Backup = func(ctx context.Context, w io.Writer) error { return f.st.Backup(ctx, w) }
	})
	good := `{"record":"actor","name":"Oman","kind":"STATE","aliases":["Muscat"]}` + "\n" +
		`{"record":"stance","subject":"Muscat","type":"ENGAGES","object":"Taliban","topic":"talks"}` + "\n"
	bad := good + `{"record":"stance","subject":"Oman","type":"MEDIATES","object":"Taliban"}` + "\n"
	do := func(method, path, body string, token string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/jsonl")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	stances := func() int {
		st, err := f.st.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return st.Stances
	}
	before := stances()
	tests := []struct {
		name, method, path, body, token string
		status                          int
		contains                        string
		added                           int
	}{
		{"no token", "POST", "/load?name=f.jsonl", good, "", 401, "bearer token", 0},
		{"wrong token", "POST", "/load?name=f.jsonl", good, "guess", 401, "bearer token", 0},
		{"bad line", "POST", "/load?name=f.jsonl", bad, "s3cret", 400, `f.jsonl:3`, 0},
		{"GET", "GET", "/load", "", "s3cret", 405, "POST", 0},
		{"good", "POST", "/load?name=f.jsonl", good, "s3cret", 200, `"Stances":1`, 1},
		{"again adds nothing", "POST", "/load?name=f.jsonl", good, "s3cret", 200, `"Stances":0`, 1},
		{"backup without token", "GET", "/backup", "", "", 401, "bearer token", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := do(tt.method, tt.path, tt.body, tt.token)
			if status != tt.status || !strings.Contains(body, tt.contains) {
				t.Fatalf("%s %s: %d %s, want %d containing %q", tt.method, tt.path, status, body, tt.status, tt.contains)
			}
			if got := stances() - before; got != tt.added {
				t.Fatalf("stances added so far = %d, want %d", got, tt.added)
			}
		})
	}
	status, body := do("GET", "/backup", "", "s3cret")
	if status != 200 || !strings.HasPrefix(body, "stancegraph-backup 2\n") {
		t.Fatalf("backup: %d %.40q", status, body)
	}
	// Every route is counted, /load among them.
	_, metrics := do("GET", "/metrics", "", "")
	for _, want := range []string{
		`graphd_http_requests_total{code="401",route="/load"} 2`,
		`graphd_http_requests_total{code="200",route="/load"} 2`,
		`graphd_http_requests_total{code="200",route="/backup"} 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %s:\n%s", want, metrics)
		}
	}
	restored, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if err := restored.Restore(context.Background(), bytes.NewReader([]byte(body))); err != nil {
		t.Fatal(err)
	}
	if a, err := restored.Actor(context.Background(), "Muscat"); err != nil || a.Name != "Oman" {
		t.Fatalf("restored backup lacks the loaded actor: %v %v", a, err)
	}
}

// TestLoadErrorStatus: a failed load is the client's fault (400) unless
// the store failed (500), lacks disk (507), could not be reached or the
// request was cut off (503), so
// that clients retry what they can and fix what they must.
func TestLoadErrorStatus(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
	}{
		{"bad record", &graph.RecordError{Record: "stance", Index: 2, Err: graph.ErrInvalidType}, 400},
		{"commit failed", fmt.Errorf("%w: %w", graph.ErrCommit, errors.New("value log: input/output error")), 500},
		{"store closed", fmt.Errorf("load: %w", graph.ErrClosed), 500},
		{"disk full", fmt.Errorf("load: %w", graph.ErrDiskFull), 507},
		{"cluster down", fmt.Errorf("load: %w: 127.0.0.1:9080: connection refused", stance.ErrUnavailable), 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ts := newServer(t, f, nil, func(c *server.Config) {
				c.Load = func(context.Context, io.Reader, string, bool) (any, error) { return nil, tt.err }
			})
			resp, err := http.Post(ts.URL+"/load?name=f.jsonl", "application/jsonl", strings.NewReader("{}\n"))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status || !strings.Contains(string(b), tt.err.Error()) {
				t.Fatalf("status %d body %s, want %d naming %q", resp.StatusCode, b, tt.status, tt.err)
			}
		})
	}
}
