// Package server serves a GraphQL engine (package schema) over HTTP as the
// GraphQL over HTTP specification asks, with what a service on a network
// needs around it: content negotiation, bearer-token protection of
// writes, CORS and Host checks, body size limits, health and readiness
// probes, Prometheus metrics and structured request logs. Parsing,
// validation, query limits, the query cache and execution are the
// engine's: the server only decodes a request, hands it to
// schema.Engine.Execute and maps the answer's kind to a status.
//
// Routes:
//
//	/graphql  POST (application/json) and GET (query parameters; queries only)
//	/graphql/stream  GraphQL over Server-Sent Events (graphql-sse, distinct
//	          connections): subscriptions, and queries answered once
//	/schema.graphql  the schema in SDL, as the engine serves it
//	/graphiql Config.GraphiQL, when set
//	/healthz  liveness: 200 while the process serves
//	/readyz   readiness: 200 when Config.Ready reports no error
//	/metrics  Prometheus text format
//	/export   GET ?format=json|jsonl|graphml|csv|nquads|neo4j|plover, when Config.Export is set
//	/load     POST a JSON Lines file, when Config.Load is set
//	/backup   GET a backup, when Config.Backup is set
//	/check    GET the store's invariant check, when Config.Check is set
//	/         Config.UI, when set
//
// Browsers: a request whose Host is not in Config.AllowedHosts is refused
// (DNS rebinding), and a write (a mutation, POST /load) from a web page
// whose Origin is neither the server's own nor in Config.CORSOrigins is
// refused; see origin.go.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/stancegraph/stancegraph/schema"
)

// DefaultMaxBodyBytes bounds a GraphQL request body when
// Config.MaxBodyBytes is 0.
const DefaultMaxBodyBytes = 1 << 20

// ExportFormats returns the formats /export accepts and passes to
// Config.Export.
func ExportFormats() []string {
	names := make([]string, len(exportTypes))
	for i, t := range exportTypes {
		names[i] = t.format
	}
	return names
}

// Config configures a Server. Only Engine is required.
type Config struct {
	// Engine answers /graphql; its Config holds the query limits, the
	// timeout and the cache size.
	Engine *schema.Engine
	// Logger receives one record per request; nil discards them.
	Logger *slog.Logger
	// Token, when set, is the bearer token a mutation must carry
	// (Authorization: Bearer TOKEN); without it a mutation gets 401 and
	// nothing is written. Queries never need it. The token is compared in
	// constant time and never logged.
	Token string
	// AllowMutations enables mutations at all. When false every mutation is
	// refused with 403 (read-only mode, or no token on a non-loopback
	// address: the command computes this).
	AllowMutations bool
	// CORSOrigins lists the origins browsers may call from ("*" for any,
	// which needs a Token: see ErrWildcardCORS); empty disables CORS.
	// Writes (mutations, /load) from a web page are refused unless its
	// origin is listed or is the server's own.
	CORSOrigins []string
	// AllowedHosts lists the names (any port) a request's Host header may
	// carry; others get 403, which defeats DNS rebinding. ".example.org"
	// also admits its subdomains, "*" any name. Empty answers every host;
	// graphd serve on a loopback address sets LoopbackHosts and the names
	// of --allowed-hosts.
	AllowedHosts []string
	// MaxBodyBytes bounds a request body; larger ones get 413. 0 means
	// DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// UI is mounted at "/" when not nil.
	UI http.Handler
	// GraphiQL is mounted at "/graphiql" and below when not nil.
	GraphiQL http.Handler
	// MaxStreams bounds the /graphql/stream connections open at once;
	// more get 503. 0 means DefaultMaxStreams.
	MaxStreams int
	// KeepAlive is how often an idle stream sends a comment; 0 means
	// DefaultKeepAlive.
	KeepAlive time.Duration
	// Export writes the whole graph in format (one of ExportFormats) for
	// GET /export; nil disables the route.
	Export func(ctx context.Context, w io.Writer, format string) error
	// Ready reports whether the service can answer (the store is open), for
	// /readyz; nil means always ready.
	Ready func() error
	// Collectors are registered beside the server's own metrics on
	// /metrics, such as the store's counts; their names should share the
	// MetricsPrefix.
	Collectors []prometheus.Collector
	// Load applies a JSON Lines file sent to POST /load all-or-nothing and
	// returns what it added and changed (encoded as JSON); nil disables the
	// route. upsert is the request's upsert=true: the file may change
	// stored records (graph.Batch.Upsert). Like a mutation it needs the
	// token and AllowMutations.
	Load func(ctx context.Context, r io.Reader, name string, upsert bool) (any, error)
	// MaxLoadBytes bounds a /load body; 0 means DefaultMaxLoadBytes.
	MaxLoadBytes int64
	// Backup writes a consistent backup for GET /backup, which needs the
	// token when one is set; nil disables the route. An error wrapping
	// errors.ErrUnsupported (a store backed up by other means) is 501.
	Backup func(ctx context.Context, w io.Writer) error
	// Check verifies the store's invariants for GET /check (graphd check
	// --url) and returns the report, encoded as JSON; it needs the token
	// when one is set. Nil disables the route. An error wrapping
	// errors.ErrUnsupported (a store with no check) is 501.
	Check func(ctx context.Context) (any, error)
}

