package server_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
)

// newWriteServer serves f with /load and /backup and the given CORS
// origins and token.
func newWriteServer(t *testing.T, f *fixture, cors []string, token string) *httptest.Server {
	t.Helper()
	return newServer(t, f, nil, func(c *server.Config) {
		c.CORSOrigins, c.Token = cors, token
		c.Load = func(ctx context.Context, r io.Reader, name string, upsert bool) (any, error) {
			return jsonl.Load(ctx, f.st, r, name, nil)
		}
		c.Backup = func(ctx context.Context, w io.Writer) error { return f.st.Backup(ctx, w) }
	})
}

// actors counts the fixture's actors, to see whether a request wrote.
func (f *fixture) actors(t *testing.T) int {
	t.Helper()
	s, err := f.st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Actors
}

// rawRequest sends method path with body and headers (alternating names
// and values; "Host" sets the Host header).
func rawRequest(t *testing.T, ts *httptest.Server, method, path, body string, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "Host" {
			req.Host = headers[i+1]
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	return send(t, req)
}

const (
	newActorLine     = `{"record":"actor","name":"Oman","kind":"STATE"}` + "\n"
	newActorMutation = `{"query":"mutation { upsertActor(input: {name: \"Oman\", kind: STATE}) { id } }"}`
)

// TestWritesFromBrowsers checks that a web page writes (a mutation or
// POST /load) only from an origin the server trusts and with a content
// type a form or a simple request cannot send; a refused write stores
// nothing.
func TestWritesFromBrowsers(t *testing.T) {
	const ownHost = "127.0.0.1:8080"
	tests := []struct {
		name        string
		cors        []string
		path, ctype string
		origin      string
		status      int
		contains    string
	}{
		{"load, no Origin", nil, "/load", "application/jsonl", "", 200, ""},
		{"load, x-ndjson", nil, "/load", "application/x-ndjson", "", 200, ""},
		{"load, json with charset", nil, "/load", "application/json; charset=utf-8", "", 200, ""},
		{"load, own origin", nil, "/load", "application/jsonl", "http://" + ownHost, 200, ""},
		{"load, listed origin", []string{"http://localhost:8888"}, "/load", "application/jsonl", "http://localhost:8888", 200, ""},
		{"load, other origin without --cors", nil, "/load", "application/jsonl", "http://evil.example", 403, `origin \"http://evil.example\" are refused`},
		{"load, other origin with --cors", []string{"http://localhost:8888"}, "/load", "application/jsonl", "http://evil.example", 403, "--cors"},
		{"load, text/plain form", nil, "/load", "text/plain", "", 415, "application/jsonl, application/x-ndjson, application/json"},
		{"load, text/plain from another site", []string{"http://localhost:8888"}, "/load", "text/plain", "http://evil.example", 403, "refused"},
		{"load, urlencoded form", nil, "/load", "application/x-www-form-urlencoded", "", 415, "not accepted"},
		{"load, multipart form", nil, "/load", "multipart/form-data; boundary=x", "", 415, "not accepted"},
		{"load, no content type", nil, "/load", "", "", 415, `Content-Type \"none\" is not accepted`},
		{"load, latin1", nil, "/load", "application/jsonl; charset=latin1", "", 415, "UTF-8"},
		{"mutation, own origin", nil, "/graphql", "application/json", "http://" + ownHost, 200, ""},
		{"mutation, listed origin", []string{"http://localhost:8888"}, "/graphql", "application/json", "http://localhost:8888", 200, ""},
		{"mutation, other origin without --cors", nil, "/graphql", "application/json", "http://evil.example", 403, "FORBIDDEN"},
		{"mutation, other origin with --cors", []string{"http://localhost:8888"}, "/graphql", "application/json", "http://evil.example", 403, "FORBIDDEN"},
		{"mutation, sandboxed page", nil, "/graphql", "application/json", "null", 403, "FORBIDDEN"},
		{"mutation, text/plain", nil, "/graphql", "text/plain", "", 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"mutation, urlencoded form", nil, "/graphql", "application/x-www-form-urlencoded", "", 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"mutation, multipart form", nil, "/graphql", "multipart/form-data; boundary=x", "", 415, "UNSUPPORTED_MEDIA_TYPE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ts := newWriteServer(t, f, tt.cors, "")
			body := newActorLine
			if tt.path == "/graphql" {
				body = newActorMutation
			}
			headers := []string{"Host", ownHost}
			if tt.ctype != "" {
				headers = append(headers, "Content-Type", tt.ctype)
			}
			if tt.origin != "" {
				headers = append(headers, "Origin", tt.origin)
			}
			before := f.actors(t)
			r := rawRequest(t, ts, "POST", tt.path, body, headers...)
			if r.status != tt.status || !strings.Contains(r.raw, tt.contains) {
				t.Fatalf("%d %s, want %d containing %q", r.status, r.raw, tt.status, tt.contains)
			}
			want := before
			if tt.status == 200 {
				want++
			}
			if got := f.actors(t); got != want {
				t.Errorf("actors %d after the request, want %d", got, want)
			}
		})
	}
}

