package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/logbuf"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
)

// notebookQuery is the typical notebook request: an actor by name with a
// page of 20 stances, their objects and evidence. The stance selection is
// the one examples/notebook/stances.ipynb makes.
const notebookQuery = `query Stances($name: String!) {
  actor(name: $name) {
    name
    stances(first: 20) {
      nodes { date type topic subject { name } object { name } evidence { quote } }
    }
  }
}`

// newHandler wires the real handler on the store as graphd serve does
// (cmd/graphd/serve.go newHandler), without the parts no query here
// reaches: extraction, the explorer UI and export. A nil logger writes no
// request log.
func newHandler(st *graph.Store, logger *slog.Logger) (http.Handler, error) {
	e, err := schema.NewEngineFor(resolvers.New(resolvers.Config{Store: st}), schema.Config{})
	if err != nil {
		return nil, err
	}
	return server.New(server.Config{Engine: e, Logger: logger})
}

// requestLogger is graphd serve's logger (cmd/graphd newLogger) onto w.
func requestLogger(w io.Writer) (*slog.Logger, *logbuf.Writer) {
	return logbuf.NewLogger(w, slog.LevelInfo, 100*time.Millisecond)
}

// httpBench is a server on the store on a loopback port and the clients
// that time notebook queries against it.
type httpBench struct {
	ctx    context.Context
	addr   string // the server's host:port
	bodies [][]byte
	names  []string
	srv    *http.Server
}

// httpTimeout bounds one request of the HTTP phase.
const httpTimeout = 30 * time.Second

// startHTTP serves the store on a loopback port, logging requests to
// logger (nil: no log), and prepares notebook queries on busy actors.
func startHTTP(ctx context.Context, c *config, d *dataset, st *graph.Store, logger *slog.Logger) (*httpBench, error) {
	h, err := newHandler(st, logger)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	hb := &httpBench{ctx: ctx, addr: ln.Addr().String(), names: busyNames(d)}
	hb.srv = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ConnState: labelServer}
	go hb.srv.Serve(ln)
	hb.bodies = make([][]byte, len(hb.names))
	for i, n := range hb.names {
		hb.bodies[i], _ = json.Marshal(map[string]any{"query": notebookQuery, "variables": map[string]string{"name": n}})
	}
	// Check one answer in full before timing, with net/http's client: it
	// must name the actor and carry 20 stances with evidence.
	if err := checkAnswer("http://"+hb.addr+"/graphql", hb.bodies[0], hb.names[0]); err != nil {
		hb.close()
		return nil, err
	}
	warm := newConn(hb.addr, "/graphql", httpTimeout)
	defer warm.close()
	for i := 0; i < 200; i++ {
		if err := hb.do(warm, hb.bodies[i%len(hb.bodies)]); err != nil {
			hb.close()
			return nil, fmt.Errorf("graphql warm-up: %w", err)
		}
	}
	return hb, nil
}

// serverLabels and clientLabels tell the two sides of the HTTP phase
// apart in a CPU profile (-httpprofile): both run in this process.
var (
	serverLabels = pprof.WithLabels(context.Background(), pprof.Labels("side", "server"))
	clientLabels = pprof.Labels("side", "client")
)

// labelServer marks a connection's goroutine as the server's once it
// reads its first request; the label stays with the goroutine, and with
// those it starts, for the connection's life.
func labelServer(_ net.Conn, s http.ConnState) {
	if s == http.StateActive {
		pprof.SetGoroutineLabels(serverLabels)
	}
}

func (hb *httpBench) close() {
	hb.srv.Close()
}

// busyNames are actors busy enough to fill a page of 20.
func busyNames(d *dataset) []string {
	var names []string
	for k := 0; k < d.nActors && len(names) < 2000; k++ {
		if d.expectedDegree(k) < 30 {
			break
		}
		names = append(names, d.actors[d.byRank[k]].Name)
	}
	if len(names) == 0 {
		names = append(names, d.actors[d.byRank[0]].Name)
	}
	return names
}

