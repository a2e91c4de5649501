package stance

// ActorKind classifies an actor.
type ActorKind string

// The actor kinds of the GraphQL contract.
const (
	KindState        ActorKind = "STATE"
	KindGovernment   ActorKind = "GOVERNMENT"
	KindArmedGroup   ActorKind = "ARMED_GROUP"
	KindOrganization ActorKind = "ORGANIZATION"
	KindPerson       ActorKind = "PERSON"
	KindOther        ActorKind = "OTHER"
)

// ActorKinds lists every valid ActorKind in contract order, in a new slice
// each call so that no caller can change what another sees.
func ActorKinds() []ActorKind {
	return []ActorKind{KindState, KindGovernment, KindArmedGroup, KindOrganization, KindPerson, KindOther}
}

// Valid reports whether k is one of ActorKinds.
func (k ActorKind) Valid() bool {
	for _, v := range ActorKinds() {
		if k == v {
			return true
		}
	}
	return false
}

// Actor is a state, government, armed group, organization or person that
// holds stances. Its ID is derived from its canonical name, so loading the
// same data into a fresh store yields the same IDs.
type Actor struct {
	ID       string    // UUID (version 5 of the normalized canonical name)
	Name     string    // canonical name, e.g. "United States"
	Kind     ActorKind // defaults to KindOther
	Aliases  []string  // other names the actor is found by
	Country  string    // ISO 3166-1 alpha-3, where one applies
	Code     string    // CAMEO-style actor code, e.g. "AFGGOV"
	Wikidata string    // Wikidata item, e.g. "Q30"
}

// MaxNameBytes bounds a name or alias.
const MaxNameBytes = 200

// MaxAliases bounds the aliases of one actor. Every alias is a key of the
// name index and a line of the actor's record, read whole on each lookup
// and listing; a few hundred covers every spelling and translation of a
// real actor's name, while an unbounded list made one record megabytes.
const MaxAliases = 256
