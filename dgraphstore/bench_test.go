package dgraphstore_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/stancegraph/stancegraph/dgraphstore"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/stance"
)

// benchStore is one of the stores the benchmarks compare.
type benchStore struct {
	name string
	open func(b *testing.B) stance.Store
}

func benchStores(b *testing.B) []benchStore {
	c := shared(b)
	return []benchStore{
		{"embedded", func(b *testing.B) stance.Store {
			s, err := graph.Open(b.TempDir(), nil)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			return s
		}},
		{"dgraph", func(b *testing.B) stance.Store { return openEmpty(b, c) }},
	}
}

// workload is one question the benchmarks ask both stores.
type workload struct {
	name string
	run  func() error
}

// workloads are the reads compared: one actor's stances (1-hop), a dyad,
// paths of up to three hops and a GraphQL query, on a generated graph
// whose actors are names.
func workloads(b *testing.B, ctx context.Context, s stance.Store, names []string) []workload {
	e := engineOn(b, s)
	q := fmt.Sprintf(`{ actor(name: %q) { name degree stances(first: 20) { nodes { type object { name } date } } } }`, names[2])
	return []workload{
		{"1-hop", func() error { _, err := s.ActorStances(ctx, names[1], stance.AdjacencyQuery{First: 50}); return err }},
		{"dyad", func() error { _, err := s.Dyad(ctx, names[1], names[4]); return err }},
		{"paths3", func() error {
			_, err := s.Paths(ctx, stance.PathQuery{From: names[1], To: names[20], MaxHops: 3, Limit: 10})
			return err
		}},
		{"graphql", func() error {
			if res := e.Execute(ctx, schema.Request{Query: q}); len(res.Errors) > 0 {
				return fmt.Errorf("%s", res.Errors[0].Message)
			}
			return nil
		}},
	}
}

// BenchmarkStores runs one workload on both stores, for the figures of
// README's "Scale-out: Dgraph": a load of the generated graph, then each
// of workloads. Run: make bench-dgraph.
func BenchmarkStores(b *testing.B) {
	ctx := context.Background()
	batch, names := generated(24, 500)
	for _, st := range benchStores(b) {
		b.Run(st.name+"/load", func(b *testing.B) {
			for range b.N {
				b.StopTimer() // emptying a store is not part of a load
				s := st.open(b)
				b.StartTimer()
				if _, err := s.Load(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
		})
		s := st.open(b)
		if _, err := s.Load(ctx, batch); err != nil {
			b.Fatal(err)
		}
		for _, w := range workloads(b, ctx, s, names) {
			b.Run(st.name+"/"+w.name, func(b *testing.B) {
				for range b.N {
					if err := w.run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// scaleEnv names the stances of BenchmarkScale's graph; unset, it skips.
const scaleEnv = "STANCEGRAPH_BENCH_STANCES"

// scaleReps is how many times BenchmarkScale asks each question.
const scaleReps = 50

// BenchmarkScale is BenchmarkStores at a size set by
// STANCEGRAPH_BENCH_STANCES (make bench-dgraph-scale; not in CI): it
// loads a generated graph of that many stances into each store once, the
// cluster in batches of 5,000 records as graphd load --store sends them,
// asks each question scaleReps times, and prints the means and ratios.
func BenchmarkScale(b *testing.B) {
	n, err := strconv.Atoi(os.Getenv(scaleEnv))
	if err != nil || n < 1000 {
		b.Skipf("%s=%q: set it to a number of stances (at least 1000) to run", scaleEnv, os.Getenv(scaleEnv))
	}
	ctx := context.Background()
	batch, names := generated(n/12, n)
	type row struct{ name, unit string }
	rows := []row{{"load", "stances/s"}}
	times := map[string][]time.Duration{}
	for _, st := range benchStores(b) {
		s := st.open(b)
		start := time.Now()
		loadBulk(b, ctx, st.name, s, batch)
		times["load"] = append(times["load"], time.Since(start))
		for _, w := range workloads(b, ctx, s, names) {
			if len(times[w.name]) == 0 {
				rows = append(rows, row{w.name, "ms"})
			}
			start := time.Now()
			for range scaleReps {
				if err := w.run(); err != nil {
					b.Fatal(err)
				}
			}
			times[w.name] = append(times[w.name], time.Since(start)/scaleReps)
		}
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%d actors, %d stances\tembedded\tDgraph\tratio\t\n", n/12, n)
	for _, r := range rows {
		e, d := times[r.name][0], times[r.name][1]
		if r.unit == "stances/s" {
			fmt.Fprintf(tw, "%s (%s)\t%.0f\t%.0f\t%.1fx\t\n", r.name, r.unit, float64(n)/e.Seconds(), float64(n)/d.Seconds(), d.Seconds()/e.Seconds())
			continue
		}
		fmt.Fprintf(tw, "%s (%s)\t%.2f\t%.2f\t%.0fx\t\n", r.name, r.unit, ms(e), ms(d), d.Seconds()/e.Seconds())
	}
	tw.Flush()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// loadBulk loads batch as graphd load does: the embedded store in one
// Load, the cluster in parts of 5,000 records, one transaction each.
func loadBulk(b *testing.B, ctx context.Context, name string, s stance.Store, batch stance.Batch) {
	parts := []*jsonl.File{{Batch: batch}}
	if name == "dgraph" {
		parts = parts[0].Split(dgraphstore.DefaultBatch)
	}
	for _, p := range parts {
		if _, err := s.Load(ctx, p.Batch); err != nil {
			b.Fatal(err)
		}
	}
}
