package server_test

import (
	"context"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestActorByCode: actor(code:) and actors(code:) find actors by CAMEO
// code, arguments beyond the contract.
func TestActorByCode(t *testing.T) {
	f := newFixture(t)
	if _, err := f.st.UpsertActor(context.Background(), graph.Actor{Name: "Taliban", Code: "AFGINSTAL"}); err != nil {
		t.Fatal(err)
	}
	ts := newServer(t, f, nil, nil)
	r := post(t, ts, `{ a: actor(code: "afginstal") { name code } b: actor(code: "AFGINSTAL", name: "Taliban") { name }
		c: actor(code: "AFGINSTAL", name: "U.S.") { name } d: actor(code: "XXX") { name } e: actors(code: "AFGINSTAL") { totalCount nodes { name } } }`, nil)
	if r.str("data.a.name") != "Taliban" || r.str("data.a.code") != "AFGINSTAL" || r.str("data.b.name") != "Taliban" ||
		r.get("data.c") != nil || r.get("data.d") != nil || r.num("data.e.totalCount") != 1 {
		t.Errorf("got %s", r.raw)
	}
}
