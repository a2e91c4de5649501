package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/seed"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/web"
	"github.com/stancegraph/stancegraph/web/graphiql"
)

// serveHelp is graphd serve's description.
const serveHelp = `
Opens (or creates) the store and serves:

  /graphql   the GraphQL API (POST, or GET for queries)
  /graphql/stream  subscriptions (stanceAdded, stanceRetracted) over
             Server-Sent Events: POST with Accept: text/event-stream
             (the graphql-sse protocol, distinct connections)
  /graphiql  GraphiQL, the GraphQL IDE; /schema.graphql the schema (SDL)
  /          the graph explorer (it follows /graphql/stream)
  /export    GET ?format=json|jsonl|graphml|csv|nquads|neo4j|plover
  /load      POST a JSON Lines file (graphd load --url), all-or-nothing;
             Content-Type application/jsonl, application/x-ndjson or
             application/json
  /backup    GET a consistent backup (graphd backup --url)
  /check     GET the store's invariant check (graphd check --url)
  /healthz   liveness, /readyz readiness, /metrics Prometheus metrics

A load too large for one transaction is journaled in DIR/LOADING before its
first commit, so a crash never leaves part of it: the next start finishes it.
While the store's filesystem has less free space than 4 x --memtable-mb plus
128 MiB (the room Badger needs for its next write buffers and value log file),
mutations and loads are refused with 507 Insufficient Storage, and value log
GC is skipped; queries go on, and writes resume once space is freed. The
server does not start for writing on such a disk; graphd check still runs.

Each request is logged to stderr as one line (logfmt: method, path, status,
bytes, duration, remote, operation); lines are written in batches every
100 ms, at once after a warning or an error, and all of them on shutdown.
While a batch is being written, requests log into a second buffer rather
than wait for a slow stderr.

An empty store is loaded with the seed graph on first start. Mutations need
the bearer token when one is set (--token-file or $GRAPHD_TOKEN); without a
token they are allowed only on a loopback address.

--read-only writes nothing: the store is opened read-only, nothing is seeded,
no value-log GC runs, and a --data directory without a store serves an empty
graph from memory without creating anything.

Browsers: a web page writes (mutations, /load) only from this server's own
origin or an origin listed with --cors; --cors '*' needs a token. On a
loopback address only the Host names localhost, *.localhost, 127.0.0.1 and
[::1] are answered, which stops DNS rebinding; --allowed-hosts adds names
(and, beyond loopback, turns the check on).

Queries are checked before they run, within --timeout: fragment cycles are
refused; a document may hold 20,000 tokens, 3,000 fields (a fragment counted
once per spread), 500 in one selection set and 1,000 aliases; its cost, the
estimated size of its answer (matrix by actors squared, lists by page size,
introspection by schema size, each alias again), at most 200,000. Queries
costing 10,000 or more run two at a time; an answer may take 32 MiB.

--store dgraph://HOST:PORT serves a Dgraph cluster instead of the store in
--data (see README, "Scale-out: Dgraph"): the same API, seeded when empty;
/backup answers 501 (the cluster backs up itself), /check checks the
records graphd wrote to the cluster (see graphd check -h), and
subscriptions answer UNAVAILABLE (the cluster announces no changes). While
the cluster does not answer within
--store-timeout, queries get 503 with the error code UNAVAILABLE and
/readyz is 503; they recover when it answers again.

SIGINT or SIGTERM stops the server gracefully: requests in flight finish,
then the store is closed.`

// serveFlags are graphd serve's flags besides the store's.
type serveFlags struct {
	sf           storeFlags
	addr         string
	tokenFile    string
	readOnly     bool
	cors         string
	allowedHosts string
	noSeed       bool
	timeout      time.Duration
	gcEvery      time.Duration
}

