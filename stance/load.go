package stance

import "fmt"

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
	// ReturnStored asks Load to return the records as stored in
	// LoadResult.Stored: what a caller that shows or links what it just
	// loaded needs (the ingestDocument mutation), and what a bulk load of
	// millions of records should not hold twice, so it is asked for.
	ReturnStored bool
}

// LoadResult counts what a Load added; records already present are not
// counted. Changes lists what it changed in records already stored, and
// Stored, when the batch asks for it, what the load stored, so that a
// caller needs no second read to learn the IDs, offsets and merged
// evidence the store gave its records.
type LoadResult struct {
	Actors, Documents, Stances int
	Changes                    []Change `json:",omitempty"` // at most MaxChanges
	Changed                    int      `json:",omitempty"` // all changes, listed or not
	Stored                     Stored   `json:"-"`
}

// Stored holds the records of one batch as the store keeps them, index for
// index with the batch: Actors[i] is the actor Batch.Actors[i] named after
// it was applied (new or merged into), Documents[i] the stored document
// (the first one stored with that text), Stances[i] the stance
// Batch.Stances[i] became, its evidence merged with the stance already
// stored. A failed load stores nothing and returns no records.
type Stored struct {
	Actors    []Actor
	Documents []Document
	Stances   []Stance
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

// Note records a change, listing the first MaxChanges: a store calls it
// for each change a load makes, so that every implementation bounds the
// list the same way.
func (r *LoadResult) Note(c Change) {
	r.Changed++
	if len(r.Changes) < MaxChanges {
		r.Changes = append(r.Changes, c)
	}
}

// Add accumulates another result, as an import does over its batches. It
// adds counts and changes, not Stored: an import of millions of records
// would otherwise keep them all.
func (r *LoadResult) Add(o LoadResult) {
	r.Actors += o.Actors
	r.Documents += o.Documents
	r.Stances += o.Stances
	for _, c := range o.Changes {
		r.Note(c)
	}
	r.Changed += o.Changed - len(o.Changes)
}
