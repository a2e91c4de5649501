package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/stancegraph/stancegraph/web"
)

// The explorer is mounted at "/" beside the GraphQL endpoint, which the page
// calls on the same origin.
func ExampleHandler() {
	mux := http.NewServeMux()
	mux.Handle("/", web.Handler())
	mux.Handle("/graphql", http.NotFoundHandler()) // the GraphQL handler goes here
	srv := httptest.NewServer(mux)
	defer srv.Close()

	res, err := http.Get(srv.URL + "/")
	if err != nil {
		fmt.Println(err)
		return
	}
	res.Body.Close()
	fmt.Println(res.StatusCode, res.Header.Get("Content-Type"))
	// Output: 200 text/html; charset=utf-8
}