func (f *serveFlags) register(fs *flag.FlagSet) {
	f.sf.register(fs)
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	fs.StringVar(&f.tokenFile, "token-file", "", "file holding the bearer token mutations must carry (default: $GRAPHD_TOKEN)")
	fs.BoolVar(&f.readOnly, "read-only", false, "serve queries only: refuse every mutation and write nothing to the store, not even the seed")
	fs.StringVar(&f.cors, "cors", "", "comma-separated origins allowed to call the API from a browser (e.g. http://localhost:8888); '*' needs a token")
	fs.StringVar(&f.allowedHosts, "allowed-hosts", "", "comma-separated Host names to answer besides localhost, *.localhost, 127.0.0.1 and [::1] (\".example.org\" admits subdomains, '*' any name)")
	fs.BoolVar(&f.noSeed, "no-seed", false, "do not load the seed graph into an empty store")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit of each request")
	fs.DurationVar(&f.gcEvery, "gc-interval", 10*time.Minute, "how often to reclaim space in the value log (0 disables)")
}

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "serve [--data DIR] [--addr HOST:PORT] [flags]", serveHelp)
	var f serveFlags
	f.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	logger, logs := newLogger(e.stderr)
	defer logs.Close()
	token, err := serveToken(f.tokenFile)
	if err != nil {
		return err
	}
	origins := splitList(f.cors)
	if slices.Contains(origins, "*") && token == "" {
		return usageError{"--cors '*' needs a token (--token-file or $GRAPHD_TOKEN): without one every web site could read the whole graph (/backup, /export) and write to it; list the origins instead"}
	}
	// Bind before the store is opened: a port in use then leaves no
	// store created or seeded behind.
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return listenError(f.addr, err)
	}
	defer ln.Close()
	st, err := openServing(ctx, &f.sf, logger, f.readOnly, !f.noSeed)
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			logger.Error("closing store", "err", err)
		}
	}()
	if !f.readOnly && f.sf.store == "" {
		remove, err := recordServing(f.sf.data, ln.Addr())
		if err != nil {
			logger.Warn("could not record the address in the store directory; commands finding the store in use will not name it", "err", err)
		} else {
			defer remove()
		}
	}
	allow := !f.readOnly
	if allow && token == "" && !isLoopback(ln.Addr()) {
		allow = false
		logger.Warn("mutations refused: listening beyond loopback without a token; set --token-file or GRAPHD_TOKEN", "addr", ln.Addr().String())
	}
	hosts := hostsToAnswer(ln.Addr(), splitList(f.allowedHosts))
	handler, err := newHandler(st, f.sf.store, logger, schema.Config{Timeout: f.timeout}, server.Config{
		Token: token, AllowMutations: allow, CORSOrigins: origins, AllowedHosts: hosts,
	})
	if err != nil {
		return err
	}
	if g, ok := st.(*graph.Store); ok && f.gcEvery > 0 && !f.readOnly {
		go runGC(ctx, g, f.gcEvery, logger)
	}
	// The URL line is machine-read by scripts that start on port 0.
	fmt.Fprintf(e.stdout, "graphd: serving http://%s/graphql\n", ln.Addr())
	logger.Info("serving", "addr", ln.Addr().String(), "store", cmp.Or(f.sf.store, f.sf.data), "mutations", allow, "read_only", f.readOnly, "token", token != "", "hosts", strings.Join(hosts, ","))
	return serveUntilDone(ctx, newHTTPServer(handler, f.timeout, logger), ln, logger)
}

// newHTTPServer returns the server of handler, with timeouts that let
// exports and backups stream for long.
func newHTTPServer(handler *server.Server, timeout time.Duration, logger *slog.Logger) *http.Server {
	hs := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      timeout + 10*time.Minute, // exports and backups stream for long
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	// Subscriptions never finish by themselves: end them so that
	// Shutdown does not wait for its deadline.
	hs.RegisterOnShutdown(handler.EndStreams)
	return hs
}

// serveUntilDone serves on ln until ctx ends, then shuts hs down
// gracefully: requests in flight finish.
func serveUntilDone(ctx context.Context, hs *http.Server, ln net.Listener, logger *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// listenError explains a failed bind in the terms of the flag, without
// Go's "listen tcp ...: bind:" wrapping.
func listenError(addr string, err error) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("--addr %s: the address is in use by another program (another graphd?); stop it or choose another port (0 picks a free one)", addr)
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		err = oe.Err
	}
	var se *os.SyscallError
	if errors.As(err, &se) {
		err = se.Err
	}
	return fmt.Errorf("--addr %s: %w", addr, err)
}

// serveToken reads the bearer token from file, or $GRAPHD_TOKEN without one.
func serveToken(file string) (string, error) {
	if file == "" {
		return strings.TrimSpace(os.Getenv("GRAPHD_TOKEN")), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("--token-file: %w", err)
	}
	token := strings.TrimSpace(string(b))
	if token == "" {
		return "", fmt.Errorf("--token-file %s is empty", file)
	}
	return token, nil
}

