package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"

	"github.com/stancegraph/stancegraph/graph"
)

// coldFigures are what the first queries after a restart cost: each
// engine's files dropped from the page cache, the store opened again
// (the graph store read-only, as `graphd serve --read-only` opens it),
// and 1-hop reads timed with no warm-up.
type coldFigures struct {
	Actors       int                 `json:"actors"`         // sampled, each read once
	EvictedBytes int64               `json:"evicted_bytes"`  // graph store files dropped from the page cache
	OpenMs       float64             `json:"graph_open_ms"`  // graph.Open of the closed store, read-only
	FirstUs      float64             `json:"graph_first_us"` // its first 1-hop read
	Hop1         map[string]*latency `json:"hop1"`           // per engine, cold
	GraphP50     float64             `json:"graph_p50_us"`   // the graph row of Hop1, flat for scripts
	GraphP99     float64             `json:"graph_p99_us"`
}

// coldActors is how many actors the cold phase reads: enough for a p99,
// few enough that the reads stay cold (each touches pages of its own).
const coldActors = 500

// cold runs phase 2c after the warm reads, with the stores closed: it
// drops their files from the page cache, so it must not run before a
// warm phase.
func (m *measurement) cold() error {
	cf := &m.res.Cold
	cf.Actors, cf.Hop1 = coldActors, map[string]*latency{}
	sample := m.d.sample(coldActors, 106)
	var err error
	if cf.EvictedBytes, err = evict(m.gdir); err != nil {
		return err
	}
	so := m.c.storeOptions()
	so.ReadOnly = true
	t := time.Now()
	st, err := graph.Open(m.gdir, &so)
	if err != nil {
		return err
	}
	cf.OpenMs = float64(time.Since(t).Microseconds()) / 1000
	g := &graphOps{st: st, d: m.d}
	l, err := timeCold(sample, func(a int32) (int, error) { return g.hop1(m.ctx, a) })
	st.Close()
	if err != nil {
		return fmt.Errorf("graph cold 1-hop: %w", err)
	}
	cf.Hop1["graph"], cf.FirstUs, cf.GraphP50, cf.GraphP99 = &l.latency, l.firstUs, l.P50us, l.P99us
	m.logf("cold graph: %d MB evicted, opened read-only in %.0f ms, first 1-hop %.0f us, then p50 %.1f us p99 %.1f us",
		cf.EvictedBytes>>20, cf.OpenMs, cf.FirstUs, l.P50us, l.P99us)
	if !m.c.engines["sqlite"] {
		return nil
	}
	return m.coldSQLite(sample)
}

// coldSQLite times the same cold reads on the SQLite baseline.
func (m *measurement) coldSQLite(sample []int32) error {
	for _, p := range []string{m.spath, m.spath + "-wal"} {
		if _, err := evictFile(p); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	sq, err := openSQLite(m.spath, m.d, m.c.storeOptions().BlockCacheSize)
	if err != nil {
		return err
	}
	l, err := timeCold(sample, sq.hop1)
	sq.close()
	if err != nil {
		return fmt.Errorf("sqlite cold 1-hop: %w", err)
	}
	m.res.Cold.Hop1["sqlite"] = &l.latency
	m.logf("cold sqlite: first 1-hop %.0f us, then p50 %.1f us p99 %.1f us", l.firstUs, l.P50us, l.P99us)
	return nil
}

// coldLatency is a cold sample's latencies and its first read's.
type coldLatency struct {
	latency
	firstUs float64
}

// timeCold times fn once per sampled actor, without a warm-up.
func timeCold(sample []int32, fn func(int32) (int, error)) (coldLatency, error) {
	ds := make([]time.Duration, len(sample))
	for i, a := range sample {
		t := time.Now()
		if _, err := fn(a); err != nil {
			return coldLatency{}, err
		}
		ds[i] = time.Since(t)
	}
	return coldLatency{summarize(ds), us(ds[0])}, nil
}

// evict drops every file under dir from the page cache and returns their
// total size, so that the next reads come from the disk as after a
// reboot, without needing root to drop every cache on the machine.
func evict(dir string) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		n, err := evictFile(p)
		total += n
		return err
	})
	return total, err
}

// evictFile writes back p's dirty pages, which the kernel would not drop,
// then asks it to drop p's cached pages; it returns p's size.
func evictFile(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if err := f.Sync(); err != nil {
		return 0, fmt.Errorf("%s: %w", p, err)
	}
	if err := unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED); err != nil {
		return 0, fmt.Errorf("%s: dropping it from the page cache: %w", p, err)
	}
	return fi.Size(), nil
}
