// Package assets serves files embedded in the binary, for the explorer and
// GraphiQL alike: each with its media type, an ETag from its content, and
// the Content-Security-Policy of its page.
package assets

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"time"
)

// File is one embedded file, read once when its handler is built.
type File struct {
	Name        string
	ContentType string
	ETag        string
	Body        []byte
}

// NewFile returns the file name of type contentType holding body, its ETag
// derived from body.
func NewFile(name, contentType string, body []byte) File {
	sum := sha256.Sum256(body)
	return File{Name: name, ContentType: contentType, ETag: `"` + hex.EncodeToString(sum[:12]) + `"`, Body: body}
}

// Serve answers GET and HEAD with f under the policy csp; any other method
// is 405.
func Serve(w http.ResponseWriter, r *http.Request, f File, csp string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", f.ContentType)
	hdr.Set("Content-Security-Policy", csp)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	// The files change only with the binary: let the browser revalidate
	// cheaply by ETag instead of caching a stale page after an upgrade.
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("ETag", f.ETag)
	http.ServeContent(w, r, f.Name, time.Time{}, bytes.NewReader(f.Body))
}
