package graphiql_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/web/graphiql"
)

// TestHandler serves every asset the page names, from this origin only.
func TestHandler(t *testing.T) {
	ts := httptest.NewServer(graphiql.Handler())
	defer ts.Close()
	tests := []struct {
		path, contentType, contains string
	}{
		{"/graphiql", "text/html", `<script src="/graphiql/graphiql.js">`},
		{"/graphiql/", "text/html", `<link rel="stylesheet" href="/graphiql/graphiql.css">`},
		{"/graphiql/graphiql.js", "text/javascript", "graphql/stream"},
		{"/graphiql/graphiql.css", "text/css", ".graphiql-container"},
		{"/graphiql/LICENSES.txt", "text/plain", "graphiql@3.8.3 (MIT)"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, err := http.Get(ts.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.contentType) || !strings.Contains(string(body), tt.contains) {
				t.Errorf("%d %q, body lacks %q", res.StatusCode, res.Header.Get("Content-Type"), tt.contains)
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "connect-src 'self'") {
				t.Errorf("Content-Security-Policy %q", csp)
			}
		})
	}
	for _, path := range []string{"/graphiql/main.js", "/graphiql/../go.mod", "/other"} {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		}
	}
}

// TestPageLoadsNothingElsewhere: the page refers to no other host, so it
// works offline and under its Content-Security-Policy.
func TestPageLoadsNothingElsewhere(t *testing.T) {
	page, err := os.ReadFile("dist/index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(string(page), -1) {
		if u := ref[1]; !strings.HasPrefix(u, "/graphiql/") && u != "data:," {
			t.Errorf("the page refers to %q", u)
		}
	}
	css, err := os.ReadFile("dist/graphiql.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`url\(\s*['"]?([a-z]+:)?`).FindAllStringSubmatch(string(css), -1) {
		if m[1] != "data:" {
			t.Errorf("the style sheet loads a url( of scheme %q", m[1])
		}
	}
	if strings.Contains(string(css), "@import") {
		t.Error("the style sheet imports another")
	}
}
