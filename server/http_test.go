package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
)

const mediaGR = "application/graphql-response+json"

// TestTransport covers the GraphQL over HTTP rules: methods, content
// negotiation, status codes and request errors.
func TestTransport(t *testing.T) {
	f := newFixture(t)
	ts := newServer(t, f, nil, func(c *server.Config) { c.MaxBodyBytes = 4096 })
	raw := func(method, path, ctype, body string, headers ...string) response {
		t.Helper()
		req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		return send(t, req)
	}
	tests := []struct {
		name      string
		do        func() response
		status    int
		mediaType string // prefix of Content-Type; "" skips the check
		hasData   bool
		code      string
	}{
		{"POST default answers graphql-response+json", func() response { return post(t, ts, `{ stats { actors } }`, nil) }, 200, mediaGR, true, ""},
		{"POST Accept json", func() response { return post(t, ts, `{ stats { actors } }`, nil, "Accept", "application/json") }, 200, "application/json", true, ""},
		{"POST Accept graphql-response+json", func() response { return post(t, ts, `{ stats { actors } }`, nil, "Accept", mediaGR) }, 200, mediaGR, true, ""},
		{"POST Accept prefers json by q", func() response {
			return post(t, ts, `{ stats { actors } }`, nil, "Accept", mediaGR+";q=0.5, application/json")
		}, 200, "application/json", true, ""},
		{"POST Accept */*", func() response { return post(t, ts, `{ stats { actors } }`, nil, "Accept", "*/*") }, 200, mediaGR, true, ""},
		{"POST Accept unsupported", func() response { return post(t, ts, `{ stats { actors } }`, nil, "Accept", "text/html") }, 406, "application/json", false, "NOT_ACCEPTABLE"},
		{"GET query", func() response {
			return getQuery(t, ts, `query($n: String) { actor(name: $n) { name } }`, `{"n":"U.S."}`)
		}, 200, mediaGR, true, ""},
		{"GET mutation is 405", func() response {
			return getQuery(t, ts, `mutation { addAlias(actor: "U.S.", alias: "USA") { id } }`, "")
		}, 405, mediaGR, false, "METHOD_NOT_ALLOWED"},
		{"GET bad variables", func() response { return getQuery(t, ts, `{ stats { actors } }`, `{nope`) }, 400, mediaGR, false, "BAD_REQUEST"},
		{"GET missing query", func() response { return raw("GET", "/graphql", "", "") }, 400, mediaGR, false, "BAD_REQUEST"},
		{"PUT is 405", func() response { return raw("PUT", "/graphql", "application/json", `{"query":"{ stats { actors } }"}`) }, 405, mediaGR, false, "METHOD_NOT_ALLOWED"},
		{"POST without content type", func() response { return raw("POST", "/graphql", "", `{"query":"{ stats { actors } }"}`) }, 415, mediaGR, false, "UNSUPPORTED_MEDIA_TYPE"},
		{"POST text/plain", func() response { return raw("POST", "/graphql", "text/plain", `{"query":"{ stats { actors } }"}`) }, 415, mediaGR, false, "UNSUPPORTED_MEDIA_TYPE"},
		{"POST latin1", func() response {
			return raw("POST", "/graphql", "application/json; charset=latin1", `{"query":"{ stats { actors } }"}`)
		}, 415, mediaGR, false, "UNSUPPORTED_MEDIA_TYPE"},
		{"POST utf-8 charset", func() response {
			return raw("POST", "/graphql", "application/json; charset=UTF-8", `{"query":"{ actor(name: \"Run🏃Swim🏊\") { id } }"}`)
		}, 200, mediaGR, true, ""},
		{"POST bad JSON", func() response { return raw("POST", "/graphql", "application/json", `{"query": "{`) }, 400, mediaGR, false, "BAD_REQUEST"},
		{"POST bad JSON with Accept json", func() response {
			return raw("POST", "/graphql", "application/json", `{"query": "{`, "Accept", "application/json")
		}, 400, "application/json", false, "BAD_REQUEST"},
		{"POST empty body", func() response { return raw("POST", "/graphql", "application/json", ``) }, 400, mediaGR, false, "BAD_REQUEST"},
		{"POST missing query", func() response {
			return raw("POST", "/graphql", "application/json", `{"qeury":"{ stats { actors } }"}`)
		}, 400, mediaGR, false, "BAD_REQUEST"},
		{"POST query not a string", func() response { return raw("POST", "/graphql", "application/json", `{"query":{"a":1}}`) }, 400, mediaGR, false, "BAD_REQUEST"},
		{"POST variables not an object", func() response {
			return raw("POST", "/graphql", "application/json", `{"query":"{ stats { actors } }","variables":"x"}`)
		}, 400, mediaGR, false, "BAD_REQUEST"},
		{"POST nulls allowed", func() response {
			return raw("POST", "/graphql", "application/json", `{"query":"{ stats { actors } }","variables":null,"operationName":null,"extensions":null}`)
		}, 200, mediaGR, true, ""},
		{"POST batch refused", func() response {
			return raw("POST", "/graphql", "application/json", `[{"query":"{ stats { actors } }"}]`)
		}, 400, mediaGR, false, "BAD_REQUEST"},
		{"POST body over limit is 413", func() response {
			return raw("POST", "/graphql", "application/json", `{"query":"{ stats { actors } }","variables":{"pad":"`+strings.Repeat("x", 5000)+`"}}`)
		}, 413, mediaGR, false, "PAYLOAD_TOO_LARGE"},
		{"validation failure is 400 for graphql-response+json", func() response { return post(t, ts, `{ stats { planets } }`, nil) }, 400, mediaGR, false, "GRAPHQL_VALIDATION_FAILED"},
		{"validation failure is 200 for json", func() response { return post(t, ts, `{ stats { planets } }`, nil, "Accept", "application/json") }, 200, "application/json", false, "GRAPHQL_VALIDATION_FAILED"},
		{"variable coercion failure is 400", func() response {
			return post(t, ts, `query($id: ID!) { stance(id: $id) { id } }`, map[string]interface{}{"id": nil})
		}, 400, mediaGR, false, "BAD_REQUEST"},
		{"unknown operation name", func() response {
			return raw("POST", "/graphql", "application/json", `{"query":"query A { stats { actors } }","operationName":"B"}`)
		}, 400, mediaGR, false, "OPERATION_NOT_FOUND"},
		{"operation chosen by name", func() response {
			return raw("POST", "/graphql", "application/json", `{"query":"query A { stats { actors } } query B { vocabulary { type } }","operationName":"B"}`)
		}, 200, mediaGR, true, ""},
		{"resolver error keeps data with 200", func() response { return post(t, ts, `{ stance(id: "nope") { id } }`, nil) }, 200, mediaGR, true, "BAD_USER_INPUT"},
		{"depth limit", func() response {
			// Each round adds three levels: 2 + 3*7 = 23 > DefaultMaxDepth.
			q := `{ actor(name: "U.S.") { ` + strings.Repeat(`stances(first: 1) { nodes { subject { `, 7) + `name` + strings.Repeat(` } } }`, 7) + ` } }`
			return post(t, ts, q, nil)
		}, 400, mediaGR, false, "QUERY_TOO_COMPLEX"},
		{"complexity limit", func() response {
			q := `{ stances(first: 1000) { nodes { subject { stances(first: 1000) { nodes { id type } } } } } }`
			return post(t, ts, q, nil)
		}, 400, mediaGR, false, "QUERY_TOO_COMPLEX"},
		{"variable without a type (crashes graphql-go's validator)", func() response {
			return post(t, ts, `query($n: ) { actor(name: $n) { name } }`, map[string]interface{}{"n": "U.S."})
		}, 400, mediaGR, false, "GRAPHQL_PARSE_FAILED"},
		{"nesting bomb refused before parsing", func() response {
			return post(t, ts, strings.Repeat("{", 2000), nil)
		}, 400, mediaGR, false, "QUERY_TOO_COMPLEX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.do()
			if r.status != tt.status {
				t.Errorf("status %d, want %d: %s", r.status, tt.status, r.raw)
			}
			if ct := r.header.Get("Content-Type"); tt.mediaType != "" && !strings.HasPrefix(ct, tt.mediaType) {
				t.Errorf("Content-Type %q, want %s", ct, tt.mediaType)
			} else if tt.mediaType != "" && !strings.Contains(ct, "charset=utf-8") {
				t.Errorf("Content-Type %q lacks charset=utf-8", ct)
			}
			if _, ok := r.body["data"]; ok != tt.hasData {
				t.Errorf("data entry present = %v, want %v: %s", ok, tt.hasData, r.raw)
			}
			if r.code() != tt.code {
				t.Errorf("code %q, want %q: %s", r.code(), tt.code, r.raw)
			}
			if tt.status == 405 && r.header.Get("Allow") == "" {
				t.Error("405 without Allow header")
			}
		})
	}
}

