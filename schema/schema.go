// Package schema builds the GraphQL schema of the contract
// (../shared/api/schema.graphql) with graphql-go, attaching the resolve
// functions of package resolvers.
//
// New builds a fresh schema for one Resolver, so tests and embedding
// programs can hold several, each with its own store and stance vocabulary.
// The only process-wide effect is a one-time repair of graphql-go's own
// introspection (see repairIntrospection).
package schema

import (
	"fmt"
	"maps"
	"sort"
	"strings"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/stance"
)

// New returns the schema of the contract, with the StanceType enum built
// from r's vocabulary (the six defaults plus any configured types). It fails
// when a field has no resolve function or a resolve function names no field,
// so a drift between the two packages shows at start-up, not at query time.
func New(r *resolvers.Resolver) (graphql.Schema, error) {
	if r == nil {
		return graphql.Schema{}, fmt.Errorf("schema: New needs a resolver")
	}
	repairIntrospection()
	b := &builder{resolve: r.FieldResolvers(), subscribe: r.FieldSubscribers(), used: map[string]bool{}}
	s, err := b.build(r.Vocabulary())
	if err != nil {
		return graphql.Schema{}, fmt.Errorf("schema: %w", err)
	}
	if err := b.check(); err != nil {
		return graphql.Schema{}, fmt.Errorf("schema: %w", err)
	}
	warmEnums(s)
	return s, nil
}

// builder attaches resolve functions while the types are defined and
// remembers which ones it used.
type builder struct {
	resolve   map[string]map[string]graphql.FieldResolveFn
	subscribe map[string]graphql.FieldResolveFn // Subscription fields
	used      map[string]bool
	missing   []string
}

// fields attaches the resolve function of every field of type typ.
func (b *builder) fields(typ string, fs graphql.Fields) graphql.Fields {
	for name, f := range fs {
		fn := b.resolve[typ][name]
		if fn == nil {
			b.missing = append(b.missing, typ+"."+name)
			continue
		}
		f.Resolve = fn
		b.used[typ+"."+name] = true
	}
	return fs
}

// object defines an object type whose fields are built lazily, so types may
// refer to each other (Actor -> Stance -> Actor).
func (b *builder) object(name, desc string, fs func() graphql.Fields) *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        name,
		Description: desc,
		Fields:      graphql.FieldsThunk(func() graphql.Fields { return b.fields(name, fs()) }),
	})
}

func (b *builder) check() error {
	var unused []string
	for typ, fs := range b.resolve {
		for name := range fs {
			if !b.used[typ+"."+name] {
				unused = append(unused, typ+"."+name)
			}
		}
	}
	for name := range b.subscribe {
		if !b.used["subscribe "+name] {
			unused = append(unused, "Subscription."+name+" (subscribe)")
		}
	}
	sort.Strings(b.missing)
	sort.Strings(unused)
	switch {
	case len(b.missing) > 0:
		return fmt.Errorf("no resolve function for %s", strings.Join(b.missing, ", "))
	case len(unused) > 0:
		return fmt.Errorf("resolve functions for fields the schema lacks: %s", strings.Join(unused, ", "))
	}
	return nil
}

// warmEnums makes graphql-go fill each enum's lazily built lookup maps now:
// filled on first use by concurrent requests, they are a data race.
func warmEnums(s graphql.Schema) {
	for _, t := range s.TypeMap() {
		e, ok := t.(*graphql.Enum)
		if !ok {
			continue
		}
		for _, v := range e.Values() {
			e.Serialize(v.Value)
			e.ParseValue(v.Name)
		}
	}
}

// ordered puts an enum's values in the given order. graphql-go builds them
// from a map, so introspection (and every schema browser) would otherwise
// list the vocabulary in random order; Values returns the enum's own
// slice, which is sorted in place before the schema is shared.
func ordered(e *graphql.Enum, names []string) *graphql.Enum {
	rank := make(map[string]int, len(names))
	for i, n := range names {
		rank[n] = i
	}
	vals := e.Values()
	sort.SliceStable(vals, func(i, j int) bool { return rank[vals[i].Name] < rank[vals[j].Name] })
	return e
}