// openServing opens the store serve answers from and seeds it when empty
// and seed is set. Read-only, it writes nothing at all: the store is opened
// read-only (Badger takes a shared lock and replays its log in memory), the
// seed is skipped with a log line, and a directory holding no store serves
// an empty graph from memory rather than creating one.
func openServing(ctx context.Context, sf *storeFlags, logger *slog.Logger, readOnly, seedEmpty bool) (store, error) {
	if sf.store != "" {
		return openServingCluster(ctx, sf, logger, readOnly, seedEmpty)
	}
	if !readOnly {
		st, err := sf.open(logger, false)
		if err != nil || !seedEmpty {
			return st, err
		}
		if err := seedIfEmpty(ctx, st, logger); err != nil {
			sf.closeStore(st, &err)
			return nil, err
		}
		return st, nil
	}
	o, err := sf.options(logger)
	if err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(sf.data); errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		logger.Warn("read-only: no store in --data; serving an empty graph from memory and creating nothing", "data", sf.data)
		o.InMemory = true
		return openStore("", o)
	}
	o.ReadOnly = true
	st, err := openStore(sf.data, o)
	switch {
	case errors.Is(err, graph.ErrLocked):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("opening %s read-only: %w (a store that was not closed cleanly must be opened once without --read-only, e.g. by graphd stats --data, to recover)", sf.data, err)
	}
	if seedEmpty {
		if empty, err := isEmpty(ctx, st); err == nil && empty {
			logger.Info("read-only: the store is empty and is not seeded; queries answer an empty graph", "data", sf.data)
		}
	}
	return st, nil
}

// openServingCluster opens the Dgraph cluster serve answers from, which
// has no read-only mode: --read-only refuses every write at the server
// and seeds nothing.
func openServingCluster(ctx context.Context, sf *storeFlags, logger *slog.Logger, readOnly, seedEmpty bool) (store, error) {
	st, err := sf.open(logger, false)
	if err != nil || readOnly || !seedEmpty {
		return st, err
	}
	if err := seedIfEmpty(ctx, st, logger); err != nil {
		st.Close()
		return nil, unreachable(sf.store, err)
	}
	return st, nil
}

// seedIfEmpty loads the seed graph into an empty store.
func seedIfEmpty(ctx context.Context, st store, logger *slog.Logger) error {
	empty, err := isEmpty(ctx, st)
	if err != nil || !empty {
		return err
	}
	for _, t := range graph.DefaultVocabulary().Names() {
		if !st.Vocabulary().Has(t) {
			logger.Info("the store's vocabulary is not the default one the seed is typed with; the store is not seeded", "lacks", t)
			return nil
		}
	}
	res, err := seed.Load(ctx, st)
	if err != nil {
		return fmt.Errorf("seeding: %w", err)
	}
	logger.Info("seeded empty store", "actors", res.Actors, "stances", res.Stances, "documents", res.Documents)
	return nil
}

// hostsToAnswer returns the Host names the server answers, nil for any.
// On a loopback address, or when names are given, they are the loopback
// names, the address listened on and the names given. Beyond loopback
// without names every Host is answered: the server is meant to be reached
// by names graphd cannot know, and a token guards its writes.
func hostsToAnswer(a net.Addr, extra []string) []string {
	if !isLoopback(a) && len(extra) == 0 {
		return nil
	}
	hosts := server.LoopbackHosts()
	if ta, ok := a.(*net.TCPAddr); ok && !ta.IP.IsUnspecified() && !ta.IP.IsLoopback() {
		hosts = append(hosts, ta.IP.String())
	}
	return append(hosts, extra...)
}

// newHandler wires store, engine and server; place is --store ("" for
// the embedded store), limits and cfg carry the serve flags.
func newHandler(st store, place string, logger *slog.Logger, limits schema.Config, cfg server.Config) (*server.Server, error) {
	e, err := newEngine(st, limits)
	if err != nil {
		return nil, err
	}
	cfg.Engine = e
	cfg.Logger = logger
	cfg.UI = web.Handler()
	cfg.GraphiQL = graphiql.Handler()
	cfg.Export = func(ctx context.Context, w io.Writer, format string) error { return export.Write(ctx, st, w, format) }
	cfg.Load = func(ctx context.Context, r io.Reader, name string, upsert bool) (any, error) {
		f, err := jsonl.Read(r, name, nil)
		if err != nil {
			return nil, err
		}
		f.Batch.Upsert = upsert
		return f.Apply(ctx, st, name)
	}
	cfg.Backup = func(ctx context.Context, w io.Writer) error {
		g, err := embedded(st, place, "backup")
		if err != nil {
			return err
		}
		return g.Backup(ctx, w)
	}
	cfg.Check = func(ctx context.Context) (any, error) { return checkStore(ctx, st) }
	cfg.Ready = func() error {
		ctx, cancel := context.WithTimeout(context.Background(), readyTimeout)
		defer cancel()
		_, err := st.Stats(ctx)
		return err
	}
	cfg.Collectors = []prometheus.Collector{newStoreCollector(st)}
	return server.New(cfg)
}

// readyTimeout bounds /readyz's question to the store, so that a cluster
// that does not answer makes it 503 before a load balancer gives up.
const readyTimeout = 2 * time.Second

func runGC(ctx context.Context, st *graph.Store, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := st.RunGC(ctx); err != nil && ctx.Err() == nil {
				logger.Warn("value log gc", "err", err)
			}
		}
	}
}

func isLoopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
