package main

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/stance"
)

// storeCollector exports what a store holds at each scrape: actors, live
// and retracted stances, documents, and bytes on disk (the embedded store
// only: a cluster reports its own). The counts are kept as counters by the
// store, so a scrape costs a few reads.
type storeCollector struct {
	st                                stance.Reader
	actors, stances, documents, bytes *prometheus.Desc
}

func newStoreCollector(st stance.Reader) *storeCollector {
	desc := func(name, help string, labels ...string) *prometheus.Desc {
		return prometheus.NewDesc(server.MetricsPrefix+name, help, labels, nil)
	}
	return &storeCollector{
		st:        st,
		actors:    desc("actors", "Actors in the store."),
		stances:   desc("stances", "Stances in the store by state (live or retracted).", "state"),
		documents: desc("documents", "Documents in the store."),
		bytes:     desc("store_bytes", "Bytes the store occupies on disk (LSM tree and value log)."),
	}
}

// Describe implements prometheus.Collector.
func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.actors
	ch <- c.stances
	ch <- c.documents
	ch <- c.bytes
}

// Collect implements prometheus.Collector. A closed store still reports
// its size; /readyz reports the rest.
func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	if g, ok := c.st.(*graph.Store); ok {
		ch <- prometheus.MustNewConstMetric(c.bytes, prometheus.GaugeValue, float64(g.Size()))
	}
	s, err := c.st.Stats(context.Background())
	if err != nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(c.actors, prometheus.GaugeValue, float64(s.Actors))
	ch <- prometheus.MustNewConstMetric(c.stances, prometheus.GaugeValue, float64(s.Stances), "live")
	ch <- prometheus.MustNewConstMetric(c.stances, prometheus.GaugeValue, float64(s.Retracted), "retracted")
	ch <- prometheus.MustNewConstMetric(c.documents, prometheus.GaugeValue, float64(s.Documents))
}
