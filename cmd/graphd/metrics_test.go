package main

import (
	"context"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/seed"
)

// TestStoreCollector exports the seed graph's counts under the one prefix,
// live and retracted stances as one family.
func TestStoreCollector(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := seed.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewPedanticRegistry()
	if err := reg.Register(newStoreCollector(st)); err != nil {
		t.Fatal(err)
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			name := f.GetName()
			for _, l := range m.GetLabel() {
				name += "/" + l.GetValue()
			}
			got[name] = m.GetGauge().GetValue()
		}
	}
	want := map[string]float64{
		"graphd_actors":            float64(stats.Actors),
		"graphd_stances/live":      float64(stats.Stances),
		"graphd_stances/retracted": 0,
		"graphd_documents":         float64(stats.Documents),
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v (all: %v)", k, got[k], v, got)
		}
	}
	if _, ok := got["graphd_store_bytes"]; !ok || stats.Actors == 0 {
		t.Errorf("no graphd_store_bytes, or an empty seed: %v", got)
	}
}
