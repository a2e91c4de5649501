package server

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/stance"
)

// DefaultMaxLoadBytes bounds a bulk load body: far above a GraphQL request,
// since a file of stances with their documents is large.
const DefaultMaxLoadBytes = 512 << 20

// adminError is the body of a /load or /backup refusal.
type adminError struct {
	Error string `json:"error"`
}

// admit answers a refusal and returns false unless r uses method and
// carries the token (when one is set); route names the route in messages.
func (s *Server) admit(w http.ResponseWriter, r *http.Request, method, route, hint string) bool {
	if r.Method != method {
		w.Header().Set("Allow", method)
		writeJSON(w, http.StatusMethodNotAllowed, mediaJSON, adminError{route + ": use " + method + hint})
		return false
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="graphd"`)
		writeJSON(w, http.StatusUnauthorized, mediaJSON, adminError{route + ": a valid bearer token is required (Authorization: Bearer ...)"})
		return false
	}
	return true
}

// serveLoad takes a JSON Lines file in the body and applies it through
// Config.Load, all-or-nothing; a bad line is a 400 naming it.
func (s *Server) serveLoad(w http.ResponseWriter, r *http.Request) {
	if !s.admit(w, r, http.MethodPost, "load", " with a JSON Lines body") {
		return
	}
	if !s.cfg.AllowMutations {
		writeJSON(w, http.StatusForbidden, mediaJSON, adminError{"load: this server does not accept writes (read-only, or no token on a non-loopback address)"})
		return
	}
	if !s.admitLoad(w, r) {
		return
	}
	limit := s.cfg.MaxLoadBytes
	if limit == 0 {
		limit = DefaultMaxLoadBytes
	}
	if r.ContentLength > limit {
		writeJSON(w, http.StatusRequestEntityTooLarge, mediaJSON, adminError{fmt.Sprintf("load: body of %d bytes is over the limit of %d", r.ContentLength, limit)})
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "request"
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	upsert, err := strconv.ParseBool(cmp.Or(r.URL.Query().Get("upsert"), "false"))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, mediaJSON, adminError{fmt.Sprintf("load: upsert=%q: want true or false", r.URL.Query().Get("upsert"))})
		return
	}
	res, err := s.cfg.Load(r.Context(), body, name, upsert)
	if err != nil {
		infoOf(w).err = err.Error()
		var tooBig *http.MaxBytesError
		status := http.StatusBadRequest
		switch {
		case errors.As(err, &tooBig):
			status = http.StatusRequestEntityTooLarge
		case errors.Is(err, graph.ErrDiskFull):
			status = http.StatusInsufficientStorage
		case errors.Is(err, r.Context().Err()) && r.Context().Err() != nil,
			errors.Is(err, stance.ErrUnavailable):
			status = http.StatusServiceUnavailable
		case errors.Is(err, graph.ErrCommit), errors.Is(err, graph.ErrClosed):
			status = http.StatusInternalServerError
		}
		writeJSON(w, status, mediaJSON, adminError{err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, mediaJSON, res)
}

// resultStatus is the status of an executed request: 200, as GraphQL
// over HTTP wants for errors met during execution, except 507 when a
// mutation was refused for lack of disk space and 503 when the store
// could not be reached (a Dgraph cluster down), so that clients, load
// balancers and proxies that look only at the status see that the request
// did not happen and where the fault is.
func resultStatus(errs []gqlerrors.FormattedError) int {
	for _, e := range errs {
		switch {
		case e.Extensions["code"] == resolvers.CodeDiskFull:
			return http.StatusInsufficientStorage
		case e.Extensions[resolvers.ExtensionRetry] == true:
			return http.StatusServiceUnavailable
		}
	}
	return http.StatusOK
}

// serveBackup streams a consistent backup; it needs the token when one is
// set, since a backup is the whole graph in one request.
func (s *Server) serveBackup(w http.ResponseWriter, r *http.Request) {
	if !s.admit(w, r, http.MethodGet, "backup", "") {
		return
	}
	if s.crossOriginRead(r) {
		writeJSON(w, http.StatusForbidden, mediaJSON, adminError{"backup: a web page on another origin may not read the backup of a server without a token; start graphd with a token to allow it"})
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", `attachment; filename="stancegraph-`+time.Now().UTC().Format("20060102T150405Z")+`.backup"`)
	cw := &countingWriter{w: w}
	if err := s.cfg.Backup(r.Context(), cw); err != nil {
		infoOf(w).err = err.Error()
		if cw.n == 0 {
			w.Header().Del("Content-Disposition")
			writeJSON(w, adminStatus(err), mediaJSON, adminError{"backup: " + err.Error()})
		}
		// Once bytes are sent the client sees a truncated stream; graphd
		// backup writes to a temporary file and keeps it only when complete.
	}
}

// serveCheck runs the store's invariant check on the live store.
func (s *Server) serveCheck(w http.ResponseWriter, r *http.Request) {
	if !s.admit(w, r, http.MethodGet, "check", "") {
		return
	}
	rep, err := s.cfg.Check(r.Context())
	if err != nil {
		infoOf(w).err = err.Error()
		writeJSON(w, adminStatus(err), mediaJSON, adminError{"check: " + err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, mediaJSON, rep)
}

// adminStatus is the status of a failed backup or check: 501 when the
// store does not do it (a Dgraph cluster backs up by its own means), 503
// when it could not be reached, else 500.
func adminStatus(err error) int {
	switch {
	case errors.Is(err, errors.ErrUnsupported):
		return http.StatusNotImplemented
	case errors.Is(err, stance.ErrUnavailable):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
