package graph

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
	"github.com/stancegraph/stancegraph/stance"
)

// vector is an actor's stance vector as stance.Alignment defines it: its
// net weight toward each counterpart, the sum of its stances' weights by
// date then ID, rounded, and those stances.
type vector struct {
	weight  map[string]float64
	stances map[string][]string
}

// newVector makes the vector of an actor's stances, sorted by date then ID.
func newVector(es []edge) vector {
	v := vector{weight: map[string]float64{}, stances: map[string][]string{}}
	for _, e := range es {
		v.weight[e.obj] += e.weight
		v.stances[e.obj] = append(v.stances[e.obj], e.id)
	}
	for c, w := range v.weight {
		v.weight[c] = round(w)
	}
	return v
}

// norm is the Euclidean norm of v without its entry for skip.
func (v vector) norm(skip string) float64 {
	sum := 0.0
	for c, w := range v.weight {
		if c != skip {
			sum += w * w
		}
	}
	return math.Sqrt(sum)
}

// cosineOf is stance.Alignment's score of x against a, from their vectors.
func cosineOf(a string, va vector, x string, vx vector) (stance.Alignment, bool) {
	na, nx := va.norm(x), vx.norm(a)
	if na == 0 || nx == 0 {
		return stance.Alignment{}, false
	}
	al := stance.Alignment{Actor: x}
	for c, o := range vx.weight {
		w := va.weight[c]
		if c == x || c == a || w*o == 0 {
			continue
		}
		share := w * o / (na * nx)
		al.Score += share
		al.Shared = append(al.Shared, stance.SharedCounterpart{Counterpart: c, Weight: w, Other: o, Contribution: round(share)})
	}
	al.Score = round(al.Score)
	slices.SortFunc(al.Shared, func(p, q stance.SharedCounterpart) int {
		return cmp.Or(cmp.Compare(math.Abs(q.Contribution), math.Abs(p.Contribution)), cmp.Compare(p.Counterpart, q.Counterpart))
	})
	return al, len(al.Shared) > 0
}

