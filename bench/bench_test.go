package main

import (
	"bytes"
	"context"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/dgraph-io/badger/v4"
	"golang.org/x/sys/unix"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/graph"
)

// The tests' stores are small: a settle of more than a few seconds is a
// machine that never looks idle, not a compaction (see settleLimit).
func init() { settleLimit = 3 * time.Second }

// optionCalls returns the Badger option calls (WithX(arg)) made in the
// body of function fn of file path, as "WithX(arg)" strings in order.
func optionCalls(t *testing.T, path, fn string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != fn {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !strings.HasPrefix(sel.Sel.Name, "With") && sel.Sel.Name != "DefaultOptions" {
				return true
			}
			var args bytes.Buffer
			for i, a := range call.Args {
				if i > 0 {
					args.WriteString(", ")
				}
				printer.Fprint(&args, fset, a)
			}
			out = append(out, sel.Sel.Name+"("+args.String()+")")
			return true
		})
	}
	if len(out) == 0 {
		t.Fatalf("%s: no option calls found in %s", path, fn)
	}
	return out
}

// TestRawOptionsMatchStore keeps the raw Badger baseline on the store's
// settings: rawOptions must make the same option calls with the same
// arguments as graph's badgerOptions, save the logger (the store adapts
// slog, the baseline discards) and the package qualifier of graph's
// exported rules, which the baseline calls from outside.
func TestRawOptionsMatchStore(t *testing.T) {
	norm := func(calls []string) []string {
		var out []string
		for _, c := range calls {
			if strings.HasPrefix(c, "WithLogger(") {
				c = "WithLogger(...)"
			}
			out = append(out, strings.ReplaceAll(c, "graph.", ""))
		}
		return out
	}
	store := norm(optionCalls(t, filepath.Join("..", "graph", "options.go"), "badgerOptions"))
	raw := norm(optionCalls(t, "rawbadger.go", "rawOptions"))
	if !reflect.DeepEqual(store, raw) {
		t.Errorf("raw Badger options differ from the store's:\nstore: %v\nraw:   %v", store, raw)
	}
}

func TestGeneratorIsDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name           string
		seedA, seedB   uint64
		wantSameChunks bool
	}{
		{"same seed", 7, 7, true},
		{"other seed", 7, 8, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := newDataset(500, 3000, 1000, tc.seedA), newDataset(500, 3000, 1000, tc.seedB)
			for c := 0; c < a.chunks(); c++ {
				ca, cb := a.chunk(c), b.chunk(c)
				same := reflect.DeepEqual(ca, cb) && reflect.DeepEqual(a.actors, b.actors)
				if same != tc.wantSameChunks {
					t.Fatalf("chunk %d: same = %v, want %v", c, same, tc.wantSameChunks)
				}
			}
		})
	}
}

// TestGeneratorShape checks what the benchmark claims of its data: a
// power law (the busiest actor holds several percent of the edges, the
// median actor a handful), documents shared by several stances, quotes of
// about 120 bytes that occur in their documents, no self-loops, and every
// stance unique.
func TestGeneratorShape(t *testing.T) {
	d := newDataset(10_000, 100_000, 25_000, 1)
	deg := make([]int, d.nActors)
	docs, quoteBytes := 0, 0
	seen := map[string]bool{}
	for c := 0; c < d.chunks(); c++ {
		ch := d.chunk(c)
		docs += len(ch.docs)
		for _, rw := range ch.stances {
			deg[rw.subj]++
			deg[rw.obj]++
			quoteBytes += len(rw.quote)
			if rw.subj == rw.obj {
				t.Fatalf("self-loop on actor %d", rw.subj)
			}
			text := ch.docs[rw.doc].Text
			if text[rw.start:rw.start+len(rw.quote)] != rw.quote {
				t.Fatalf("quote %q is not at offset %d of its document", rw.quote, rw.start)
			}
			if seen[rw.quote] {
				t.Fatalf("quote %q repeats", rw.quote)
			}
			seen[rw.quote] = true
			if rw.date < dateBase || rw.date >= dateBase+dateSpan {
				t.Fatalf("date %v outside the ten years", rw.date)
			}
		}
	}
	top := deg[d.byRank[0]]
	if share := float64(top) / float64(2*d.nStances); share < 0.03 || share > 0.2 {
		t.Errorf("busiest actor holds %.1f%% of edge ends, want a power law's few percent", 100*share)
	}
	if per := float64(d.nStances) / float64(docs); per < 3 || per > 5 {
		t.Errorf("%.1f stances per document, want about 4", per)
	}
	if avg := quoteBytes / d.nStances; avg < 100 || avg > 160 {
		t.Errorf("quotes average %d bytes, want about 120", avg)
	}
	low := 0
	for _, n := range deg {
		if n < 10 {
			low++
		}
	}
	if low < d.nActors/3 {
		t.Errorf("only %d of %d actors have fewer than 10 edges: not a long tail", low, d.nActors)
	}
}

