package graph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/stancegraph/stancegraph/graph"
)

// Open an in-memory store, add two actors, a document and a stance quoting
// it, then read the stance back through the subject's adjacency.
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
		obj, _ := store.Actor(ctx, st.Object)
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