func nonNull(t graphql.Type) graphql.Type { return graphql.NewNonNull(t) }

func listOf(t graphql.Type) graphql.Type {
	return graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(t)))
}

// kit holds the types the parts of the schema share while build defines
// them. Objects are defined with thunks, so a part may name a type that a
// later part fills in (Actor's stances are Stances, a Stance's subject an
// Actor).
type kit struct {
	b                                     *builder
	date                                  *graphql.Scalar
	actorKind, stanceType, direction      *graphql.Enum
	types                                 *graphql.ArgumentConfig
	actor, stance, document               *graphql.Object
	stanceConn, actorConn, documentConn   *graphql.Object
	path, typeCount, dyad, cell           *graphql.Object
	typeInfo, stats, ingestResult         *graphql.Object
	stanceFilter, actorInput, stanceInput *graphql.InputObject
	documentInput                         *graphql.InputObject
}

// page adds the contract's first and after arguments to extra.
func (k *kit) page(extra graphql.FieldConfigArgument) graphql.FieldConfigArgument {
	if extra == nil {
		extra = graphql.FieldConfigArgument{}
	}
	extra["first"] = &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: stance.DefaultPageSize,
		Description: fmt.Sprintf("page size, 0..%d", stance.MaxPageSize)}
	extra["after"] = &graphql.ArgumentConfig{Type: graphql.String, Description: "endCursor of the previous page"}
	return extra
}

// build defines every type of the contract, plus the documented extensions
// (Stance.retractReason, Stats.retracted, the Subscription type, ...).
func (b *builder) build(vocab *stance.Vocabulary) (graphql.Schema, error) {
	k := &kit{b: b, date: Date(), actorKind: actorKindEnum(), stanceType: StanceTypeEnum(vocab)}
	k.direction = ordered(graphql.NewEnum(graphql.EnumConfig{
		Name: "Direction",
		Values: graphql.EnumValueConfigMap{
			"OUT":  {Value: "OUT", Description: "stances the actor holds toward others (actor is the subject)"},
			"IN":   {Value: "IN", Description: "stances others hold toward the actor (actor is the object)"},
			"BOTH": {Value: "BOTH", Description: "both"},
		},
	}), []string{"OUT", "IN", "BOTH"})
	k.types = &graphql.ArgumentConfig{Type: graphql.NewList(nonNull(k.stanceType))}
	k.nouns()
	k.results()
	k.inputs()
	return graphql.NewSchema(graphql.SchemaConfig{
		Query:        k.query(),
		Mutation:     k.mutation(),
		Subscription: k.subscription(),
		// Types not reachable from a field would be missing from
		// introspection; listing the scalars and enums keeps them present
		// even if a later edit drops their last use.
		Types: []graphql.Type{k.date, k.actorKind, k.stanceType, k.direction},
	})
}