// do posts one query on c and checks that it answered without errors.
func (hb *httpBench) do(c *conn, body []byte) error {
	res, err := c.post(body)
	if err != nil {
		return err
	}
	if res.status != http.StatusOK || bytes.Contains(res.body, []byte(`"errors"`)) {
		return fmt.Errorf("HTTP %d: %.300s", res.status, res.body)
	}
	return nil
}

// httpRun is one timed series of requests.
type httpRun struct {
	lat      latency
	rps      float64
	cpuUs    float64 // process CPU per request, clients included
	errs     int
	firstErr error
}

// run sends n requests from clients concurrent clients, the actors taken
// from offset on, and times each.
func (hb *httpBench) run(n, clients, offset int) httpRun {
	return hb.series(clients, offset, func(i int, _ time.Time) bool { return i < n })
}

// runFor sends requests from clients concurrent clients for d.
func (hb *httpBench) runFor(d time.Duration, clients, offset int) httpRun {
	return hb.series(clients, offset*1_000_003, func(_ int, t0 time.Time) bool { return time.Since(t0) < d })
}

// series sends requests from clients concurrent clients while more says
// so of the next request's number and the series' start.
func (hb *httpBench) series(clients, offset int, more func(i int, t0 time.Time) bool) httpRun {
	var mu sync.Mutex
	var lat []time.Duration
	var next, errs atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	t0, cpu0 := time.Now(), cpuTime()
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go pprof.Do(context.Background(), clientLabels, func(context.Context) {
			defer wg.Done()
			c := newConn(hb.addr, "/graphql", httpTimeout)
			defer c.close()
			var mine []time.Duration
			defer func() { mu.Lock(); lat = append(lat, mine...); mu.Unlock() }()
			for {
				i := int(next.Add(1)) - 1
				if !more(i, t0) || hb.ctx.Err() != nil {
					return
				}
				t := time.Now()
				err := hb.do(c, hb.bodies[((offset+i)*7919)%len(hb.bodies)])
				mine = append(mine, time.Since(t))
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err)
				}
			}
		})
	}
	wg.Wait()
	r := httpRun{lat: summarize(lat), rps: float64(len(lat)) / time.Since(t0).Seconds(), errs: int(errs.Load()),
		cpuUs: float64((cpuTime() - cpu0).Microseconds()) / float64(max(len(lat), 1))}
	if e := firstErr.Load(); e != nil {
		r.firstErr = e.(error)
	}
	return r
}

