// Package ingest stores a document together with the stances extracted
// from it. graphd load (for articles) and the ingestDocument mutation share
// it, so both store exactly the same thing for the same text.
package ingest

import (
	"context"
	"errors"
	"fmt"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
)

// Result is what one document added.
type Result struct {
	Document graph.Document
	Stances  []graph.Stance // every stance extracted, new or already known
	Created  graph.LoadResult
}

// Document extracts stances from doc's text, then stores the document, the
// actors they name and the stances in one all-or-nothing load. Ingesting
// the same text again adds nothing.
func Document(ctx context.Context, store *graph.Store, ex *extract.Extractor, doc graph.Document) (Result, error) {
	cands, err := ex.Extract(ctx, doc.Text, doc.Date)
	if err != nil {
		return Result{}, fmt.Errorf("ingest: extract: %w", err)
	}
	docID := graph.DocumentID(doc.Text)
	batch := graph.Batch{Documents: []graph.Document{doc}}
	seen := map[string]bool{}
	sent := map[string]bool{}
	for _, c := range cands {
		if sameActor(ctx, store, c.Subject.Name, c.Object.Name) {
			continue // "Iran demands Iran": the store refuses self-stances
		}
		for _, a := range []graph.Actor{c.Subject, c.Object} {
			if seen[a.Name] {
				continue
			}
			seen[a.Name] = true
			if act, ok := newActor(ctx, store, a); ok {
				batch.Actors = append(batch.Actors, act)
			}
		}
		// The same claim in the same words is one stance: send it once.
		id := c.Subject.Name + "\x00" + c.Type + "\x00" + c.Object.Name + "\x00" + c.Quote
		if sent[id] {
			continue
		}
		sent[id] = true
		// The extractor knows where the quote is: say so, since a
		// sentence can occur twice in a text and the store refuses to
		// guess which occurrence is meant.
		start := c.Start
		batch.Stances = append(batch.Stances, graph.StanceSpec{
			Subject: c.Subject.Name, Type: c.Type, Object: c.Object.Name,
			Topic: c.Topic, Date: c.Date, Confidence: c.Confidence,
			Evidence: []graph.EvidenceSpec{{Document: docID, Quote: c.Quote, Start: &start}},
		})
	}
	created, err := store.Load(ctx, batch)
	if err != nil {
		return Result{}, err
	}
	res := Result{Created: created}
	if res.Document, err = store.Document(ctx, docID); err != nil {
		return Result{}, err
	}
	// Read back the stances: one listing per (subject, type, object), since
	// a long text repeats the same claim, then the stances citing a
	// candidate's quote in this document, new or already known.
	type triple struct{ subj, typ, obj string }
	quotes := map[triple]map[string]bool{}
	var order []triple
	for _, c := range cands {
		k := triple{c.Subject.Name, c.Type, c.Object.Name}
		if quotes[k] == nil {
			quotes[k] = map[string]bool{}
			order = append(order, k)
		}
		quotes[k][c.Quote] = true
	}
	got := map[string]bool{}
	for _, k := range order {
		page, err := store.Stances(ctx, graph.StanceQuery{Subject: k.subj, Object: k.obj, Types: []string{k.typ}, Document: docID, IncludeRetracted: true, First: graph.MaxPageSize})
		if err != nil {
			return Result{}, err
		}
		for _, st := range page.Stances {
			if got[st.ID] || !cites(st, docID, quotes[k]) {
				continue
			}
			got[st.ID] = true
			res.Stances = append(res.Stances, st)
		}
	}
	return res, nil
}

// sameActor reports whether two names denote one actor, by their spelling
// or in the store.
func sameActor(ctx context.Context, store *graph.Store, a, b string) bool {
	if graph.NormalizeName(a) == graph.NormalizeName(b) {
		return true
	}
	x, errA := store.Actor(ctx, a)
	y, errB := store.Actor(ctx, b)
	return errA == nil && errB == nil && x.ID == y.ID
}

func cites(st graph.Stance, doc string, quotes map[string]bool) bool {
	for _, e := range st.Evidence {
		if e.DocumentID == doc && quotes[e.Quote] {
			return true
		}
	}
	return false
}

// newActor returns the dictionary actor to add, or false when the store
// already knows it by its canonical name. Aliases that already name another
// stored actor are dropped: the analyst's curation wins over the dictionary.
func newActor(ctx context.Context, store *graph.Store, a graph.Actor) (graph.Actor, bool) {
	if _, err := store.Actor(ctx, a.Name); err == nil {
		return graph.Actor{}, false
	}
	out := a
	out.Aliases = nil
	for _, al := range a.Aliases {
		if _, err := store.Actor(ctx, al); errors.Is(err, graph.ErrNotFound) {
			out.Aliases = append(out.Aliases, al)
		}
	}
	return out, true
}