// Server is an http.Handler serving the routes of the package doc. It is
// safe for concurrent use.
type Server struct {
	cfg       Config
	streams   *streams
	log       *slog.Logger
	logPC     atomic.Uintptr // logRequest's pc, the source of its records
	tokenHash [sha256.Size]byte
	metrics   *metrics
	mux       *http.ServeMux
}

// New returns a Server for cfg, with defaults applied to zero fields.
func New(cfg Config) (*Server, error) {
	if cfg.Engine == nil {
		return nil, errors.New("server: Config.Engine is nil; build it with schema.NewEngine")
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxBodyBytes < 0 {
		return nil, fmt.Errorf("server: MaxBodyBytes %d is negative", cfg.MaxBodyBytes)
	}
	for _, o := range cfg.CORSOrigins {
		if o != "*" && !strings.HasPrefix(o, "http://") && !strings.HasPrefix(o, "https://") {
			return nil, fmt.Errorf("server: CORS origin %q must be * or start with http:// or https://", o)
		}
	}
	if slices.Contains(cfg.CORSOrigins, "*") && cfg.Token == "" {
		return nil, ErrWildcardCORS
	}
	if cfg.MaxStreams == 0 {
		cfg.MaxStreams = DefaultMaxStreams
	}
	if cfg.KeepAlive == 0 {
		cfg.KeepAlive = DefaultKeepAlive
	}
	if cfg.MaxStreams < 0 || cfg.KeepAlive < 0 {
		return nil, fmt.Errorf("server: MaxStreams %d or KeepAlive %v is negative", cfg.MaxStreams, cfg.KeepAlive)
	}
	hosts, err := hostRules(cfg.AllowedHosts)
	if err != nil {
		return nil, err
	}
	cfg.AllowedHosts = hosts
	m, err := newMetrics(cfg.Engine, cfg.Collectors)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: cfg.Logger, metrics: m, streams: newStreams(cfg.MaxStreams)}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if cfg.Token != "" {
		s.tokenHash = sha256.Sum256([]byte(cfg.Token))
	}
	s.cfg.Token = "" // only the hash is kept, so no later change can log it
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("/graphql", s.serveGraphQL)
	s.mux.HandleFunc("/graphql/stream", s.serveStream)
	s.mux.HandleFunc("/schema.graphql", s.serveSchema)
	if cfg.GraphiQL != nil {
		s.mux.Handle("/graphiql", cfg.GraphiQL)
		s.mux.Handle("/graphiql/", cfg.GraphiQL)
	}
	s.mux.HandleFunc("/healthz", s.serveHealth)
	s.mux.HandleFunc("/readyz", s.serveReady)
	s.mux.HandleFunc("/metrics", s.serveMetrics)
	if cfg.Export != nil {
		s.mux.HandleFunc("/export", s.serveExport)
	}
	if cfg.Load != nil {
		s.mux.HandleFunc("/load", s.serveLoad)
	}
	if cfg.Backup != nil {
		s.mux.HandleFunc("/backup", s.serveBackup)
	}
	if cfg.Check != nil {
		s.mux.HandleFunc("/check", s.serveCheck)
	}
	if cfg.UI != nil {
		s.mux.Handle("/", cfg.UI)
	} else {
		s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			io.WriteString(w, "graphd: the GraphQL endpoint is /graphql\n")
		})
	}
	return s, nil
}