// measureHTTP runs phase 5: the notebook query over HTTP from c.httpClients
// clients, against a server that logs every request to a file as graphd
// serve does and, in the same run, one that logs nothing and one that
// writes each line as it comes; series of the requests alternate between
// them so that noise falls on all. The figures are graphd's, with the
// unlogged server's beside them;
// the log's cost is judged by process CPU per request, which a shared
// machine disturbs less than the throughput.
func measureHTTP(ctx context.Context, c *config, d *dataset, st *graph.Store, dir string, res *results, logf func(string, ...any)) error {
	logs, closeLogs, err := httpLoggers(dir)
	if err != nil {
		return err
	}
	defer closeLogs()
	servers := make([]*httpBench, len(logs))
	for i, l := range logs {
		if servers[i], err = startHTTP(ctx, c, d, st, l); err != nil {
			return err
		}
		defer servers[i].close()
	}
	defer asGraphdServe(c, &res.HTTP.GOGC)()
	stop, err := startHTTPProfile(c.httpProfile)
	if err != nil {
		return err
	}
	defer stop()
	runs := make([][]httpRun, len(servers))
	n := max(c.httpN/(len(servers)*httpAlternations), 1)
	for i := range len(servers) * httpAlternations {
		k := httpTurn(i, len(servers))
		r := servers[k].run(n, c.httpClients, i*n)
		if r.firstErr != nil {
			return fmt.Errorf("graphql over http: %d of %d requests failed, first: %w", r.errs, n, r.firstErr)
		}
		runs[k] = append(runs[k], r)
	}
	h := &res.HTTP
	h.RPS, h.P50, h.P99 = meanRuns(runs[0])
	h.UnloggedRPS, h.UnloggedP50, _ = meanRuns(runs[1])
	h.N = len(servers) * httpAlternations * n
	h.CPUus, h.UnloggedCPUus, h.LineLoggedCPUus = meanCPU(runs[0]), meanCPU(runs[1]), meanCPU(runs[2])
	h.LoggingCost, h.LineLoggingCost = loggingCost(runs[0], runs[1]), loggingCost(runs[2], runs[1])
	logf("graphql/http %0.f req/s, p50 %.0f us, p99 %.0f us, %.0f us CPU each (%d clients, %d requests over three servers); without the log %.0f req/s, p50 %.0f us, %.0f us CPU each: the log costs %.1f%% more CPU (%.1f%% written line by line)",
		h.RPS, h.P50, h.P99, h.CPUus, c.httpClients, h.N, h.UnloggedRPS, h.UnloggedP50, h.UnloggedCPUus, 100*h.LoggingCost, 100*h.LineLoggingCost)
	return nil
}

// asGraphdServe puts the Go runtime on graphd's settings for the HTTP
// phase, as graphd serve runs (GOGC 400; its soft memory limit unless
// -memlimit chose one), and records the GOGC in gogc: at the default of
// 100 the collector takes a larger share of a request than it does in
// graphd. It returns what restores the run's own settings.
func asGraphdServe(c *config, gogc *int) (restore func()) {
	prevGC := debug.SetGCPercent(graphdGCPercent)
	prevLimit := debug.SetMemoryLimit(-1)
	if c.memLimit == 0 {
		debug.SetMemoryLimit(graphdMemoryLimit)
	}
	*gogc = graphdGCPercent
	return func() {
		debug.SetGCPercent(prevGC)
		debug.SetMemoryLimit(prevLimit)
	}
}

// startHTTPProfile starts a CPU profile into path ("": none) and returns
// what stops it. The clients run in this process, labelled side=client:
// `go tool pprof -tagignore side=client` is the server's side alone and
// `go tool pprof -tags` the share of each.
func startHTTPProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// httpLoggers are the request logs of the HTTP phase's three servers:
// graphd serve's (batched writes to a file), none, and the same lines
// written one write each, as graphd wrote them before.
func httpLoggers(dir string) ([]*slog.Logger, func(), error) {
	var files []*os.File
	closeAll := func() {
		for _, f := range files {
			f.Close()
			os.Remove(f.Name())
		}
	}
	for _, name := range []string{"requests.log", "requests-lines.log"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			closeAll()
			return nil, nil, err
		}
		files = append(files, f)
	}
	graphd, bw := requestLogger(files[0])
	lines := slog.New(slog.NewTextHandler(files[1], &slog.HandlerOptions{Level: slog.LevelInfo}))
	return []*slog.Logger{graphd, nil, lines}, func() { bw.Close(); closeAll() }, nil
}

// httpAlternations is how many times the HTTP phase goes through its
// servers: a multiple of their number, so that httpTurn puts each one in
// each place of a round equally often.
const httpAlternations = 6

// httpTurn is the server of the i-th series among servers: every round
// holds each server once, and each round starts one server later than the
// one before. A fixed order let the collector, whose cycle at 1M stances
// came every 15,000 requests (three series), fall in the first server's
// series every round: that server, graphd's logged one, paid 20-25% more
// CPU a request than the others, whatever its log.
func httpTurn(i, servers int) int {
	return (i + i/servers) % servers
}

