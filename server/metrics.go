package server

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/stancegraph/stancegraph/schema"
)

// MetricsPrefix begins the name of every metric graphd exports besides
// the go_* and process_* ones of the Go runtime.
const MetricsPrefix = "graphd_"

// latencyBuckets are histogram upper bounds in seconds, from the
// sub-millisecond cached query to the request timeout.
var latencyBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// maxOperationNames bounds the operation-name label: names come from
// clients, and an unbounded label set would grow memory without limit.
const maxOperationNames = 200

// metrics is one server's registry: its own, separate from the process's
// default registry, so that several servers (tests, embedding programs)
// each count their own requests.
type metrics struct {
	handler  http.Handler
	requests *prometheus.CounterVec
	ops      *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inflight prometheus.Gauge

	mu      sync.Mutex
	opNames map[string]bool

	// byRoute (routeCode -> prometheus.Counter) and byOp (opKey ->
	// *opMetrics) keep the series of label values already seen, so that
	// a request does not format its status code and hash its labels
	// three times over. Both are bounded as the labels are: routes and
	// status codes by the server, operation names by maxOperationNames.
	byRoute, byOp sync.Map
}

// routeCode is the labels of one series of requests.
type routeCode struct {
	route string
	code  int
}

// opKey is the labels of one operation's series, before its name is
// bounded.
type opKey struct {
	name, typ string
	failed    bool
}

// opMetrics is an operation's series.
type opMetrics struct {
	count   prometheus.Counter
	latency prometheus.Observer
}

// newMetrics registers the server's metrics, the engine's counters, the Go
// runtime's and the process's, and extra.
func newMetrics(e *schema.Engine, extra []prometheus.Collector) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: MetricsPrefix + "http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		ops: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: MetricsPrefix + "graphql_operations_total", Help: "GraphQL operations by name, type and result (error when the response carries errors).",
		}, []string{"operation", "type", "result"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: MetricsPrefix + "graphql_duration_seconds", Help: "GraphQL operation latency, from request to response written.", Buckets: latencyBuckets,
		}, []string{"operation", "type"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricsPrefix + "http_requests_in_flight", Help: "GraphQL requests being served.",
		}),
		opNames: map[string]bool{},
	}
	reg := prometheus.NewRegistry()
	all := append([]prometheus.Collector{
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.requests, m.ops, m.latency, m.inflight,
		uptime(time.Now()),
	}, engineCollectors(e)...)
	for _, c := range append(all, extra...) {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	return m, nil
}

// uptime is the seconds since start.
func uptime(start time.Time) prometheus.Collector {
	return prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: MetricsPrefix + "uptime_seconds", Help: "Seconds since the handler was created.",
	}, func() float64 { return time.Since(start).Seconds() })
}

// engineCollectors read e's counters at each scrape.
func engineCollectors(e *schema.Engine) []prometheus.Collector {
	counter := func(name, help string, labels prometheus.Labels, v func(schema.Stats) uint64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: MetricsPrefix + name, Help: help, ConstLabels: labels},
			func() float64 { return float64(v(e.Stats())) })
	}
	const execHelp = "Operations executed, by executor: the compiled fast path for queries, or graphql-go's (mutations, introspection, and any query the fast path hands over)."
	return []prometheus.Collector{
		counter("graphql_document_cache_hits_total", "Requests whose query was already parsed and validated.", nil,
			func(s schema.Stats) uint64 { return s.CacheHits }),
		counter("graphql_document_cache_misses_total", "Requests whose query had to be parsed and validated.", nil,
			func(s schema.Stats) uint64 { return s.CacheMisses }),
		counter("graphql_executions_total", execHelp, prometheus.Labels{"executor": "fast"},
			func(s schema.Stats) uint64 { return s.Fast }),
		counter("graphql_executions_total", execHelp, prometheus.Labels{"executor": "graphql-go"},
			func(s schema.Stats) uint64 { return s.GraphQLGo }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: MetricsPrefix + "graphql_document_cache_entries", Help: "Parsed queries held in the cache."},
			func() float64 { return float64(e.Stats().CachedDocuments) }),
	}
}

// request counts one HTTP request.
func (m *metrics) request(route string, code int) {
	k := routeCode{route, code}
	c, ok := m.byRoute.Load(k)
	if !ok {
		c, _ = m.byRoute.LoadOrStore(k, m.requests.WithLabelValues(route, strconv.Itoa(code)))
	}
	c.(prometheus.Counter).Inc()
}

// operation records one executed (or refused) GraphQL operation.
func (m *metrics) operation(name, typ string, failed bool, d time.Duration) {
	k := opKey{name, typ, failed}
	om, ok := m.byOp.Load(k)
	if !ok {
		om = m.opSeries(k)
	}
	om.(*opMetrics).count.Inc()
	om.(*opMetrics).latency.Observe(d.Seconds())
}

// opSeries returns the series of k, keeping them for the next request
// unless k's name is counted as "other" (any name past the bound).
func (m *metrics) opSeries(k opKey) *opMetrics {
	name := m.boundedName(k.name)
	result := "ok"
	if k.failed {
		result = "error"
	}
	om := &opMetrics{count: m.ops.WithLabelValues(name, k.typ, result), latency: m.latency.WithLabelValues(name, k.typ)}
	if name == k.name || k.name == "" {
		m.byOp.Store(k, om)
	}
	return om
}

// boundedName is the label for an operation name: "anonymous" for none,
// and "other" once maxOperationNames names have been seen.
func (m *metrics) boundedName(name string) string {
	if name == "" {
		return "anonymous"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.opNames[name] {
		if len(m.opNames) >= maxOperationNames {
			return "other"
		}
		m.opNames[name] = true
	}
	return name
}