func TestSummarize(t *testing.T) {
	var ds []int
	for i := 1; i <= 100; i++ {
		ds = append(ds, i)
	}
	got := summarize(durations(ds))
	if got.P50us != 50 || got.P99us != 99 || got.N != 100 {
		t.Errorf("summarize(1..100 us) = %+v, want p50 50, p99 99", got)
	}
}

func durations(us []int) []time.Duration {
	out := make([]time.Duration, len(us))
	for i, u := range us {
		out[i] = time.Duration(u) * time.Microsecond
	}
	return out
}

// TestGDELTGeneratorShape: the event benchmark's rows are GDELT 2.0 rows
// the real reader takes, in the mix the README states (a third with one
// actor, about a third of all rows stances under the default vocabulary).
func TestGDELTGeneratorShape(t *testing.T) {
	var buf bytes.Buffer
	if err := newGDELTGen(1).writeRows(&buf, 5000, 1, time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.SplitN(buf.String(), "\n", 2)[0], "\t") + 1; n != 61 {
		t.Fatalf("a row has %d fields, want 61", n)
	}
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, sum, err := events.Convert(context.Background(), events.NewGDELT(&buf), st, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	one, stances := float64(sum.Skipped[events.SkipOneActor])/5000, float64(sum.Stances)/5000
	if sum.Rows != 5000 || one < 0.30 || one > 0.36 || stances < 0.33 || stances > 0.40 {
		t.Errorf("%d rows, %.2f one actor, %.2f stances; want 5000, about 0.33 and 0.37", sum.Rows, one, stances)
	}
}

// TestAnalysisTargets: the analysis goals are judged from the figures at
// the benchmark's scale, and not below it.
func TestAnalysisTargets(t *testing.T) {
	fast := analysisFigures{Timeline: latency{P50us: 900}, Alignment: latency{P50us: 40_000}, AlignBusiest: 150_000, CoalitionsMs: 6_000}
	slow := fast
	slow.AlignBusiest = 7_700_000
	tests := []struct {
		name    string
		a       analysisFigures
		stances int
		want    []string
	}{
		{"fast at 1M", fast, 1_000_000, []string{"PASS", "PASS", "PASS", "PASS"}},
		{"slow busiest at 1M", slow, 1_000_000, []string{"PASS", "PASS", "MISS", "PASS"}},
		{"below the scale", slow, 200_000, []string{"n/a", "n/a", "n/a", "n/a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tg := range analysisTargets(tt.a, tt.stances) {
				got = append(got, tg.verdict())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("verdicts %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMedianOf(t *testing.T) {
	runs := []time.Duration{90, 7, 12}
	i := 0
	got, err := medianOf(3, func() (time.Duration, error) { i++; return runs[i-1], nil })
	if err != nil || got != 12 || i != 3 {
		t.Errorf("medianOf(90, 7, 12) = %v after %d runs, %v; want 12 after 3", got, i, err)
	}
}

// TestEventsRunAsGraphd keeps the events bench on graphd's Go runtime
// settings: the constants cmd/graphd/main.go starts with.
func TestEventsRunAsGraphd(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join("..", "cmd", "graphd", "main.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Values) == 1 {
			var b strings.Builder
			printer.Fprint(&b, fset, vs.Values[0])
			consts[vs.Names[0].Name] = b.String()
		}
		return true
	})
	for name, want := range map[string]string{
		"defaultMemoryLimit": "1536 << 20",
		"defaultGCPercent":   "400",
	} {
		if consts[name] != want {
			t.Errorf("cmd/graphd %s = %q; the events bench assumes %q (graphdMemoryLimit, graphdGCPercent)", name, consts[name], want)
		}
	}
	if graphdMemoryLimit != 1536<<20 || graphdGCPercent != 400 {
		t.Errorf("bench's graphd settings drifted from the values this test checks")
	}
}

// TestLaterPhases runs the incremental and mixed phases on a small graph
// and checks that they report every figure their JSON keys promise.
func TestLaterPhases(t *testing.T) {
	if testing.Short() {
		t.Skip("loads two engines and serves HTTP for a few seconds")
	}
	out := filepath.Join(t.TempDir(), "out.json")
	args := []string{"-actors", "200", "-stances", "3000", "-chunk", "1000", "-reads=false", "-engines", "graph,sqlite",
		"-incremental-files", "200x3,1000x1", "-mixed-series", "1s", "-mixed-rate", "400", "-clients", "2", "-dir", t.TempDir(), "-json", out}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Inc struct {
			Graph  float64 `json:"graph_per_s"`
			SQLite float64 `json:"sqlite_per_s"`
			Files  []struct {
				Stances int `json:"stances_per_file"`
				Files   int `json:"files"`
			} `json:"files"`
			GOGC int `json:"gogc"`
		} `json:"load_incremental"`
		Mixed struct {
			Idle   float64 `json:"idle_p99_us"`
			Loaded float64 `json:"loaded_p99_us"`
			Write  float64 `json:"write_per_s"`
			Errors int     `json:"errors"`
		} `json:"mixed"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		what string
		ok   bool
	}{
		{"load_incremental.graph_per_s > 0", got.Inc.Graph > 0},
		{"load_incremental.sqlite_per_s > 0", got.Inc.SQLite > 0},
		{"load_incremental.gogc is graphd's, as graphd serve takes a POST /load", got.Inc.GOGC == graphdGCPercent},
		{"two sizes of file, 3 of 200 and 1 of 1000", len(got.Inc.Files) == 2 && got.Inc.Files[0].Stances == 200 && got.Inc.Files[0].Files == 3 && got.Inc.Files[1].Stances == 1000},
		{"mixed.idle_p99_us > 0", got.Mixed.Idle > 0},
		{"mixed.loaded_p99_us > 0", got.Mixed.Loaded > 0},
		{"mixed.write_per_s > 0", got.Mixed.Write > 0},
		{"mixed.errors == 0", got.Mixed.Errors == 0},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: no\n%s", c.what, b)
		}
	}
}

// TestParseFileClasses checks -incremental-files.
func TestParseFileClasses(t *testing.T) {
	cases := []struct {
		in      string
		stances int
		want    []fileClass
		err     bool
	}{
		{"", 1_000_000, []fileClass{{2000, 10}, {100_000, 2}}, false},
		{"", 200_000, []fileClass{{2000, 10}, {100_000, 1}}, false},
		{"500x4, 9000x1", 0, []fileClass{{500, 4}, {9000, 1}}, false},
		{"500", 0, nil, true},
		{"0x3", 0, nil, true},
		{"5x-1", 0, nil, true},
	}
	for _, c := range cases {
		got, err := parseFileClasses(c.in, c.stances)
		if (err != nil) != c.err || !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseFileClasses(%q, %d) = %v, %v; want %v (error %v)", c.in, c.stances, got, err, c.want, c.err)
		}
	}
}

// TestFamilyBytes: the breakdown sums each family's entries, keys and
// values, names prefixes it does not know by their byte, and puts the
// largest family first.
func TestFamilyBytes(t *testing.T) {
	dir := t.TempDir()
	o := graph.DefaultOptions()
	o.MemTableSize, o.BlockCacheSize = 8<<20, 1<<20
	db, err := badger.Open(rawOptions(dir, o))
	if err != nil {
		t.Fatal(err)
	}
	entries := []struct{ k, v string }{
		{"S0123", "recordrecord"}, {"S4567", "recordrecord"},
		{"O01", "rec"}, {"T1", ""}, {"\x7fz", "v"},
	}
	err = db.Update(func(txn *badger.Txn) error {
		for _, e := range entries {
			if err := txn.Set([]byte(e.k), []byte(e.v)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := familyBytes(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	want := []familyFigures{
		{Family: "stance", Entries: 2, KeyBytes: 10, ValueBytes: 24},
		{Family: "out", Entries: 1, KeyBytes: 3, ValueBytes: 3},
		{Family: "0x7f", Entries: 1, KeyBytes: 2, ValueBytes: 1},
		{Family: "date", Entries: 1, KeyBytes: 2, ValueBytes: 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("familyBytes = %+v, want %+v", got, want)
	}
}

// TestColdPhase runs phase 2c on a small graph: both engines' cold 1-hop
// figures are in the JSON and the table, and the graph store's files
// were dropped from the page cache first.
func TestColdPhase(t *testing.T) {
	if testing.Short() {
		t.Skip("loads two engines and runs the reads")
	}
	out := filepath.Join(t.TempDir(), "out.json")
	args := []string{"-actors", "200", "-stances", "3000", "-chunk", "1000", "-engines", "graph,sqlite", "-hop1", "50", "-pairs", "5",
		"-requests", "100", "-clients", "2", "-incremental=false", "-mixed=false", "-dir", t.TempDir(), "-json", out}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Cold coldFigures `json:"cold"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	c := got.Cold
	if c.EvictedBytes == 0 || c.OpenMs <= 0 || c.FirstUs <= 0 || c.GraphP99 < c.GraphP50 || c.GraphP50 <= 0 {
		t.Errorf("cold figures %+v", c)
	}
	for _, e := range []string{"graph", "sqlite"} {
		if l := c.Hop1[e]; l == nil || l.N != coldActors {
			t.Errorf("cold hop1[%s] = %+v, want %d reads", e, l, coldActors)
		}
	}
	if !strings.Contains(stdout.String(), "2c. 1-hop after a restart, cold cache") {
		t.Errorf("no cold rows in the table:\n%s", stdout.String())
	}
}

// TestEvictFile: a file read into the page cache has no page resident
// after evictFile.
func TestEvictFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, bytes.Repeat([]byte("x"), 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(p); err != nil {
		t.Fatal(err)
	}
	if n := resident(t, p); n == 0 {
		t.Skip("the file system keeps no page of a file just read; nothing to drop")
	}
	size, err := evictFile(p)
	if err != nil || size != 1<<20 {
		t.Fatalf("evictFile = %d, %v", size, err)
	}
	if n := resident(t, p); n != 0 {
		t.Errorf("%d pages still resident after evictFile", n)
	}
}

// resident counts p's pages in the page cache.
func resident(t *testing.T, p string) int {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	m, err := unix.Mmap(int(f.Fd()), 0, int(fi.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	vec := make([]byte, (len(m)+os.Getpagesize()-1)/os.Getpagesize())
	if _, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatal(errno)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
}

// TestHTTPOnly checks -http-only: the first run loads a store into an
// empty -dir, the second measures the GraphQL phase on that store without
// loading it again, and -httpprofile writes that phase's profile.
func TestHTTPOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a store and serves HTTP twice")
	}
	dir := t.TempDir()
	prof := filepath.Join(t.TempDir(), "http.prof")
	out := filepath.Join(t.TempDir(), "out.json")
	base := []string{"-actors", "200", "-stances", "3000", "-chunk", "1000", "-requests", "300", "-clients", "2", "-dir", dir, "-http-only"}
	runs := []struct {
		name  string
		extra []string
		loads bool
	}{
		{"first run loads", nil, true},
		{"second run reuses the store", []string{"-httpprofile", prof, "-json", out}, false},
	}
	for _, r := range runs {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), append(base, r.extra...), &stdout, &stderr); err != nil {
			t.Fatalf("%s: %v\n%s", r.name, err, stderr.String())
		}
		if loaded := strings.Contains(stderr.String(), "load graph"); loaded != r.loads {
			t.Errorf("%s: loaded %v, want %v\n%s", r.name, loaded, r.loads, stderr.String())
		}
		if !strings.Contains(stdout.String(), "req/s") {
			t.Errorf("%s: no req/s in the output:\n%s", r.name, stdout.String())
		}
	}
	var got struct {
		HTTP struct {
			RPS  float64 `json:"rps"`
			N    int     `json:"requests"`
			GOGC int     `json:"gogc"`
		} `json:"http"`
	}
	b, err := os.ReadFile(out)
	if err == nil {
		err = json.Unmarshal(b, &got)
	}
	if err != nil || got.HTTP.RPS <= 0 || got.HTTP.N == 0 || got.HTTP.GOGC != graphdGCPercent {
		t.Errorf("JSON of the second run: %v, http %+v", err, got.HTTP)
	}
	if fi, err := os.Stat(prof); err != nil || fi.Size() == 0 {
		t.Errorf("-httpprofile wrote no profile: %v", err)
	}
}

// TestHTTPTarget checks issue 18's GraphQL target: both the rate and the
// p99 must hold, and it is judged only at 1M stances with 8 clients.
func TestHTTPTarget(t *testing.T) {
	tests := []struct {
		name             string
		rps, p99us       float64
		stances, clients int
		want             string
	}{
		{"met", 15_200, 4_100, 1_000_000, 8, "PASS"},
		{"too few requests", 11_000, 3_000, 1_000_000, 8, "MISS"},
		{"p99 too long", 16_000, 5_400, 1_000_000, 8, "MISS"},
		{"below the scale", 20_000, 1_000, 200_000, 8, "n/a"},
		{"other clients", 20_000, 1_000, 1_000_000, 4, "n/a"},
		{"not measured", 0, 0, 1_000_000, 8, "n/a"},
	}
	for _, tt := range tests {
		if got := httpTarget(tt.rps, tt.p99us, tt.stances, tt.clients).verdict(); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestMemoryTargetNamesCgroup: the cgroup a run was in is told on the
// memory target's line, whatever targets follow it.
func TestMemoryTargetNamesCgroup(t *testing.T) {
	r := &results{Stances: 10_000_000, PeakRSS: 1900 << 20, Memcg: &memcgFigures{Limit: 2000 << 20, OOMKills: 0}}
	var buf bytes.Buffer
	printTable(&buf, &config{httpClients: 8}, r)
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.Contains(line, "cgroup, 0 OOM kills") && !strings.Contains(line, "10M stances with peak RSS") {
			t.Errorf("the cgroup is told on another target's line: %q", line)
		}
	}
	if !strings.Contains(buf.String(), "1900 MiB at 10000000 stances in a 2000 MiB cgroup, 0 OOM kills") {
		t.Errorf("no cgroup on the memory target:\n%s", buf.String())
	}
}

// TestQuickDefaults: -quick shrinks the sizes not given, and leaves the
// ones given alone.
func TestQuickDefaults(t *testing.T) {
	tests := []struct {
		args                   []string
		actors, stances, httpN int
		chunk                  int
		mixedSeries            time.Duration
	}{
		{[]string{"-quick"}, 20_000, 200_000, 5_000, 50_000, 2 * time.Second},
		{[]string{"-quick", "-stances", "5000", "-requests", "10"}, 20_000, 5_000, 10, 50_000, 2 * time.Second},
		{nil, 100_000, 1_000_000, 10_000, 100_000, 5 * time.Second},
	}
	for _, tt := range tests {
		c, err := parseFlags(tt.args, io.Discard)
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if c.actors != tt.actors || c.stances != tt.stances || c.httpN != tt.httpN || c.chunk != tt.chunk || c.mixedSeries != tt.mixedSeries {
			t.Errorf("%v: actors %d stances %d requests %d chunk %d series %v", tt.args, c.actors, c.stances, c.httpN, c.chunk, c.mixedSeries)
		}
	}
}

// TestSQLiteLoadTarget checks issue 18's bulk-load target: the median
// round at 1.0x SQLite and, with rounds, no round below 0.95x.
func TestSQLiteLoadTarget(t *testing.T) {
	lf := func(perS float64, rounds ...float64) *loadFigures { return &loadFigures{PerS: perS, Rounds: rounds} }
	tests := []struct {
		name         string
		graph, sqlte *loadFigures
		want         string
	}{
		{"one round, met", lf(101), lf(100), "PASS"},
		{"one round, missed", lf(99), lf(100), "MISS"},
		{"rounds all met", lf(105, 105, 98, 110), lf(100, 100, 100, 100), "PASS"},
		{"median met, a round below 0.95x", lf(105, 105, 90, 110), lf(100, 100, 100, 100), "MISS"},
		{"every round at 0.95x, median below", lf(97, 95, 97, 98), lf(100, 100, 100, 100), "MISS"},
		{"SQLite not run", lf(100), nil, "n/a"},
	}
	for _, tt := range tests {
		if got := sqliteLoadTarget(tt.graph, tt.sqlte).verdict(); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
	// The rule is the report's: a run whose median passes and one round
	// does not is printed as a miss.
	r := &results{Stances: 200_000}
	r.Load.Engines = map[string]*loadFigures{"graph": lf(105, 105, 90, 110), "sqlite": lf(100, 100, 100, 100)}
	r.Load.GraphPerS, r.Load.SQLitePerS = 105, 100
	var buf bytes.Buffer
	printTable(&buf, &config{httpClients: 8}, r)
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.Contains(line, "bulk load >= 1.0x SQLite") && !strings.HasSuffix(line, "MISS") {
			t.Errorf("a round at 0.90x passes: %q", line)
		}
	}
}

// TestLoadsRunAsGraphd checks that the bulk loads run on graphd's Go
// runtime settings, as graphd load does, say so in the JSON, and give the
// run its own settings back afterwards.
func TestLoadsRunAsGraphd(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.json")
	args := []string{"-actors", "200", "-stances", "3000", "-chunk", "1000", "-reads=false", "-incremental=false", "-mixed=false", "-engines", "graph,sqlite", "-dir", t.TempDir(), "-json", out}
	before := debug.SetGCPercent(100)
	debug.SetGCPercent(before)
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if after := debug.SetGCPercent(before); after != before {
		t.Errorf("GOGC %d after the run, want %d as before it", after, before)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Load struct {
			GOGC int `json:"gogc"`
		} `json:"load"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Load.GOGC != graphdGCPercent {
		t.Errorf("load.gogc = %d, want graphd's %d", got.Load.GOGC, graphdGCPercent)
	}
}

// TestReuseFlags: -reuse measures a kept graph store, so it needs -dir and
// refuses the engines whose stores it does not keep.
func TestReuseFlags(t *testing.T) {
	tests := []struct {
		args []string
		ok   bool
	}{
		{[]string{"-reuse", "-dir", "d", "-engines", "graph"}, true},
		{[]string{"-reuse", "-engines", "graph"}, false},
		{[]string{"-reuse", "-dir", "d"}, false},
		{[]string{"-reuse", "-dir", "d", "-engines", "graph", "-load-only"}, false},
	}
	for _, tt := range tests {
		_, err := parseFlags(tt.args, io.Discard)
		if (err == nil) != tt.ok {
			t.Errorf("%v: error %v, want ok %v", tt.args, err, tt.ok)
		}
	}
}

// TestReuseSkipsLoad: with -reuse a directory holding a graph store is
// measured as it is, and one holding none is loaded.
func TestReuseSkipsLoad(t *testing.T) {
	for _, kept := range []bool{true, false} {
		dir := t.TempDir()
		c, err := parseFlags([]string{"-reuse", "-dir", dir, "-engines", "graph", "-actors", "100", "-stances", "1000"}, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		m := &measurement{ctx: context.Background(), c: c, d: newDataset(c.actors, c.stances, c.chunk, c.seed),
			res: &results{}, logf: t.Logf, dir: dir, gdir: filepath.Join(dir, "graph")}
		m.res.Load.Engines = map[string]*loadFigures{}
		if kept {
			if err := os.MkdirAll(m.gdir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(m.gdir, "MANIFEST"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := m.loadsUnlessKept(); err != nil {
			t.Fatalf("kept %v: %v", kept, err)
		}
		if loaded := m.res.Load.Engines["graph"] != nil; loaded == kept {
			t.Errorf("kept store %v: loaded %v", kept, loaded)
		}
	}
}

// TestCgroupStatDir: the memory cgroup is found under v1 and v2, and the
// root cgroup is none.
func TestCgroupStatDir(t *testing.T) {
	tests := []struct {
		name, proc, dir, anon string
	}{
		{"v1", "4:memory:/b-1\n1:cpu:/\n0::/\n", "/sys/fs/cgroup/memory/b-1", "rss"},
		{"v2", "0::/b-2\n", "/sys/fs/cgroup/b-2", "anon"},
		{"root", "4:memory:/\n0::/\n", "", ""},
	}
	for _, tt := range tests {
		dir, names := cgroupStatDir(tt.proc)
		if dir != tt.dir || names[0] != tt.anon {
			t.Errorf("%s: %q %v, want %q %q", tt.name, dir, names, tt.dir, tt.anon)
		}
	}
}

// TestMemProbeLine: a probe's line names the heap, and says when no
// collection ran since the last one rather than a share of no CPU.
func TestMemProbeLine(t *testing.T) {
	p := newMemProbe()
	if l := p.line(); !strings.Contains(l, "heap live") || !strings.Contains(l, "no GC cycle") {
		t.Errorf("line without a collection: %q", l)
	}
	runtime.GC()
	if l := p.line(); strings.Contains(l, "no GC cycle") || !strings.Contains(l, " cycles") {
		t.Errorf("line after a collection: %q", l)
	}
}

// TestHTTPTurnBalancesPlaces: over the HTTP phase's series each server
// runs equally often, once a round, and in each place of a round equally
// often, so that a cost recurring at a fixed place (the collector's
// cycle) falls on every server alike.
func TestHTTPTurnBalancesPlaces(t *testing.T) {
	for _, servers := range []int{1, 2, 3} {
		n := servers * httpAlternations
		if httpAlternations%servers != 0 {
			t.Fatalf("%d alternations do not divide among %d servers", httpAlternations, servers)
		}
		seen := make(map[[2]int]int)
		for i := range n {
			k := httpTurn(i, servers)
			if k < 0 || k >= servers {
				t.Fatalf("httpTurn(%d, %d) = %d, out of range", i, servers, k)
			}
			seen[[2]int{i % servers, k}]++
			if i%servers == servers-1 {
				round := map[int]bool{}
				for j := i - servers + 1; j <= i; j++ {
					round[httpTurn(j, servers)] = true
				}
				if len(round) != servers {
					t.Errorf("%d servers, round ending at %d holds %d servers", servers, i, len(round))
				}
			}
		}
		for place := range servers {
			for k := range servers {
				if got, want := seen[[2]int{place, k}], httpAlternations/servers; got != want {
					t.Errorf("%d servers: server %d in place %d %d times, want %d", servers, k, place, got, want)
				}
			}
		}
	}
}

// TestLoggingCostIgnoresCollectorSeries: the log's cost compares the
// median series, so a collector cycle in one logged series (or none in
// the unlogged ones) does not pass for the log's cost.
func TestLoggingCostIgnoresCollectorSeries(t *testing.T) {
	runs := func(cpu ...float64) []httpRun {
		rs := make([]httpRun, len(cpu))
		for i, c := range cpu {
			rs[i].cpuUs = c
		}
		return rs
	}
	for _, tc := range []struct {
		name             string
		logged, unlogged []httpRun
		want             float64
	}{
		{"a cycle in one logged series", runs(120, 161, 117, 120, 121, 118), runs(115, 119, 120, 116, 118, 117), (120.0 - 117.5) / 117.5},
		{"cycles in the unlogged series", runs(120, 120, 120), runs(100, 190, 100), 0.2},
		{"equal", runs(130, 130), runs(130, 130), 0},
	} {
		if got := loggingCost(tc.logged, tc.unlogged); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: loggingCost = %.4f, want %.4f", tc.name, got, tc.want)
		}
	}
}
