package ingest_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/seed"
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
