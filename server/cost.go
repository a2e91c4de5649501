package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/graphql-go/graphql"
)

// Defaults of the cost model's Config fields.
const (
	// DefaultExpensiveCost is the complexity from which a query waits for
	// one of the expensive slots: a page of a thousand stances with a few
	// fields each, or an unfiltered matrix.
	DefaultExpensiveCost = 10_000
	// DefaultExpensiveSlots is how many expensive queries run at once; the
	// others wait, within their deadline, so cheap queries keep the cores.
	DefaultExpensiveSlots = 2
	// DefaultMaxResponseBytes bounds the JSON of one answer, and so the
	// memory a request holds for it.
	DefaultMaxResponseBytes = 32 << 20
)

// Sizes are the store's counts that the cost model reads to estimate results
// whose size depends on the data rather than on the query.
type Sizes struct {
	// Actors is the number of actors: an unfiltered matrix has up to
	// Actors squared cells per stance type.
	Actors int
	// Stances is the number of live stances, which no matrix exceeds.
	Stances int
}

// assumedSizes stand in when Config.Sizes is nil or fails: a store of a
// hundred actors and ten thousand stances, the size of a curated graph.
var assumedSizes = Sizes{Actors: 100, Stances: 10_000}

// costModel holds what checkLimits needs beyond the query: the limits,
// the schema's sizes and the store's.
type costModel struct {
	maxDepth, maxCost int
	stanceTypes       int            // values of StanceType, for matrix cells
	intro             map[string]int // average size of each introspection list
	sizes             func(ctx context.Context) (Sizes, error)
}

func newCostModel(cfg *Config) *costModel {
	m := &costModel{maxDepth: cfg.MaxDepth, maxCost: cfg.MaxComplexity, stanceTypes: 1, intro: introspectionSizes(&cfg.Schema), sizes: cfg.Sizes}
	if e, ok := cfg.Schema.Type("StanceType").(*graphql.Enum); ok {
		m.stanceTypes = max(len(e.Values()), 1)
	}
	return m
}

// storeSizes asks Config.Sizes, falling back on assumedSizes.
func (m *costModel) storeSizes(ctx context.Context) Sizes {
	if m.sizes == nil {
		return assumedSizes
	}
	sz, err := m.sizes(ctx)
	if err != nil {
		return assumedSizes
	}
	return sz
}

// introspectionSizes gives, for each list an introspection query can ask,
// its average length in s, rounded up: types is every type; fields the
// fields of a type that has some; args the arguments of a field; and so on.
// A full introspection then costs about what its answer holds.
func introspectionSizes(s *graphql.Schema) map[string]int {
	var types, withFields, fields, args, enums, values, inputs, inputFields, ifaces int
	for _, t := range s.TypeMap() {
		types++
		switch t := t.(type) {
		case *graphql.Object:
			withFields++
			fields += len(t.Fields())
			ifaces += len(t.Interfaces())
			for _, f := range t.Fields() {
				args += len(f.Args)
			}
		case *graphql.Interface:
			withFields++
			fields += len(t.Fields())
			for _, f := range t.Fields() {
				args += len(f.Args)
			}
		case *graphql.Enum:
			enums++
			values += len(t.Values())
		case *graphql.InputObject:
			inputs++
			inputFields += len(t.Fields())
		}
	}
	ceil := func(a, b int) int { return (a + max(b, 1) - 1) / max(b, 1) }
	return map[string]int{
		"types":         types,
		"fields":        ceil(fields, withFields),
		"args":          max(ceil(args, fields), 1),
		"enumValues":    ceil(values, enums),
		"inputFields":   ceil(inputFields, inputs),
		"interfaces":    ceil(ifaces, withFields),
		"possibleTypes": 1,
		"directives":    len(s.Directives()),
	}
}

// errBusy is an expensive query that found no free slot before its deadline.
var errBusy = errors.New("server: no slot for an expensive query")

// acquire waits for an expensive slot when complexity calls for one; the
// returned func releases it.
func (s *Server) acquire(ctx context.Context, complexity int) (release func(), err error) {
	if complexity < s.cfg.ExpensiveCost {
		return func() {}, nil
	}
	select {
	case s.expensive <- struct{}{}:
		return func() { <-s.expensive }, nil
	case <-ctx.Done():
		return nil, errBusy
	}
}

// busy is the answer to a query that waited its whole deadline for a slot.
func (s *Server) busy(complexity int) *httpError {
	return &httpError{status: http.StatusServiceUnavailable, code: codeTimeout,
		msg: fmt.Sprintf("the server is busy with other expensive queries: this one (complexity %d, expensive from %d) found none of the %d slots free within %v; retry later or ask for less",
			complexity, s.cfg.ExpensiveCost, s.cfg.ExpensiveSlots, s.cfg.Timeout),
		header: map[string]string{"Retry-After": "5"}}
}

// errResponseTooLarge is an answer that grew past Config.MaxResponseBytes.
var errResponseTooLarge = errors.New("server: the response exceeds its budget")

// tooLarge is the answer to a query whose result passed the budget.
func (s *Server) tooLarge() *httpError {
	return &httpError{status: http.StatusRequestEntityTooLarge, code: codeTooLarge,
		msg: fmt.Sprintf("the response would exceed the limit of %d bytes; ask for smaller pages, fewer aliases or fewer fields", s.cfg.MaxResponseBytes)}
}

// applyQueryDefaults fills the zero query-limit fields of cfg and checks them.
func applyQueryDefaults(cfg *Config) error {
	for _, d := range []struct {
		name string
		v    *int
		def  int
	}{
		{"MaxTokens", &cfg.MaxTokens, DefaultMaxTokens},
		{"MaxFields", &cfg.MaxFields, DefaultMaxFields},
		{"MaxSelectionFields", &cfg.MaxSelectionFields, DefaultMaxSelectionFields},
		{"MaxAliases", &cfg.MaxAliases, DefaultMaxAliases},
		{"ExpensiveCost", &cfg.ExpensiveCost, DefaultExpensiveCost},
		{"ExpensiveSlots", &cfg.ExpensiveSlots, DefaultExpensiveSlots},
		{"MaxResponseBytes", &cfg.MaxResponseBytes, DefaultMaxResponseBytes},
	} {
		if *d.v == 0 {
			*d.v = d.def
		}
		if *d.v < 0 {
			return fmt.Errorf("server: %s %d is negative", d.name, *d.v)
		}
	}
	return nil
}

// shape is the shape limits of cfg.
func (cfg *Config) shape() shapeLimits {
	return shapeLimits{tokens: cfg.MaxTokens, fields: cfg.MaxFields, selectionField: cfg.MaxSelectionFields, aliases: cfg.MaxAliases}
}

// deadline is the 504 answer of a request whose time ran out.
func (s *Server) deadline() *httpError {
	return &httpError{status: http.StatusGatewayTimeout, code: codeTimeout,
		msg: fmt.Sprintf("the request did not finish within %v", s.cfg.Timeout)}
}
