// Command graphd-dgraph serves graphd's GraphQL contract (/graphql,
// /healthz, /readyz, /metrics) from a Dgraph cluster through
// package dgraphstore:
//
//	graphd-dgraph --store dgraph://127.0.0.1:9080 --addr 127.0.0.1:8080
//
// It holds no data, so several can serve one cluster. It lives in the
// dgraphstore module until graphd's own serve takes any stance.Store
// (then it becomes `graphd serve --store dgraph://HOST:PORT`); it has
// graphd's engine and limits but not its exports, backups, loads or
// browser explorer.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/stancegraph/stancegraph/dgraphstore"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stderr, nil))
}

// run serves until ctx ends and returns the exit code; listening, when
// not nil, is told the address once the server listens (tests use port 0).
func run(ctx context.Context, args []string, stderr io.Writer, listening func(addr string)) int {
	fs := flag.NewFlagSet("graphd-dgraph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	store := fs.String("store", "", "the Dgraph alpha's gRPC address, dgraph://HOST:PORT (required)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to serve HTTP on")
	token := fs.String("token", os.Getenv("GRAPHD_TOKEN"), "bearer token mutations must carry; without one, mutations are accepted on a loopback address only")
	timeout := fs.Duration("dgraph-timeout", 30*time.Second, "bound on each call to Dgraph")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *store == "" {
		fmt.Fprintln(stderr, "graphd-dgraph: --store dgraph://HOST:PORT is required")
		return 2
	}
	if err := serve(ctx, *store, *addr, *token, *timeout, listening); err != nil {
		fmt.Fprintln(stderr, "graphd-dgraph:", err)
		return 1
	}
	return 0
}

func serve(ctx context.Context, store, addr, token string, timeout time.Duration, listening func(string)) error {
	octx, cancel := context.WithTimeout(ctx, time.Minute)
	st, err := dgraphstore.Open(octx, store, &dgraphstore.Options{Timeout: timeout})
	cancel()
	if err != nil {
		return err
	}
	defer st.Close()
	sch, err := schema.New(resolvers.New(resolvers.Config{Store: st}))
	if err != nil {
		return err
	}
	eng, err := schema.NewEngine(sch, schema.Config{Sizes: func(ctx context.Context) (schema.Sizes, error) {
		s, err := st.Stats(ctx)
		return schema.Sizes{Actors: s.Actors, Stances: s.Stances}, err
	}})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	loopback := isLoopback(l.Addr())
	cfg := server.Config{Engine: eng, Logger: slog.New(slog.NewTextHandler(os.Stderr, nil)), Token: token,
		AllowMutations: token != "" || loopback,
		Ready: func() error {
			rctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_, err := st.Stats(rctx)
			return err
		}}
	if loopback {
		cfg.AllowedHosts = server.LoopbackHosts()
	}
	h, err := server.New(cfg)
	if err != nil {
		l.Close()
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if listening != nil {
		listening(l.Addr().String())
	}
	if err := srv.Serve(l); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func isLoopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}