// alignByScan is the definition of stance.Alignment computed the plain
// way: every actor's vector from all its stances, every other actor
// scored. Alignment must answer exactly this. It also returns the
// vectors, whose stances SharedStances must list.
func alignByScan(t *testing.T, s *Store, q stance.AlignmentQuery) ([]stance.Alignment, map[string]vector) {
	t.Helper()
	f := edgeFilter{from: q.From, to: q.To}
	var es []edge
	err := s.view(context.Background(), func(txn *badger.Txn) error {
		var err error
		es, err = s.readEdges(txn, [][]byte{{keys.Out}}, f)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string][]edge{}
	for _, e := range sortedEdges(es) {
		by[e.subj] = append(by[e.subj], e)
	}
	vs := map[string]vector{}
	for x, es := range by {
		vs[x] = newVector(es)
	}
	a := ActorID(q.Actor)
	out := []stance.Alignment{}
	for x, vx := range vs {
		if x == a {
			continue
		}
		if al, ok := cosineOf(a, vs[a], x, vx); ok {
			out = append(out, al)
		}
	}
	rankAlignments(out, q.Oppose)
	return out[:min(q.First, len(out))], vs
}

// randomStore holds n actors with m stances of random types, dates in
// 2020 (one in ten undated) and a Zipf-like choice of actors, so that a
// few are busy.
func randomStore(t *testing.T, seed uint64, n, m int) *Store {
	t.Helper()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r := rand.New(rand.NewPCG(seed, 1))
	types := s.Vocabulary().Names()
	pick := func() string { return fmt.Sprintf("actor %d", int(float64(n)*r.Float64()*r.Float64())) }
	for i := 0; i < n; i++ {
		if _, err := s.UpsertActor(context.Background(), Actor{Name: fmt.Sprintf("actor %d", i), Kind: KindState}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < m; i++ {
		subj, obj := pick(), pick()
		if subj == obj {
			continue
		}
		spec := StanceSpec{Subject: subj, Object: obj, Type: types[r.IntN(len(types))], Date: NewDate(2020, time.Month(1+r.IntN(12)), 1+r.IntN(28))}
		if i%10 == 0 {
			spec.Date = 0 // undated: in alignments without a range only
		}
		if _, _, err := s.AddStance(context.Background(), spec); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestAlignmentMatchesScan(t *testing.T) {
	s := randomStore(t, 7, 40, 600)
	ranges := []struct{ from, to Date }{{}, {NewDate(2020, 3, 1), NewDate(2020, 8, 31)}, {NewDate(2020, 6, 1), 0}}
	compared := 0
	for _, rg := range ranges {
		for _, oppose := range []bool{false, true} {
			for i := 0; i < 40; i += 3 {
				q := stance.AlignmentQuery{Actor: fmt.Sprintf("actor %d", i), From: rg.from, To: rg.to, Oppose: oppose, First: 1 + i%12}
				got, err := s.Alignment(context.Background(), q)
				if err != nil {
					t.Fatal(err)
				}
				want, vs := alignByScan(t, s, q)
				compared += len(want)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%+v:\n got %+v\nwant %+v", q, got, want)
				}
				for _, al := range got {
					checkSharedStances(t, s, q, al, vs)
				}
			}
		}
	}
	if compared < 100 {
		t.Fatalf("only %d alignments compared: the random graph is too sparse", compared)
	}
}

// checkSharedStances compares SharedStances with the stances of the two
// vectors (the query's actor's by date then ID, then the other's), for
// pages of a few sizes: for all of al's shared counterparts at once, and
// for its first alone, so that both ways of reading them are compared.
func checkSharedStances(t *testing.T, s *Store, q stance.AlignmentQuery, al stance.Alignment, vs map[string]vector) {
	t.Helper()
	a := ActorID(q.Actor)
	var all []string
	for _, sc := range al.Shared {
		all = append(all, sc.Counterpart)
	}
	for _, first := range []int{1, 2, 0} {
		for _, cs := range [][]string{all, all[:1]} {
			sq := stance.SharedQuery{Actor: q.Actor, Other: al.Actor, Counterparts: cs, From: q.From, To: q.To, First: first}
			lists, err := s.SharedStances(context.Background(), sq)
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range cs {
				both := slices.Concat(vs[a].stances[c], vs[al.Actor].stances[c])
				if got, want := stanceIDs(lists[i]), both[:min(cmp.Or(first, DefaultPageSize), len(both))]; !slices.Equal(got, want) {
					t.Fatalf("SharedStances(%+v) for %s\n got %v\nwant %v", sq, c, got, want)
				}
			}
		}
	}
}

// stanceIDs lists the IDs of stances.
func stanceIDs(ss []Stance) []string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	return ids
}

// TestAlignmentIndexFollowsWrites: the net weights are scanned once per
// snapshot and range, and every write makes the next query see it.
func TestAlignmentIndexFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s := randomStore(t, 3, 12, 80)
	q := stance.AlignmentQuery{Actor: "actor 0", First: 50}
	if _, err := s.Alignment(ctx, q); err != nil {
		t.Fatal(err)
	}
	built := s.nets.ix
	if _, err := s.Alignment(ctx, stance.AlignmentQuery{Actor: "actor 5"}); err != nil {
		t.Fatal(err)
	}
	if s.nets.ix != built {
		t.Fatal("a second query on the same snapshot scanned the store again")
	}
	// A newcomer agreeing with actor 0 on one counterpart appears.
	if _, err := s.UpsertActor(ctx, Actor{Name: "newcomer", Kind: KindState}); err != nil {
		t.Fatal(err)
	}
	mine, _ := alignByScan(t, s, stance.AlignmentQuery{Actor: "actor 0", First: 1})
	if len(mine) == 0 || len(mine[0].Shared) == 0 {
		t.Fatal("actor 0 has no counterpart in the random graph")
	}
	c := mine[0].Shared[0]
	typ := "SUPPORTS"
	if c.Weight < 0 {
		typ = "REJECTS"
	}
	st, _, err := s.AddStance(ctx, StanceSpec{Subject: "newcomer", Object: c.Counterpart, Type: typ, Date: NewDate(2020, 5, 5)})
	if err != nil {
		t.Fatal(err)
	}
	has := func() bool {
		got, err := s.Alignment(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(got, func(al stance.Alignment) bool { return al.Actor == ActorID("newcomer") })
	}
	if !has() {
		t.Error("after AddStance the newcomer is not aligned with actor 0")
	}
	if _, err := s.RetractStance(ctx, st.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if has() {
		t.Error("after RetractStance the newcomer is still aligned with actor 0")
	}
	got, _ := s.Alignment(ctx, q)
	if want, _ := alignByScan(t, s, q); !reflect.DeepEqual(got, want) {
		t.Errorf("after the writes\n got %+v\nwant %+v", got, want)
	}
}

// TestNetIndexSumsByDate: a row's weights are added by date (before the
// epoch too), then stance ID, whatever order the keys came in. The
// weights are chosen so that any other order loses the 1.
func TestNetIndexSumsByDate(t *testing.T) {
	id := func(b byte) [16]byte { return [16]byte{b} }
	tests := []struct {
		name string
		row  []rowStance
		want []netEntry
	}{
		{"by date, negative first", []rowStance{{1, 7, id(1), 1}, {1, -5, id(2), 1e17}, {1, 3, id(3), -1e17}}, []netEntry{{1, 1}}},
		{"same date by ID", []rowStance{{1, 4, id(3), 1}, {1, 4, id(2), 1e17}, {1, 4, id(1), -1e17}}, []netEntry{{1, 1}}},
		{"per counterpart", []rowStance{{2, 9, id(1), 2}, {1, 9, id(2), 1}, {2, 0, id(3), 1e17}, {1, 2, id(4), 1e17}, {1, 3, id(5), -1e17}, {2, 5, id(6), -1e17}},
			[]netEntry{{1, 1}, {2, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := &netIndex{node: map[[16]byte]int32{}}
			for i := range 3 {
				ix.nodeOf([]byte{0: byte(i), 15: 1})
			}
			b := &rowBuilder{}
			for _, s := range tt.row {
				b.add(s)
			}
			ix.addRow(0, b)
			if !reflect.DeepEqual(ix.out[0], tt.want) {
				t.Errorf("row %+v, want %+v", ix.out[0], tt.want)
			}
		})
	}
}