// nouns defines Actor, Stance and Document with their connections.
func (k *kit) nouns() {
	b, id, str, date, page := k.b, graphql.ID, graphql.String, k.date, k.page
	actorKind, stanceType, direction, types := k.actorKind, k.stanceType, k.direction, k.types
	eventReference, eventMeasures := eventTypes(b)
	var actor, stance, document *graphql.Object
	pageInfo := b.object("PageInfo", "Where a page sits in its listing.", func() graphql.Fields {
		return graphql.Fields{
			"hasNextPage": {Type: nonNull(graphql.Boolean)},
			"endCursor":   {Type: str, Description: "pass as after for the next page; null for an empty page"},
		}
	})
	stanceEdge := b.object("StanceEdge", "", func() graphql.Fields {
		return graphql.Fields{
			"cursor": {Type: nonNull(str), Description: "opaque; pass as after to continue after this stance"},
			"node":   {Type: nonNull(stance)},
		}
	})
	stanceConn := b.object("StanceConnection", "A page of stances.", func() graphql.Fields {
		return graphql.Fields{
			"totalCount": {Type: nonNull(graphql.Int), Description: "matches in the whole listing"},
			"edges":      {Type: listOf(stanceEdge)},
			"nodes":      {Type: listOf(stance)},
			"pageInfo":   {Type: nonNull(pageInfo)},
		}
	})
	actorConn := b.object("ActorConnection", "A page of actors.", func() graphql.Fields {
		return graphql.Fields{
			"totalCount": {Type: nonNull(graphql.Int)},
			"nodes":      {Type: listOf(actor)},
			"pageInfo":   {Type: nonNull(pageInfo)},
		}
	})
	documentConn := b.object("DocumentConnection", "A page of documents.", func() graphql.Fields {
		return graphql.Fields{
			"totalCount": {Type: nonNull(graphql.Int)},
			"nodes":      {Type: listOf(document)},
			"pageInfo":   {Type: nonNull(pageInfo)},
		}
	})
	actor = b.object("Actor", "A state, government, armed group, organization or person holding stances.", func() graphql.Fields {
		return graphql.Fields{
			"id":       {Type: nonNull(id), Description: "a UUID, stable across reloads of the same data"},
			"name":     {Type: nonNull(str), Description: "canonical name, e.g. \"United States\""},
			"kind":     {Type: nonNull(actorKind)},
			"aliases":  {Type: listOf(str), Description: "the other names it is found by"},
			"country":  {Type: str, Description: "ISO 3166-1 alpha-3 where one applies, e.g. \"USA\""},
			"code":     {Type: str, Description: "CAMEO-style actor code where known, e.g. \"AFGGOV\""},
			"wikidata": {Type: str, Description: "Wikidata item ID where known, e.g. \"Q30\""},
			"stances": {
				Type: nonNull(stanceConn),
				Args: page(graphql.FieldConfigArgument{
					"direction":   {Type: direction, DefaultValue: "OUT"},
					"types":       types,
					"counterpart": {Type: id, Description: "only stances whose other end is this actor (UUID or name)"},
					"from":        {Type: date, Description: "only stances dated on or after"},
					"to":          {Type: date, Description: "only stances dated on or before"},
				}),
			},
			"degree": {
				Type:        nonNull(graphql.Int),
				Description: "number of live stances",
				Args:        graphql.FieldConfigArgument{"direction": {Type: direction, DefaultValue: "BOTH"}},
			},
		}
	})
	stance = b.object("Stance", "A typed, dated, sourced claim that subject holds a stance toward object.", func() graphql.Fields {
		return graphql.Fields{
			"id":            {Type: nonNull(id)},
			"type":          {Type: nonNull(stanceType)},
			"subject":       {Type: nonNull(actor)},
			"object":        {Type: nonNull(actor)},
			"topic":         {Type: str, Description: "what it is about, e.g. \"direct peace talks\""},
			"date":          {Type: date, Description: "when it was expressed (else its document's date)"},
			"confidence":    {Type: nonNull(graphql.Float), Description: "0..1; 1 for curated stances"},
			"evidence":      {Type: listOf(evidence(b, &document)), Description: "where it is stated; empty only for bare assertions"},
			"retracted":     {Type: nonNull(graphql.Boolean)},
			"retractReason": {Type: str, Description: "why it was retracted (extension)"},
			"references":    {Type: listOf(eventReference), Description: "event dataset records coding it (extension)"},
			"event":         {Type: eventMeasures, Description: "what its event dataset measured; null for a stance from text (extension)"},
		}
	})
	document = b.object("Document", "A source text.", func() graphql.Fields {
		return graphql.Fields{
			"id":      {Type: nonNull(id), Description: "derived from the text: the same text is one document"},
			"title":   {Type: str},
			"source":  {Type: str, Description: "publisher"},
			"url":     {Type: str},
			"date":    {Type: date},
			"text":    {Type: nonNull(str)},
			"stances": {Type: nonNull(stanceConn), Args: page(nil)},
		}
	})
	k.actor, k.stance, k.document = actor, stance, document
	k.stanceConn, k.actorConn, k.documentConn = stanceConn, actorConn, documentConn
}