// meanCPU averages the CPU per request of runs.
func meanCPU(runs []httpRun) float64 {
	var sum float64
	for _, r := range runs {
		sum += r.cpuUs / float64(len(runs))
	}
	return sum
}

// loggingCost is the extra CPU per request of the logged runs over the
// unlogged ones, as a share, by the median series of each: a collector
// cycle, which at 1M stances costs a series of 3,333 requests about 20%
// more CPU a request, falls in whichever series is running, so that the
// means compare where the cycles fell more than what the log costs. The
// cycles' cost stays in the means, which the figures a request report.
func loggingCost(logged, unlogged []httpRun) float64 {
	return ratio(medianCPU(logged)-medianCPU(unlogged), medianCPU(unlogged))
}

// medianCPU is the median CPU per request of runs.
func medianCPU(runs []httpRun) float64 {
	cpu := make([]float64, len(runs))
	for i, r := range runs {
		cpu[i] = r.cpuUs
	}
	slices.Sort(cpu)
	if n := len(cpu); n%2 == 0 && n > 0 {
		return (cpu[n/2-1] + cpu[n/2]) / 2
	}
	return cpu[len(cpu)/2]
}

// meanRuns averages the throughput and latencies of runs.
func meanRuns(runs []httpRun) (rps, p50, p99 float64) {
	for _, r := range runs {
		rps += r.rps / float64(len(runs))
		p50 += r.lat.P50us / float64(len(runs))
		p99 += r.lat.P99us / float64(len(runs))
	}
	return rps, p50, p99
}

func checkAnswer(url string, body []byte, name string) error {
	client := &http.Client{Transport: &http.Transport{}, Timeout: httpTimeout}
	defer client.CloseIdleConnections()
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Actor *struct {
				Name    string
				Stances struct {
					Nodes []struct {
						Type     string
						Object   struct{ Name string }
						Evidence []struct{ Quote string }
					}
				}
			}
		}
		Errors []json.RawMessage
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Errorf("graphql answer: %w", err)
	}
	a := out.Data.Actor
	switch {
	case len(out.Errors) > 0:
		return fmt.Errorf("graphql answer has errors: %s", out.Errors[0])
	case a == nil || a.Name != name:
		return fmt.Errorf("graphql answer does not name %q", name)
	case len(a.Stances.Nodes) != 20:
		return fmt.Errorf("graphql answer for %q has %d stances, want 20", name, len(a.Stances.Nodes))
	case a.Stances.Nodes[0].Object.Name == "" || len(a.Stances.Nodes[0].Evidence) == 0 || a.Stances.Nodes[0].Evidence[0].Quote == "":
		return errors.New("graphql answer lacks object names or evidence")
	}
	return nil
}

// printHTTPOnly prints the figures of a -http-only run and writes its JSON.
func printHTTPOnly(w io.Writer, c *config, r *results) error {
	h := &r.HTTP
	fmt.Fprintf(w, "\nGraphQL over HTTP, %d actors, %d stances, %d clients, %d requests, GOMAXPROCS %d\n", r.Actors, r.Stances, c.httpClients, h.N, r.GoMaxProcs)
	fmt.Fprintf(w, "  graphd's request log  %6.0f req/s  p50 %5.0f us  p99 %5.0f us  %4.0f us CPU a request\n", h.RPS, h.P50, h.P99, h.CPUus)
	fmt.Fprintf(w, "  no request log        %6.0f req/s  p50 %5.0f us             %4.0f us CPU a request (the log: %+.1f%%)\n", h.UnloggedRPS, h.UnloggedP50, h.UnloggedCPUus, 100*h.LoggingCost)
	fmt.Fprintf(w, "  a write per line                                         %4.0f us CPU a request (%+.1f%%)\n", h.LineLoggedCPUus, 100*h.LineLoggingCost)
	if c.jsonOut == "" {
		return nil
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(c.jsonOut, append(b, '\n'), 0o644)
}
