package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strconv"
	"strings"

	"github.com/stancegraph/stancegraph/internal/memcgroup"
)

// Under a memory limit the reads compete with the Go heap for the page
// cache, and a heap held near the soft limit makes the collector run all
// the time. memProbe logs, after each read phase, what the heap holds, what
// share of the CPU since the last probe the collector took, and how the
// resident set and the cgroup's charge split between private memory and
// page cache, so that a run says where its memory and CPU went.

// memProbe samples the runtime's metrics between phases.
type memProbe struct {
	samples      []metrics.Sample
	gcCPU, total float64 // the CPU seconds at the last probe
	cycles       uint64  // collections at the last probe
}

// probeMetrics are the runtime metrics a probe reads, in this order.
var probeMetrics = []string{
	"/gc/heap/live:bytes",
	"/gc/heap/goal:bytes",
	"/memory/classes/total:bytes",
	"/cpu/classes/gc/total:cpu-seconds",
	"/cpu/classes/total:cpu-seconds",
	"/gc/cycles/total:gc-cycles",
}

func newMemProbe() *memProbe {
	p := &memProbe{samples: make([]metrics.Sample, len(probeMetrics))}
	for i, name := range probeMetrics {
		p.samples[i].Name = name
	}
	p.read()
	p.cycles = p.samples[5].Value.Uint64()
	return p
}

// read refreshes the samples and returns the CPU seconds the collector and
// the whole process used since the previous read.
func (p *memProbe) read() (gcCPU, total float64) {
	metrics.Read(p.samples)
	g, t := p.float(3), p.float(4)
	gcCPU, total = g-p.gcCPU, t-p.total
	p.gcCPU, p.total = g, t
	return gcCPU, total
}

func (p *memProbe) float(i int) float64 {
	if p.samples[i].Value.Kind() == metrics.KindFloat64 {
		return p.samples[i].Value.Float64()
	}
	return 0
}

func (p *memProbe) mib(i int) int64 {
	if p.samples[i].Value.Kind() == metrics.KindUint64 {
		return int64(p.samples[i].Value.Uint64() >> 20)
	}
	return 0
}

// line reads the metrics and describes them since the previous line.
// The runtime brings its CPU figures up to date at each collection only,
// so a phase without one says so instead of a share.
func (p *memProbe) line() string {
	gcCPU, total := p.read()
	cycles := p.samples[5].Value.Uint64()
	gc := "no GC cycle"
	if n := cycles - p.cycles; n > 0 && total > 0 {
		gc = fmt.Sprintf("GC %.1f%% of %.1f s CPU in %d cycles", 100*gcCPU/total, total, n)
	}
	p.cycles = cycles
	s := fmt.Sprintf("heap live %d MiB (goal %d, runtime total %d), %s, RSS anon %d MiB file %d MiB",
		p.mib(0), p.mib(1), p.mib(2), gc, procStatus("RssAnon")>>20, procStatus("RssFile")>>20)
	if anon, file, ok := cgroupSplit(); ok {
		s += fmt.Sprintf(", cgroup anon %d MiB file %d MiB", anon>>20, file>>20)
	}
	return s
}

// cgroupSplit reads the anonymous memory and page cache charged to the
// process's memory cgroup, v1 or v2; false at the root or without one.
func cgroupSplit() (anon, file int64, ok bool) {
	b, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return 0, 0, false
	}
	dir, names := cgroupStatDir(string(b))
	if dir == "" {
		return 0, 0, false
	}
	stat, err := os.ReadFile(filepath.Join(dir, "memory.stat"))
	if err != nil {
		return 0, 0, false
	}
	for _, l := range strings.Split(string(stat), "\n") {
		f := strings.Fields(l)
		if len(f) != 2 {
			continue
		}
		n, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case names[0]:
			anon = n
		case names[1]:
			file = n
		}
	}
	return anon, file, true
}

// cgroupStatDir finds the memory cgroup in /proc/self/cgroup's text and
// the names its memory.stat gives anonymous memory and page cache: v1's
// memory controller line first, else v2's unified line.
func cgroupStatDir(procCgroup string) (dir string, names [2]string) {
	path, v2, ok := memcgroup.Path(procCgroup)
	switch {
	case !ok:
		return "", names
	case v2:
		return filepath.Join(cgroupRoot, path), [2]string{"anon", "file"}
	}
	return filepath.Join(cgroupRoot, "memory", path), [2]string{"rss", "cache"}
}