// results defines the objects queries and mutations answer with beside
// the nouns.
func (k *kit) results() {
	b, str, page := k.b, graphql.String, k.page
	actor, stance, document, stanceType, stanceConn := k.actor, k.stance, k.document, k.stanceType, k.stanceConn
	path := b.object("Path", "A chain of stances between two actors.", func() graphql.Fields {
		return graphql.Fields{
			"actors":  {Type: listOf(actor), Description: "from first to last, hops + 1 of them"},
			"stances": {Type: listOf(stance), Description: "one per hop, in order"},
		}
	})
	typeCount := b.object("TypeCount", "", func() graphql.Fields {
		return graphql.Fields{
			"type":  {Type: nonNull(stanceType)},
			"count": {Type: nonNull(graphql.Int)},
		}
	})
	dyad := b.object("Dyad", "The live stances between two actors.", func() graphql.Fields {
		return graphql.Fields{
			"a":       {Type: nonNull(actor)},
			"b":       {Type: nonNull(actor)},
			"aToB":    {Type: listOf(typeCount), Description: "live stances with a as subject and b as object"},
			"bToA":    {Type: listOf(typeCount)},
			"stances": {Type: nonNull(stanceConn), Description: "both ways, by date", Args: page(nil)},
		}
	})
	cell := b.object("MatrixCell", "", func() graphql.Fields {
		return graphql.Fields{
			"subject": {Type: nonNull(actor)},
			"object":  {Type: nonNull(actor)},
			"type":    {Type: nonNull(stanceType)},
			"count":   {Type: nonNull(graphql.Int)},
		}
	})
	typeInfo := b.object("StanceTypeInfo", "", func() graphql.Fields {
		return graphql.Fields{
			"type":        {Type: nonNull(stanceType)},
			"description": {Type: nonNull(str)},
			"plover":      {Type: str, Description: "the PLOVER event type it corresponds to, e.g. \"REQUEST\""},
			"cameo":       {Type: listOf(str), Description: "CAMEO codes it covers"},
			"weight":      {Type: nonNull(graphql.Float), Description: "cooperation (+10) to conflict (-10) score, Goldstein-style"},
		}
	})
	stats := b.object("Stats", "", func() graphql.Fields {
		return graphql.Fields{
			"actors":    {Type: nonNull(graphql.Int)},
			"stances":   {Type: nonNull(graphql.Int), Description: "live stances"},
			"documents": {Type: nonNull(graphql.Int)},
			"retracted": {Type: nonNull(graphql.Int), Description: "retracted stances (extension)"},
		}
	})
	ingestCounts := b.object("IngestCounts", "Records one ingestDocument call added to the store; 0 for those already known (extension).", func() graphql.Fields {
		return graphql.Fields{
			"actors":    {Type: nonNull(graphql.Int)},
			"documents": {Type: nonNull(graphql.Int)},
			"stances":   {Type: nonNull(graphql.Int)},
		}
	})
	ingestResult := b.object("IngestResult", "", func() graphql.Fields {
		return graphql.Fields{
			"document": {Type: nonNull(document)},
			"stances":  {Type: listOf(stance), Description: "the stances extracted from it (new or already known)"},
			"created":  {Type: nonNull(ingestCounts), Description: "what this call added: new actors, documents and stances (extension)"},
		}
	})

	k.path, k.typeCount, k.dyad, k.cell = path, typeCount, dyad, cell
	k.typeInfo, k.stats, k.ingestResult = typeInfo, stats, ingestResult
}

