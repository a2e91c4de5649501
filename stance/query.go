package stance

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
	Types       []Type
	Counterpart string // actor reference: only stances whose other end is this actor
	From, To    Date   // inclusive date range
	First       int    // page size; 0 means DefaultPageSize
	After       string // cursor from a previous page
	// SkipTotal says the caller will not read the page's Total, which a
	// store may then leave 0 rather than count; SkipCursors likewise for
	// Cursors (nil) and EndCursor (""). A GraphQL page that asks for
	// neither totalCount nor edges and pageInfo sets both: the count and
	// the cursors were a twentieth of a notebook request's CPU.
	SkipTotal, SkipCursors bool
}

// StanceQuery selects stances across the store. Zero fields do not filter.
type StanceQuery struct {
	Subject          string // actor reference
	Object           string // actor reference
	Types            []Type
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

// PageQuery selects one page of a listing that has no filters of its own
// (documents, a document's stances, a dyad's stances). Listings with
// filters (ActorQuery, StanceQuery, AdjacencyQuery) carry the same two
// fields, so every listing pages the same way: First items after the
// cursor After.
type PageQuery struct {
	First int    // page size; 0 means DefaultPageSize, at most MaxPageSize
	After string // PageInfo.EndCursor of the previous page; "" for the first
}

// EachOptions select what a ForEachStance walk visits; nil means the
// defaults, live stances only.
type EachOptions struct {
	IncludeRetracted bool // visit retracted stances too, as a lossless export needs
}

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

// Bounds of Paths: MaxHops and Limit of a PathQuery, where zero means
// the default.
const (
	DefaultMaxHops = 3
	MaxHops        = 6
	DefaultPaths   = 10
	MaxPaths       = 1000
)

// PathQuery asks for paths between two actors over live stances.
type PathQuery struct {
	From, To        string // actor references
	MaxHops         int    // 0 means 3
	Types           []Type
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
	Type  Type
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
	Types    []Type
	From, To Date
}

// MatrixCell counts live stances of one type from Subject to Object.
type MatrixCell struct {
	Subject, Object string // actor IDs
	Type            Type
	Count           int
}

// Stats counts what the store holds; Stances counts live stances only.
type Stats struct {
	Actors    int
	Stances   int
	Retracted int
	Documents int
}
