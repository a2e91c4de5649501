package dgraphstore_test

import (
	"context"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/stance"
)

// BenchmarkStores runs one workload on both stores, for the figures of
// README's "Scale-out: Dgraph": a load of the generated graph, one
// actor's stances (1-hop), a dyad, paths of up to three hops and a
// GraphQL query. Run: make bench-dgraph.
func BenchmarkStores(b *testing.B) {
	c := shared(b)
	ctx := context.Background()
	batch, names := generated(24, 500)
	stores := []struct {
		name string
		open func(b *testing.B) stance.Store
	}{
		{"embedded", func(b *testing.B) stance.Store {
			s, err := graph.Open(b.TempDir(), nil)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			return s
		}},
		{"dgraph", func(b *testing.B) stance.Store { return openEmpty(b, c) }},
	}
	for _, st := range stores {
		b.Run(st.name+"/load", func(b *testing.B) {
			for range b.N {
				b.StopTimer() // emptying a store is not part of a load
				s := st.open(b)
				b.StartTimer()
				if _, err := s.Load(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
		})
		s := st.open(b)
		if _, err := s.Load(ctx, batch); err != nil {
			b.Fatal(err)
		}
		e := engineOn(b, s)
		for _, w := range []struct {
			name string
			run  func() error
		}{
			{"1-hop", func() error { _, err := s.ActorStances(ctx, names[1], stance.AdjacencyQuery{First: 50}); return err }},
			{"dyad", func() error { _, err := s.Dyad(ctx, names[1], names[4]); return err }},
			{"paths3", func() error {
				_, err := s.Paths(ctx, stance.PathQuery{From: names[1], To: names[20], MaxHops: 3, Limit: 10})
				return err
			}},
			{"graphql", func() error {
				e.Execute(ctx, schema.Request{Query: `{ actor(name: "Actor 2") { name degree stances(first: 20) { nodes { type object { name } date } } } }`})
				return nil
			}},
		} {
			b.Run(st.name+"/"+w.name, func(b *testing.B) {
				for range b.N {
					if err := w.run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