// inputs defines the input objects of filters and mutations.
func (k *kit) inputs() {
	id, str, date, actorKind, stanceType := graphql.ID, graphql.String, k.date, k.actorKind, k.stanceType
	stanceFilter := graphql.NewInputObject(graphql.InputObjectConfig{
		Name: "StanceFilter",
		Fields: graphql.InputObjectConfigFieldMap{
			"subject":          {Type: id},
			"object":           {Type: id},
			"types":            {Type: graphql.NewList(nonNull(stanceType))},
			"from":             {Type: date},
			"to":               {Type: date},
			"document":         {Type: id},
			"minConfidence":    {Type: graphql.Float},
			"includeRetracted": {Type: graphql.Boolean, DefaultValue: false},
			"dataset":          {Type: str, Description: "only stances citing a record of this event dataset, e.g. \"GDELT\" (extension)"},
			"quadClass":        {Type: graphql.Int, Description: "only stances from events of this CAMEO quad class, 1 to 4 (extension)"},
		},
	})
	actorInput := graphql.NewInputObject(graphql.InputObjectConfig{
		Name: "ActorInput",
		Fields: graphql.InputObjectConfigFieldMap{
			"name":     {Type: nonNull(str)},
			"kind":     {Type: nonNull(actorKind)},
			"aliases":  {Type: graphql.NewList(nonNull(str))},
			"country":  {Type: str},
			"code":     {Type: str},
			"wikidata": {Type: str},
		},
	})
	evidenceInput := graphql.NewInputObject(graphql.InputObjectConfig{
		Name: "EvidenceInput",
		Fields: graphql.InputObjectConfigFieldMap{
			"document": {Type: nonNull(id)},
			"quote":    {Type: nonNull(str), Description: "must occur in the document's text; the server finds the offsets"},
			"start":    {Type: graphql.Int, Description: "code-point offset of the occurrence meant, when the quote occurs more than once"},
			"prefix":   {Type: str, Description: "text just before the occurrence meant (as in W3C's TextQuoteSelector)"},
			"suffix":   {Type: str, Description: "text just after the occurrence meant"},
		},
	})
	stanceInput := graphql.NewInputObject(graphql.InputObjectConfig{
		Name: "StanceInput",
		Fields: graphql.InputObjectConfigFieldMap{
			"subject":    {Type: nonNull(id)},
			"type":       {Type: nonNull(stanceType)},
			"object":     {Type: nonNull(id)},
			"topic":      {Type: str},
			"date":       {Type: date},
			"confidence": {Type: graphql.Float, DefaultValue: 1.0},
			"evidence":   {Type: graphql.NewList(nonNull(evidenceInput))},
		},
	})
	documentInput := graphql.NewInputObject(graphql.InputObjectConfig{
		Name: "DocumentInput",
		Fields: graphql.InputObjectConfigFieldMap{
			"text":    {Type: nonNull(str)},
			"title":   {Type: str},
			"source":  {Type: str},
			"url":     {Type: str},
			"date":    {Type: date},
			"extract": {Type: graphql.Boolean, DefaultValue: true, Description: "run stance extraction and store what it finds"},
		},
	})

	k.stanceFilter, k.actorInput, k.stanceInput, k.documentInput = stanceFilter, actorInput, stanceInput, documentInput
}

// query defines the Query type, the contract's fields and the analyses.
func (k *kit) query() *graphql.Object {
	b, id, str, date, page, types := k.b, graphql.ID, graphql.String, k.date, k.page, k.types
	actor, stance, document, actorKind, stanceFilter := k.actor, k.stance, k.document, k.actorKind, k.stanceFilter
	actorConn, stanceConn, documentConn := k.actorConn, k.stanceConn, k.documentConn
	path, dyad, cell, typeInfo, stats := k.path, k.dyad, k.cell, k.typeInfo, k.stats
	analysis := analysisTypes{actor: actor, stance: stance, typeCount: k.typeCount, date: date, direction: k.direction}
	return b.object("Query", "", func() graphql.Fields {
		fs := graphql.Fields{
			"actor": {
				Type:        actor,
				Description: "null when nothing matches; code: a CAMEO actor code such as AFGINSTAL (beyond the contract)",
				Args:        graphql.FieldConfigArgument{"id": {Type: id}, "name": {Type: str}, "code": {Type: str}},
			},
			"actors": {
				Type:        nonNull(actorConn),
				Description: "search: case-insensitive substring of the canonical name or of an alias",
				Args:        page(graphql.FieldConfigArgument{"kind": {Type: actorKind}, "search": {Type: str}, "code": {Type: str}}),
			},
			"stance": {Type: stance, Args: graphql.FieldConfigArgument{"id": {Type: nonNull(id)}}},
			"stances": {
				Type: nonNull(stanceConn),
				Args: page(graphql.FieldConfigArgument{"filter": {Type: stanceFilter}}),
			},
			"document":  {Type: document, Args: graphql.FieldConfigArgument{"id": {Type: nonNull(id)}}},
			"documents": {Type: nonNull(documentConn), Args: page(nil)},
			"paths": {
				Type:        listOf(path),
				Description: "Shortest paths first; a hop follows a live stance in either direction unless followDirection is set.",
				Args: graphql.FieldConfigArgument{
					"from":            {Type: nonNull(id)},
					"to":              {Type: nonNull(id)},
					"maxHops":         {Type: graphql.Int, DefaultValue: 3},
					"types":           types,
					"followDirection": {Type: graphql.Boolean, DefaultValue: false},
					"limit":           {Type: graphql.Int, DefaultValue: 10},
				},
			},
			"dyad": {
				Type: nonNull(dyad),
				Args: graphql.FieldConfigArgument{"a": {Type: nonNull(id)}, "b": {Type: nonNull(id)}},
			},
			"matrix": {
				Type:        listOf(cell),
				Description: "Counts of live stances between every ordered pair of the given actors (every actor when actors is omitted); zero cells are left out.",
				Args: graphql.FieldConfigArgument{
					"actors": {Type: graphql.NewList(nonNull(id))},
					"types":  types,
					"from":   {Type: date},
					"to":     {Type: date},
				},
			},
			"vocabulary": {Type: listOf(typeInfo)},
			"stats":      {Type: nonNull(stats)},
		}
		maps.Copy(fs, analysisQueries(b, analysis))
		return fs
	})
}

