package ingest_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/seed"
	"github.com/stancegraph/stancegraph/stance"
)

// TestDocumentIsIdempotent ingests the seed article into an empty store:
// every stance it stores carries its quote at the right offsets and a
// confidence below 1, and ingesting the same text again adds nothing.
func TestDocumentIsIdempotent(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ex := extract.New(extract.DefaultDictionary())
	doc := graph.Document{Title: "seed", Text: seed.Article(), Date: graph.NewDate(2018, 3, 9)}
	res, err := ingest.Document(ctx, st, ex, doc)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created.Documents != 1 || res.Created.Stances == 0 || len(res.Stances) < res.Created.Stances {
		t.Fatalf("first ingest: created %+v, returned %d stances", res.Created, len(res.Stances))
	}
	runes := []rune(doc.Text)
	for _, s := range res.Stances {
		if s.Confidence >= 1 || len(s.Evidence) == 0 {
			t.Fatalf("extracted stance without evidence or with confidence 1: %+v", s)
		}
		e := s.Evidence[0]
		if string(runes[e.Start:e.End]) != e.Quote {
			t.Fatalf("offsets [%d:%d] do not hold %q", e.Start, e.End, e.Quote)
		}
	}
	again, err := ingest.Document(ctx, st, ex, doc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.Created, graph.LoadResult{}) || len(again.Stances) != len(res.Stances) {
		t.Fatalf("second ingest created %+v and returned %d stances (first returned %d)", again.Created, len(again.Stances), len(res.Stances))
	}
	if _, err := ingest.Document(ctx, st, ex, graph.Document{Text: "   "}); err == nil {
		t.Fatal("an empty document was accepted")
	}
}

// TestBatch checks the store-free batch graphd extract --records writes:
// each actor once, the same claim in the same words once, a stance naming
// one actor twice left out, and every quote with its offset.
func TestBatch(t *testing.T) {
	iran := stance.Actor{Name: "Iran", Kind: stance.KindState}
	taliban := stance.Actor{Name: "Taliban", Kind: stance.KindArmedGroup}
	cand := func(s, o stance.Actor, typ, quote string, start int) extract.Candidate {
		return extract.Candidate{Subject: s, Object: o, Type: typ, Quote: quote, Start: start, End: start + len([]rune(quote)), Confidence: 0.8}
	}
	doc := stance.Document{Text: "Iran urged the Taliban to talk. Iran urged the Taliban to talk. Iran urged Iran."}
	tests := []struct {
		name            string
		cands           []extract.Candidate
		actors, stances int
	}{
		{"none", nil, 0, 0},
		{"one", []extract.Candidate{cand(iran, taliban, "DEMANDS", "Iran urged the Taliban to talk.", 0)}, 2, 1},
		{"the same claim twice is sent once", []extract.Candidate{
			cand(iran, taliban, "DEMANDS", "Iran urged the Taliban to talk.", 0),
			cand(iran, taliban, "DEMANDS", "Iran urged the Taliban to talk.", 32)}, 2, 1},
		{"a self-stance is left out", []extract.Candidate{cand(iran, iran, "DEMANDS", "Iran urged Iran.", 64)}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := ingest.Batch(doc, tt.cands)
			if len(b.Documents) != 1 || len(b.Actors) != tt.actors || len(b.Stances) != tt.stances {
				t.Fatalf("got %d documents, %d actors, %d stances", len(b.Documents), len(b.Actors), len(b.Stances))
			}
			for _, s := range b.Stances {
				ev := s.Evidence[0]
				if ev.Document != stance.DocumentID(doc.Text) || ev.Start == nil || *ev.Start != 0 {
					t.Fatalf("evidence %+v", ev)
				}
			}
		})
	}
}