// TestWriteAccess checks the token and read-only rules: a refused mutation
// writes nothing.
func TestWriteAccess(t *testing.T) {
	const mutation = `mutation { upsertActor(input: {name: "Iran", kind: STATE}) { id } }`
	tests := []struct {
		name   string
		cfg    func(*server.Config)
		auth   string
		status int
		code   string
	}{
		{"no token configured", nil, "", 200, ""},
		{"token required and missing", func(c *server.Config) { c.Token = "s3cret" }, "", 401, "UNAUTHENTICATED"},
		{"token wrong", func(c *server.Config) { c.Token = "s3cret" }, "Bearer s3cre", 401, "UNAUTHENTICATED"},
		{"token wrong scheme", func(c *server.Config) { c.Token = "s3cret" }, "Basic s3cret", 401, "UNAUTHENTICATED"},
		{"token right", func(c *server.Config) { c.Token = "s3cret" }, "Bearer s3cret", 200, ""},
		{"token right, lower-case scheme", func(c *server.Config) { c.Token = "s3cret" }, "bearer s3cret", 200, ""},
		{"mutations disabled", func(c *server.Config) { c.AllowMutations = false }, "", 403, "FORBIDDEN"},
		{"mutations disabled despite token", func(c *server.Config) { c.AllowMutations = false; c.Token = "s3cret" }, "Bearer s3cret", 403, "FORBIDDEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			var logs bytes.Buffer
			ts := newServer(t, f, nil, func(c *server.Config) {
				c.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
				if tt.cfg != nil {
					tt.cfg(c)
				}
			})
			var headers []string
			if tt.auth != "" {
				headers = []string{"Authorization", tt.auth}
			}
			r := post(t, ts, mutation, nil, headers...)
			if r.status != tt.status || r.code() != tt.code {
				t.Errorf("status %d code %q, want %d %q: %s", r.status, r.code(), tt.status, tt.code, r.raw)
			}
			if tt.status == 401 && !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without WWW-Authenticate: Bearer")
			}
			wantActors := 4
			if tt.status == 200 {
				wantActors = 5
			}
			if s := mustData(t, ts, `{ stats { actors } }`, nil); s.num("data.stats.actors") != wantActors {
				t.Errorf("actors %d, want %d", s.num("data.stats.actors"), wantActors)
			}
			if strings.Contains(logs.String(), "s3cret") {
				t.Errorf("the token appears in the log:\n%s", logs.String())
			}
		})
	}
}

