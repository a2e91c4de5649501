// Package ingest stores a document together with the stances extracted
// from it. graphd load (for articles) and the ingestDocument mutation share
// it, so both store exactly the same thing for the same text; graphd
// extract --records writes the same batch as JSON Lines for review.
package ingest

import (
	"context"
	"errors"
	"fmt"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/stance"
)

// Result is what one document added.
type Result struct {
	Document stance.Document
	Stances  []stance.Stance // every stance extracted, new or already known
	Created  stance.LoadResult
}

// Document extracts stances from doc's text, then stores the document, the
// actors they name and the stances in one all-or-nothing load. Ingesting
// the same text again adds nothing.
func Document(ctx context.Context, store stance.Store, ex *extract.Extractor, doc stance.Document) (Result, error) {
	cands, err := ex.Extract(ctx, doc.Text, doc.Date)
	if err != nil {
		return Result{}, fmt.Errorf("ingest: extract: %w", err)
	}
	// "Iran demands Iran" by another name: the store refuses self-stances.
	kept := cands[:0:0]
	for _, c := range cands {
		if !sameActor(ctx, store, c.Subject.Name, c.Object.Name) {
			kept = append(kept, c)
		}
	}
	batch := Batch(doc, kept)
	batch.ReturnStored = true
	batch.Actors = newActors(ctx, store, batch.Actors)
	created, err := store.Load(ctx, batch)
	if err != nil {
		return Result{}, err
	}
	// The load returns what it stored: the document (the one stored
	// first, when the text was known) and, spec for spec, the stance each
	// candidate became, new or merged into one already known.
	res := Result{Document: created.Stored.Documents[0], Created: created}
	got := map[string]bool{}
	for _, st := range created.Stored.Stances {
		if !got[st.ID] {
			got[st.ID] = true
			res.Stances = append(res.Stances, st)
		}
	}
	// Created counts; the records are Document and Stances.
	res.Created.Stored = stance.Stored{}
	return res, nil
}

// Batch is the load that stores doc with the stances of cands, for an
// empty store: the dictionary actors they name (each once, with its
// aliases), the document, and one stance per claim, whose evidence cites
// the document by ID with the quote's offset. Candidates whose two actors
// have one name are left out, as the store refuses self-stances.
func Batch(doc stance.Document, cands []extract.Candidate) stance.Batch {
	docID := stance.DocumentID(doc.Text)
	batch := stance.Batch{Documents: []stance.Document{doc}}
	seen := map[string]bool{}
	sent := map[string]bool{}
	for _, c := range cands {
		if stance.NormalizeName(c.Subject.Name) == stance.NormalizeName(c.Object.Name) {
			continue
		}
		for _, a := range []stance.Actor{c.Subject, c.Object} {
			if !seen[a.Name] {
				seen[a.Name] = true
				batch.Actors = append(batch.Actors, a)
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
		batch.Stances = append(batch.Stances, stance.StanceSpec{
			Subject: c.Subject.Name, Type: c.Type, Object: c.Object.Name,
			Topic: c.Topic, Date: c.Date, Confidence: c.Confidence,
			Evidence: []stance.EvidenceSpec{{Document: docID, Quote: c.Quote, Start: &start}},
		})
	}
	return batch
}

// sameActor reports whether two names denote one actor, by their spelling
// or in the store.
func sameActor(ctx context.Context, store stance.Store, a, b string) bool {
	if stance.NormalizeName(a) == stance.NormalizeName(b) {
		return true
	}
	x, errA := store.Actor(ctx, a)
	y, errB := store.Actor(ctx, b)
	return errA == nil && errB == nil && x.ID == y.ID
}

// newActors keeps the dictionary actors the store does not know by their
// canonical name. Aliases that already name another stored actor are
// dropped: the analyst's curation wins over the dictionary.
func newActors(ctx context.Context, store stance.Store, actors []stance.Actor) []stance.Actor {
	var out []stance.Actor
	for _, a := range actors {
		if _, err := store.Actor(ctx, a.Name); err == nil {
			continue
		}
		kept := a
		kept.Aliases = nil
		for _, al := range a.Aliases {
			if _, err := store.Actor(ctx, al); errors.Is(err, stance.ErrNotFound) {
				kept.Aliases = append(kept.Aliases, al)
			}
		}
		out = append(out, kept)
	}
	return out
}
