package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/server"
)

// FuzzGraphQL sends arbitrary bodies and Accept headers to /graphql: the
// handler must never panic, must answer with a status the transport rules
// allow, and must always answer valid JSON.
func FuzzGraphQL(f *testing.F) {
	seeds := []struct{ body, accept string }{
		{`{"query":"{ stats { actors } }"}`, ""},
		{`{"query":"query($n: String) { actor(name: $n) { name stances(first: 2) { nodes { type } } } }","variables":{"n":"U.S."}}`, "application/json"},
		{`{"query":"mutation { addAlias(actor: \"U.S.\", alias: \"US\") { id } }"}`, "application/graphql-response+json"},
		{`{"query":"{ stances(filter: {from: \"2018-13-01\"}) { totalCount } }"}`, "*/*"},
		{`{"query":"{","variables":[]}`, "text/html"},
		{`[{"query":"{ stats { actors } }"}]`, ""},
		{`{"query":"{ paths(from: \"U.S.\", to: \"Taliban\", maxHops: 6) { actors { name } } }"}`, ""},
		{`{"query": "{ __schema { types { name } } }", "operationName": 5}`, ""},
	}
	for _, s := range seeds {
		f.Add(s.body, s.accept)
	}
	fx := newFixture(f)
	s := newSchemaFor(f, fx)
	h, err := server.New(server.Config{Schema: s, AllowMutations: true, Token: "t", Timeout: 2 * time.Second})
	if err != nil {
		f.Fatal(err)
	}
	allowed := map[int]bool{200: true, 400: true, 401: true, 403: true, 405: true, 406: true, 413: true, 415: true, 504: true}
	f.Fuzz(func(t *testing.T, body, accept string) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", accept)
		w := httptest.NewRecorder()
		done := make(chan struct{})
		go func() {
			h.ServeHTTP(w, req)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer within 10s to %q (Accept %q)", body, accept)
		}
		if !allowed[w.Code] {
			t.Fatalf("status %d for %q: %s", w.Code, body, w.Body.String())
		}
		var out map[string]interface{}
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("answer to %q is not JSON: %v\n%s", body, err, w.Body.String())
		}
		if _, data := out["data"]; !data && len(out) == 0 {
			t.Fatalf("answer to %q has neither data nor errors: %s", body, w.Body.String())
		}
	})
}