// ServeHTTP routes r, applying the host check and CORS and recording logs
// and metrics.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w}
	switch {
	case !s.hostAllowed(r):
		s.refuseHost(rec, r)
	case s.cors(rec, r):
		s.serveSafely(rec, r, &rec.info)
	}
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	route := routeOf(r.URL.Path, s.cfg.UI != nil)
	s.metrics.request(route, rec.status)
	end := time.Now()
	s.logRequest(r, route, rec, &rec.info, end, end.Sub(start))
}

// logRequest writes the request's line, stamped end: at Info, or Debug
// for the probes and metrics scrapes. The line's attributes are gathered
// on the stack (nine at most, requestAttrs) and not at all when the level
// is off. The
// record goes to the handler directly: slog.Logger would read the clock
// again and walk the stack for the caller's pc on every request, where
// logRequest's pc, taken once, is the same every time.
func (s *Server) logRequest(r *http.Request, route string, rec *recorder, info *requestInfo, end time.Time, took time.Duration) {
	level := slog.LevelInfo
	if route == "/healthz" || route == "/readyz" || route == "/metrics" {
		level = slog.LevelDebug
	}
	h := s.log.Handler()
	if !h.Enabled(r.Context(), level) {
		return
	}
	pc := s.logPC.Load()
	if pc == 0 {
		pc = callerPC()
		s.logPC.Store(pc)
	}
	attrs := requestAttrs(make([]slog.Attr, 0, 9), r, rec, info, took)
	line := slog.NewRecord(end, level, "http request", pc)
	line.AddAttrs(attrs...)         // in one call: the attributes past five take one allocation
	_ = h.Handle(r.Context(), line) // as slog.Logger does: a log that fails does not fail the request
}

// requestAttrs appends the request line's attributes to attrs.
func requestAttrs(attrs []slog.Attr, r *http.Request, rec *recorder, info *requestInfo, took time.Duration) []slog.Attr {
	attrs = append(attrs,
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Int("status", rec.status),
		slog.Int64("bytes", rec.bytes),
		slog.Duration("duration", took),
		slog.String("remote", r.RemoteAddr),
	)
	if info.opType != "" {
		attrs = append(attrs, slog.String("operation", info.opName), slog.String("op_type", info.opType))
	}
	if info.err != "" {
		attrs = append(attrs, slog.String("error", info.err))
	}
	return attrs
}

// callerPC is the pc of its caller, for a record's source.
func callerPC() uintptr {
	var pcs [1]uintptr
	runtime.Callers(2, pcs[:])
	return pcs[0]
}

