package main

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/stancegraph/stancegraph/graph"
)

// loadFigures is one engine's bulk load.
type loadFigures struct {
	Seconds float64   `json:"seconds"`
	CPU     float64   `json:"cpu_seconds"` // process CPU time (user+system) during the load
	PerS    float64   `json:"per_s"`
	Bytes   int64     `json:"store_bytes"`
	Rounds  []float64 `json:"rounds_per_s,omitempty"` // every round's figure, with -rounds
}

// medianLoad returns a copy of the median round by stances/s (the upper
// median of an even count).
func medianLoad(lfs []*loadFigures) *loadFigures {
	s := slices.Clone(lfs)
	slices.SortFunc(s, func(a, b *loadFigures) int { return cmp.Compare(a.PerS, b.PerS) })
	m := *s[len(s)/2]
	return &m
}

// latency summarizes a series of timed operations.
type latency struct {
	N     int     `json:"n"`
	P50us float64 `json:"p50_us"`
	P99us float64 `json:"p99_us"`
	OpsS  float64 `json:"ops_per_s"`
}

func summarize(ds []time.Duration) latency {
	if len(ds) == 0 {
		return latency{}
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	var total time.Duration
	for _, d := range s {
		total += d
	}
	q := func(p float64) float64 {
		i := int(p*float64(len(s)) + 0.5)
		if i >= len(s) {
			i = len(s) - 1
		}
		if i > 0 && p*float64(len(s)) <= float64(i) {
			i--
		}
		return float64(s[i].Nanoseconds()) / 1e3
	}
	return latency{N: len(s), P50us: q(0.50), P99us: q(0.99), OpsS: float64(len(s)) / total.Seconds()}
}

// results are every figure of a run; the JSON keys the issue asks for are
// the flat ones below plus load, hop1, paths and http.
type results struct {
	Stances    int     `json:"stances"`
	Actors     int     `json:"actors"`
	Seed       uint64  `json:"seed"`
	GoMaxProcs int     `json:"gomaxprocs"`
	Elapsed    float64 `json:"elapsed_s"`

	Load struct {
		GraphPerS  float64                 `json:"graph_per_s"`
		BadgerPerS float64                 `json:"badger_per_s,omitempty"`
		SQLitePerS float64                 `json:"sqlite_per_s,omitempty"`
		Engines    map[string]*loadFigures `json:"engines"`
		// GOGC is the collector's setting while the loads ran: graphd's.
		GOGC int `json:"gogc"`
	} `json:"load"`
	Hop1 struct {
		GraphP50  float64             `json:"graph_p50_us"`
		GraphP99  float64             `json:"graph_p99_us"`
		BadgerP50 float64             `json:"badger_p50_us,omitempty"`
		SQLiteP50 float64             `json:"sqlite_p50_us,omitempty"`
		Engines   map[string]*latency `json:"engines"`
	} `json:"hop1"`
	// Cold is the 1-hop reads after a restart with a cold page cache.
	Cold  coldFigures `json:"cold"`
	Hop2  latency     `json:"hop2"`
	Paths struct {
		P50 float64 `json:"p50_us"`
		P99 float64 `json:"p99_us"`
		latency
		Found int `json:"pairs_with_paths"`
	} `json:"paths"`
	Dyad     latency         `json:"dyad"`
	Matrix   latency         `json:"matrix"`
	Analysis analysisFigures `json:"analysis"`
	HTTP     struct {
		RPS    float64 `json:"rps"`
		P50    float64 `json:"p50_us"`
		P99    float64 `json:"p99_us"`
		N      int     `json:"requests"`
		Errors int     `json:"errors"`
		// The same requests to a server that writes no request log, in
		// the same run, and the share of throughput the log costs.
		UnloggedRPS   float64 `json:"unlogged_rps"`
		UnloggedP50   float64 `json:"unlogged_p50_us"`
		CPUus         float64 `json:"cpu_us_per_request"` // process CPU, the clients' included
		UnloggedCPUus float64 `json:"unlogged_cpu_us_per_request"`
		LoggingCost   float64 `json:"logging_cost"` // extra CPU per request the log costs, as a share, by the median series
		// The same with each line written as it comes, as graphd did
		// before it batched its log.
		LineLoggedCPUus float64 `json:"line_logged_cpu_us_per_request"`
		LineLoggingCost float64 `json:"line_logging_cost"`
		// GOGC is the collector's setting while the phase ran: graphd's.
		GOGC int `json:"gogc"`
	} `json:"http"`
	PeakRSS        int64         `json:"peak_rss_bytes"`
	Memcg          *memcgFigures `json:"memcg,omitempty"`     // with -memcg
	RSSAnon        int64         `json:"peak_rss_anon_bytes"` // heap and other private memory, sampled every 100 ms
	RSSFile        int64         `json:"peak_rss_file_bytes"` // mapped store files resident (page cache the kernel can drop), sampled
	StoreBytes     int64         `json:"store_bytes"`
	BytesPerStance float64       `json:"bytes_per_stance"`
	// SQLiteBytesPerStance is the target bytes per stance must not pass.
	SQLiteBytesPerStance float64 `json:"sqlite_bytes_per_stance"`
	// Families is where the graph store's bytes go, by key family.
	Families []familyFigures `json:"bytes_by_family"`
	// LoadIncremental and Mixed are the phases after the others (see
	// incremental.go and mixed.go).
	LoadIncremental incrementalFigures `json:"load_incremental"`
	Mixed           mixedFigures       `json:"mixed"`
}

// measure runs every phase: the loads (each engine alone, its store closed
// afterwards so that its compactions do not bill the next), then the
// queries on the reopened stores.
func measure(ctx context.Context, c *config, d *dataset, dir string, res *results, logf func(string, ...any)) error {
	m := &measurement{ctx: ctx, c: c, d: d, res: res, logf: logf, dir: dir,
		gdir: filepath.Join(dir, "graph"), bdir: filepath.Join(dir, "badger"), spath: filepath.Join(dir, "sqlite.db")}
	res.Load.Engines = map[string]*loadFigures{}
	res.Hop1.Engines = map[string]*latency{}
	if c.httpOnly {
		return m.httpOnly()
	}
	if err := m.loadsUnlessKept(); err != nil || c.loadOnly {
		return err
	}
	// graphd serve is a process of its own, started after graphd load
	// exits: hand the loads' heap back to the OS first, or under a
	// memory limit it crowds out the page cache the reads need.
	debug.FreeOSMemory()
	if c.reads {
		if err := m.reads(); err != nil {
			return err
		}
	}
	// After the warm reads: dropping the files from the page cache first
	// would leave part of SQLite's database cold for its warm 1-hop.
	if c.reads && c.cold {
		if err := m.cold(); err != nil {
			return err
		}
	}
	m.sizes()
	if c.incremental && c.engines["sqlite"] {
		if err := m.incremental(); err != nil {
			return err
		}
	}
	if c.mixed {
		return m.mixed()
	}
	return nil
}

// readPhases name the steps of reads, in order, for its memory lines.
var readPhases = []string{"2 (1-hop)", "3 (2-hop, paths)", "4 (dyad, matrix)", "4b (analysis)", "5 (GraphQL)"}

// reads runs phases 2 to 5 on the reopened graph store, and closes it.
func (m *measurement) reads() error {
	ctx, c, d, res, logf := m.ctx, m.c, m.d, m.res, m.logf
	st, err := m.openGraph()
	if err != nil {
		return err
	}
	defer st.Close()
	g := &graphOps{st: st, d: d}
	steps := []func() error{
		func() error { return m.hop1(g) },                                    // 2.
		func() error { return m.hop2AndPaths(g) },                            // 3.
		func() error { return m.dyadsAndMatrix(st) },                         // 4.
		func() error { return measureAnalysis(ctx, c, d, st, res, logf) },    // 4b.
		func() error { return measureHTTP(ctx, c, d, st, m.dir, res, logf) }, // 5.
	}
	probe := newMemProbe()
	logf("memory after opening: %s", probe.line())
	for i, step := range steps {
		if err := step(); err != nil {
			return err
		}
		logf("memory after phase %s: %s", readPhases[i], probe.line())
	}
	if c.memProfile != "" {
		if err := writeHeapProfile(c.memProfile + ".reads"); err != nil {
			return err
		}
	}
	// Closed before the sizes are taken, so its files are final.
	return st.Close()
}

// loadsUnlessKept runs phase 1, unless -reuse finds the graph store of
// an earlier -keep run in m.dir. Only the graph store is kept: with
// -reuse the run measures no other engine.
func (m *measurement) loadsUnlessKept() error {
	if m.c.reuse || m.c.httpOnly {
		if _, err := os.Stat(filepath.Join(m.gdir, "MANIFEST")); err == nil {
			// Pages an earlier run read stay cached, charged to its
			// cgroup or, once that is gone, to none: they would serve
			// this run's reads beyond its -memcg.
			n, err := evict(m.gdir)
			m.logf("reusing the graph store in %s: no load; %d MB dropped from the page cache", m.gdir, n>>20)
			return err
		}
		m.logf("no graph store in %s: loading one", m.gdir)
	}
	return m.loads(filepath.Join(m.dir, "graph-load"))
}

// httpOnly runs phase 5 alone on the graph store in m.dir, loading it
// first when the directory holds none. openGraph checks that a kept store
// holds this run's data set.
func (m *measurement) httpOnly() error {
	if err := m.loadsUnlessKept(); err != nil {
		return err
	}
	debug.FreeOSMemory()
	st, err := m.openGraph()
	if err != nil {
		return err
	}
	defer st.Close()
	if err := measureHTTP(m.ctx, m.c, m.d, st, m.dir, m.res, m.logf); err != nil {
		return err
	}
	return st.Close()
}

// measurement is one run of measure: its inputs, where each engine's
// store lives, and the results its phases fill in.
type measurement struct {
	ctx  context.Context
	c    *config
	d    *dataset
	res  *results
	logf func(string, ...any)
	// gdir, bdir and spath are the graph store, the raw Badger baseline
	// and the SQLite database, in dir.
	dir, gdir, bdir, spath string
}

// engineLoad is one engine's bulk load into a fresh store.
type engineLoad struct {
	name string
	run  func() (*loadFigures, error)
}

// loadOrder lists the loads of the engines the run measures, in order.
// graph-load loads chunk by chunk, as into a store that is not empty; the
// queries run on the imported store, so its store (ldir) is removed.
func (m *measurement) loadOrder(ldir string) []engineLoad {
	ctx, c, d, logf := m.ctx, m.c, m.d, m.logf
	all := []engineLoad{
		{"graph", func() (*loadFigures, error) {
			if err := os.RemoveAll(m.gdir); err != nil {
				return nil, err
			}
			return loadGraph(ctx, d, m.gdir, c.storeOptions(), false, logf)
		}},
		{"graph-load", func() (*loadFigures, error) {
			lf, err := loadGraph(ctx, d, ldir, c.storeOptions(), true, logf)
			if err != nil {
				return nil, err
			}
			lf.Bytes = diskUsage(ldir)
			return lf, os.RemoveAll(ldir)
		}},
		{"badger", func() (*loadFigures, error) {
			if err := os.RemoveAll(m.bdir); err != nil {
				return nil, err
			}
			return timeLoad(d, "badger", logf, func() (loader, error) { return openRaw(m.bdir, d, c.storeOptions()) })
		}},
		{"sqlite", func() (*loadFigures, error) {
			for _, p := range []string{m.spath, m.spath + "-wal", m.spath + "-shm"} {
				if err := os.RemoveAll(p); err != nil {
					return nil, err
				}
			}
			return timeLoad(d, "sqlite", logf, func() (loader, error) { return openSQLite(m.spath, d, c.storeOptions().BlockCacheSize) })
		}},
	}
	var order []engineLoad
	for _, e := range all {
		if c.engines[e.name] {
			order = append(order, e)
		}
	}
	return order
}

// loads runs phase 1, the bulk loads, each engine into a fresh store.
// With -rounds N every engine loads N times, the order reversed every
// other round so that none always goes first, and the figures are each
// engine's median round: on a shared machine one load of each moves by
// 10-20%.
//
// The loads run on graphd's Go runtime settings (GOGC 400 and its soft
// memory limit), which cmd/graphd sets for every command, graphd load
// included (asGraphdServe applies them, as for the HTTP phase): at the
// default GOGC of 100 a 200k-stance import took 4.1-4.5 s of CPU against
// 3.6-4.0 s at 400 (generation included; alternating runs). SQLite loads
// under the same settings; its work is in C, outside the Go heap.
func (m *measurement) loads(ldir string) error {
	defer asGraphdServe(m.c, &m.res.Load.GOGC)()
	order := m.loadOrder(ldir)
	rounds := map[string][]*loadFigures{}
	for r := 0; r < m.c.rounds; r++ {
		for i := range order {
			e := order[i]
			if r%2 == 1 {
				e = order[len(order)-1-i]
			}
			lf, err := e.run()
			if err != nil {
				return err
			}
			rounds[e.name] = append(rounds[e.name], lf)
		}
	}
	load := &m.res.Load
	for name, lfs := range rounds {
		lf := medianLoad(lfs)
		if len(lfs) > 1 {
			for _, x := range lfs {
				lf.Rounds = append(lf.Rounds, x.PerS)
			}
			m.logf("load %-6s median of %d rounds: %.0f stances/s (rounds %.0f)", name, len(lfs), lf.PerS, lf.Rounds)
		}
		load.Engines[name] = lf
	}
	for name, dst := range map[string]*float64{"graph": &load.GraphPerS, "badger": &load.BadgerPerS, "sqlite": &load.SQLitePerS} {
		if lf, ok := load.Engines[name]; ok {
			*dst = lf.PerS
		}
	}
	return nil
}

// openGraph reopens the loaded graph store for the queries and checks
// that it holds the whole data set.
func (m *measurement) openGraph() (*graph.Store, error) {
	so := m.c.storeOptions()
	st, err := graph.Open(m.gdir, &so)
	if err != nil {
		return nil, err
	}
	settle("graph", m.logf)
	stats, err := st.Stats(m.ctx)
	if err == nil && (stats.Stances != m.d.nStances || stats.Actors != m.d.nActors) {
		err = fmt.Errorf("graph holds %d stances and %d actors after the load, want %d and %d", stats.Stances, stats.Actors, m.d.nStances, m.d.nActors)
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// hop1 runs phase 2, 1-hop reads on every engine, each warmed up first.
func (m *measurement) hop1(g *graphOps) error {
	sample := m.d.sample(m.c.hop1N, 101)
	warm := m.d.sample(min(1000, m.c.hop1N), 102)
	hop := func(name string, fn func(int32) (int, error)) error {
		l, total, err := timeHop1(warm, sample, fn)
		if err != nil {
			return fmt.Errorf("%s 1-hop: %w", name, err)
		}
		m.res.Hop1.Engines[name] = &l
		m.logf("1-hop %-6s p50 %7.1f us  p99 %7.1f us  %8.0f ops/s  (%d stances read)", name, l.P50us, l.P99us, l.OpsS, total)
		return nil
	}
	h := &m.res.Hop1
	if err := hop("graph", func(a int32) (int, error) { return g.hop1(m.ctx, a) }); err != nil {
		return err
	}
	h.GraphP50, h.GraphP99 = h.Engines["graph"].P50us, h.Engines["graph"].P99us
	if m.c.engines["badger"] {
		rb, err := openRaw(m.bdir, m.d, m.c.storeOptions())
		if err != nil {
			return err
		}
		settle("badger", m.logf)
		err = hop("badger", rb.hop1)
		rb.close()
		if err != nil {
			return err
		}
		h.BadgerP50 = h.Engines["badger"].P50us
	}
	if m.c.engines["sqlite"] {
		sq, err := openSQLite(m.spath, m.d, m.c.storeOptions().BlockCacheSize)
		if err != nil {
			return err
		}
		err = hop("sqlite", sq.hop1)
		sq.close()
		if err != nil {
			return err
		}
		h.SQLiteP50 = h.Engines["sqlite"].P50us
	}
	return nil
}

// timeHop1 runs fn on the warm-up actors, then times it on the sample and
// returns the latencies and the stances read.
func timeHop1(warm, sample []int32, fn func(int32) (int, error)) (latency, int, error) {
	for _, a := range warm {
		if _, err := fn(a); err != nil {
			return latency{}, 0, err
		}
	}
	ds := make([]time.Duration, len(sample))
	total := 0
	for i, a := range sample {
		t := time.Now()
		n, err := fn(a)
		ds[i] = time.Since(t)
		if err != nil {
			return latency{}, 0, err
		}
		total += n
	}
	return summarize(ds), total, nil
}

// hop2AndPaths runs phase 3: 2-hop neighbourhoods and paths of up to
// three hops between sampled pairs.
func (m *measurement) hop2AndPaths(g *graphOps) error {
	ctx, d, res := m.ctx, m.d, m.res
	pairs := d.sample(2*m.c.pairsN, 103)
	var hop2, paths []time.Duration
	found := 0
	for i := 0; i < m.c.pairsN; i++ {
		a, b := pairs[2*i], pairs[2*i+1]
		t := time.Now()
		if _, err := g.hop2(ctx, a); err != nil {
			return fmt.Errorf("2-hop: %w", err)
		}
		hop2 = append(hop2, time.Since(t))
		t = time.Now()
		ps, err := g.st.Paths(ctx, graph.PathQuery{From: d.actors[a].ID, To: d.actors[b].ID, MaxHops: 3})
		paths = append(paths, time.Since(t))
		if err != nil {
			return fmt.Errorf("paths: %w", err)
		}
		if len(ps) > 0 {
			found++
		}
	}
	res.Hop2 = summarize(hop2)
	pl := summarize(paths)
	res.Paths.latency, res.Paths.P50, res.Paths.P99, res.Paths.Found = pl, pl.P50us, pl.P99us, found
	m.logf("2-hop p50 %.0f us p99 %.0f us; paths p50 %.0f us p99 %.0f us (%d of %d pairs joined)", res.Hop2.P50us, res.Hop2.P99us, pl.P50us, pl.P99us, found, m.c.pairsN)
	return nil
}

// dyadsAndMatrix runs phase 4: the dyad of every pair of the 20 busiest
// actors, and their matrix ten times.
func (m *measurement) dyadsAndMatrix(st *graph.Store) error {
	ctx, d := m.ctx, m.d
	top := d.topByWeight(20)
	var dyads, matrix []time.Duration
	for i := range top {
		for j := i + 1; j < len(top); j++ {
			t := time.Now()
			if _, err := st.Dyad(ctx, d.actors[top[i]].ID, d.actors[top[j]].ID); err != nil {
				return fmt.Errorf("dyad: %w", err)
			}
			dyads = append(dyads, time.Since(t))
		}
	}
	ids := make([]string, len(top))
	for i, a := range top {
		ids[i] = d.actors[a].ID
	}
	for i := 0; i < 10; i++ {
		t := time.Now()
		if _, err := st.Matrix(ctx, graph.MatrixQuery{Actors: ids}); err != nil {
			return fmt.Errorf("matrix: %w", err)
		}
		matrix = append(matrix, time.Since(t))
	}
	m.res.Dyad, m.res.Matrix = summarize(dyads), summarize(matrix)
	m.logf("dyad p50 %.0f us; matrix(20) p50 %.0f us", m.res.Dyad.P50us, m.res.Matrix.P50us)
	return nil
}

// sizes records each engine's store on disk, once the stores are closed.
func (m *measurement) sizes() {
	res := m.res
	for name, p := range map[string]string{"graph": m.gdir, "badger": m.bdir, "sqlite": m.spath} {
		if lf, ok := res.Load.Engines[name]; ok {
			lf.Bytes = diskUsage(p)
			if name == "sqlite" {
				lf.Bytes += diskUsage(m.spath+"-wal") + diskUsage(m.spath+"-shm")
			}
		}
	}
	res.StoreBytes = diskUsage(m.gdir) // also with -reuse, which loads nothing
	res.BytesPerStance = float64(res.StoreBytes) / float64(m.d.nStances)
	if lf, ok := res.Load.Engines["sqlite"]; ok {
		res.SQLiteBytesPerStance = float64(lf.Bytes) / float64(m.d.nStances)
	}
	fams, err := familyBytes(m.gdir, m.c.storeOptions())
	if err != nil {
		m.logf("%v", err)
	}
	res.Families = fams
}

// storeOptions are the graph options of the run, shared by the raw
// baseline (and the SQLite page cache takes the block cache size).
func (c *config) storeOptions() graph.Options {
	o := graph.DefaultOptions()
	if c.memTable > 0 {
		o.MemTableSize = c.memTable << 20
	}
	if c.blockCache > 0 {
		o.BlockCacheSize = c.blockCache << 20
	}
	return o
}

// loader is an engine being bulk loaded.
type loader interface {
	load(ch *chunk) error
	finish() error
	close() error
}

// timeLoad loads every chunk into a fresh engine, timing the loads, the
// final commit and the close (the data is on disk when the clock stops);
// generating the chunks is not timed.
func timeLoad(d *dataset, name string, logf func(string, ...any), open func() (loader, error)) (*loadFigures, error) {
	var took time.Duration
	cpu0 := cpuTime()
	t := time.Now()
	l, err := open()
	if err != nil {
		return nil, err
	}
	took += time.Since(t)
	every := max(d.chunks()/10, 1)
	for c := 0; c < d.chunks(); c++ {
		ch := d.chunk(c)
		t := time.Now()
		if err := l.load(ch); err != nil {
			l.close()
			return nil, fmt.Errorf("%s load chunk %d: %w", name, c, err)
		}
		took += time.Since(t)
		if d.chunks() >= 20 && (c+1)%every == 0 {
			n := min((c+1)*d.chunkSize, d.nStances)
			logf("load %-6s %d stances, %.0f stances/s so far", name, n, float64(n)/took.Seconds())
		}
	}
	t = time.Now()
	if err := l.finish(); err != nil {
		l.close()
		return nil, err
	}
	if err := l.close(); err != nil {
		return nil, err
	}
	took += time.Since(t)
	lf := &loadFigures{Seconds: took.Seconds(), PerS: float64(d.nStances) / took.Seconds(), CPU: (cpuTime() - cpu0).Seconds()}
	logf("load %-6s %8.0f stances/s (%.1f s, %.1f s CPU including generation)", name, lf.PerS, lf.Seconds, lf.CPU)
	return lf, nil
}

// graphLoader loads through graph.Store.Load, the path every load into a
// store that already holds records takes (graphd load, POST /load).
type graphLoader struct {
	ctx context.Context
	st  *graph.Store
	d   *dataset
	n   int
}

func (g *graphLoader) load(ch *chunk) error {
	b := g.d.batch(ch)
	res, err := g.st.Load(g.ctx, b)
	g.n += res.Stances
	return err
}

func (g *graphLoader) finish() error {
	if g.n != g.d.nStances {
		return fmt.Errorf("graph load created %d stances, want %d", g.n, g.d.nStances)
	}
	return nil
}

func (g *graphLoader) close() error { return g.st.Close() }

// graphImporter loads through graph.Importer, the path graphd load takes
// into an empty store: chunks go to the import and Commit writes them.
type graphImporter struct {
	ctx context.Context
	st  *graph.Store
	im  *graph.Importer
	d   *dataset
}

func (g *graphImporter) load(ch *chunk) error {
	_, err := g.im.Load(g.ctx, g.d.batch(ch))
	return err
}

func (g *graphImporter) finish() error {
	if err := g.im.Commit(g.ctx); err != nil {
		return err
	}
	if n := g.im.Result().Stances; n != g.d.nStances {
		return fmt.Errorf("graph import created %d stances, want %d", n, g.d.nStances)
	}
	return nil
}

func (g *graphImporter) close() error {
	g.im.Abort() // a no-op after Commit; releases the store after a failure
	return g.st.Close()
}

// loadGraph loads the dataset into a fresh store through the importer, or
// through Load chunk by chunk when viaLoad is set.
func loadGraph(ctx context.Context, d *dataset, dir string, o graph.Options, viaLoad bool, logf func(string, ...any)) (*loadFigures, error) {
	name := "graph"
	if viaLoad {
		name = "graph-load"
	}
	return timeLoad(d, name, logf, func() (loader, error) {
		st, err := graph.Open(dir, &o)
		if err != nil {
			return nil, err
		}
		if viaLoad {
			return &graphLoader{ctx: ctx, st: st, d: d}, nil
		}
		im, err := st.Import(ctx)
		if err != nil {
			st.Close()
			return nil, err
		}
		return &graphImporter{ctx: ctx, st: st, im: im, d: d}, nil
	})
}

// graphOps are the read paths a list view and a neighbourhood view take.
type graphOps struct {
	st *graph.Store
	d  *dataset
}

// hop1 lists the first 50 outgoing stances and names their objects.
func (g *graphOps) hop1(ctx context.Context, a int32) (int, error) {
	pg, err := g.st.ActorStances(ctx, g.d.actors[a].ID, graph.AdjacencyQuery{Direction: graph.Out, First: 50})
	if err != nil {
		return 0, err
	}
	ids := make([]string, len(pg.Stances))
	for i, s := range pg.Stances {
		ids[i] = s.Object
	}
	as, err := g.st.ActorsByID(ctx, ids)
	if err != nil {
		return 0, err
	}
	return len(as), nil
}

// hop2 expands a neighbourhood as the explorer does: the first 50 stances
// of the actor either way, then the first 50 of each counterpart.
func (g *graphOps) hop2(ctx context.Context, a int32) (int, error) {
	id := g.d.actors[a].ID
	pg, err := g.st.ActorStances(ctx, id, graph.AdjacencyQuery{Direction: graph.Both, First: 50})
	if err != nil {
		return 0, err
	}
	seen := map[string]bool{id: true}
	n := len(pg.Stances)
	for _, s := range pg.Stances {
		other := s.Object
		if other == id {
			other = s.Subject
		}
		if seen[other] {
			continue
		}
		seen[other] = true
		p2, err := g.st.ActorStances(ctx, other, graph.AdjacencyQuery{Direction: graph.Both, First: 50})
		if err != nil {
			return 0, err
		}
		n += len(p2.Stances)
	}
	return n, nil
}

// diskUsage is the space path takes on disk (allocated blocks, so sparse
// preallocated files count for what they hold).
func diskUsage(path string) int64 {
	var total int64
	filepath.WalkDir(path, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		fi, err := e.Info()
		if err != nil {
			return nil
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			total += st.Blocks * 512
		} else {
			total += fi.Size()
		}
		return nil
	})
	return total
}

// settleLimit is how long settle waits at most. The tests, whose stores
// of a few thousand stances have nothing to compact, shorten it: on some
// machines the process never reads as idle, and every settle then ran its
// whole two minutes. An idle store is not free: each open Badger DB wakes
// its four compactors every 50 ms (an idle, seeded graphd serve used 1.6%
// of a core, perf showing the scheduler and runCompactor), and the bench
// holds several DBs open, near settle's 5% threshold on a slow machine.
var settleLimit = 2 * time.Minute

// settle waits, up to settleLimit, until the process has been nearly idle
// for a second: a store reopened after a bulk load compacts its levels in
// the background, and queries timed meanwhile would measure that instead.
// A service loads, then serves; this times the serving.
func settle(what string, logf func(string, ...any)) {
	const tick = 500 * time.Millisecond
	t0 := time.Now()
	quiet := 0
	prev := cpuTime()
	for time.Since(t0) < settleLimit && quiet < 2 {
		time.Sleep(tick)
		cur := cpuTime()
		if cur-prev < tick/20 {
			quiet++
		} else {
			quiet = 0
		}
		prev = cur
	}
	logf("%s: background compaction settled after %.1f s", what, time.Since(t0).Seconds())
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rssSampler tracks the peaks of the anonymous and file-backed parts of
// the resident set, which VmHWM lumps together: Badger maps its tables and
// write-ahead logs, and their resident pages count as RSS though the
// kernel can drop them at will.
type rssSampler struct {
	stop       chan struct{}
	done       chan struct{}
	anon, file int64
}

func startRSSSampler() *rssSampler {
	r := &rssSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			r.anon = max(r.anon, procStatus("RssAnon"))
			r.file = max(r.file, procStatus("RssFile"))
			select {
			case <-r.stop:
				return
			case <-t.C:
			}
		}
	}()
	return r
}

// peaks stops the sampler and returns the peaks it saw.
func (r *rssSampler) peaks() (anon, file int64) {
	close(r.stop)
	<-r.done
	return r.anon, r.file
}

// peakRSS reads the process's high-water resident set from /proc.
func peakRSS() int64 { return procStatus("VmHWM") }

// procStatus reads a size field of /proc/self/status in bytes.
func procStatus(field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(rest)
			if len(f) >= 1 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// memcgFigures describe a run inside a memory cgroup (-memcg).
type memcgFigures struct {
	Limit    int64 `json:"limit_bytes"`
	Peak     int64 `json:"peak_bytes"` // anonymous memory and page cache charged to the cgroup
	OOMKills int64 `json:"oom_kills"`
}
