package server

import (
	"context"

	"github.com/stancegraph/stancegraph/graph"
)

// StoreGauges returns a Config.Gauges function exporting what st holds:
// actors, live and retracted stances, documents, and bytes on disk. The
// counts are kept as counters by the store, so a scrape costs four reads.
func StoreGauges(st *graph.Store) func(ctx context.Context) []Gauge {
	return func(ctx context.Context) []Gauge {
		out := []Gauge{{Name: "graphd_store_bytes", Help: "Bytes the store occupies on disk (LSM tree and value log).", Value: float64(st.Size())}}
		stats, err := st.Stats(ctx)
		if err != nil {
			return out // a closed store still reports its size; readiness reports the rest
		}
		return append(out,
			Gauge{Name: "graphd_actors", Help: "Actors in the store.", Value: float64(stats.Actors)},
			Gauge{Name: "graphd_stances", Help: "Stances in the store by state.", Labels: map[string]string{"state": "live"}, Value: float64(stats.Stances)},
			Gauge{Name: "graphd_stances", Help: "Stances in the store by state.", Labels: map[string]string{"state": "retracted"}, Value: float64(stats.Retracted)},
			Gauge{Name: "graphd_documents", Help: "Documents in the store.", Value: float64(stats.Documents)},
		)
	}
}
