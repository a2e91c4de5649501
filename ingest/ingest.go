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
	for _, c := range cands {
		for _, a := range []graph.Actor{c.Subject, c.Object} {
			if seen[a.Name] {
				continue
			}
			seen[a.Name] = true
			if act, ok := newActor(ctx, store, a); ok {
				batch.Actors = append(batch.Actors, act)
			}
		}
		batch.Stances = append(batch.Stances, graph.StanceSpec{
			Subject: c.Subject.Name, Type: c.Type, Object: c.Object.Name,
			Topic: c.Topic, Date: c.Date, Confidence: c.Confidence,
			Evidence: []graph.EvidenceSpec{{Document: docID, Quote: c.Quote}},
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
	// Read back each candidate's stance: it may be new or one already known.
	got := map[string]bool{}
	for _, c := range cands {
		page, err := store.Stances(ctx, graph.StanceQuery{Subject: c.Subject.Name, Object: c.Object.Name, Types: []string{c.Type}, Document: docID, IncludeRetracted: true, First: graph.MaxPageSize})
		if err != nil {
			return Result{}, err
		}
		for _, st := range page.Stances {
			if got[st.ID] || !cites(st, docID, c.Quote) {
				continue
			}
			got[st.ID] = true
			res.Stances = append(res.Stances, st)
		}
	}
	return res, nil
}

func cites(st graph.Stance, doc, quote string) bool {
	for _, e := range st.Evidence {
		if e.DocumentID == doc && e.Quote == quote {
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
