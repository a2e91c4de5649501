package dgraphstore

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/dgo/v250"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// maxViolations bounds a check's report, as package graph's does, so that
// a badly damaged cluster still gives a readable answer.
const maxViolations = 1000

// Check verifies the cluster's records against one snapshot: each node's
// JSON decodes into a valid record of its type with the node's sg.id;
// each sg.id is held by one node of a type; the indexes a node carries
// (names, skeletons, code, the live flag, identities) agree with its
// record; a
// stance's subject, object and cited documents exist, its edges point at
// their nodes, and each quote sits at its offsets in its document. Dgraph
// keeps its own indexes; this checks what graphd wrote. The report counts
// the records checked and names each violation by node and ID; an error
// means the cluster could not be read.
func (s *Store) Check(ctx context.Context) (graph.CheckReport, error) {
	c := &checker{s: s, ctx: ctx, vocab: s.Vocabulary(), actors: map[string]string{}, names: map[string]string{}, docs: map[string][]rune{}}
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		c.txn = txn
		for _, f := range checkFamilies {
			if err := f(c); err != nil {
				return err
			}
		}
		return nil
	})
	return c.rep, err
}

// checkFamilies are the invariant families, in order: stances use the
// actors and documents the families before them collected.
var checkFamilies = []func(*checker) error{(*checker).checkActors, (*checker).checkDocuments, (*checker).checkStances}

// checker walks one snapshot of the cluster.
type checker struct {
	s     *Store
	ctx   context.Context
	txn   *dgo.Txn
	vocab *stance.Vocabulary
	rep   graph.CheckReport

	actors map[string]string // actor ID -> UID
	names  map[string]string // normalized name -> actor ID holding it
	docs   map[string][]rune // document ID -> its text
	uids   map[string]string // sg.id -> UID, within the type being read
}

// checkNode is a node as the check reads it: every predicate graphd
// writes, edges with their targets' IDs.
type checkNode struct {
	UID     string      `json:"uid"`
	ID      string      `json:"sg.id"`
	Data    *string     `json:"sg.data"`
	Key     []string    `json:"sg.key"`
	Skel    []string    `json:"sg.skel"`
	Code    string      `json:"sg.code"`
	Live    *bool       `json:"sg.live"`
	Ident   []string    `json:"sg.ident"`
	Subject *checkEdge  `json:"sg.subject"`
	Object  *checkEdge  `json:"sg.object"`
	Cites   []checkEdge `json:"sg.cites"`
}

// checkEdge is an edge's target.
type checkEdge struct {
	UID string `json:"uid"`
	ID  string `json:"sg.id"`
}

// checkSelection is what the check reads of each node.
const checkSelection = "uid sg.id sg.data sg.key sg.skel sg.code sg.live sg.ident sg.subject { uid sg.id } sg.object { uid sg.id } sg.cites { uid sg.id }"

// bad records a violation about node n.
func (c *checker) bad(kind string, n checkNode, f string, a ...any) {
	if len(c.rep.Violations) < maxViolations {
		c.rep.Violations = append(c.rep.Violations, fmt.Sprintf("%s node %s (sg.id %q): ", kind, n.UID, n.ID)+fmt.Sprintf(f, a...))
	}
}

// each calls fn with every node of type typ, in pages by UID, after
// proving that its sg.id is set, well formed and held by no other node of
// the type, and that it has a record.
func (c *checker) each(kind, typ string, fn func(checkNode)) error {
	c.uids = map[string]string{}
	return eachPage(c.ctx, c.s.dg, c.txn, typ, checkSelection, func(n checkNode) string { return n.UID }, func(n checkNode) error {
		if c.identified(kind, n) {
			fn(n)
		}
		return nil
	})
}

// identified proves n has a unique, valid sg.id and a record.
func (c *checker) identified(kind string, n checkNode) bool {
	switch {
	case n.ID == "":
		c.bad(kind, n, "sg.id is missing")
		return false
	case checkID(n.ID) != nil:
		c.bad(kind, n, "sg.id is not a UUID")
		return false
	case n.Data == nil:
		c.bad(kind, n, "sg.data (the record) is missing")
		return false
	}
	if other, dup := c.uids[n.ID]; dup {
		c.bad(kind, n, "sg.id is also held by %s node %s", kind, other)
		return false
	}
	c.uids[n.ID] = n.UID
	return true
}

// decodeRecord decodes n's record strictly into v.
func (c *checker) decodeRecord(kind string, n checkNode, v any) bool {
	d := json.NewDecoder(strings.NewReader(*n.Data))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		c.bad(kind, n, "sg.data does not decode: %v", err)
		return false
	}
	return true
}

