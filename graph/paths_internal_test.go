package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// TestMeetPathsMatchesDFS checks that the meet-in-the-middle search finds
// exactly the paths of the depth-first walk, in the same order, on a
// random graph with hubs, parallel stances and retractions,
// for every combination of options that changes the search, with middle
// hops both read from listings and sought (searchSeek).
func TestMeetPathsMatchesDFS(t *testing.T) {
	ctx := context.Background()
	s, name, pick, r := randomGraph(t)
	const n = 40
	for _, tc := range []struct {
		name string
		q    PathQuery
	}{
		{"default", PathQuery{}},
		{"one hop", PathQuery{MaxHops: 1, Limit: 50}},
		{"two hops", PathQuery{MaxHops: 2, Limit: 50}},
		{"three hops, many", PathQuery{MaxHops: 3, Limit: 1000}},
		{"directed", PathQuery{MaxHops: 3, FollowDirection: true, Limit: 200}},
		{"typed", PathQuery{MaxHops: 3, Types: []string{"REJECTS", "ACCUSES"}, Limit: 200}},
		{"typed directed", PathQuery{MaxHops: 3, Types: []string{"SUPPORTS"}, FollowDirection: true, Limit: 200}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pairs := 0
			for i := 0; i < 30; i++ {
				q := tc.q
				q.From, q.To = name(pick()), name(pick())
				if i%3 == 0 {
					q.From = name(r.IntN(n))
				}
				want, err := s.paths(ctx, q, searchDFS)
				if err != nil {
					t.Fatal(err)
				}
				for _, how := range []search{searchAuto, searchSeek} {
					got, err := s.paths(ctx, q, how)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%s -> %s (search %d): meet-in-the-middle found %d paths, depth-first %d, or in another order", q.From, q.To, how, len(got), len(want))
					}
				}
				if len(want) > 0 {
					pairs++
				}
			}
			if pairs == 0 {
				t.Fatal("no pair had a path: the test graph is too sparse to compare anything")
			}
		})
	}
}

// randomGraph returns a store with 400 stances among 40 actors, actors 0-2
// hubs taking part in most of them, and ten stances retracted; name names
// actor i and pick draws an actor the way stances were drawn.
func randomGraph(t *testing.T) (*Store, func(int) string, func() int, *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r := rand.New(rand.NewPCG(3, 4))
	const n = 40
	name := func(i int) string { return fmt.Sprintf("Actor %02d", i) }
	var b Batch
	for i := 0; i < n; i++ {
		b.Actors = append(b.Actors, Actor{Name: name(i)})
	}
	types := DefaultVocabulary().Names()
	// Actors 0-2 are hubs: they take part in most stances.
	pick := func() int {
		if r.IntN(2) == 0 {
			return r.IntN(3)
		}
		return r.IntN(n)
	}
	for i := 0; i < 400; i++ {
		subj, obj := pick(), pick()
		for obj == subj { // the store refuses self-stances
			obj = pick()
		}
		b.Stances = append(b.Stances, StanceSpec{Subject: name(subj), Type: types[r.IntN(len(types))], Object: name(obj), Topic: fmt.Sprintf("t%d", i), Date: NewDate(2018+r.IntN(6), 1+time.Month(r.IntN(12)), 1)})
	}
	if _, err := s.Load(ctx, b); err != nil {
		t.Fatal(err)
	}
	// Retract a few so that liveness matters.
	pg, err := s.Stances(ctx, StanceQuery{First: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range pg.Stances[:10] {
		if _, err := s.RetractStance(ctx, st.ID, "test"); err != nil {
			t.Fatal(err)
		}
	}
	return s, name, pick, r
}

// TestMatrixSeekMatchesScan checks the seeking count of Matrix against a
// recount of every stance, with and without a date range.
func TestMatrixSeekMatchesScan(t *testing.T) {
	ctx := context.Background()
	s, name, _, _ := randomGraph(t)
	var ids []string
	for _, i := range []int{0, 1, 2, 7, 19, 33} {
		a, err := s.Actor(ctx, name(i))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	for _, tc := range []struct {
		name     string
		from, to Date
	}{{"all dates", 0, 0}, {"a range", NewDate(2020, 1, 1), NewDate(2022, 1, 1)}} {
		t.Run(tc.name, func(t *testing.T) {
			want := map[[3]string]int{}
			err := s.ForEachStance(ctx, nil, func(st Stance) error {
				if in[st.Subject] && in[st.Object] && st.Date.Within(tc.from, tc.to) {
					want[[3]string{st.Subject, st.Object, st.Type}]++
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			got := map[[3]string]int{}
			err = s.view(ctx, func(txn *badger.Txn) error {
				for _, subj := range ids {
					err := matrixSeek(txn, subj, s.Vocabulary().Names(), ids, tc.from, tc.to, func(o, typ string) { got[[3]string{subj, o, typ}]++ })
					if err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Fatalf("seeking counted %v, recount %v", got, want)
			}
		})
	}
}
