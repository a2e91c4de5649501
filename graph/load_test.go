package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// bigBatch returns a batch of n distinct stances among actors, quoting
// documents of per stances each.
func bigBatch(actors, n, per int) graph.Batch {
	var b graph.Batch
	for i := 0; i < actors; i++ {
		b.Actors = append(b.Actors, graph.Actor{Name: fmt.Sprintf("Actor %d", i), Kind: graph.KindState})
	}
	types := []string{"SUPPORTS", "REJECTS", "DEMANDS", "ACCUSES", "OFFERS", "ENGAGES"}
	for i := 0; i < n; i += per {
		var text strings.Builder
		var quotes []string
		for j := i; j < min(i+per, n); j++ {
			q := fmt.Sprintf("Sentence %d says actor %d meets actor %d.", j, j%actors, (j*7+1)%actors)
			quotes = append(quotes, q)
			text.WriteString(q + " ")
		}
		doc := graph.Document{Title: fmt.Sprintf("doc %d", i), Date: graph.NewDate(2020, 1, 1+i%28), Text: text.String()}
		doc.ID = graph.DocumentID(doc.Text)
		b.Documents = append(b.Documents, doc)
		for k, q := range quotes {
			j := i + k
			subj, obj := j%actors, (j*7+1)%actors
			if subj == obj {
				obj = (obj + 1) % actors
			}
			b.Stances = append(b.Stances, graph.StanceSpec{
				Subject: fmt.Sprintf("Actor %d", subj), Type: types[j%len(types)], Object: fmt.Sprintf("actor %d", obj),
				Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: q}},
			})
		}
	}
	return b
}

// TestLoadSplitsLargeBatches loads a batch far larger than one Badger
// transaction (an 8 MiB memtable allows about 1.2 MiB per transaction) and
// checks that it is committed in parts with every index entry and counter
// right, that duplicates inside the batch merge, and that a reload adds
// nothing.
func TestLoadSplitsLargeBatches(t *testing.T) {
	s, err := graph.Open("", &graph.Options{InMemory: true, MemTableSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := bigBatch(300, 3000, 5)
	// The same stance twice in one batch, far apart: one stance.
	b.Stances = append(b.Stances, b.Stances[10])
	res, err := s.Load(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := (graph.LoadResult{Actors: 300, Documents: 600, Stances: 3000}); res != want {
		t.Fatalf("Load = %+v, want %+v", res, want)
	}
	mustCheck(t, s)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Stances != 3000 || st.Actors != 300 || st.Documents != 600 {
		t.Fatalf("Stats = %+v", st)
	}
	total := 0
	for i := 0; i < 300; i++ {
		n, err := s.Degree(ctx, fmt.Sprintf("Actor %d", i), graph.Out)
		if err != nil {
			t.Fatal(err)
		}
		total += n
	}
	if total != 3000 {
		t.Fatalf("out-degrees sum to %d, want 3000", total)
	}
	res, err = s.Load(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if res != (graph.LoadResult{}) {
		t.Fatalf("reload = %+v, want nothing added", res)
	}
	mustCheck(t, s)
}
