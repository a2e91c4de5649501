package graph

import "fmt"

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

// Evidence locates the text that states a stance.
type Evidence struct {
	DocumentID string
	Quote      string // exact text of the document
	Start, End int    // code-point offsets of Quote in the document text, end exclusive
}

// Stance is a typed, dated, sourced claim that Subject holds a stance of Type
// toward Object.
type Stance struct {
	ID         string
	Subject    string // actor ID
	Type       string // a type of the store's Vocabulary
	Object     string // actor ID
	Topic      string
	Date       Date
	Confidence float64 // 0..1; 1 for curated stances
	Evidence   []Evidence
	// References cite event datasets' records that code this stance
	// (evidence by reference, beside Evidence by quote).
	References    []Reference
	Event         *Measures // what an event dataset measured; nil for text evidence
	Retracted     bool
	RetractReason string
}

// Document is a source text. Its ID is derived from the text, so the same
// text is always the same document.
type Document struct {
	ID     string
	Title  string
	Source string // publisher
	URL    string
	Date   Date
	Text   string
}

// EvidenceSpec names a quote in a document when adding a stance; the store
// finds its offsets. A quote occurring more than once in the document needs
// a selector, as in W3C's TextQuoteSelector: Prefix and Suffix, the text
// just before and after the occurrence meant, or Start, its expected
// offset. Without one such a quote is refused with ErrAmbiguousQuote
// rather than resolved to its first occurrence.
type EvidenceSpec struct {
	Document string // document ID
	Quote    string
	Prefix   string // text the document has just before the quote; "" matches any
	Suffix   string // text the document has just after the quote; "" matches any
	Start    *int   // code-point offset of the quote in the document; nil matches any
}

// StanceSpec describes a stance to add. Subject and Object are actor
// references: an ID or any name of the actor.
type StanceSpec struct {
	Subject    string
	Type       string
	Object     string
	Topic      string
	Date       Date
	Confidence float64 // in (0, 1]; 0 means 1, a curated stance
	Evidence   []EvidenceSpec
	// References and Event: see Stance. The same reference (dataset and
	// record) is the same stance, as the same quote is.
	References []Reference
	Event      *Measures
	// Retracted stores the stance retracted with RetractReason, so that
	// an export that keeps retracted stances loads back unchanged. Adding
	// a retracted spec retracts the same stance already stored.
	Retracted     bool
	RetractReason string
}

// Direction selects stances by the role an actor plays in them.
type Direction int

// Directions: Out for stances the actor holds (subject), In for stances held
// toward it (object).
const (
	Both Direction = iota
	Out
	In
)

// AdjacencyQuery selects the stances of one actor. The zero Direction is
// Both; zero fields do not filter.
type AdjacencyQuery struct {
	Direction   Direction
	Types       []string
	Counterpart string // actor reference: only stances whose other end is this actor
	From, To    Date   // inclusive date range
	First       int    // page size; 0 means DefaultPageSize
	After       string // cursor from a previous page
}

// StanceQuery selects stances across the store. Zero fields do not filter.
type StanceQuery struct {
	Subject          string // actor reference
	Object           string // actor reference
	Types            []string
	From, To         Date
	Document         string // document ID
	MinConfidence    float64
	IncludeRetracted bool
	// Dataset keeps stances citing a record of that event dataset
	// ("GDELT"; case-insensitive); "" for any.
	Dataset string
	// QuadClass keeps stances whose event measures have that CAMEO quad
	// class (1 to 4); 0 for any.
	QuadClass int
	First     int
	After     string
}

// ActorQuery selects actors.
type ActorQuery struct {
	Kind   ActorKind // "" for every kind
	Search string    // case-insensitive substring of the name or an alias
	Code   string    // exact CAMEO actor code, case-insensitive; "" for any
	First  int
	After  string
}

// Page bounds, shared by every listing.
const (
	DefaultPageSize = 50
	MaxPageSize     = 1000
)

// PageInfo describes where a page sits in its listing.
type PageInfo struct {
	Total     int    // matches in the whole listing
	HasNext   bool   // more matches follow this page
	EndCursor string // pass as After for the next page; "" when the page is empty
}

// StancePage is one page of stances with a cursor per stance.
type StancePage struct {
	Stances []Stance
	Cursors []string
	PageInfo
}

// ActorPage is one page of actors.
type ActorPage struct {
	Actors  []Actor
	Cursors []string
	PageInfo
}

