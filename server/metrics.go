package server

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Gauge is one sample exported at /metrics, supplied by Config.Gauges (for
// example the store size or the stance count).
type Gauge struct {
	Name   string            // Prometheus metric name, e.g. "graphd_store_bytes"
	Help   string            // one line describing it
	Labels map[string]string // optional
	Value  float64
}

// latencyBuckets are histogram upper bounds in seconds, from the
// sub-millisecond cached query to the request timeout.
var latencyBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// maxOperationNames bounds the operation-name label: names come from
// clients, and an unbounded label set would grow memory without limit.
const maxOperationNames = 200

// metrics keeps request counters and latency histograms.
type metrics struct {
	mu       sync.Mutex
	started  time.Time
	http     map[httpKey]uint64
	ops      map[opKey]*opStats
	opNames  map[string]bool
	hits     uint64
	misses   uint64
	fast     uint64 // operations answered by the compiled fast path
	slow     uint64 // operations graphql-go's executor ran
	inflight int64
}

type httpKey struct {
	route string
	code  int
}

type opKey struct {
	name, typ string
}

type opStats struct {
	ok, failed uint64
	buckets    []uint64 // counts per latencyBuckets bound, not cumulative
	sum        float64
}

func newMetrics() *metrics {
	return &metrics{started: time.Now(), http: map[httpKey]uint64{}, ops: map[opKey]*opStats{}, opNames: map[string]bool{}}
}

func (m *metrics) request(route string, code int) {
	m.mu.Lock()
	m.http[httpKey{route, code}]++
	m.mu.Unlock()
}

func (m *metrics) cache(hit bool) {
	m.mu.Lock()
	if hit {
		m.hits++
	} else {
		m.misses++
	}
	m.mu.Unlock()
}

// executed counts which executor answered an operation.
func (m *metrics) executed(fast bool) {
	m.mu.Lock()
	if fast {
		m.fast++
	} else {
		m.slow++
	}
	m.mu.Unlock()
}

func (m *metrics) begin() {
	m.mu.Lock()
	m.inflight++
	m.mu.Unlock()
}

func (m *metrics) end() {
	m.mu.Lock()
	m.inflight--
	m.mu.Unlock()
}

// operation records one executed (or refused) GraphQL operation.
func (m *metrics) operation(name, typ string, failed bool, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if name == "" {
		name = "anonymous"
	}
	if !m.opNames[name] {
		if len(m.opNames) >= maxOperationNames {
			name = "other"
		}
		m.opNames[name] = true
	}
	k := opKey{name, typ}
	s := m.ops[k]
	if s == nil {
		s = &opStats{buckets: make([]uint64, len(latencyBuckets))}
		m.ops[k] = s
	}
	if failed {
		s.failed++
	} else {
		s.ok++
	}
	sec := d.Seconds()
	s.sum += sec
	for i, b := range latencyBuckets {
		if sec <= b {
			s.buckets[i]++
			break
		}
	}
}

// write renders every metric in the Prometheus text exposition format.
func (m *metrics) write(ctx context.Context, w io.Writer, gauges func(context.Context) []Gauge, cacheLen int) {
	m.mu.Lock()
	var b strings.Builder
	family(&b, "graphd_http_requests_total", "counter", "HTTP requests by route and status code.")
	hk := make([]httpKey, 0, len(m.http))
	for k := range m.http {
		hk = append(hk, k)
	}
	sort.Slice(hk, func(i, j int) bool {
		if hk[i].route != hk[j].route {
			return hk[i].route < hk[j].route
		}
		return hk[i].code < hk[j].code
	})
	for _, k := range hk {
		fmt.Fprintf(&b, "graphd_http_requests_total{route=%s,code=\"%d\"} %d\n", quote(k.route), k.code, m.http[k])
	}

	ok := make([]opKey, 0, len(m.ops))
	for k := range m.ops {
		ok = append(ok, k)
	}
	sort.Slice(ok, func(i, j int) bool {
		if ok[i].name != ok[j].name {
			return ok[i].name < ok[j].name
		}
		return ok[i].typ < ok[j].typ
	})
	family(&b, "graphd_graphql_operations_total", "counter", "GraphQL operations by name, type and result (error when the response carries errors).")
	for _, k := range ok {
		s := m.ops[k]
		l := fmt.Sprintf("operation=%s,type=%s", quote(k.name), quote(k.typ))
		fmt.Fprintf(&b, "graphd_graphql_operations_total{%s,result=\"ok\"} %d\n", l, s.ok)
		fmt.Fprintf(&b, "graphd_graphql_operations_total{%s,result=\"error\"} %d\n", l, s.failed)
	}
	family(&b, "graphd_graphql_duration_seconds", "histogram", "GraphQL operation latency, from request to response written.")
	for _, k := range ok {
		s := m.ops[k]
		l := fmt.Sprintf("operation=%s,type=%s", quote(k.name), quote(k.typ))
		var cum uint64
		for i, ub := range latencyBuckets {
			cum += s.buckets[i]
			fmt.Fprintf(&b, "graphd_graphql_duration_seconds_bucket{%s,le=\"%s\"} %d\n", l, strconv.FormatFloat(ub, 'g', -1, 64), cum)
		}
		n := s.ok + s.failed
		fmt.Fprintf(&b, "graphd_graphql_duration_seconds_bucket{%s,le=\"+Inf\"} %d\n", l, n)
		fmt.Fprintf(&b, "graphd_graphql_duration_seconds_sum{%s} %s\n", l, num(s.sum))
		fmt.Fprintf(&b, "graphd_graphql_duration_seconds_count{%s} %d\n", l, n)
	}
	family(&b, "graphd_graphql_document_cache_hits_total", "counter", "Requests whose query was already parsed and validated.")
	fmt.Fprintf(&b, "graphd_graphql_document_cache_hits_total %d\n", m.hits)
	family(&b, "graphd_graphql_document_cache_misses_total", "counter", "Requests whose query had to be parsed and validated.")
	fmt.Fprintf(&b, "graphd_graphql_document_cache_misses_total %d\n", m.misses)
	family(&b, "graphd_graphql_executions_total", "counter", "Operations executed, by executor: the compiled fast path for queries, or graphql-go's (mutations, introspection, and any query the fast path hands over).")
	fmt.Fprintf(&b, "graphd_graphql_executions_total{executor=\"fast\"} %d\n", m.fast)
	fmt.Fprintf(&b, "graphd_graphql_executions_total{executor=\"graphql-go\"} %d\n", m.slow)
	family(&b, "graphd_graphql_document_cache_entries", "gauge", "Parsed queries held in the cache.")
	fmt.Fprintf(&b, "graphd_graphql_document_cache_entries %d\n", cacheLen)
	family(&b, "graphd_http_requests_in_flight", "gauge", "GraphQL requests being served.")
	fmt.Fprintf(&b, "graphd_http_requests_in_flight %d\n", m.inflight)
	family(&b, "graphd_uptime_seconds", "gauge", "Seconds since the handler was created.")
	fmt.Fprintf(&b, "graphd_uptime_seconds %s\n", num(time.Since(m.started).Seconds()))
	m.mu.Unlock()

	if gauges != nil {
		// The format wants each family's samples together.
		gs := gauges(ctx)
		sort.SliceStable(gs, func(i, j int) bool { return gs[i].Name < gs[j].Name })
		seen := map[string]bool{}
		for _, g := range gs {
			if !validMetricName(g.Name) {
				continue
			}
			if !seen[g.Name] {
				family(&b, g.Name, "gauge", g.Help)
				seen[g.Name] = true
			}
			fmt.Fprintf(&b, "%s%s %s\n", g.Name, labels(g.Labels), num(g.Value))
		}
	}
	io.WriteString(w, b.String())
}

func family(b *strings.Builder, name, typ, help string) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s %s\n", name, strings.ReplaceAll(help, "\n", " "), name, typ)
}

func labels(l map[string]string) string {
	if len(l) == 0 {
		return ""
	}
	keys := make([]string, 0, len(l))
	for k := range l {
		if validMetricName(k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + quote(l[k])
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// quote escapes a label value as the exposition format requires.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func num(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "+Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	case math.IsNaN(f):
		return "NaN"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func validMetricName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || c == ':' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
