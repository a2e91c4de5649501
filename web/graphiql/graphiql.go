// Package graphiql serves GraphiQL, the GraphQL IDE, at /graphiql: schema
// aware completion, documentation and history for the server's /graphql,
// and subscriptions over /graphql/stream.
//
// The page is built from npm packages pinned in package-lock.json (GraphiQL,
// React, graphql-sse) into dist/ by build.mjs (`make graphiql`), and dist/
// is committed and embedded, so `go build` needs neither Node.js nor the
// network, and the page loads nothing from other hosts: its
// Content-Security-Policy has the browser enforce that. dist/LICENSES.txt
// holds the licence of every bundled package and is served beside it.
package graphiql

import (
	"embed"
	"net/http"

	"github.com/stancegraph/stancegraph/web/internal/assets"
)

//go:embed dist
var dist embed.FS

// contentSecurityPolicy allows only the page's own files and requests to
// its own origin. GraphiQL's editors set styles inline and its fonts are
// data: URLs, hence those two allowances.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// files maps each path to its file: the page, its script and style, and
// the licences.
var files = []struct{ path, file, contentType string }{
	{"/graphiql", "index.html", "text/html; charset=utf-8"},
	{"/graphiql/", "index.html", "text/html; charset=utf-8"},
	{"/graphiql/graphiql.js", "graphiql.js", "text/javascript; charset=utf-8"},
	{"/graphiql/graphiql.css", "graphiql.css", "text/css; charset=utf-8"},
	{"/graphiql/LICENSES.txt", "LICENSES.txt", "text/plain; charset=utf-8"},
}

type handler map[string]assets.File

// Handler returns the handler of /graphiql and the paths below it; mount
// it at both. Other paths are 404, methods other than GET and HEAD 405.
func Handler() http.Handler {
	h := handler{}
	for _, a := range files {
		body, err := dist.ReadFile("dist/" + a.file)
		if err != nil {
			// dist/ is fixed at build time and covered by the tests.
			panic("graphiql: " + err.Error())
		}
		h[a.path] = assets.NewFile(a.file, a.contentType, body)
	}
	return h
}

// ServeHTTP implements http.Handler.
func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a, ok := h[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	assets.Serve(w, r, a, contentSecurityPolicy)
}