// DocumentPage is one page of documents.
type DocumentPage struct {
	Documents []Document
	Cursors   []string
	PageInfo
}

// PathQuery asks for paths between two actors over live stances.
type PathQuery struct {
	From, To        string // actor references
	MaxHops         int    // 0 means 3
	Types           []string
	FollowDirection bool // hops only go from subject to object
	Limit           int  // 0 means 10
}

// Path is a chain of stances; Actors has one more element than Stances.
type Path struct {
	Actors  []string // actor IDs from first to last
	Stances []Stance // one per hop, in order
}

// TypeCount counts stances of one type.
type TypeCount struct {
	Type  string
	Count int
}

// Dyad summarizes the live stances between two actors.
type Dyad struct {
	A, B string      // actor IDs
	AToB []TypeCount // stances with A as subject and B as object, in vocabulary order
	BToA []TypeCount
}

// MatrixQuery selects the actors and stances counted by Matrix.
type MatrixQuery struct {
	Actors   []string // actor references; empty means every actor
	Types    []string
	From, To Date
}

// MatrixCell counts live stances of one type from Subject to Object.
type MatrixCell struct {
	Subject, Object string // actor IDs
	Type            string
	Count           int
}

// Stats counts what the store holds; Stances counts live stances only.
type Stats struct {
	Actors    int
	Stances   int
	Retracted int
	Documents int
}

// Batch is a set of records applied all-or-nothing by Store.Load: actors
// first, then documents, then stances, so stances may refer to actors and
// documents of the same batch.
type Batch struct {
	Actors    []Actor
	Documents []Document
	Stances   []StanceSpec
	// Upsert lets the batch change stored data: an actor line may change
	// the kind, country, code or Wikidata item of the actor it names, a new
	// actor listing an alias of another actor is merged into that actor,
	// and a stance already stored takes the batch's topic and confidence.
	// Without it each of these is an error wrapping ErrConflict, so that a
	// load never changes data silently. Either way LoadResult.Changes lists
	// what changed.
	Upsert bool
}

// LoadResult counts what a Load added; records already present are not
// counted. Changes lists what it changed in records already stored.
type LoadResult struct {
	Actors, Documents, Stances int
	Changes                    []Change `json:",omitempty"` // at most MaxChanges
	Changed                    int      `json:",omitempty"` // all changes, listed or not
}

// MaxChanges bounds LoadResult.Changes; Changed counts the rest.
const MaxChanges = 1000

// Change is one field of a stored record that a load changed.
type Change struct {
	Record string // "actor" or "stance"
	Index  int    // 0-based index of the batch record that changed it
	ID     string // the stored actor or stance
	Name   string // the actor's name, or the stance as "subject TYPE object"
	Field  string // "kind", "country", "code", "wikidata", "aliases", "merged", "topic" or "confidence"
	Old    string `json:",omitempty"`
	New    string `json:",omitempty"`
	Line   int    `json:",omitempty"` // line of the record in its file, set by loaders that know it
}

// String describes the change for a load summary.
func (c Change) String() string {
	at := fmt.Sprintf("%s %d", c.Record, c.Index+1)
	if c.Line > 0 {
		at = fmt.Sprintf("line %d", c.Line)
	}
	switch {
	case c.Field == "merged":
		return fmt.Sprintf("%s: merged into %s %q (%s)", at, c.Record, c.Name, c.New)
	case c.Field == "aliases":
		return fmt.Sprintf("%s: %s %q: aliases added: %s", at, c.Record, c.Name, c.New)
	case c.Old == "":
		return fmt.Sprintf("%s: %s %q: %s set to %q", at, c.Record, c.Name, c.Field, c.New)
	}
	return fmt.Sprintf("%s: %s %q: %s changed from %q to %q", at, c.Record, c.Name, c.Field, c.Old, c.New)
}

// note records a change, listing the first MaxChanges.
func (r *LoadResult) note(c Change) {
	r.Changed++
	if len(r.Changes) < MaxChanges {
		r.Changes = append(r.Changes, c)
	}
}

// add accumulates another result, as an import does over its batches.
func (r *LoadResult) add(o LoadResult) {
	r.Actors += o.Actors
	r.Documents += o.Documents
	r.Stances += o.Stances
	for _, c := range o.Changes {
		r.note(c)
	}
	r.Changed += o.Changed - len(o.Changes)
}
