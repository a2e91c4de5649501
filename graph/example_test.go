package graph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/stancegraph/stancegraph/graph"
)

// Open an in-memory store, add two actors, a document and a stance quoting
// it, then read the stance back through the subject's adjacency. The
// README's "Embedding in Go" copies this function's body, and a test keeps
// the two equal.
func Example() {
	ctx := context.Background()
	store, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()

	if _, err := store.UpsertActor(ctx, graph.Actor{Name: "United States", Kind: graph.KindState, Aliases: []string{"U.S.", "Washington"}, Country: "USA"}); err != nil {
		log.Fatal(err)
	}
	if _, err := store.UpsertActor(ctx, graph.Actor{Name: "Taliban", Kind: graph.KindArmedGroup}); err != nil {
		log.Fatal(err)
	}
	doc, _, err := store.PutDocument(ctx, graph.Document{Title: "Briefing", Text: "Washington urged the Taliban to join talks."})
	if err != nil {
		log.Fatal(err)
	}
	_, created, err := store.AddStance(ctx, graph.StanceSpec{
		Subject: "U.S.", Type: "DEMANDS", Object: "taliban", Topic: "talks",
		Date:     graph.NewDate(2018, 3, 9),
		Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "urged the Taliban to join talks"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	page, err := store.ActorStances(ctx, "Washington", graph.AdjacencyQuery{Direction: graph.Out})
	if err != nil {
		log.Fatal(err)
	}
	for _, st := range page.Stances {
		obj, err := store.Actor(ctx, st.Object)
		if err != nil {
			log.Fatal(err)
		}
		ev := st.Evidence[0]
		fmt.Printf("created=%v %s %s on %s: %q [%d:%d]\n", created, st.Type, obj.Name, st.Date, ev.Quote, ev.Start, ev.End)
	}
	// Output:
	// created=true DEMANDS Taliban on 2018-03-09: "urged the Taliban to join talks" [11:42]
}

// Paths finds chains of stances between two actors, shortest first.
func ExampleStore_Paths() {
	ctx := context.Background()
	store, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	for _, name := range []string{"Russia", "Taliban", "Kabul government"} {
		if _, err := store.UpsertActor(ctx, graph.Actor{Name: name}); err != nil {
			log.Fatal(err)
		}
	}
	for _, s := range []graph.StanceSpec{
		{Subject: "Russia", Type: "ENGAGES", Object: "Taliban"},
		{Subject: "Taliban", Type: "REJECTS", Object: "Kabul government"},
	} {
		if _, _, err := store.AddStance(ctx, s); err != nil {
			log.Fatal(err)
		}
	}
	paths, err := store.Paths(ctx, graph.PathQuery{From: "Russia", To: "Kabul government"})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range paths {
		for i, st := range p.Stances {
			a, _ := store.Actor(ctx, p.Actors[i])
			fmt.Printf("%s -%s-> ", a.Name, st.Type)
		}
		last, _ := store.Actor(ctx, p.Actors[len(p.Actors)-1])
		fmt.Println(last.Name)
	}
	// Output:
	// Russia -ENGAGES-> Taliban -REJECTS-> Kabul government
}

// Import fills an empty store with batches far faster than Load, and makes
// them visible all at once at Commit. A batch that cites a document of an
// earlier batch finds it, as with Load.
func ExampleStore_Import() {
	ctx := context.Background()
	store, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	im, err := store.Import(ctx)
	if err != nil {
		log.Fatal(err) // graph.ErrNotEmpty when the store holds records
	}
	defer im.Abort() // a no-op after Commit
	doc := graph.Document{Title: "Wire", Text: "Qatar hosted Taliban envoys. Pakistan urged them to talk."}
	doc.ID = graph.DocumentID(doc.Text)
	batches := []graph.Batch{
		{
			Actors:    []graph.Actor{{Name: "Qatar", Kind: graph.KindState}, {Name: "Taliban", Kind: graph.KindArmedGroup}, {Name: "Pakistan", Kind: graph.KindState}},
			Documents: []graph.Document{doc},
			Stances:   []graph.StanceSpec{{Subject: "Qatar", Type: "ENGAGES", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "Qatar hosted Taliban envoys."}}}},
		},
		{Stances: []graph.StanceSpec{{Subject: "Pakistan", Type: "DEMANDS", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "Pakistan urged them to talk."}}}}},
	}
	for _, b := range batches {
		if _, err := im.Load(ctx, b); err != nil {
			log.Fatal(err)
		}
	}
	if err := im.Commit(ctx); err != nil {
		log.Fatal(err)
	}
	stats, err := store.Stats(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d actors, %d documents, %d stances\n", stats.Actors, stats.Documents, stats.Stances)
	// Output:
	// 3 actors, 1 documents, 2 stances
}
