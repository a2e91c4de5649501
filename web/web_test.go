package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestHandler(t *testing.T) {
	h := Handler()
	tests := []struct {
		name        string
		method      string
		path        string
		wantStatus  int
		wantType    string
		wantContain string
	}{
		{"root serves the page", http.MethodGet, "/", 200, "text/html; charset=utf-8", "<title>stancegraph explorer</title>"},
		{"index.html by name", http.MethodGet, "/index.html", 200, "text/html; charset=utf-8", `<svg id="graph"`},
		{"application script", http.MethodGet, "/app.js", 200, "text/javascript; charset=utf-8", "forceLayout"},
		{"layout module", http.MethodGet, "/layout.js", 200, "text/javascript; charset=utf-8", "export function resolveCollisions"},
		{"api module", http.MethodGet, "/api.js", 200, "text/javascript; charset=utf-8", "'/graphql'"},
		{"view module", http.MethodGet, "/view.js", 200, "text/javascript; charset=utf-8", "export function zoomAt"},
		{"table module", http.MethodGet, "/table.js", 200, "text/javascript; charset=utf-8", "export function chooseColumns"},
		{"style sheet", http.MethodGet, "/style.css", 200, "text/css; charset=utf-8", "#graph"},
		{"icon", http.MethodGet, "/favicon.svg", 200, "image/svg+xml", "<svg"},
		{"head of root", http.MethodHead, "/", 200, "text/html; charset=utf-8", ""},
		{"unknown file", http.MethodGet, "/nope.js", 404, "text/plain; charset=utf-8", "404 page not found"},
		{"embed directory is not exposed", http.MethodGet, "/static/app.js", 404, "text/plain; charset=utf-8", ""},
		{"no directory listing", http.MethodGet, "/static/", 404, "text/plain; charset=utf-8", ""},
		{"go source is not served", http.MethodGet, "/web.go", 404, "text/plain; charset=utf-8", ""},
		{"post is refused", http.MethodPost, "/", 405, "text/plain; charset=utf-8", "method not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != tt.wantStatus {
				t.Fatalf("%s %s: status %d, want %d", tt.method, tt.path, rec.Code, tt.wantStatus)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.wantType {
				t.Errorf("%s %s: Content-Type %q, want %q", tt.method, tt.path, got, tt.wantType)
			}
			body := rec.Body.String()
			if tt.method == http.MethodHead && body != "" {
				t.Errorf("HEAD %s: body of %d bytes, want none", tt.path, len(body))
			}
			if !strings.Contains(body, tt.wantContain) {
				t.Errorf("%s %s: body lacks %q", tt.method, tt.path, tt.wantContain)
			}
			if tt.wantStatus == 200 {
				if got := rec.Header().Get("Content-Security-Policy"); got != contentSecurityPolicy {
					t.Errorf("%s %s: Content-Security-Policy %q", tt.method, tt.path, got)
				}
				if rec.Header().Get("ETag") == "" {
					t.Errorf("%s %s: no ETag", tt.method, tt.path)
				}
			}
			if tt.wantStatus == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: Allow %q, want \"GET, HEAD\"", tt.method, tt.path, rec.Header().Get("Allow"))
			}
		})
	}
}

func TestHandlerRevalidation(t *testing.T) {
	h := Handler()
	first := httptest.NewRecorder()
	h.ServeHTTP(first, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	etag := first.Header().Get("ETag")
	tests := []struct {
		name        string
		ifNoneMatch string
		wantStatus  int
	}{
		{"matching ETag is not modified", etag, http.StatusNotModified},
		{"stale ETag gets the file", `"0000"`, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/app.js", nil)
			req.Header.Set("If-None-Match", tt.ifNoneMatch)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("If-None-Match %s: status %d, want %d", tt.ifNoneMatch, rec.Code, tt.wantStatus)
			}
		})
	}
}

// TestServerMount serves the handler through a real HTTP server the way
// graphd mounts it, beside another route.
func TestServerMount(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/", Handler())
	mux.HandleFunc("/graphql", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "graphql") })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, tt := range []struct {
		path string
		want int
	}{{"/", 200}, {"/app.js", 200}, {"/graphql", 200}, {"/missing", 404}} {
		t.Run(tt.path, func(t *testing.T) {
			res, err := http.Get(srv.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tt.want {
				t.Errorf("GET %s: status %d, want %d", tt.path, res.StatusCode, tt.want)
			}
		})
	}
}

var (
	htmlRef   = regexp.MustCompile(`(?:src|href)="([^"]+)"`)
	jsImport  = regexp.MustCompile(`(?m)^import [^;]* from '([^']+)';`)
	remoteRef = regexp.MustCompile(`(?i)(?:src|href)\s*=\s*["'](?:https?:)?//|@import|url\(\s*["']?(?:https?:)?//|from\s+['"](?:https?:)?//`)
)

// TestAssetsSelfContained checks that every file the page refers to is
// embedded and that nothing is loaded from another host.
func TestAssetsSelfContained(t *testing.T) {
	h, err := newHandler(static, "static")
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, m := range htmlRef.FindAllStringSubmatch(string(h.files["/index.html"].Body), -1) {
		refs = append(refs, m[1])
	}
	for name, f := range h.files {
		if strings.HasSuffix(name, ".js") {
			for _, m := range jsImport.FindAllStringSubmatch(string(f.Body), -1) {
				refs = append(refs, m[1])
			}
		}
		t.Run("no remote references in "+name, func(t *testing.T) {
			if loc := remoteRef.FindIndex(f.Body); loc != nil {
				t.Errorf("%s refers to another host: %q", name, f.Body[loc[0]:loc[1]])
			}
		})
	}
	if len(refs) < 5 {
		t.Fatalf("found only %d references (%v); the patterns no longer match the page", len(refs), refs)
	}
	for _, ref := range refs {
		t.Run("reference "+ref, func(t *testing.T) {
			switch {
			case strings.HasPrefix(ref, "#"):
				return
			case strings.HasPrefix(ref, "/export?"):
				return // served by graphd itself, beside this handler
			}
			name := "/" + strings.TrimPrefix(strings.TrimPrefix(ref, "./"), "/")
			if _, ok := h.files[name]; !ok {
				t.Errorf("reference %q names no embedded file", ref)
			}
		})
	}
}

func TestNewHandlerErrors(t *testing.T) {
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		wantErr string
	}{
		{"missing index", fstest.MapFS{"static/app.js": {Data: []byte("x")}}, "lack index.html"},
		{"unknown file type", fstest.MapFS{"static/index.html": {Data: []byte("x")}, "static/blob.zzzq": {Data: []byte("x")}}, `"/blob.zzzq"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newHandler(tt.fsys, "static")
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}