// sameSet reports whether a and b hold the same strings.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// checkActors proves each actor's record and name indexes, and that no
// name belongs to two actors.
func (c *checker) checkActors() error {
	return c.each("actor", typeActor, func(n checkNode) {
		c.rep.Actors++
		c.actors[n.ID] = n.UID // an undecodable actor still exists for its stances
		var a stance.Actor
		if !c.decodeRecord("actor", n, &a) {
			return
		}
		switch {
		case a.ID != n.ID:
			c.bad("actor", n, "sg.data has id %q", a.ID)
		case stance.NormalizeName(a.Name) == "":
			c.bad("actor", n, "sg.data has no name")
		case !slices.Contains(stance.ActorKinds(), a.Kind):
			c.bad("actor", n, "sg.data has kind %q, not one of %v", a.Kind, stance.ActorKinds())
		case len(a.Aliases) > stance.MaxAliases:
			c.bad("actor", n, "%d aliases, over the limit of %d", len(a.Aliases), stance.MaxAliases)
		}
		want := actorRecord(a).fields
		if !sameSet(n.Key, want["sg.key"].([]string)) {
			c.bad("actor", n, "sg.key %q disagrees with the names of its record %q", n.Key, want["sg.key"])
		}
		if !sameSet(n.Skel, want["sg.skel"].([]string)) {
			c.bad("actor", n, "sg.skel %q disagrees with the names of its record", n.Skel)
		}
		if code, _ := want["sg.code"].(string); n.Code != code {
			c.bad("actor", n, "sg.code %q disagrees with its record's code %q", n.Code, a.Code)
		}
		for _, k := range want["sg.key"].([]string) {
			if other, taken := c.names[k]; taken && other != a.ID {
				c.bad("actor", n, "name %q also belongs to actor %s", k, other)
			}
			c.names[k] = a.ID
		}
	})
}

// checkDocuments proves each document's record: its ID is its text's.
func (c *checker) checkDocuments() error {
	return c.each("document", typeDocument, func(n checkNode) {
		c.rep.Documents++
		var d stance.Document
		if !c.decodeRecord("document", n, &d) {
			return
		}
		if d.ID != n.ID || stance.DocumentID(d.Text) != d.ID {
			c.bad("document", n, "sg.data has id %q, its text's is %s", d.ID, stance.DocumentID(d.Text))
			return
		}
		c.docs[d.ID] = []rune(d.Text)
	})
}

// checkStances proves each stance's record, its ends and citations, and
// that its edges and live flag agree with the record.
func (c *checker) checkStances() error {
	return c.each("stance", typeStance, func(n checkNode) {
		c.rep.Stances++
		var st stance.Stance
		if !c.decodeRecord("stance", n, &st) {
			return
		}
		if st.ID != n.ID {
			c.bad("stance", n, "sg.data has id %q", st.ID)
		}
		if !c.vocab.Has(st.Type) {
			c.bad("stance", n, "type %q is not in the store's vocabulary (%s)", st.Type, strings.Join(c.vocab.Names(), ", "))
		}
		if n.Live == nil || *n.Live == st.Retracted {
			c.bad("stance", n, "sg.live disagrees with its record (retracted %v)", st.Retracted)
		}
		if want := identsOf(st); !sameSet(n.Ident, want) {
			c.bad("stance", n, "sg.ident %q disagrees with its record's identities %q", n.Ident, want)
		}
		c.end(n, "sg.subject", n.Subject, st.Subject)
		c.end(n, "sg.object", n.Object, st.Object)
		c.citations(n, st)
	})
}

// end proves a stance's edge field points at the node of the actor its
// record names.
func (c *checker) end(n checkNode, field string, e *checkEdge, actor string) {
	uid, ok := c.actors[actor]
	switch {
	case !ok:
		c.bad("stance", n, "%s: its record's actor %s does not exist", field, actor)
	case e == nil:
		c.bad("stance", n, "%s is missing (its record names actor %s)", field, actor)
	case e.UID != uid:
		c.bad("stance", n, "%s points at node %s (sg.id %q), but its record names actor %s (node %s)", field, e.UID, e.ID, actor, uid)
	}
}

// citations proves a stance's quotes sit in existing documents at their
// offsets, and its sg.cites edges point at exactly those documents.
func (c *checker) citations(n checkNode, st stance.Stance) {
	var want []string
	for _, e := range st.Evidence {
		want = append(want, e.DocumentID)
		text, ok := c.docs[e.DocumentID]
		switch {
		case !ok:
			c.bad("stance", n, "evidence cites document %s, which does not exist", e.DocumentID)
		case e.Start < 0 || e.End > len(text) || e.Start > e.End || string(text[e.Start:e.End]) != e.Quote:
			c.bad("stance", n, "evidence quote %q is not at offsets %d-%d of document %s", clip(e.Quote), e.Start, e.End, e.DocumentID)
		}
	}
	var got []string
	for _, e := range n.Cites {
		got = append(got, e.ID)
	}
	if !sameSet(got, want) {
		c.bad("stance", n, "sg.cites points at documents %q, but its record cites %q", got, dedupe(want))
	}
}