// serveSafely routes r, answering 500 instead of dropping the connection
// when a handler (or graphql-go beneath it) panics.
func (s *Server) serveSafely(w *recorder, r *http.Request, info *requestInfo) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			info.err = fmt.Sprintf("panic: %v", p)
			s.log.LogAttrs(r.Context(), slog.LevelError, "handler panic", slog.String("path", r.URL.Path), slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
			if w.status == 0 {
				writeBody(w, http.StatusInternalServerError, mediaJSON, schema.ErrorJSON(
					schema.Error("INTERNAL_SERVER_ERROR", "server: internal error while handling the request")))
			}
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// requestInfo carries what the GraphQL handler learned back to the log line.
type requestInfo struct {
	opName, opType, err string
}

// infoOf is the requestInfo of the response w, which ServeHTTP hands to
// every route as a recorder; it travels with the recorder rather than in
// the request's context, which would cost every request a copy of the
// http.Request.
func infoOf(w http.ResponseWriter) *requestInfo {
	if rec, ok := w.(*recorder); ok {
		return &rec.info
	}
	return &requestInfo{}
}

// routes are the paths counted under their own name in metrics; any other
// path is counted as "/ui" when the UI is mounted, else as "other", so
// that clients cannot grow the label set.
var routes = []string{"/graphql", "/graphql/stream", "/schema.graphql", "/healthz", "/readyz", "/metrics", "/export", "/load", "/backup", "/check"}

// routeOf maps a path to a bounded metric label.
func routeOf(path string, ui bool) string {
	switch {
	case slices.Contains(routes, path):
		return path
	case path == "/graphiql" || strings.HasPrefix(path, "/graphiql/"):
		return "/graphiql"
	case ui:
		return "/ui"
	}
	return "other"
}

// recorder remembers the status and size of a response, and what the
// route learned for the request's log line.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	info   requestInfo
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// cors sets CORS headers for allowed origins and answers preflight
// requests; it reports whether the request should go on to its route.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if len(s.cfg.CORSOrigins) == 0 || origin == "" {
		return true
	}
	w.Header().Add("Vary", "Origin")
	allowed := slices.Contains(s.cfg.CORSOrigins, "*") || slices.Contains(s.cfg.CORSOrigins, origin)
	preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
	if !allowed {
		if preflight {
			w.WriteHeader(http.StatusForbidden)
			return false
		}
		return true // the browser withholds the response without the headers
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	if !preflight {
		return true
	}
	h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
	h.Set("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
	return false
}

// authorized reports whether r carries the configured bearer token. Both
// sides are hashed first so the comparison takes the same time whatever
// the length of the token sent.
func (s *Server) authorized(r *http.Request) bool {
	if s.tokenHash == ([sha256.Size]byte{}) {
		return true
	}
	auth := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(token)))
	return subtle.ConstantTimeCompare(got[:], s.tokenHash[:]) == 1
}

func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, "ok\n")
}

func (s *Server) serveReady(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if s.cfg.Ready != nil {
		if err := s.cfg.Ready(); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "not ready: %v\n", err)
			return
		}
	}
	io.WriteString(w, "ready\n")
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	s.metrics.handler.ServeHTTP(w, r)
}

// exportType is the media type and file extension of an export format.
type exportType struct{ format, media, ext string }

// exportTypes lists every export format, in the order ExportFormats gives.
var exportTypes = []exportType{
	{"json", "application/json; charset=utf-8", "json"},
	{"jsonl", "application/jsonl; charset=utf-8", "jsonl"},
	{"graphml", "application/graphml+xml; charset=utf-8", "graphml"},
	{"csv", "text/csv; charset=utf-8", "csv"},
	{"nquads", "application/n-quads; charset=utf-8", "nq"},
	{"neo4j", "application/zip", "neo4j.zip"},
	{"plover", "application/jsonl; charset=utf-8", "plover.jsonl"},
}

func (s *Server) serveExport(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "export: use GET", http.StatusMethodNotAllowed)
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	i := slices.IndexFunc(exportTypes, func(t exportType) bool { return t.format == format })
	if i < 0 {
		http.Error(w, fmt.Sprintf("export: unknown format %q; use one of %s", format, strings.Join(ExportFormats(), ", ")), http.StatusBadRequest)
		return
	}
	t := exportTypes[i]
	w.Header().Set("Content-Type", t.media)
	w.Header().Set("Content-Disposition", `attachment; filename="stancegraph.`+t.ext+`"`)
	if r.Method == http.MethodHead {
		return
	}
	cw := &countingWriter{w: w}
	if err := s.cfg.Export(r.Context(), cw, format); err != nil {
		infoOf(w).err = err.Error()
		if cw.n == 0 {
			w.Header().Del("Content-Disposition")
			http.Error(w, "export: "+err.Error(), http.StatusInternalServerError)
		}
		// After the first byte the status is sent; the log carries the error
		// and the client sees a truncated body.
	}
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
