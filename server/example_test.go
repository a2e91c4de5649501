package server_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
)

// Example mounts the GraphQL handler under /graph/ of another program's
// mux, over an in-memory store.
func Example() {
	ctx := context.Background()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	for _, a := range []graph.Actor{
		{Name: "United States", Kind: graph.KindState, Aliases: []string{"Washington"}},
		{Name: "Taliban", Kind: graph.KindArmedGroup},
	} {
		if _, err := st.UpsertActor(ctx, a); err != nil {
			log.Fatal(err)
		}
	}
	if _, _, err := st.AddStance(ctx, graph.StanceSpec{Subject: "Washington", Type: "DEMANDS", Object: "Taliban"}); err != nil {
		log.Fatal(err)
	}

	s, err := schema.New(resolvers.New(resolvers.Config{Store: st}))
	if err != nil {
		log.Fatal(err)
	}
	e, err := schema.NewEngine(s, schema.Config{}) // the default limits
	if err != nil {
		log.Fatal(err)
	}
	h, err := server.New(server.Config{Engine: e}) // queries only: AllowMutations is false
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/graph/", http.StripPrefix("/graph", h))
	ts := httptest.NewServer(mux)
	defer ts.Close()

	query := `{"query": "{ actor(name: \"washington\") { name stances { nodes { type object { name } } } } }"}`
	res, err := http.Post(ts.URL+"/graph/graphql", "application/json", strings.NewReader(query))
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	fmt.Println(res.Status, res.Header.Get("Content-Type"))
	fmt.Print(string(body))
	// Output:
	// 200 OK application/graphql-response+json; charset=utf-8
	// {"data":{"actor":{"name":"United States","stances":{"nodes":[{"type":"DEMANDS","object":{"name":"Taliban"}}]}}}}
}
