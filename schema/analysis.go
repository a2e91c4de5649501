package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// analysisTypes are what the analysis fields need from the contract's
// types, which build defines.
type analysisTypes struct {
	actor, stance, typeCount *graphql.Object
	date                     *graphql.Scalar
	direction                *graphql.Enum
}

// analysisQueries defines the Query fields of the analysis extension
// (README, "Analysis"): timeline, shifts, alignment and coalitions. Every
// number they return has the stances behind it one field away.
func analysisQueries(b *builder, t analysisTypes) graphql.Fields {
	bucket, kind := bucketEnum(), shiftKindEnum()
	// Each type gets its own stances field: the builder sets Resolve on it.
	stances := func() *graphql.Field { return stancesField(t.stance) }
	balance := b.object("TriadBalance", "Triangles of the signed graph; balanced when the product of the three signs is positive (extension).", func() graphql.Fields {
		return graphql.Fields{
			"triads":   {Type: nonNull(graphql.Int)},
			"balanced": {Type: nonNull(graphql.Int)},
			"share":    {Type: nonNull(graphql.Float), Description: "balanced / triads; 1 when there is no triangle"},
		}
	})
	timelineBucket := b.object("TimelineBucket", "The stances of one bucket of a timeline (extension).", func() graphql.Fields {
		return graphql.Fields{
			"start":   {Type: nonNull(t.date)},
			"end":     {Type: nonNull(t.date), Description: "last day, inclusive"},
			"counts":  {Type: listOf(t.typeCount), Description: "in vocabulary order; types without stances left out"},
			"total":   {Type: nonNull(graphql.Int)},
			"net":     {Type: nonNull(graphql.Float), Description: "sum of the vocabulary weights of its stances"},
			"stances": stances(),
		}
	})
	timeline := b.object("Timeline", "Counts per bucket, empty buckets included (extension).", func() graphql.Fields {
		return graphql.Fields{
			"a":       {Type: nonNull(t.actor)},
			"b":       {Type: t.actor},
			"bucket":  {Type: nonNull(bucket)},
			"buckets": {Type: listOf(timelineBucket)},
		}
	})
	shift := b.object("Shift", "A date where the net stance of a toward b turned (extension).", func() graphql.Fields {
		return graphql.Fields{
			"date":          {Type: nonNull(t.date), Description: "first day of the bucket where the new window ends"},
			"kind":          {Type: nonNull(kind)},
			"before":        {Type: nonNull(graphql.Float), Description: "net weight of the previous window with stances"},
			"after":         {Type: nonNull(graphql.Float), Description: "net weight of this window"},
			"beforeStances": {Type: listOf(t.stance), Description: "the last stances of the previous window"},
			"afterStances":  {Type: listOf(t.stance), Description: "the first stances of this window's new bucket"},
		}
	})
	shared := b.object("SharedCounterpart", "A third party behind an alignment score (extension).", func() graphql.Fields {
		return graphql.Fields{
			"counterpart":  {Type: nonNull(t.actor)},
			"weight":       {Type: nonNull(graphql.Float), Description: "net weight of the queried actor toward it"},
			"otherWeight":  {Type: nonNull(graphql.Float), Description: "net weight of the aligned actor toward it"},
			"contribution": {Type: nonNull(graphql.Float), Description: "its share of score; the contributions sum to the score"},
			"stances":      stances(),
		}
	})
	alignment := b.object("Alignment", "An actor scored by the cosine similarity of its stances toward third parties (extension).", func() graphql.Fields {
		return graphql.Fields{
			"actor":  {Type: nonNull(t.actor)},
			"score":  {Type: nonNull(graphql.Float), Description: "-1 opposite line to +1 same line"},
			"shared": {Type: listOf(shared), Description: "largest contribution first"},
		}
	})
	bloc := b.object("Bloc", "Actors that cooperate with each other more than with the rest (extension).", func() graphql.Fields {
		return graphql.Fields{
			"actors":      {Type: listOf(t.actor)},
			"stanceCount": {Type: nonNull(graphql.Int)},
			"stances":     withDesc(stances(), "the cooperative stances along the bloc's positive edges, by date"),
		}
	})
	actorBalance := b.object("ActorBalance", "One actor's bloc and triad balance (extension).", func() graphql.Fields {
		return graphql.Fields{
			"actor":   {Type: nonNull(t.actor)},
			"bloc":    {Type: nonNull(graphql.Int), Description: "index into blocs"},
			"balance": {Type: nonNull(balance)},
		}
	})
	coalitions := b.object("Coalitions", "Blocs of the signed graph and its balance (extension).", func() graphql.Fields {
		return graphql.Fields{
			"blocs":       {Type: listOf(bloc), Description: "largest first"},
			"frustration": {Type: nonNull(graphql.Float), Description: "weight of negative edges inside blocs plus positive edges between them"},
			"balance":     {Type: nonNull(balance)},
			"actors":      {Type: listOf(actorBalance), Description: "in bloc order"},
		}
	})
	rng := func(extra graphql.FieldConfigArgument) graphql.FieldConfigArgument {
		extra["from"] = &graphql.ArgumentConfig{Type: t.date, Description: "only stances dated on or after"}
		extra["to"] = &graphql.ArgumentConfig{Type: t.date, Description: "only stances dated on or before"}
		return extra
	}
	id := graphql.ID
	return graphql.Fields{
		"timeline": {
			Type:        nonNull(timeline),
			Description: "Live, dated stances of a (toward b only, when given) per bucket, empty buckets included (extension).",
			Args: rng(graphql.FieldConfigArgument{
				"a":         {Type: nonNull(id)},
				"b":         {Type: id},
				"direction": {Type: t.direction, DefaultValue: "BOTH"},
				"bucket":    {Type: bucket, DefaultValue: string(stance.Month)},
			}),
		},
		"shifts": {
			Type:        listOf(shift),
			Description: "Dates where the net stance of a toward b changes sign, or moves by more than threshold, between windows of stances (extension).",
			Args: rng(graphql.FieldConfigArgument{
				"a":         {Type: nonNull(id)},
				"b":         {Type: nonNull(id)},
				"bucket":    {Type: bucket, DefaultValue: string(stance.Month)},
				"window":    {Type: graphql.Int, DefaultValue: 1, Description: "buckets per window"},
				"threshold": {Type: graphql.Float, DefaultValue: 0.0, Description: "0: sign changes only"},
				"evidence":  {Type: graphql.Int, DefaultValue: 5, Description: "stances kept on each side"},
			}),
		},
		"alignment": {
			Type:        listOf(alignment),
			Description: "Actors whose stances toward third parties most resemble (or, with oppose, most oppose) the actor's (extension).",
			Args: rng(graphql.FieldConfigArgument{
				"actor":  {Type: nonNull(id)},
				"first":  {Type: graphql.Int, DefaultValue: 10},
				"oppose": {Type: graphql.Boolean, DefaultValue: false},
			}),
		},
		"coalitions": {
			Type:        nonNull(coalitions),
			Description: "Blocs of the signed graph of live stances and its balance (extension).",
			Args:        rng(graphql.FieldConfigArgument{}),
		},
	}
}

