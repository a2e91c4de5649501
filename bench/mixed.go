package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/stancegraph/stancegraph/graph"
)

// The mixed phase (-mixed) is a server fed event files while it answers:
// the notebook query over HTTP from c.httpClients clients, idle and then
// while a loader writes event-shaped stances (a GDELT reference and its
// measures, no quote) into the store through Load at c.mixedRate a
// second, in four batches a second. Idle and loaded series alternate
// twice, so that noise falls on both.

// mixedFigures are the -json "mixed" object.
type mixedFigures struct {
	IdleP99   float64 `json:"idle_p99_us"`
	LoadedP99 float64 `json:"loaded_p99_us"`
	IdleP50   float64 `json:"idle_p50_us"`
	LoadedP50 float64 `json:"loaded_p50_us"`
	WritePerS float64 `json:"write_per_s"`
	Errors    int     `json:"errors"` // failed requests and failed loads
}

// mixedBatches is how many loads a second the loader makes.
const mixedBatches = 4

// eventLoader writes event-shaped stances into the store at a steady rate
// until stopped.
type eventLoader struct {
	st      *graph.Store
	d       *dataset
	r       *rand.Rand
	serial  int
	written int
	errs    int
	first   error
}

// eventBatch draws n event-shaped stances between the dataset's actors.
func (l *eventLoader) eventBatch(n int) graph.Batch {
	var b graph.Batch
	for range n {
		s := l.d.draw(l.r)
		o := l.d.draw(l.r)
		for o == s {
			o = l.d.draw(l.r)
		}
		l.serial++
		id := strconv.Itoa(1_000_000_000 + l.serial)
		q := 1 + l.r.IntN(4)
		b.Stances = append(b.Stances, graph.StanceSpec{
			Subject: l.d.actors[s].Name, Object: l.d.actors[o].Name, Type: stanceTypes[pickType(l.r)],
			Date: dateBase + graph.Date(l.r.IntN(dateSpan)), Confidence: 0.5,
			References: []graph.Reference{{Dataset: "GDELT", Record: id, URL: "https://news.example/event/" + id}},
			Event: &graph.Measures{EventCode: "042", Goldstein: float64(5 - 2*q), HasGoldstein: true, QuadClass: q,
				Mentions: 1 + l.r.IntN(20), Sources: 1, Articles: 1},
		})
	}
	return b
}

// run loads rate stances a second until ctx ends, and reports the
// stances written a second over its run.
func (l *eventLoader) run(ctx context.Context, rate int) float64 {
	t0, written0 := time.Now(), l.written
	tick := time.NewTicker(time.Second / mixedBatches)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return float64(l.written-written0) / time.Since(t0).Seconds()
		case <-tick.C:
		}
		res, err := l.st.Load(ctx, l.eventBatch(rate/mixedBatches))
		l.written += res.Stances
		if err != nil && ctx.Err() == nil {
			l.errs++
			if l.first == nil {
				l.first = err
			}
		}
	}
}

// mixed runs the phase on the closed graph store.
func (m *measurement) mixed() error {
	so := m.c.storeOptions()
	st, err := graph.Open(m.gdir, &so)
	if err != nil {
		return err
	}
	defer st.Close()
	settle("graph", m.logf)
	logFile, err := os.Create(filepath.Join(m.dir, "requests-mixed.log"))
	if err != nil {
		return err
	}
	defer os.Remove(logFile.Name())
	defer logFile.Close()
	logger, logs := requestLogger(logFile)
	defer logs.Close()
	hb, err := startHTTP(m.ctx, m.c, m.d, st, logger)
	if err != nil {
		return err
	}
	defer hb.close()
	l := &eventLoader{st: st, d: m.d, r: rand.New(rand.NewPCG(m.d.seed, 0x3e7ed))}
	var idle, loaded []httpRun
	var rates []float64
	for i := range 4 {
		if i%2 == 0 {
			idle = append(idle, hb.runFor(m.c.mixedSeries, m.c.httpClients, i))
			continue
		}
		r, rate := m.underLoad(hb, l, i)
		loaded, rates = append(loaded, r), append(rates, rate)
	}
	return m.mixedFigures(idle, loaded, rates, l)
}

// underLoad runs a series of requests while l loads, and returns them
// with the loader's rate.
func (m *measurement) underLoad(hb *httpBench, l *eventLoader, offset int) (httpRun, float64) {
	ctx, cancel := context.WithCancel(m.ctx)
	var wg sync.WaitGroup
	var rate float64
	wg.Add(1)
	go func() {
		defer wg.Done()
		rate = l.run(ctx, m.c.mixedRate)
	}()
	r := hb.runFor(m.c.mixedSeries, m.c.httpClients, offset)
	cancel()
	wg.Wait()
	return r, rate
}

// mixedFigures records the phase's figures, and fails when a request or
// a load did.
func (m *measurement) mixedFigures(idle, loaded []httpRun, rates []float64, l *eventLoader) error {
	mf := &m.res.Mixed
	_, mf.IdleP50, mf.IdleP99 = meanRuns(idle)
	_, mf.LoadedP50, mf.LoadedP99 = meanRuns(loaded)
	var errs []error
	for _, r := range append(idle, loaded...) {
		mf.Errors += r.errs
		errs = append(errs, r.firstErr)
	}
	for _, r := range rates {
		mf.WritePerS += r / float64(len(rates))
	}
	mf.Errors += l.errs
	m.logf("mixed: notebook query p99 %.0f us idle, %.0f us while loading %.0f stances/s (%.2fx; p50 %.0f / %.0f us), %d errors",
		mf.IdleP99, mf.LoadedP99, mf.WritePerS, ratio(mf.LoadedP99, mf.IdleP99), mf.IdleP50, mf.LoadedP50, mf.Errors)
	if err := errors.Join(append(errs, l.first)...); err != nil {
		return fmt.Errorf("mixed: %w", err)
	}
	return nil
}
