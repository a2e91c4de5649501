package schema

import (
	"context"

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

func newCostModel(s *graphql.Schema, cfg *Config) *costModel {
	m := &costModel{maxDepth: cfg.MaxDepth, maxCost: cfg.MaxComplexity, stanceTypes: 1, intro: introspectionSizes(s), sizes: cfg.Sizes}
	if e, ok := s.Type("StanceType").(*graphql.Enum); ok {
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
