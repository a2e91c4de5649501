package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
)

// testText is the fixture document; every evidence quote below occurs in it.
const testText = "On 9 March 2018 Alice Wells urged the Taliban to join talks with the Afghan government. " +
	"The Taliban rejected the offer of the Kabul government and accused Washington of prolonging the war. " +
	"Islamabad was accused by Washington of sheltering militants."

// fixture names what newFixture stored.
type fixture struct {
	st  *graph.Store
	doc graph.Document
	us  graph.Actor
	tal graph.Actor
	kab graph.Actor
	pak graph.Actor
	// stances by a short name: demand, reject, accuse, blame, support
	stances map[string]graph.Stance
}

// newFixture opens an in-memory store and fills it through the graph API.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{st: st, stances: map[string]graph.Stance{}}
	actor := func(a graph.Actor) graph.Actor {
		t.Helper()
		out, err := st.UpsertActor(ctx, a)
		if err != nil {
			t.Fatalf("upsert %s: %v", a.Name, err)
		}
		return out
	}
	f.us = actor(graph.Actor{Name: "United States", Kind: graph.KindState, Aliases: []string{"U.S.", "Washington"}, Country: "USA", Wikidata: "Q30"})
	f.tal = actor(graph.Actor{Name: "Taliban", Kind: graph.KindArmedGroup, Code: "AFGINSTAL"})
	f.kab = actor(graph.Actor{Name: "Kabul government", Kind: graph.KindGovernment, Aliases: []string{"Afghan government"}, Country: "AFG"})
	f.pak = actor(graph.Actor{Name: "Pakistan", Kind: graph.KindState, Aliases: []string{"Islamabad"}, Country: "PAK"})
	f.doc, _, err = st.PutDocument(ctx, graph.Document{Text: testText, Title: "Test report", Source: "RFE/RL", URL: "https://example.org/r", Date: graph.NewDate(2018, 3, 10)})
	if err != nil {
		t.Fatalf("put document: %v", err)
	}
	add := func(name string, spec graph.StanceSpec) {
		t.Helper()
		s, _, err := st.AddStance(ctx, spec)
		if err != nil {
			t.Fatalf("add stance %s: %v", name, err)
		}
		f.stances[name] = s
	}
	ev := func(q string) []graph.EvidenceSpec { return []graph.EvidenceSpec{{Document: f.doc.ID, Quote: q}} }
	add("demand", graph.StanceSpec{Subject: "United States", Type: "DEMANDS", Object: "Taliban", Topic: "peace talks", Date: graph.NewDate(2018, 3, 9), Evidence: ev("urged the Taliban to join talks")})
	add("reject", graph.StanceSpec{Subject: "Taliban", Type: "REJECTS", Object: "Kabul government", Evidence: ev("The Taliban rejected the offer of the Kabul government")})
	add("accuse", graph.StanceSpec{Subject: "Taliban", Type: "ACCUSES", Object: "Washington", Date: graph.NewDate(2018, 3, 10), Evidence: ev("accused Washington of prolonging the war")})
	add("blame", graph.StanceSpec{Subject: "U.S.", Type: "ACCUSES", Object: "Islamabad", Date: graph.NewDate(2018, 3, 9), Evidence: ev("Islamabad was accused by Washington of sheltering militants")})
	add("support", graph.StanceSpec{Subject: "United States", Type: "SUPPORTS", Object: "Kabul government", Date: graph.NewDate(2018, 2, 28), Confidence: 0.8})
	return f
}

// newServer serves f's store; edit adjusts the configuration.
func newServer(t testing.TB, f *fixture, ingest func(context.Context, graph.Document) (resolvers.Ingested, error), edit func(*server.Config)) *httptest.Server {
	t.Helper()
	e, err := schema.NewEngineFor(resolvers.New(resolvers.Config{Store: f.st, Ingest: ingest}), schema.Config{})
	if err != nil {
		t.Fatalf("engine: %v", err)
	}
	cfg := server.Config{Engine: e, AllowMutations: true}
	return serve(t, cfg, edit)
}

// newEngineFor builds the engine over f's store without extraction.
func newEngineFor(t testing.TB, f *fixture, cfg schema.Config) *schema.Engine {
	t.Helper()
	e, err := schema.NewEngineFor(resolvers.New(resolvers.Config{Store: f.st}), cfg)
	if err != nil {
		t.Fatalf("engine: %v", err)
	}
	return e
}

// serve starts a test server for cfg after edit.
func serve(t testing.TB, cfg server.Config, edit func(*server.Config)) *httptest.Server {
	t.Helper()
	if edit != nil {
		edit(&cfg)
	}
	h, err := server.New(cfg)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// response is a decoded HTTP answer.
type response struct {
	status int
	header http.Header
	raw    string
	body   map[string]interface{}
}

// get reads a dotted path (numbers index lists) from the body.
func (r response) get(path string) interface{} {
	var v interface{} = r.body
	for _, p := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]interface{}:
			v = x[p]
		case []interface{}:
			i, err := strconv.Atoi(p)
			if err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func (r response) str(path string) string {
	s, _ := r.get(path).(string)
	return s
}

func (r response) num(path string) int {
	f, _ := r.get(path).(float64)
	return int(f)
}

func (r response) list(path string) []interface{} {
	l, _ := r.get(path).([]interface{})
	return l
}

// errorText joins the messages of the response's errors.
func (r response) errorText() string {
	var msgs []string
	for _, e := range r.list("errors") {
		m, _ := e.(map[string]interface{})
		msg, _ := m["message"].(string)
		msgs = append(msgs, msg)
	}
	return strings.Join(msgs, " | ")
}

// code returns extensions.code of the first error.
func (r response) code() string { return r.str("errors.0.extensions.code") }

// send performs an HTTP request and decodes the JSON answer when there is one.
func send(t *testing.T, req *http.Request) response {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := response{status: res.StatusCode, header: res.Header, raw: string(b)}
	if strings.Contains(res.Header.Get("Content-Type"), "json") {
		if err := json.Unmarshal(b, &out.body); err != nil {
			t.Fatalf("%s %s: body is not JSON: %v\n%s", req.Method, req.URL, err, b)
		}
	}
	return out
}

// post sends a GraphQL request as JSON with the given extra headers
// (alternating names and values).
func post(t *testing.T, ts *httptest.Server, query string, vars map[string]interface{}, headers ...string) response {
	t.Helper()
	body, err := json.Marshal(map[string]interface{}{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return send(t, req)
}

// getQuery sends a GraphQL request with GET.
func getQuery(t *testing.T, ts *httptest.Server, query string, vars string, headers ...string) response {
	t.Helper()
	q := url.Values{"query": {query}}
	if vars != "" {
		q.Set("variables", vars)
	}
	req, err := http.NewRequest(http.MethodGet, ts.URL+"/graphql?"+q.Encode(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return send(t, req)
}

// mustData posts query and fails the test on any error.
func mustData(t *testing.T, ts *httptest.Server, query string, vars map[string]interface{}, headers ...string) response {
	t.Helper()
	r := post(t, ts, query, vars, headers...)
	if r.status != http.StatusOK || len(r.list("errors")) > 0 {
		t.Fatalf("query failed: status %d: %s\nquery: %s", r.status, r.raw, query)
	}
	return r
}
