package graph_test

import (
	"fmt"
	"reflect"
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
	if want := (graph.LoadResult{Actors: 300, Documents: 600, Stances: 3000}); !reflect.DeepEqual(res, want) {
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
	if !reflect.DeepEqual(res, graph.LoadResult{}) {
		t.Fatalf("reload = %+v, want nothing added", res)
	}
	mustCheck(t, s)
}

// TestLoadMergesAcrossSplits repeats stances at every distance up to two
// transactions back (an 8 MiB memtable holds about a thousand stances per
// transaction), some identical and some adding evidence, so duplicates meet
// their first copy in the same transaction, in the one still committing
// while the next is filled, and in committed ones; every stance must merge
// and every index entry and counter stay right.
func TestLoadMergesAcrossSplits(t *testing.T) {
	s, err := graph.Open("", &graph.Options{InMemory: true, MemTableSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := bigBatch(200, 4000, 4)
	n := len(b.Stances)
	var extended int
	for i := 0; i < n; i += 7 {
		d := b.Stances[(i*131)%n]
		if i%2 == 0 {
			// The same stance with a second quote: evidence to merge.
			j := (i*131 + 1) % n
			if b.Stances[j].Evidence[0].Document != d.Evidence[0].Document {
				j = (i*131 - 1 + n) % n
			}
			if b.Stances[j].Evidence[0].Document == d.Evidence[0].Document {
				d.Evidence = append(append([]graph.EvidenceSpec(nil), d.Evidence...), b.Stances[j].Evidence[0])
				extended++
			}
		}
		b.Stances = append(b.Stances, d)
		b.Stances[i], b.Stances[len(b.Stances)-1] = b.Stances[len(b.Stances)-1], b.Stances[i]
	}
	if extended == 0 {
		t.Fatal("no duplicate adds evidence; the test would not exercise merges")
	}
	res, err := s.Load(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := (graph.LoadResult{Actors: 200, Documents: 1000, Stances: 4000}); !reflect.DeepEqual(res, want) {
		t.Fatalf("Load = %+v, want %+v", res, want)
	}
	mustCheck(t, s)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Stances != 4000 {
		t.Fatalf("Stats = %+v, want 4000 stances", st)
	}
	if res, err := s.Load(ctx, b); err != nil || !reflect.DeepEqual(res, graph.LoadResult{}) {
		t.Fatalf("reload = %+v, %v; want nothing added", res, err)
	}
	mustCheck(t, s)
}

// TestPageTotalsDuringLoad reads an actor's stances while a large load
// commits split after split: each page's total must equal the entries its
// own snapshot holds, though the degree table is published after a split's
// commit.
func TestPageTotalsDuringLoad(t *testing.T) {
	s, err := graph.Open("", &graph.Options{InMemory: true, MemTableSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := bigBatch(50, 6000, 4)
	if _, err := s.Load(ctx, graph.Batch{Actors: b.Actors}); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := s.Load(ctx, b)
		done <- err
	}()
	reads := 0
	for loading := true; loading || reads < 5; reads++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			loading = false
		default:
		}
		pg, err := s.ActorStances(ctx, "Actor 3", graph.AdjacencyQuery{Direction: graph.Both, First: 500})
		if err != nil {
			t.Fatal(err)
		}
		if pg.PageInfo.HasNext {
			t.Fatalf("more than 500 stances of Actor 3; raise First")
		}
		if pg.Total != len(pg.Stances) {
			t.Fatalf("read %d: total %d, page holds %d", reads, pg.Total, len(pg.Stances))
		}
	}
	mustCheck(t, s)
}