// stancesField is a list of stances behind a number, paged by first.
func stancesField(st *graphql.Object) *graphql.Field {
	return &graphql.Field{
		Type:        listOf(st),
		Description: "the stances behind the number, by date",
		Args:        graphql.FieldConfigArgument{"first": {Type: graphql.Int, DefaultValue: stance.DefaultPageSize, Description: "at most this many"}},
	}
}

func withDesc(f *graphql.Field, desc string) *graphql.Field {
	c := *f
	c.Description = desc
	return &c
}

func bucketEnum() *graphql.Enum {
	values := graphql.EnumValueConfigMap{}
	names := []string{}
	for _, b := range stance.Buckets() {
		values[string(b)] = &graphql.EnumValueConfig{Value: string(b)}
		names = append(names, string(b))
	}
	return ordered(graphql.NewEnum(graphql.EnumConfig{Name: "TimeBucket", Description: "Width of a timeline bucket; weeks start on Monday (extension).", Values: values}), names)
}

func shiftKindEnum() *graphql.Enum {
	return ordered(graphql.NewEnum(graphql.EnumConfig{
		Name: "ShiftKind",
		Values: graphql.EnumValueConfigMap{
			string(stance.SignChange): {Value: string(stance.SignChange), Description: "the net stance changed sign"},
			string(stance.Move):       {Value: string(stance.Move), Description: "it moved by more than the threshold"},
		},
	}), []string{string(stance.SignChange), string(stance.Move)})
}
