package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/schema"
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
	e := newEngineFor(f, fx, schema.Config{Timeout: 2 * time.Second})
	h, err := server.New(server.Config{Engine: e, AllowMutations: true, Token: "t"})
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

// genTypes is the slice of the contract the document generator draws from:
// for each type, fields as written in a query and the type of their
// selection set ("" for a leaf).
var genTypes = map[string][]struct{ field, typ string }{
	"Query": {
		{"stats", "Stats"}, {`actor(name: "U.S.")`, "Actor"}, {"stances(first: 2)", "StanceConnection"},
		{"matrix", "MatrixCell"}, {`paths(from: "U.S.", to: "Taliban")`, "Path"}, {"vocabulary", "StanceTypeInfo"},
		{"__schema", "__Schema"}, {"__typename", ""},
	},
	"Stats":            {{"actors", ""}, {"stances", ""}, {"documents", ""}},
	"Actor":            {{"name", ""}, {"kind", ""}, {"aliases", ""}, {"stances", "StanceConnection"}, {"degree", ""}},
	"StanceConnection": {{"totalCount", ""}, {"nodes", "Stance"}, {"pageInfo", "PageInfo"}},
	"Stance":           {{"id", ""}, {"type", ""}, {"subject", "Actor"}, {"object", "Actor"}, {"evidence", "Evidence"}},
	"Evidence":         {{"quote", ""}, {"start", ""}},
	"PageInfo":         {{"hasNextPage", ""}, {"endCursor", ""}},
	"MatrixCell":       {{"count", ""}, {"type", ""}, {"subject", "Actor"}},
	"Path":             {{"actors", "Actor"}, {"stances", "Stance"}},
	"StanceTypeInfo":   {{"type", ""}, {"weight", ""}},
	"__Schema":         {{"types", "__Type"}, {"queryType", "__Type"}},
	"__Type":           {{"name", ""}, {"kind", ""}, {"fields", "__Field"}},
	"__Field":          {{"name", ""}, {"type", "__Type"}},
}

// genFragmentTypes are the type conditions fragments are written on.
var genFragmentTypes = []string{"Query", "Actor", "Stance", "StanceConnection"}

// docGen writes a GraphQL document chosen by a byte string: fields, aliases,
// repeated fields, inline fragments, and fragments spreading one another,
// in cycles or not, on fitting types or not.
type docGen struct {
	in    []byte
	b     strings.Builder
	frags int
}

func (g *docGen) next() int {
	if len(g.in) == 0 {
		return 0
	}
	c := g.in[0]
	g.in = g.in[1:]
	return int(c)
}

func genDocument(in []byte) string {
	g := &docGen{in: in}
	g.frags = g.next() % 4
	g.b.WriteString("query Q ")
	g.set("Query", 0)
	for i := 0; i < g.frags; i++ {
		t := genFragmentTypes[g.next()%len(genFragmentTypes)]
		fmt.Fprintf(&g.b, " fragment F%d on %s ", i, t)
		g.set(t, 0)
	}
	return g.b.String()
}

// set writes a selection set on type t.
func (g *docGen) set(t string, depth int) {
	g.b.WriteString("{ ")
	for n := g.next()%4 + 1; n > 0; n-- {
		g.selection(t, depth)
	}
	g.b.WriteString("} ")
}

// selection writes one selection of a set on type t, by the next byte.
func (g *docGen) selection(t string, depth int) {
	fields := genTypes[t]
	switch op := g.next() % 8; {
	case op == 5 && g.frags > 0:
		fmt.Fprintf(&g.b, "...F%d ", g.next()%g.frags)
	case op == 6 && depth < 6:
		g.b.WriteString("... on " + t + " ")
		g.set(t, depth+1)
	case op == 7:
		f := fields[g.next()%len(fields)]
		for n := g.next() % 64; n > 0 && f.typ == ""; n-- {
			g.b.WriteString(f.field + " ")
		}
	default:
		if op == 4 {
			fmt.Fprintf(&g.b, "a%d: ", g.next()%3)
		}
		f := fields[g.next()%len(fields)]
		g.b.WriteString(f.field + " ")
		if f.typ != "" {
			if depth >= 6 {
				g.b.WriteString("{ __typename } ")
				return
			}
			g.set(f.typ, depth+1)
		}
	}
}

// FuzzGraphQLHandler sends generated documents, fragment spreads and cycles
// among them, to /graphql by POST and GET: the handler must answer each
// within its deadline with a status the rules allow and a JSON body; a
// crash of graphql-go's validation would end the fuzzing process.
func FuzzGraphQLHandler(f *testing.F) {
	for _, s := range [][]byte{
		{1, 0, 5, 0, 0, 0, 5, 0},             // { ...F0 } fragment F0 on Query { ...F0 }
		{2, 0, 5, 0, 0, 0, 5, 1, 0, 0, 5, 0}, // F0 and F1 spread each other
		{0, 3, 7, 0, 60, 4, 1, 2, 7, 2, 60},
		{0, 2, 0, 2, 1, 0, 2, 0, 0, 0, 0, 0},
	} {
		f.Add(s)
	}
	fx := newFixture(f)
	h, err := server.New(server.Config{Engine: newEngineFor(f, fx, schema.Config{Timeout: 2 * time.Second})})
	if err != nil {
		f.Fatal(err)
	}
	allowed := map[int]bool{200: true, 400: true, 413: true, 503: true, 504: true}
	f.Fuzz(func(t *testing.T, in []byte) {
		query := genDocument(in)
		body, _ := json.Marshal(map[string]string{"query": query})
		post := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		post.Header.Set("Content-Type", "application/json")
		get := httptest.NewRequest(http.MethodGet, "/graphql?"+url.Values{"query": {query}}.Encode(), nil)
		for _, req := range []*http.Request{post, get} {
			w := httptest.NewRecorder()
			done := make(chan struct{})
			go func() {
				h.ServeHTTP(w, req)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatalf("%s: no answer within 5s (deadline 2s) to %s", req.Method, query)
			}
			if !allowed[w.Code] {
				t.Fatalf("%s: status %d for %s: %s", req.Method, w.Code, query, w.Body.String())
			}
			var out map[string]interface{}
			if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || len(out) == 0 {
				t.Fatalf("%s: answer to %s is not a JSON object: %v\n%s", req.Method, query, err, w.Body.String())
			}
		}
	})
}
