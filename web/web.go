// Package web serves the stance graph explorer: a single page written in
// plain JavaScript and SVG that talks to the server's /graphql endpoint.
//
// Every file the page needs is embedded in the binary, so the explorer works
// on a machine without network access and loads nothing from other hosts; the
// Content-Security-Policy sent with each file makes the browser enforce that.
package web

import (
	"embed"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/stancegraph/stancegraph/web/internal/assets"
)

//go:embed static
var static embed.FS

// contentSecurityPolicy allows only same-origin scripts, styles, images and
// fetches. Inline scripts are refused too, which keeps the page honest about
// loading everything from its own embedded files.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; " +
	"img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// handler serves the embedded files by exact path.
type handler struct {
	files map[string]assets.File
}

// Handler returns the explorer's HTTP handler. It answers GET and HEAD for
// "/" (the page itself) and for each embedded asset by its name, e.g.
// "/app.js"; any other path is 404 and any other method 405. Mount it at
// "/" beside /graphql; the page calls /graphql on the same origin.
func Handler() http.Handler {
	h, err := newHandler(static, "static")
	if err != nil {
		// The embedded tree is fixed at build time and covered by the tests,
		// so a failure here is a broken build, not a runtime condition.
		panic(err)
	}
	return h
}

// newHandler reads every regular file under dir of fsys into memory.
func newHandler(fsys fs.FS, dir string) (*handler, error) {
	h := &handler{files: map[string]assets.File{}}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := "/" + strings.TrimPrefix(p, dir+"/")
		ct := contentType(name)
		if ct == "" {
			return fmt.Errorf("web: no content type known for embedded file %q", name)
		}
		h.files[name] = assets.NewFile(name, ct, body)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: reading embedded files: %w", err)
	}
	if _, ok := h.files["/index.html"]; !ok {
		return nil, fmt.Errorf("web: embedded files lack index.html")
	}
	return h, nil
}

// contentType names the media type of an embedded file. The table is explicit
// rather than taken from the system's mime database alone, because that
// database differs between machines (some map .js to application/javascript,
// some lack .svg), and the page must behave the same everywhere.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	}
	return mime.TypeByExtension(path.Ext(name))
}

// ServeHTTP implements http.Handler.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Path
	if name == "/" {
		name = "/index.html"
	}
	f, ok := h.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	assets.Serve(w, r, f, contentSecurityPolicy)
}
