package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/graph"
)

// The event benchmark (-events N) times what graphd load does with GDELT
// 2.0 exports: N generated events into an empty store through the import
// (events.ConvertFile in batches into graph.Importer, as load's import
// path), then 15-minute files into the store holding them through Load.
//
// The rows have GDELT 2.0's 61 columns and the mix of the shared sample
// 20150218230000.export.CSV (2,271 rows: 33% with one actor, 31% with an
// event code the default vocabulary does not type, 36% stances): actor
// codes are a real country with one of 13 roles ("", GOV, MIL, ...), drawn
// from a Zipf law over 650 codes, event codes from every CAMEO root.

// eventCountries are CAMEO country codes the converter names from its
// tables.
var eventCountries = strings.Fields(`USA GBR FRA DEU RUS CHN IND PAK AFG IRN IRQ ISR PSE SYR TUR EGY SAU JPN KOR PRK
	UKR NGA ZAF KEN BRA MEX CAN AUS ITA ESP POL GRC LBN JOR YEM LBY SDN ETH SOM IDN PHL VNM THA MMR BGD LKA NPL VEN COL ARG`)

// eventRoles are CAMEO role codes; "" is the country itself.
var eventRoles = []string{"", "GOV", "MIL", "OPP", "REB", "BUS", "MED", "CVL", "JUD", "LEG", "COP", "EDU", "LAB"}

// typedCodes are event codes of the roots the default vocabulary types
// (03, 04, 05, 10, 11, 12); untypedCodes those of the other roots.
var (
	typedCodes   = strings.Fields("036 040 042 043 046 051 057 100 112 111 120 128")
	untypedCodes = strings.Fields("010 020 061 071 080 090 130 141 150 160 172 180 190 200")
)

// Shares of the sample's rows.
const (
	oneActorShare = 0.33
	typedShare    = 0.55 // of the rows with two actors
)

// gdeltGen writes GDELT 2.0 rows, deterministically from its seed.
type gdeltGen struct {
	r     *rand.Rand
	codes []string
	cdf   []float64
}

func newGDELTGen(seed uint64) *gdeltGen {
	g := &gdeltGen{r: rand.New(rand.NewPCG(seed, 0x6de17))}
	for _, c := range eventCountries {
		for _, role := range eventRoles {
			g.codes = append(g.codes, c+role)
		}
	}
	g.r.Shuffle(len(g.codes), func(i, j int) { g.codes[i], g.codes[j] = g.codes[j], g.codes[i] })
	sum := 0.0
	for k := range g.codes {
		sum += 1 / float64(k+1)
		g.cdf = append(g.cdf, sum)
	}
	return g
}

func (g *gdeltGen) code() string {
	k := sort.SearchFloat64s(g.cdf, g.r.Float64()*g.cdf[len(g.cdf)-1])
	return g.codes[min(k, len(g.codes)-1)]
}

// quadClass is CAMEO's quad class of an event root.
func quadClass(root int) int {
	switch {
	case root <= 5:
		return 1
	case root <= 8:
		return 2
	case root <= 13:
		return 3
	}
	return 4
}

