package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/seed"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/web"
)

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "serve [--data DIR] [--addr HOST:PORT] [flags]", `
Opens (or creates) the store and serves:

  /graphql   the GraphQL API (POST, or GET for queries)
  /          the graph explorer
  /export    GET ?format=json|jsonl|graphml|csv|nquads
  /load      POST a JSON Lines file (graphd load --url), all-or-nothing
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

An empty store is loaded with the seed graph on first start. Mutations need
the bearer token when one is set (--token-file or $GRAPHD_TOKEN); without a
token they are allowed only on a loopback address. SIGINT or SIGTERM stops
the server gracefully: requests in flight finish, then the store is closed.`)
	var sf storeFlags
	sf.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	tokenFile := fs.String("token-file", "", "file holding the bearer token mutations must carry (default: $GRAPHD_TOKEN)")
	readOnly := fs.Bool("read-only", false, "serve queries only; refuse every mutation")
	cors := fs.String("cors", "", "comma-separated origins allowed to call the API from a browser (e.g. http://localhost:8888)")
	noSeed := fs.Bool("no-seed", false, "do not load the seed graph into an empty store")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of each request")
	gcEvery := fs.Duration("gc-interval", 10*time.Minute, "how often to reclaim space in the value log (0 disables)")
	if err := parse(fs, args); err != nil {
		return err
	}
	logger := newLogger(e.stderr)
	token := strings.TrimSpace(os.Getenv("GRAPHD_TOKEN"))
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fmt.Errorf("--token-file: %w", err)
		}
		token = strings.TrimSpace(string(b))
		if token == "" {
			return fmt.Errorf("--token-file %s is empty", *tokenFile)
		}
	}
	st, err := sf.open(logger, false)
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			logger.Error("closing store", "err", err)
		}
	}()
	if !*noSeed {
		empty, err := st.IsEmpty(ctx)
		if err != nil {
			return err
		}
		if empty {
			res, err := seed.Load(ctx, st)
			if err != nil {
				return fmt.Errorf("seeding: %w", err)
			}
			logger.Info("seeded empty store", "actors", res.Actors, "stances", res.Stances, "documents", res.Documents)
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	allow := !*readOnly
	if allow && token == "" && !isLoopback(ln.Addr()) {
		allow = false
		logger.Warn("mutations refused: listening beyond loopback without a token; set --token-file or GRAPHD_TOKEN", "addr", ln.Addr().String())
	}
	handler, err := newHandler(st, logger, server.Config{
		Token: token, AllowMutations: allow, CORSOrigins: splitList(*cors), Timeout: *timeout,
	})
	if err != nil {
		ln.Close()
		return err
	}
	hs := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      *timeout + 10*time.Minute, // exports and backups stream for long
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	if *gcEvery > 0 {
		go runGC(ctx, st, *gcEvery, logger)
	}
	// The URL line is machine-read by scripts that start on port 0.
	fmt.Fprintf(e.stdout, "graphd: serving http://%s/graphql\n", ln.Addr())
	logger.Info("serving", "addr", ln.Addr().String(), "data", sf.data, "mutations", allow, "token", token != "")
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

// newHandler wires store, schema and server; cfg carries the serve flags.
func newHandler(st *graph.Store, logger *slog.Logger, cfg server.Config) (*server.Server, error) {
	ex := extract.New(extract.DefaultDictionary())
	r := resolvers.New(resolvers.Config{
		Store: st,
		Ingest: func(ctx context.Context, doc graph.Document) (graph.Document, []graph.Stance, error) {
			res, err := ingest.Document(ctx, st, ex, doc)
			return res.Document, res.Stances, err
		},
	})
	sch, err := schema.New(r)
	if err != nil {
		return nil, err
	}
	cfg.Schema = sch
	cfg.Logger = logger
	cfg.UI = web.Handler()
	cfg.Export = func(ctx context.Context, w io.Writer, format string) error { return export.Write(ctx, st, w, format) }
	cfg.Load = func(ctx context.Context, r io.Reader, name string) (any, error) {
		return jsonl.Load(ctx, st, r, name, nil)
	}
	cfg.Backup = st.Backup
	cfg.Check = func(ctx context.Context) (any, error) { return st.Check(ctx) }
	cfg.Ready = func() error { _, err := st.Stats(context.Background()); return err }
	cfg.Gauges = func(ctx context.Context) []server.Gauge {
		s, err := st.Stats(ctx)
		if err != nil {
			return nil
		}
		return []server.Gauge{
			{Name: "stancegraph_stances", Help: "Live stances in the store.", Value: float64(s.Stances)},
			{Name: "stancegraph_retracted_stances", Help: "Retracted stances in the store.", Value: float64(s.Retracted)},
			{Name: "stancegraph_actors", Help: "Actors in the store.", Value: float64(s.Actors)},
			{Name: "stancegraph_documents", Help: "Documents in the store.", Value: float64(s.Documents)},
			{Name: "stancegraph_store_bytes", Help: "Bytes the store occupies on disk.", Value: float64(st.Size())},
		}
	}
	return server.New(cfg)
}

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