// mutation defines the Mutation type.
func (k *kit) mutation() *graphql.Object {
	b, id, str := k.b, graphql.ID, graphql.String
	actor, stance, ingestResult := k.actor, k.stance, k.ingestResult
	actorInput, stanceInput, documentInput := k.actorInput, k.stanceInput, k.documentInput
	return b.object("Mutation", "", func() graphql.Fields {
		return graphql.Fields{
			"upsertActor": {
				Type:        nonNull(actor),
				Description: "matched by name or alias; merges aliases",
				Args:        graphql.FieldConfigArgument{"input": {Type: nonNull(actorInput)}},
			},
			"addAlias": {
				Type: nonNull(actor),
				Args: graphql.FieldConfigArgument{"actor": {Type: nonNull(id)}, "alias": {Type: nonNull(str)}},
			},
			"mergeActors": {
				Type:        nonNull(actor),
				Description: "moves every stance and alias of merge onto keep",
				Args:        graphql.FieldConfigArgument{"keep": {Type: nonNull(id)}, "merge": {Type: nonNull(id)}},
			},
			"addStance": {
				Type:        nonNull(stance),
				Description: "the same stance twice is one stance",
				Args:        graphql.FieldConfigArgument{"input": {Type: nonNull(stanceInput)}},
			},
			"retractStance": {
				Type: nonNull(stance),
				Args: graphql.FieldConfigArgument{"id": {Type: nonNull(id)}, "reason": {Type: str}},
			},
			"ingestDocument": {
				Type: nonNull(ingestResult),
				Args: graphql.FieldConfigArgument{"input": {Type: nonNull(documentInput)}},
			},
		}
	})
}

// subscription defines the Subscription type (an extension).
func (k *kit) subscription() *graphql.Object {
	b, stance, stanceFilter := k.b, k.stance, k.stanceFilter
	return b.object("Subscription", "Changes as they are committed, streamed over Server-Sent Events at /graphql/stream (the graphql-sse protocol; extension).", func() graphql.Fields {
		return b.subscriptions(graphql.Fields{
			"stanceAdded": {
				Type:        nonNull(stance),
				Description: "each new live stance matching filter (every one without it; includeRetracted is ignored: new stances are live)",
				Args:        graphql.FieldConfigArgument{"filter": {Type: stanceFilter}},
			},
			"stanceRetracted": {
				Type:        nonNull(stance),
				Description: "each stance retracted, with its reason",
			},
		})
	})
}