// TestRoutes covers the probes, metrics, export, UI mount and CORS.
func TestRoutes(t *testing.T) {
	f := newFixture(t)
	var notReady error
	ts := newServer(t, f, nil, func(c *server.Config) {
		c.Ready = func() error { return notReady }
		c.CORSOrigins = []string{"http://localhost:8888"}
		c.UI = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ui:"+r.URL.Path) })
		c.Export = func(ctx context.Context, w io.Writer, format string) error {
			if format == "csv" {
				return errors.New("disk on fire")
			}
			_, err := fmt.Fprintf(w, "export %s", format)
			return err
		}
		c.Collectors = []prometheus.Collector{prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "graphd_stances", Help: "Live stances."}, func() float64 { return 5 })}
	})
	req := func(method, path string, headers ...string) response {
		t.Helper()
		r, err := http.NewRequest(method, ts.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(headers); i += 2 {
			r.Header.Set(headers[i], headers[i+1])
		}
		return send(t, r)
	}
	// Two identical queries: the second is a cache hit.
	mustData(t, ts, `query Twice { stats { actors } }`, nil)
	mustData(t, ts, `query Twice { stats { actors } }`, nil)

	t.Run("healthz", func(t *testing.T) {
		if r := req("GET", "/healthz"); r.status != 200 || r.raw != "ok\n" {
			t.Errorf("%d %q", r.status, r.raw)
		}
	})
	t.Run("readyz", func(t *testing.T) {
		if r := req("GET", "/readyz"); r.status != 200 {
			t.Errorf("ready: %d %q", r.status, r.raw)
		}
		notReady = errors.New("store closed")
		defer func() { notReady = nil }()
		if r := req("GET", "/readyz"); r.status != 503 || !strings.Contains(r.raw, "store closed") {
			t.Errorf("not ready: %d %q", r.status, r.raw)
		}
	})
	t.Run("metrics", func(t *testing.T) {
		r := req("GET", "/metrics")
		for _, want := range []string{
			`graphd_graphql_operations_total{operation="Twice",result="ok",type="query"} 2`,
			`graphd_graphql_duration_seconds_count{operation="Twice",type="query"} 2`,
			`graphd_graphql_duration_seconds_bucket{operation="Twice",type="query",le="+Inf"} 2`,
			`graphd_graphql_document_cache_hits_total 1`,
			`graphd_http_requests_total{code="200",route="/graphql"} 2`,
			`graphd_graphql_executions_total{executor="fast"} 2`,
			"# TYPE graphd_stances gauge\ngraphd_stances 5\n",
			"# TYPE go_goroutines gauge",
			"# TYPE process_resident_memory_bytes gauge",
		} {
			if !strings.Contains(r.raw, want) {
				t.Errorf("metrics lack %q:\n%s", want, r.raw)
			}
		}
		for _, name := range regexp.MustCompile(`(?m)^# TYPE (\S+)`).FindAllStringSubmatch(r.raw, -1) {
			if !strings.HasPrefix(name[1], server.MetricsPrefix) && !strings.HasPrefix(name[1], "go_") && !strings.HasPrefix(name[1], "process_") {
				t.Errorf("metric %s lacks the prefix %s", name[1], server.MetricsPrefix)
			}
		}
		if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
			t.Errorf("Content-Type %q", ct)
		}
	})
	t.Run("export", func(t *testing.T) {
		if r := req("GET", "/export?format=graphml"); r.status != 200 || r.raw != "export graphml" || !strings.Contains(r.header.Get("Content-Type"), "graphml") {
			t.Errorf("graphml: %d %q %q", r.status, r.raw, r.header.Get("Content-Type"))
		}
		if r := req("GET", "/export?format=xlsx"); r.status != 400 || !strings.Contains(r.raw, `"xlsx"`) {
			t.Errorf("unknown format: %d %q", r.status, r.raw)
		}
		if r := req("GET", "/export?format=csv"); r.status != 500 || !strings.Contains(r.raw, "disk on fire") {
			t.Errorf("failing export: %d %q", r.status, r.raw)
		}
	})
	t.Run("ui", func(t *testing.T) {
		if r := req("GET", "/graph/view"); r.status != 200 || r.raw != "ui:/graph/view" {
			t.Errorf("%d %q", r.status, r.raw)
		}
	})
	t.Run("cors", func(t *testing.T) {
		r := req("OPTIONS", "/graphql", "Origin", "http://localhost:8888", "Access-Control-Request-Method", "POST")
		if r.status != 204 || r.header.Get("Access-Control-Allow-Origin") != "http://localhost:8888" ||
			!strings.Contains(r.header.Get("Access-Control-Allow-Headers"), "Authorization") {
			t.Errorf("allowed preflight: %d %v", r.status, r.header)
		}
		r = req("OPTIONS", "/graphql", "Origin", "http://evil.example", "Access-Control-Request-Method", "POST")
		if r.status != 403 || r.header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("refused preflight: %d %v", r.status, r.header)
		}
		g := getQuery(t, ts, `{ stats { actors } }`, "", "Origin", "http://localhost:8888")
		if g.header.Get("Access-Control-Allow-Origin") != "http://localhost:8888" {
			t.Errorf("simple request lacks the CORS header: %v", g.header)
		}
	})
}