// writeRows writes n rows with GLOBALEVENTIDs from firstID, dated from
// day on.
func (g *gdeltGen) writeRows(w io.Writer, n int, firstID int64, day time.Time) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	f := make([]string, 61)
	for i := range n {
		for j := range f {
			f[j] = ""
		}
		d := day.AddDate(0, 0, g.r.IntN(3653))
		f[0] = strconv.FormatInt(firstID+int64(i), 10)
		f[1], f[2], f[3] = d.Format("20060102"), d.Format("200601"), d.Format("2006")
		f[4] = fmt.Sprintf("%d.%04d", d.Year(), d.YearDay()*10000/366)
		a1 := g.code()
		f[5], f[6], f[7] = a1, a1, a1[:3]
		if len(a1) > 3 {
			f[12] = a1[3:]
		}
		if g.r.Float64() >= oneActorShare {
			a2 := g.code()
			for a2 == a1 {
				a2 = g.code()
			}
			f[15], f[16], f[17] = a2, a2, a2[:3]
			if len(a2) > 3 {
				f[22] = a2[3:]
			}
		}
		codes := untypedCodes
		if g.r.Float64() < typedShare {
			codes = typedCodes
		}
		ev := codes[g.r.IntN(len(codes))]
		root, _ := strconv.Atoi(ev[:2])
		q := quadClass(root)
		f[25], f[26], f[27], f[28], f[29] = "1", ev, ev, ev[:2], strconv.Itoa(q)
		f[30] = strconv.FormatFloat(float64(5-2*q)+g.r.Float64()*2, 'f', 1, 64)
		m := 1 + g.r.IntN(20)
		f[31], f[32], f[33] = strconv.Itoa(m), strconv.Itoa(1+g.r.IntN(m)), strconv.Itoa(m)
		f[34] = strconv.FormatFloat(g.r.Float64()*20-10, 'f', 6, 64)
		f[51], f[52], f[53], f[54] = "1", "Country "+a1[:3], a1[:2], a1[:2]
		f[56], f[57] = strconv.FormatFloat(g.r.Float64()*140-70, 'f', 4, 64), strconv.FormatFloat(g.r.Float64()*340-170, 'f', 4, 64)
		f[58] = a1[:2]
		f[59] = "20150218230000"
		f[60] = "https://news.example.org/" + d.Format("2006/01/02") + "/story-" + f[0]
		if _, err := bw.WriteString(strings.Join(f, "\t") + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// writeFile writes a generated GDELT 2.0 file.
func (g *gdeltGen) writeFile(name string, n int, firstID int64, day time.Time) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := g.writeRows(f, n, firstID, day); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// eventFigures are the event benchmark's results (the -json "events"
// object).
type eventFigures struct {
	Events        int     `json:"events"`
	Stances       int     `json:"stances"`
	Actors        int     `json:"actors"`
	ImportSeconds float64 `json:"import_s"` // convert, import, commit and close
	EventsPerS    float64 `json:"events_per_s"`
	StancesPerS   float64 `json:"stances_per_s"`
	StoreBytes    int64   `json:"store_bytes"`
	// A 15-minute file into the store holding the import: cold as one
	// graphd load (open, load, close), warm as a watch or a server (the
	// store open and loaded into before).
	FileRows    int     `json:"file_rows"`
	FileStances int     `json:"file_stances"`
	ColdSeconds float64 `json:"file_cold_s"`
	WarmSeconds float64 `json:"file_warm_s"`
	PeakRSS     int64   `json:"peak_rss_bytes"`
	RSSAnon     int64   `json:"peak_rss_anon_bytes"`
	RSSFile     int64   `json:"peak_rss_file_bytes"`
	// Memcg is the run inside a memory cgroup (-memcg), where mapped
	// store files are reclaimable page cache and only the import's own
	// memory can end it in an OOM kill.
	Memcg *memcgFigures `json:"memcg,omitempty"`
}

// runEvents generates the files (not timed), imports the large one into
// an empty store and loads 15-minute files into it.
func runEvents(ctx context.Context, c *config, dir string, logf func(string, ...any)) (*eventFigures, error) {
	graphdRuntime(c, logf)
	g := newGDELTGen(c.seed)
	big := filepath.Join(dir, "events.export.CSV")
	day := time.Date(2015, time.January, 1, 0, 0, 0, 0, time.UTC)
	logf("generating %d GDELT 2.0 events in %s", c.events, big)
	if err := g.writeFile(big, c.events, 1, day); err != nil {
		return nil, err
	}
	var small [3]string // cold, warm-up, warm
	for i := range small {
		small[i] = filepath.Join(dir, fmt.Sprintf("events-15min-%d.export.CSV", i))
		if err := g.writeFile(small[i], c.fileRows, int64(c.events+1+i*c.fileRows), day); err != nil {
			return nil, err
		}
	}
	sdir := filepath.Join(dir, "graph-events")
	if err := os.RemoveAll(sdir); err != nil {
		return nil, err
	}
	fig := &eventFigures{Events: c.events, FileRows: c.fileRows}
	logf("importing %s into an empty store", big)
	t := time.Now()
	res, err := importEventFile(ctx, sdir, big)
	if err != nil {
		return nil, err
	}
	fig.ImportSeconds = time.Since(t).Seconds()
	fig.Stances, fig.Actors = res.Stances, res.Actors
	fig.EventsPerS = float64(c.events) / fig.ImportSeconds
	fig.StancesPerS = float64(res.Stances) / fig.ImportSeconds
	fig.StoreBytes = diskUsage(sdir)
	logf("imported %d events (%d stances, %d actors) in %.1f s: %.0f events/s", c.events, res.Stances, res.Actors, fig.ImportSeconds, fig.EventsPerS)
	settle("graph-events", logf)
	// A 15-minute file is loaded by a graphd of its own, which does not
	// hold the import's heap: give it back, so that inside -memcg the
	// cold load finds the page cache a fresh process would.
	debug.FreeOSMemory()
	if err := timeSmallFiles(ctx, sdir, small, fig); err != nil {
		return nil, err
	}
	logf("15-minute file: %.3f s cold, %.3f s warm", fig.ColdSeconds, fig.WarmSeconds)
	return fig, nil
}

// importEventFile is graphd load of one event file into an empty store:
// open, import in batches, commit, close.
func importEventFile(ctx context.Context, dir, name string) (graph.LoadResult, error) {
	st, err := graph.Open(dir, nil)
	if err != nil {
		return graph.LoadResult{}, err
	}
	im, err := st.Import(ctx)
	if err != nil {
		st.Close()
		return graph.LoadResult{}, err
	}
	defer im.Abort()
	_, err = events.ConvertFile(ctx, im, name, events.FormatGDELT, events.Options{}, 1<<16, func(b graph.Batch) error {
		_, err := im.Load(ctx, b)
		return err
	})
	if err == nil {
		err = im.Commit(ctx)
	}
	res := im.Result()
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return res, err
}

// loadEventFile is graphd load of one event file into a store holding
// data: convert, then Load all-or-nothing.
func loadEventFile(ctx context.Context, st *graph.Store, name string) (int, error) {
	var b graph.Batch
	_, err := events.ConvertFile(ctx, st, name, events.FormatGDELT, events.Options{}, 0, func(x graph.Batch) error { b = x; return nil })
	if err != nil {
		return 0, err
	}
	res, err := st.Load(ctx, b)
	return res.Stances, err
}

// timeSmallFiles times the first 15-minute file as a graphd load of its
// own (open, load, close), then, in one open store, a second file to warm
// it up and the third, timed, as a watch or a server takes files.
func timeSmallFiles(ctx context.Context, dir string, files [3]string, fig *eventFigures) error {
	t := time.Now()
	st, err := graph.Open(dir, nil)
	if err != nil {
		return err
	}
	n, err := loadEventFile(ctx, st, files[0])
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fig.ColdSeconds, fig.FileStances = time.Since(t).Seconds(), n
	st, err = graph.Open(dir, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := loadEventFile(ctx, st, files[1]); err != nil {
		return err
	}
	t = time.Now()
	if _, err := loadEventFile(ctx, st, files[2]); err != nil {
		return err
	}
	fig.WarmSeconds = time.Since(t).Seconds()
	return nil
}

// printEvents prints the event benchmark with the targets of issue 13.
func printEvents(w io.Writer, c *config, f *eventFigures, elapsed float64) {
	fmt.Fprintf(w, "\nstancegraph events bench: %d GDELT 2.0 events, seed %d, %.0f s\n\n", f.Events, c.seed, elapsed)
	tw := tabwriter.NewWriter(w, 2, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "import into an empty store\tevents/s\tstances/s\tseconds\t\n")
	fmt.Fprintf(tw, "%d events, %d stances, %d actors\t%.0f\t%.0f\t%.1f\t\n", f.Events, f.Stances, f.Actors, f.EventsPerS, f.StancesPerS, f.ImportSeconds)
	fmt.Fprintf(tw, "15-minute file (%d rows, %d stances)\tcold s\twarm s\t\t\n", f.FileRows, f.FileStances)
	fmt.Fprintf(tw, "into the store holding them\t%.3f\t%.3f\t\t\n", f.ColdSeconds, f.WarmSeconds)
	fmt.Fprintf(tw, "peak RSS / anon / mapped-file MB\t%.0f\t%.0f\t%.0f\t\n", mib(f.PeakRSS), mib(f.RSSAnon), mib(f.RSSFile))
	fmt.Fprintf(tw, "store MB on disk\t%.0f\t\t\t\n", mib(f.StoreBytes))
	if f.Memcg != nil {
		fmt.Fprintf(tw, "memory cgroup limit / peak MB, OOM kills\t%.0f\t%.0f\t%d\t\n", mib(f.Memcg.Limit), mib(f.Memcg.Peak), f.Memcg.OOMKills)
	}
	tw.Flush()
	scale := f.Events >= 20_000_000
	fmt.Fprintln(w, "\ntargets (issue 13):")
	tw = tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
	for _, t := range []target{
		{what: "20M events into an empty store >= 60k events/s", got: fmt.Sprintf("%.0f events/s at %d events", f.EventsPerS, f.Events), pass: f.EventsPerS >= 60_000, absent: !scale},
		memoryTarget(f, scale),
		{what: "a 15-minute file into that store < 1 s", got: fmt.Sprintf("%.3f s cold, %.3f s warm", f.ColdSeconds, f.WarmSeconds), pass: f.ColdSeconds < 1, absent: !scale},
	} {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", t.what, t.got, t.verdict())
	}
	tw.Flush()
	fmt.Fprintln(w, "(judged at 20M events only, n/a below; peak RSS is VmHWM over the whole run, mapped store files included;")
	fmt.Fprintln(w, " with -memcg the memory target is judged by the cgroup instead: a limit of at most 2 GiB and no OOM kill)")
}

// memoryTarget judges the import's memory. Badger maps its table files,
// so VmHWM counts every page of the store the import wrote, which the
// kernel can drop at will; a memory cgroup (-memcg 2000) is the test that
// matters for a container: the run must finish inside it.
func memoryTarget(f *eventFigures, scale bool) target {
	t := target{what: "that import with peak RSS < 2 GiB", got: fmt.Sprintf("%.0f MiB (anon %.0f)", mib(f.PeakRSS), mib(f.RSSAnon)), pass: f.PeakRSS < 2<<30, absent: !scale}
	if cg := f.Memcg; cg != nil {
		t.what = "that import inside a 2 GiB memory cgroup"
		t.got = fmt.Sprintf("limit %d MiB, %d OOM kills, anon peak %.0f MiB", cg.Limit>>20, cg.OOMKills, mib(f.RSSAnon))
		t.pass = cg.Limit <= 2<<30 && cg.OOMKills == 0
	}
	return t
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

// The Go runtime settings cmd/graphd starts with (its defaultMemoryLimit
// and defaultGCPercent; TestEventsRunAsGraphd keeps them in step): the
// events bench measures what graphd load does, and the heap's growth
// before a collection is most of an import's resident memory.
const (
	graphdMemoryLimit = 1536 << 20
	graphdGCPercent   = 400
)

// graphdRuntime applies graphd's runtime settings unless -memlimit chose
// a limit of its own.
func graphdRuntime(c *config, logf func(string, ...any)) {
	if c.memLimit > 0 {
		return
	}
	debug.SetMemoryLimit(graphdMemoryLimit)
	debug.SetGCPercent(graphdGCPercent)
	logf("Go runtime as graphd runs it: soft memory limit %d MiB, GOGC %d", graphdMemoryLimit>>20, graphdGCPercent)
}
