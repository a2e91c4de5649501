// Command bench measures the stance graph store against the engine under it
// (raw Badger) and against what a user would pick instead (SQLite), on one
// deterministic synthetic graph, and prints the figures with the targets of
// issue 4. Run it with `make bench` (BENCH_FLAGS passes flags through):
//
//	make bench BENCH_FLAGS="-quick -json out.json"
//	cd bench && go run . -actors 100000 -stances 1000000
//
// It lives in its own module so that the cgo SQLite driver never enters
// graphd's build.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"
)

// config is the parsed command line.
type config struct {
	actors, stances, chunk int
	seed                   uint64
	quick                  bool
	engines                map[string]bool
	hop1N, pairsN          int
	httpN, httpClients     int
	dir                    string
	keep, loadOnly         bool
	reads                  bool // phases 2-5
	cold                   bool // phase 2c, before them
	incremental, mixed     bool // the phases after them
	mixedRate              int  // stances a second the mixed phase's loader writes
	mixedSeries            time.Duration
	incFiles               []fileClass // the incremental phase's files
	rounds                 int
	memLimit               int64
	memcg                  int64
	memTable, blockCache   int64
	jsonOut                string
	cpuProfile, memProfile string
	// httpOnly measures phase 5 alone, on a kept store when there is one;
	// httpProfile profiles that phase alone.
	httpOnly    bool
	httpProfile string
	// reuse measures the phases after the load on the graph store a
	// -keep run left in dir, for repeated experiments at 10M.
	reuse            bool
	events, fileRows int
}

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &config{}
	fs.IntVar(&c.actors, "actors", 100_000, "actors in the generated graph")
	fs.IntVar(&c.stances, "stances", 1_000_000, "stances in the generated graph")
	fs.IntVar(&c.chunk, "chunk", 100_000, "stances per Load call (one JSON Lines file each)")
	fs.Uint64Var(&c.seed, "seed", 1, "generator seed; the same seed yields the same graph")
	fs.BoolVar(&c.quick, "quick", false, "small run (20k actors, 200k stances, 2 s series in -mixed) for a check in about a minute on a quiet machine")
	engines := fs.String("engines", "graph,badger,sqlite", "engines to measure: graph (the importer, as graphd load into an empty store), graph-load (Load per chunk, as into a store that holds data), badger, sqlite; graph alone for a memory run at 10M stances")
	fs.IntVar(&c.hop1N, "hop1", 10_000, "random actors for the 1-hop measurement")
	fs.IntVar(&c.pairsN, "pairs", 100, "random pairs for the 2-hop and paths measurements")
	fs.IntVar(&c.httpN, "requests", 10_000, "GraphQL requests over HTTP")
	fs.IntVar(&c.httpClients, "clients", 8, "concurrent HTTP clients")
	fs.StringVar(&c.dir, "dir", "", "directory for the stores (default: a fresh temporary directory, removed afterwards)")
	fs.BoolVar(&c.keep, "keep", false, "keep the stores after the run")
	fs.IntVar(&c.rounds, "rounds", 1, "load every engine this many times, alternating the order, and report each one's median")
	fs.BoolVar(&c.loadOnly, "load-only", false, "measure the bulk loads only (for profiling one engine's load)")
	fs.BoolVar(&c.reads, "reads", true, "measure the reads (1-hop to GraphQL); -reads=false with -incremental or -mixed measures those alone")
	fs.BoolVar(&c.cold, "cold", true, "with -reads: first drop the stores' files from the page cache, reopen the graph store read-only and time 1-hop reads with no warm-up, as after a restart")
	fs.BoolVar(&c.incremental, "incremental", true, "then load files of 2,000 and of 100,000 new stances into the store holding the data set, and into SQLite's database (needs the sqlite engine)")
	fs.BoolVar(&c.mixed, "mixed", true, "then time GraphQL requests idle and while a loader writes event-shaped stances into the store through Load")
	fs.IntVar(&c.mixedRate, "mixed-rate", 2000, "with -mixed: stances a second the loader writes")
	fs.DurationVar(&c.mixedSeries, "mixed-series", 5*time.Second, "with -mixed: length of each of the four series of requests (idle, loading, idle, loading)")
	incFiles := fs.String("incremental-files", "", "with -incremental: files to load as SIZExCOUNT,... (default 2000x10 and 100000x1 per 500,000 stances)")
	fs.StringVar(&c.jsonOut, "json", "", "also write the figures as JSON to this file")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the whole run to this file")
	fs.StringVar(&c.memProfile, "memprofile", "", "write a heap profile at the end of the run to this file, and one of the heap the reads leave with the store still open to FILE.reads")
	fs.BoolVar(&c.httpOnly, "http-only", false, "measure the GraphQL phase alone, on the graph store an earlier run left in -dir with -keep (loaded first when -dir holds none): for alternating runs of two builds on one store")
	fs.BoolVar(&c.reuse, "reuse", false, "with -dir: skip the loads and measure the graph store an earlier -keep run left in -dir (loaded first when -dir holds none); a 10M experiment then takes minutes, not the import's")
	fs.StringVar(&c.httpProfile, "httpprofile", "", "write a CPU profile of the GraphQL phase alone to this file; the clients' goroutines carry the label side=client, the server's connections side=server")
	fs.Int64Var(&c.memTable, "memtable", 0, "Badger memtable size in MiB for the store and the raw baseline (0: graph.DefaultOptions)")
	fs.Int64Var(&c.blockCache, "blockcache", 0, "Badger block cache size in MiB for the store and the raw baseline (0: graph.DefaultOptions)")
	fs.Int64Var(&c.memcg, "memcg", 0, "run inside a memory cgroup limited to this many MiB, as a container would (needs root; 0: none)")
	fs.Int64Var(&c.memLimit, "memlimit", 0, "soft memory limit of the Go runtime in MiB (as GOMEMLIMIT; 0: none), for memory runs")
	fs.IntVar(&c.events, "events", 0, "instead of the stance graph: import this many generated GDELT 2.0 events into an empty store, then 15-minute files into it (see README, \"Events\")")
	fs.IntVar(&c.fileRows, "events-file", 2000, "with -events: rows of each 15-minute file")
	err := fs.Parse(args)
	if err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if c.quick {
		c.quickDefaults(fs)
	}
	switch {
	case c.actors < 100:
		return nil, fmt.Errorf("-actors %d: need at least 100", c.actors)
	case c.stances < 1000:
		return nil, fmt.Errorf("-stances %d: need at least 1000", c.stances)
	case c.rounds < 1:
		return nil, fmt.Errorf("-rounds %d: must be positive", c.rounds)
	case c.chunk < 1:
		return nil, fmt.Errorf("-chunk %d: must be positive", c.chunk)
	case c.events < 0 || c.fileRows < 1:
		return nil, fmt.Errorf("-events %d, -events-file %d: want -events >= 0 and -events-file >= 1", c.events, c.fileRows)
	case c.mixedRate < mixedBatches || c.mixedSeries <= 0:
		return nil, fmt.Errorf("-mixed-rate %d, -mixed-series %v: want at least %d stances a second and a positive series", c.mixedRate, c.mixedSeries, mixedBatches)
	case c.httpClients < 1:
		return nil, fmt.Errorf("-clients %d: must be positive", c.httpClients)
	case c.httpProfile != "" && c.cpuProfile != "":
		return nil, errors.New("-httpprofile and -cpuprofile: give one (a process has one CPU profile at a time)")
	case c.httpOnly && c.loadOnly:
		return nil, errors.New("-http-only and -load-only: give one")
	case c.reuse && (c.dir == "" || c.loadOnly):
		return nil, errors.New("-reuse needs -dir (the kept store) and measures no load: not with -load-only")
	}
	if c.incFiles, err = parseFileClasses(*incFiles, c.stances); err != nil {
		return nil, err
	}
	c.engines = map[string]bool{}
	for _, e := range strings.Split(*engines, ",") {
		e = strings.TrimSpace(e)
		switch e {
		case "graph", "graph-load", "badger", "sqlite":
			c.engines[e] = true
		case "":
		default:
			return nil, fmt.Errorf("-engines: unknown engine %q (want graph, graph-load, badger, sqlite)", e)
		}
	}
	if !c.engines["graph"] && !c.loadOnly {
		return nil, errors.New("-engines must include graph (every figure is relative to it), unless -load-only")
	}
	if c.reuse && len(c.engines) > 1 {
		return nil, errors.New("-reuse keeps the graph store only: give -engines graph")
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if c.memLimit > 0 {
		debug.SetMemoryLimit(c.memLimit << 20)
	}
	var cg *memcg
	if c.memcg > 0 {
		if cg, err = enterMemcg(c.memcg << 20); err != nil {
			return err
		}
		defer cg.leave()
	}
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	dir := c.dir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "stancegraph-bench-"); err != nil {
			return err
		}
		if !c.keep {
			defer os.RemoveAll(dir)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, sub := range []string{"graph", "graph-load", "badger", "sqlite.db", "sqlite.db-wal", "sqlite.db-shm"} {
		if (c.httpOnly || c.reuse) && sub == "graph" {
			continue // the store to measure, when a -keep run left one
		}
		if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
			return err
		}
	}
	start := time.Now()
	logf := func(format string, a ...any) {
		fmt.Fprintf(stderr, "[%6.1fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, a...))
	}
	if c.events > 0 {
		return benchEvents(ctx, c, cg, dir, start, logf, stdout)
	}
	logf("generating %d actors, %d stances (seed %d), stores in %s", c.actors, c.stances, c.seed, dir)
	d := newDataset(c.actors, c.stances, c.chunk, c.seed)
	sampler := startRSSSampler()
	res := &results{Stances: c.stances, Actors: c.actors, Seed: c.seed, GoMaxProcs: runtime.GOMAXPROCS(0)}
	if err := measure(ctx, c, d, dir, res, logf); err != nil {
		return err
	}
	res.PeakRSS = peakRSS()
	res.RSSAnon, res.RSSFile = sampler.peaks()
	if cg != nil {
		res.Memcg = &memcgFigures{Limit: c.memcg << 20, Peak: cg.peak(), OOMKills: cg.ooms()}
	}
	res.Elapsed = time.Since(start).Seconds()
	if err := writeHeapProfile(c.memProfile); err != nil {
		return err
	}
	if c.httpOnly {
		return printHTTPOnly(stdout, c, res)
	}
	if c.loadOnly {
		for name, lf := range res.Load.Engines {
			fmt.Fprintf(stdout, "load %s: %.0f stances/s (%.1f s)\n", name, lf.PerS, lf.Seconds)
		}
		return nil
	}
	printTable(stdout, c, res)
	if c.jsonOut != "" {
		b, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.jsonOut, append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// benchEvents runs the event benchmark (-events) and prints its figures.
func benchEvents(ctx context.Context, c *config, cg *memcg, dir string, start time.Time, logf func(string, ...any), stdout io.Writer) error {
	sampler := startRSSSampler()
	fig, err := runEvents(ctx, c, dir, logf)
	if err != nil {
		return err
	}
	fig.PeakRSS = peakRSS()
	fig.RSSAnon, fig.RSSFile = sampler.peaks()
	if cg != nil {
		fig.Memcg = &memcgFigures{Limit: c.memcg << 20, Peak: cg.peak(), OOMKills: cg.ooms()}
	}
	printEvents(stdout, c, fig, time.Since(start).Seconds())
	if c.jsonOut == "" {
		return nil
	}
	b, err := json.MarshalIndent(map[string]any{"events": fig, "seed": c.seed, "gomaxprocs": runtime.GOMAXPROCS(0), "elapsed_s": time.Since(start).Seconds()}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(c.jsonOut, append(b, '\n'), 0o644)
}

// quickDefaults gives -quick's smaller sizes to the flags not set.
func (c *config) quickDefaults(fs *flag.FlagSet) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	defaults := []struct {
		flag string
		set  func()
	}{
		{"actors", func() { c.actors = 20_000 }},
		{"stances", func() { c.stances = 200_000 }},
		{"chunk", func() { c.chunk = 50_000 }},
		{"requests", func() { c.httpN = 5_000 }},
		{"mixed-series", func() { c.mixedSeries = 2 * time.Second }},
	}
	for _, d := range defaults {
		if !set[d.flag] {
			d.set()
		}
	}
}

// writeHeapProfile writes the live heap, after a collection, to path ("":
// none).
func writeHeapProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	err = pprof.WriteHeapProfile(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
