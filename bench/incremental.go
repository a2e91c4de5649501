package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/graph"
)

// The incremental phase (-incremental) times loads into a store that
// holds data: the path of POST /load, of every graphd load after the
// first, of a GDELT 15-minute file. After the other phases, files of new
// stances go into the store holding the dataset through Store.Load, one
// call per file as graphd load makes it, and the same files into SQLite's
// database holding the same rows, one transaction per file through the
// same inserts as its bulk load. Both stores stay open across files, as a
// server's does; the clock runs from the call to its commit.

// fileClass is a size of file the incremental phase loads.
type fileClass struct {
	stances, files int
}

// parseFileClasses reads -incremental-files, SIZExCOUNT,...; "" is the
// default: GDELT's 15-minute files (about 2,000 rows) and large files of
// 100,000, one per 500,000 stances the store holds.
func parseFileClasses(s string, stances int) ([]fileClass, error) {
	if s == "" {
		return []fileClass{{2_000, 10}, {100_000, max(1, stances/500_000)}}, nil
	}
	var out []fileClass
	for _, f := range strings.Split(s, ",") {
		var fc fileClass
		if _, err := fmt.Sscanf(strings.TrimSpace(f), "%dx%d", &fc.stances, &fc.files); err != nil || fc.stances < 1 || fc.files < 1 {
			return nil, fmt.Errorf("-incremental-files: %q is not SIZExCOUNT with both positive (e.g. 2000x10)", f)
		}
		out = append(out, fc)
	}
	return out, nil
}

// incrementalFigures are the -json "load_incremental" object: stances per
// second over every file, and per size of file.
type incrementalFigures struct {
	GraphPerS  float64        `json:"graph_per_s"`
	SQLitePerS float64        `json:"sqlite_per_s"`
	Classes    []classFigures `json:"files,omitempty"`
	// GOGC is the collector's setting while the phase ran: graphd's.
	GOGC int `json:"gogc"`
}

// classFigures are one size of file's loads.
type classFigures struct {
	Stances    int     `json:"stances_per_file"`
	Files      int     `json:"files"`
	GraphPerS  float64 `json:"graph_per_s"`
	SQLitePerS float64 `json:"sqlite_per_s"`
	// Process CPU microseconds per stance during each engine's loads
	// (background work of the other engine's earlier loads included):
	// steadier than the rates on a shared machine.
	GraphCPUus  float64 `json:"graph_cpu_us_per_stance"`
	SQLiteCPUus float64 `json:"sqlite_cpu_us_per_stance"`
}

// incrementalEngine is one engine's store open for the incremental loads.
type incrementalEngine struct {
	name       string
	load       func(ch *chunk) error
	spent, cpu time.Duration // wall and process CPU time of the loads
}

// incremental runs the phase on the closed graph store and SQLite
// database, which hold the dataset, on graphd's Go runtime settings, as
// graphd serve takes a POST /load and graphd load a file (see loads).
func (m *measurement) incremental() error {
	defer asGraphdServe(m.c, &m.res.LoadIncremental.GOGC)()
	so := m.c.storeOptions()
	st, err := graph.Open(m.gdir, &so)
	if err != nil {
		return err
	}
	defer st.Close()
	settle("graph", m.logf)
	sq, err := openSQLite(m.spath, m.d, so.BlockCacheSize)
	if err != nil {
		return err
	}
	defer sq.close()
	g := &incrementalEngine{name: "graph", load: func(ch *chunk) error {
		res, err := st.Load(m.ctx, m.d.batch(ch))
		if err == nil && res.Stances != len(ch.stances) {
			err = fmt.Errorf("created %d stances, want %d", res.Stances, len(ch.stances))
		}
		return err
	}}
	s := &incrementalEngine{name: "sqlite", load: func(ch *chunk) error {
		if err := sq.load(ch); err != nil {
			return err
		}
		return sq.finish()
	}}
	return m.incrementalFiles(g, s)
}

// incrementalFiles loads every class's files into both engines, the
// engine that goes first alternating between classes, and records the
// rates.
func (m *measurement) incrementalFiles(g, s *incrementalEngine) error {
	inc := &m.res.LoadIncremental
	first, k, total := m.d.nStances, 0, 0
	var gAll, sAll time.Duration
	for ci, fc := range m.c.incFiles {
		files := make([]*chunk, fc.files)
		for i := range files {
			files[i] = m.d.extra(k, first, fc.stances)
			k, first = k+1, first+fc.stances
		}
		order := []*incrementalEngine{g, s}
		if ci%2 == 1 {
			order[0], order[1] = s, g
		}
		for _, e := range order {
			e.spent = 0
			cpu0 := cpuTime()
			for i, ch := range files {
				t := time.Now()
				if err := e.load(ch); err != nil {
					return fmt.Errorf("%s incremental load, file %d of %d stances: %w", e.name, i, fc.stances, err)
				}
				e.spent += time.Since(t)
			}
			e.cpu = cpuTime() - cpu0
		}
		n := float64(fc.stances * fc.files)
		cf := classFigures{Stances: fc.stances, Files: fc.files, GraphPerS: n / g.spent.Seconds(), SQLitePerS: n / s.spent.Seconds(),
			GraphCPUus: float64(g.cpu.Microseconds()) / n, SQLiteCPUus: float64(s.cpu.Microseconds()) / n}
		inc.Classes = append(inc.Classes, cf)
		m.logf("incremental %d files of %d: graph %.0f stances/s (%.1f us CPU each), sqlite %.0f stances/s (%.1f us CPU each): %.2fx",
			fc.files, fc.stances, cf.GraphPerS, cf.GraphCPUus, cf.SQLitePerS, cf.SQLiteCPUus, ratio(cf.GraphPerS, cf.SQLitePerS))
		gAll, sAll, total = gAll+g.spent, sAll+s.spent, total+fc.stances*fc.files
	}
	inc.GraphPerS, inc.SQLitePerS = float64(total)/gAll.Seconds(), float64(total)/sAll.Seconds()
	return nil
}