func TestNewRejectsBadConfig(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name string
		edit func(*server.Config)
	}{
		{"no engine", func(c *server.Config) { c.Engine = nil }},
		{"negative body limit", func(c *server.Config) { c.MaxBodyBytes = -1 }},
		{"bad CORS origin", func(c *server.Config) { c.CORSOrigins = []string{"localhost:8888"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := server.Config{Engine: newEngineFor(t, f, schema.Config{})}
			if _, err := server.New(cfg); err != nil {
				t.Fatalf("the unedited config fails: %v", err)
			}
			tt.edit(&cfg)
			if _, err := server.New(cfg); err == nil {
				t.Error("server.New accepted the config")
			}
		})
	}
}

// TestConcurrentRequests runs readers and writers together; with -race it
// checks the handler, the document cache and graphql-go's lazily built
// state for data races.
func TestConcurrentRequests(t *testing.T) {
	f := newFixture(t)
	ts := newServer(t, f, nil, nil)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				var r response
				if w%4 == 0 {
					r = post(t, ts, fmt.Sprintf(`mutation { addStance(input: {subject: "Iran%d", type: ENGAGES, object: "Taliban"}) { id } }`, w), nil)
					if i == 0 {
						post(t, ts, fmt.Sprintf(`mutation { upsertActor(input: {name: "Iran%d", kind: STATE}) { id } }`, w), nil)
						continue
					}
				} else {
					r = post(t, ts, `query($t: [StanceType!]) { actor(name: "Taliban") { degree stances(direction: BOTH, types: $t) { nodes { type subject { name } evidence { document { title } } } } } }`,
						map[string]interface{}{"t": []string{"ENGAGES", "REJECTS", "ACCUSES"}})
				}
				if r.status != 200 || len(r.list("errors")) > 0 {
					errs <- r.raw
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestTimeout runs a resolver that outlives the engine's Timeout.
func TestTimeout(t *testing.T) {
	slow, err := graphql.NewSchema(graphql.SchemaConfig{Query: graphql.NewObject(graphql.ObjectConfig{
		Name: "Query",
		Fields: graphql.Fields{"slow": {Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
			<-p.Context.Done()
			return nil, p.Context.Err()
		}}},
	})})
	if err != nil {
		t.Fatal(err)
	}
	e, err := schema.NewEngine(slow, schema.Config{Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ts := serve(t, server.Config{Engine: e}, nil)
	start := time.Now()
	r := post(t, ts, `{ slow }`, nil)
	if r.status != http.StatusGatewayTimeout || r.code() != "TIMEOUT" {
		t.Errorf("status %d code %q: %s", r.status, r.code(), r.raw)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("answered after %v", d)
	}
}

// TestRequestLog checks the structured log line of a request.
func TestRequestLog(t *testing.T) {
	f := newFixture(t)
	var logs bytes.Buffer
	ts := newServer(t, f, nil, func(c *server.Config) { c.Logger = slog.New(slog.NewJSONHandler(&logs, nil)) })
	mustData(t, ts, `query Named { stats { actors } }`, nil)
	var rec map[string]interface{}
	if err := json.Unmarshal(bytes.TrimSpace(logs.Bytes()), &rec); err != nil {
		t.Fatalf("log is not one JSON record: %v\n%s", err, logs.String())
	}
	want := map[string]interface{}{"msg": "http request", "method": "POST", "path": "/graphql", "status": 200.0, "operation": "Named", "op_type": "query"}
	for k, v := range want {
		if rec[k] != v {
			t.Errorf("log %s = %v, want %v", k, rec[k], v)
		}
	}
	if _, ok := rec["duration"]; !ok {
		t.Error("log lacks duration")
	}
}

// TestResponseLength checks that GraphQL answers, refusals included, carry
// their length and are not sent in chunks, however large: chunking costs
// the server a write system call more per answer.
func TestResponseLength(t *testing.T) {
	f := newFixture(t)
	ts := newServer(t, f, nil, nil)
	tests := []struct {
		name, body string
		minBytes   int
	}{
		{"small answer", `{"query":"{ stats { actors } }"}`, 1},
		{"answer past net/http's buffers", `{"query":"{ __schema { types { name description fields { name description } } } }"}`, 16 << 10},
		{"refusal", `{"query":""}`, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := http.Post(ts.URL+"/graphql", "application/json", strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			if len(b) < tc.minBytes {
				t.Fatalf("answer of %d bytes, want at least %d: %s", len(b), tc.minBytes, b)
			}
			if len(res.TransferEncoding) > 0 || res.ContentLength != int64(len(b)) {
				t.Errorf("Transfer-Encoding %v, Content-Length %d, for a body of %d bytes; want no chunks and the length", res.TransferEncoding, res.ContentLength, len(b))
			}
		})
	}
}