// TestHostCheck checks the defence against DNS rebinding: with
// AllowedHosts set, only those names are answered, on every route.
func TestHostCheck(t *testing.T) {
	loopback := server.LoopbackHosts()
	tests := []struct {
		name    string
		allowed []string
		host    string
		ok      bool
	}{
		{"localhost", loopback, "localhost:8080", true},
		{"localhost without port", loopback, "localhost", true},
		{"upper case", loopback, "LocalHost:8080", true},
		{"subdomain of localhost", loopback, "app.localhost:8080", true},
		{"IPv4 loopback", loopback, "127.0.0.1:8080", true},
		{"IPv6 loopback", loopback, "[::1]:8080", true},
		{"rebound name", loopback, "evil.example:8080", false},
		{"name ending in localhost", loopback, "evillocalhost:8080", false},
		{"LAN address", loopback, "192.168.1.20:8080", false},
		{"added name", append(loopback, "graphd.lan"), "graphd.lan:8080", true},
		{"added subdomains", append(loopback, ".corp.example"), "graphs.corp.example", true},
		{"added IPv6 in brackets", append(loopback, "[fd00::1]"), "[fd00::1]:8080", true},
		{"any name", []string{"*"}, "evil.example:8080", true},
		{"no list answers every host", nil, "evil.example:8080", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ts := newServer(t, f, nil, func(c *server.Config) { c.AllowedHosts = tt.allowed })
			for _, path := range []string{"/graphql?query=%7Bstats%7Bactors%7D%7D", "/healthz"} {
				r := rawRequest(t, ts, "GET", path, "", "Host", tt.host)
				if tt.ok != (r.status == 200) {
					t.Fatalf("GET %s with Host %s: %d %s", path, tt.host, r.status, r.raw)
				}
				name := tt.host
				if h, _, err := net.SplitHostPort(tt.host); err == nil {
					name = h
				}
				if !tt.ok && (r.status != 403 || !strings.Contains(r.raw, "--allowed-hosts "+name)) {
					t.Errorf("refusal %d %q does not name the flag and the host", r.status, r.raw)
				}
			}
		})
	}
}

// TestConfigRules checks the configurations New refuses: a wildcard CORS
// origin without a token, and allowed hosts that cannot match.
func TestConfigRules(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name    string
		edit    func(*server.Config)
		wantErr error // nil: any error; see ok
		ok      bool
	}{
		{"CORS * without token", func(c *server.Config) { c.CORSOrigins = []string{"*"} }, server.ErrWildcardCORS, false},
		{"CORS * among others without token", func(c *server.Config) { c.CORSOrigins = []string{"http://a.example", "*"} }, server.ErrWildcardCORS, false},
		{"CORS * with token", func(c *server.Config) { c.CORSOrigins, c.Token = []string{"*"}, "s3cret" }, nil, true},
		{"CORS list without token", func(c *server.Config) { c.CORSOrigins = []string{"http://a.example"} }, nil, true},
		{"allowed host with port", func(c *server.Config) { c.AllowedHosts = []string{"graphd.lan:8080"} }, nil, false},
		{"allowed host as URL", func(c *server.Config) { c.AllowedHosts = []string{"http://graphd.lan"} }, nil, false},
		{"empty allowed host", func(c *server.Config) { c.AllowedHosts = []string{""} }, nil, false},
		{"allowed hosts", func(c *server.Config) { c.AllowedHosts = append(server.LoopbackHosts(), "::2", "*") }, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := server.Config{Engine: newEngineFor(t, f, schema.Config{})}
			tt.edit(&cfg)
			_, err := server.New(cfg)
			switch {
			case tt.ok && err != nil:
				t.Fatalf("refused: %v", err)
			case !tt.ok && err == nil:
				t.Fatal("accepted")
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// TestBackupAcrossOrigins checks that a listed CORS origin may query but
// not carry the store away from a server without a token.
func TestBackupAcrossOrigins(t *testing.T) {
	tests := []struct {
		name, token, origin string
		status              int
	}{
		{"program", "", "", 200},
		{"own page", "", "http://127.0.0.1:8080", 200},
		{"listed origin, no token", "", "http://localhost:8888", 403},
		{"listed origin with the token", "s3cret", "http://localhost:8888", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ts := newWriteServer(t, f, []string{"http://localhost:8888"}, tt.token)
			headers := []string{"Host", "127.0.0.1:8080"}
			if tt.origin != "" {
				headers = append(headers, "Origin", tt.origin)
			}
			if tt.token != "" {
				headers = append(headers, "Authorization", "Bearer "+tt.token)
			}
			r := rawRequest(t, ts, "GET", "/backup", "", headers...)
			if r.status != tt.status {
				t.Fatalf("%d %.200s, want %d", r.status, r.raw, tt.status)
			}
			if q := rawRequest(t, ts, "GET", "/graphql?query=%7Bstats%7Bactors%7D%7D", "", headers...); q.status != 200 || !slices.Contains(q.header.Values("Access-Control-Allow-Origin"), tt.origin) && tt.origin == "http://localhost:8888" {
				t.Errorf("the listed origin cannot query: %d %v", q.status, q.header)
			}
		})
	}
}
