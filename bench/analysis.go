package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// analysisFigures are the latencies of the analysis queries (README,
// "Analysis" of the main module): timeline and alignment for uniformly
// random actors and for the busiest actor (the median of busiestRuns),
// coalitions of the whole graph.
type analysisFigures struct {
	Timeline        latency `json:"timeline"`
	TimelineBusiest float64 `json:"timeline_busiest_us"`
	Alignment       latency `json:"alignment"`
	AlignBusiest    float64 `json:"alignment_busiest_us"`
	// AlignFirst is the first alignment query, which scans every stance
	// once to build the net weights the later ones reuse until a write.
	AlignFirst   float64 `json:"alignment_first_us"`
	CoalitionsMs float64 `json:"coalitions_ms"`
	Blocs        int     `json:"blocs"`
	Triads       int     `json:"triads"`
}

// alignmentSample is how many random actors alignment is timed for. The
// timed query asks for the scores and shared counterparts only, as a
// GraphQL query without stances does: their stances are read on demand
// (graph.Store.SharedStances).
const alignmentSample = 20

// measureAnalysis times timeline (MONTH, both directions, -pairs random
// actors), alignment (20 random actors) and one coalitions of the whole
// graph, on the reopened store.
func measureAnalysis(ctx context.Context, c *config, d *dataset, st *graph.Store, res *results, logf func(string, ...any)) error {
	busiest := d.actors[d.topByWeight(1)[0]].ID
	timeline := func(id string) (time.Duration, error) {
		t := time.Now()
		_, err := st.Timeline(ctx, stance.TimelineQuery{Actor: id, Bucket: stance.Month})
		return time.Since(t), err
	}
	align := func(id string) (time.Duration, error) {
		t := time.Now()
		_, err := st.Alignment(ctx, stance.AlignmentQuery{Actor: id})
		return time.Since(t), err
	}
	var err error
	a := &res.Analysis
	if a.Timeline, err = timeSample(d, c.pairsN, 104, timeline); err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	first, err := align(d.actors[0].ID)
	if err != nil {
		return fmt.Errorf("alignment: %w", err)
	}
	a.AlignFirst = us(first)
	if a.Alignment, err = timeSample(d, alignmentSample, 105, align); err != nil {
		return fmt.Errorf("alignment: %w", err)
	}
	tb, err := medianOf(busiestRuns, func() (time.Duration, error) { return timeline(busiest) })
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	ab, err := medianOf(busiestRuns, func() (time.Duration, error) { return align(busiest) })
	if err != nil {
		return fmt.Errorf("alignment: %w", err)
	}
	a.TimelineBusiest, a.AlignBusiest = us(tb), us(ab)
	t := time.Now()
	co, err := st.Coalitions(ctx, stance.CoalitionQuery{})
	if err != nil {
		return fmt.Errorf("coalitions: %w", err)
	}
	a.CoalitionsMs = float64(time.Since(t).Microseconds()) / 1000
	a.Blocs, a.Triads = len(co.Blocs), co.Balance.Triads
	logf("timeline p50 %.0f us (busiest %.0f us); alignment first %.0f us, then p50 %.0f us (busiest %.0f us); coalitions %.0f ms (%d blocs, %d triads)",
		a.Timeline.P50us, a.TimelineBusiest, a.AlignFirst, a.Alignment.P50us, a.AlignBusiest, a.CoalitionsMs, a.Blocs, a.Triads)
	return nil
}

// busiestRuns is how many times the busiest actor's queries are timed;
// the median is reported, so that one pause of a shared machine does not
// stand for the query.
const busiestRuns = 3

// medianOf runs fn n times and returns the median duration.
func medianOf(n int, fn func() (time.Duration, error)) (time.Duration, error) {
	ds := make([]time.Duration, n)
	for i := range ds {
		d, err := fn()
		if err != nil {
			return 0, err
		}
		ds[i] = d
	}
	slices.Sort(ds)
	return ds[n/2], nil
}

// timeSample runs fn for n random actors drawn from stream.
func timeSample(d *dataset, n int, stream uint64, fn func(id string) (time.Duration, error)) (latency, error) {
	ds := make([]time.Duration, 0, n)
	for _, i := range d.sample(n, stream) {
		dt, err := fn(d.actors[i].ID)
		if err != nil {
			return latency{}, err
		}
		ds = append(ds, dt)
	}
	return summarize(ds), nil
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 }

// analysisScale is the size the analysis targets are set for.
const analysisScale = 1_000_000

// analysisTargets are the goals of the analysis queries (README,
// "Analysis"), judged at analysisScale stances and above only.
func analysisTargets(a analysisFigures, stances int) []target {
	small := stances < analysisScale
	at := fmt.Sprintf(" at %d stances", stances)
	return []target{
		{what: "timeline p50 < 10 ms", got: fmt.Sprintf("%.2f ms", a.Timeline.P50us/1000) + at, pass: a.Timeline.P50us < 10_000, absent: small},
		{what: "alignment p50 < 200 ms", got: fmt.Sprintf("%.1f ms", a.Alignment.P50us/1000) + at, pass: a.Alignment.P50us < 200_000, absent: small},
		{what: "alignment busiest actor < 200 ms", got: fmt.Sprintf("%.1f ms", a.AlignBusiest/1000) + at, pass: a.AlignBusiest < 200_000, absent: small},
		{what: "coalitions whole graph < 10 s", got: fmt.Sprintf("%.2f s", a.CoalitionsMs/1000) + at, pass: a.CoalitionsMs < 10_000, absent: small},
	}
}
