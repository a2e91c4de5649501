//go:build unix

package spill

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkSort sorts a buffer of 1M entries shaped as an import's, by
// radix and by compare alone: keys of a few families, each a family byte
// and a 16-byte ID, a fifth of them sharing the IDs of a few busy
// actors. It reports CPU time from getrusage, hence unix only.
func BenchmarkSort(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	s, err := New(b.TempDir(), 1<<30)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	k := make([]byte, 34)
	for i := range 1 << 20 {
		k[0] = "DIOScdT"[i%7]
		for j := 1; j < len(k); j++ {
			k[j] = byte(r.Uint32())
		}
		if i%5 == 0 {
			copy(k[1:], fmt.Sprintf("busy-actor-%05d", r.IntN(20)))
		}
		if err := s.Put(k, nil, false); err != nil {
			b.Fatal(err)
		}
	}
	buf := s.cur
	ents := slices.Clone(buf.ents)
	for _, sorter := range []struct {
		name string
		sort func()
	}{
		{"radix", func() { buf.radixSort(buf.ents, 56, 0) }},
		{"compare", func() { slices.SortFunc(buf.ents, buf.compare) }},
	} {
		b.Run(sorter.name, func(b *testing.B) {
			cpu0 := cpuTime()
			for range b.N {
				copy(buf.ents, ents)
				sorter.sort()
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the process's CPU time, steadier than wall time on a shared
// machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkMergeRange replays 1M entries shaped as an import's (keys of
// a few families and 16-byte IDs, values of 0-200 bytes) in key order, in
// three ranges as an import's Commit does: from one run and the sorted
// buffer, as at 200k stances, and from several runs, as at 1M and more.
func BenchmarkMergeRange(b *testing.B) {
	for _, bc := range []struct {
		name   string
		budget int
	}{{"run+buffer", 220 << 20}, {"runs", 48 << 20}} {
		b.Run(bc.name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			s, err := New(b.TempDir(), bc.budget)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			k := make([]byte, 17)
			v := make([]byte, 200)
			for i := range 1 << 20 {
				k[0] = "DIOScdT"[i%7]
				for j := 1; j < len(k); j++ {
					k[j] = byte(r.Uint32())
				}
				if err := s.Put(k, v[:r.IntN(len(v))], i%2 == 0); err != nil {
					b.Fatal(err)
				}
			}
			if err := s.Seal(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(s.Runs()), "runs")
			bounds := [][]byte{nil, {'O'}, {'c'}, nil}
			cpu0 := cpuTime()
			b.ResetTimer()
			for range b.N {
				n := 0
				for i := range len(bounds) - 1 {
					err := s.MergeRange(bounds[i], bounds[i+1], func(k, v []byte) error { n++; return nil })
					if err != nil {
						b.Fatal(err)
					}
				}
				if n != 1<<20 {
					b.Fatalf("merged %d keys, want %d", n, 1<<20)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/float64(1<<20), "cpu-ns/key")
		})
	}
}
