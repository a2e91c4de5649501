package schema

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"

	"github.com/stancegraph/stancegraph/stance"
)

// scalars are the Go side of the SDL's custom scalars: how values are
// serialized and parsed. The description comes from the SDL.
var scalars = map[string]func() graphql.ScalarConfig{
	"Date": dateConfig,
}

// domainEnums are the enums whose values the stance package defines. The
// SDL must list exactly these values, except StanceType, whose values are
// the store's vocabulary whatever the SDL lists; the schema lists them in
// this order. Descriptions come from the SDL, and for StanceType from the
// vocabulary.
var domainEnums = map[string]func(*stance.Vocabulary) []enumValue{
	"StanceType": vocabValues,
	"ActorKind": func(*stance.Vocabulary) []enumValue {
		return valuesOf(stance.ActorKinds())
	},
	"TimeBucket": func(*stance.Vocabulary) []enumValue {
		return valuesOf(stance.Buckets())
	},
	"ShiftKind": func(*stance.Vocabulary) []enumValue {
		return valuesOf([]stance.ShiftKind{stance.SignChange, stance.Move})
	},
}

// enumValue is one value of an enum built from Go data.
type enumValue struct{ name, description string }

func valuesOf[T ~string](xs []T) []enumValue {
	out := make([]enumValue, len(xs))
	for i, x := range xs {
		out[i] = enumValue{name: string(x)}
	}
	return out
}

// vocabValues are the stance types of vocab with their descriptions.
func vocabValues(vocab *stance.Vocabulary) []enumValue {
	var out []enumValue
	for _, t := range vocab.Types() {
		out = append(out, enumValue{name: t.Type, description: t.Description})
	}
	return out
}

func (b *builder) scalar(d *ast.ScalarDefinition) (graphql.Type, error) {
	cfg, ok := scalars[d.Name.Value]
	if !ok {
		return nil, fmt.Errorf("%s: scalar %s has no Go implementation (see scalars)", at(d), d.Name.Value)
	}
	c := cfg()
	if d.Description != nil {
		c.Description = d.Description.Value
	}
	return graphql.NewScalar(c), nil
}

// enum defines an enum with the SDL's values in SDL order, or, for a
// domain enum, with the Go values in Go order.
func (b *builder) enum(d *ast.EnumDefinition) (graphql.Type, error) {
	var values []enumValue
	deprecated := map[string]string{}
	for _, v := range d.Values {
		values = append(values, enumValue{name: v.Name.Value, description: text(v.Description)})
		deprecated[v.Name.Value] = deprecation(v.Directives)
	}
	if domain := domainEnums[d.Name.Value]; domain != nil {
		var err error
		if values, err = domainValues(d, values, domain(b.vocab)); err != nil {
			return nil, err
		}
	}
	e := newEnum(d.Name.Value, text(d.Description), values)
	for _, v := range e.Values() {
		v.DeprecationReason = deprecated[v.Name]
	}
	return e, nil
}

// domainValues checks the SDL's values of a domain enum against the Go
// ones and returns the Go ones, described by the SDL where Go is silent.
func domainValues(d *ast.EnumDefinition, sdl, goValues []enumValue) ([]enumValue, error) {
	names := func(vs []enumValue) []string {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = v.name
		}
		return out
	}
	have, want := names(sdl), names(goValues)
	// A store's vocabulary may replace the contract's six types (a PLOVER
	// store has PLOVER's 16), so StanceType takes the vocabulary's as they are.
	if d.Name.Value != "StanceType" && !slices.Equal(sorted(have), sorted(want)) {
		return nil, fmt.Errorf("%s: enum %s lists %s; the stance package defines %s", at(d), d.Name.Value, strings.Join(have, " "), strings.Join(want, " "))
	}
	desc := map[string]string{}
	for _, v := range sdl {
		desc[v.name] = v.description
	}
	out := slices.Clone(goValues)
	for i := range out {
		if out[i].description == "" {
			out[i].description = desc[out[i].name]
		}
	}
	return out, nil
}

func sorted(xs []string) []string {
	ys := slices.Clone(xs)
	sort.Strings(ys)
	return ys
}

// newEnum defines an enum whose values are valued by their names, listed
// in the given order. graphql-go builds them from a map, so introspection
// (and every schema browser) would otherwise list them in random order;
// Values returns the enum's own slice, sorted here before the schema is
// shared.
func newEnum(name, desc string, values []enumValue) *graphql.Enum {
	m := graphql.EnumValueConfigMap{}
	rank := make(map[string]int, len(values))
	for i, v := range values {
		m[v.name] = &graphql.EnumValueConfig{Value: v.name, Description: v.description}
		rank[v.name] = i
	}
	e := graphql.NewEnum(graphql.EnumConfig{Name: name, Description: desc, Values: m})
	vals := e.Values()
	sort.SliceStable(vals, func(i, j int) bool { return rank[vals[i].Name] < rank[vals[j].Name] })
	return e
}