// eventTypes defines the types extending the contract with evidence by
// reference and event measures (README, "Event data").
func eventTypes(b *builder) (reference, measures *graphql.Object) {
	str, float, integer := graphql.String, graphql.Float, graphql.Int
	reference = b.object("EventReference", "A record of an event dataset that codes a stance: evidence by reference (extension).", func() graphql.Fields {
		return graphql.Fields{
			"dataset":   {Type: nonNull(str), Description: "\"GDELT\", \"ICEWS\", \"PLOVER\", ..."},
			"record":    {Type: nonNull(str), Description: "the dataset's event ID: GLOBALEVENTID, ICEWS Event ID, PLOVER id"},
			"story":     {Type: str, Description: "ICEWS Story ID"},
			"sentence":  {Type: integer, Description: "ICEWS sentence number in the story"},
			"url":       {Type: str, Description: "source article"},
			"publisher": {Type: str},
		}
	})
	location := b.object("EventLocation", "Where an event took place (extension).", func() graphql.Fields {
		return graphql.Fields{
			"name":    {Type: str},
			"country": {Type: str, Description: "as the dataset codes it: FIPS 10-4 for GDELT, a name for ICEWS"},
			"lat":     {Type: float},
			"long":    {Type: float},
		}
	})
	measures = b.object("EventMeasures", "What an event dataset measured about the event a stance comes from; null fields were not given (extension).", func() graphql.Fields {
		return graphql.Fields{
			"eventCode": {Type: str, Description: "CAMEO event code, or PLOVER event type"},
			"goldstein": {Type: float, Description: "-10 (conflict) to +10 (cooperation)"},
			"quadClass": {Type: integer, Description: "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"},
			"mentions":  {Type: integer, Description: "GDELT NumMentions"},
			"sources":   {Type: integer, Description: "GDELT NumSources"},
			"articles":  {Type: integer, Description: "GDELT NumArticles"},
			"tone":      {Type: float, Description: "GDELT AvgTone"},
			"location":  {Type: location},
		}
	})
	return reference, measures
}

// subscriptions attaches the Subscribe function of every Subscription
// field, wrapped so that the engine learns when the subscription is in
// place (see started).
func (b *builder) subscriptions(fs graphql.Fields) graphql.Fields {
	for name, f := range fs {
		fn := b.subscribe[name]
		if fn == nil {
			b.missing = append(b.missing, "Subscription."+name+" (subscribe)")
			continue
		}
		f.Subscribe = started(fn)
		b.used["subscribe "+name] = true
	}
	return fs
}

// evidence defines the Evidence type; doc is read lazily because Document is
// defined after Stance.
func evidence(b *builder, doc **graphql.Object) *graphql.Object {
	return b.object("Evidence", "Where a stance is stated.", func() graphql.Fields {
		return graphql.Fields{
			"document": {Type: nonNull(*doc)},
			"quote":    {Type: nonNull(graphql.String), Description: "exact text of the document"},
			"start":    {Type: nonNull(graphql.Int), Description: "offset of quote in Document.text, in Unicode code points"},
			"end":      {Type: nonNull(graphql.Int), Description: "end offset, exclusive"},
		}
	})
}

func actorKindEnum() *graphql.Enum {
	desc := map[stance.ActorKind]string{
		stance.KindState:        "a country as a whole: United States, Pakistan, Russia, Iran",
		stance.KindGovernment:   "a government or administration: Kabul government",
		stance.KindArmedGroup:   "non-state armed group: Taliban, Islamic State",
		stance.KindOrganization: "international or other organization: NATO, United Nations",
		stance.KindPerson:       "a named individual, when not folded into an actor",
		stance.KindOther:        "anything else",
	}
	values := graphql.EnumValueConfigMap{}
	kinds := stance.ActorKinds()
	for _, k := range kinds {
		values[string(k)] = &graphql.EnumValueConfig{Value: string(k), Description: desc[k]}
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return ordered(graphql.NewEnum(graphql.EnumConfig{Name: "ActorKind", Values: values}), names)
}

// StanceTypeEnum returns the StanceType enum of vocab: one value per type,
// named and valued by the type name.
func StanceTypeEnum(vocab *stance.Vocabulary) *graphql.Enum {
	values := graphql.EnumValueConfigMap{}
	for _, t := range vocab.Types() {
		values[t.Type] = &graphql.EnumValueConfig{Value: t.Type, Description: t.Description}
	}
	return ordered(graphql.NewEnum(graphql.EnumConfig{
		Name:        "StanceType",
		Description: "The stance vocabulary: the six defaults plus the types of the deployment's vocabulary file.",
		Values:      values,
	}), vocab.Names())
}
