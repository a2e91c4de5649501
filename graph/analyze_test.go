package graph_test

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// analysisStore holds a graph whose measures are computed by hand in the
// tests below. Net weights of the signed graph (default vocabulary):
//
//	A-B +1.4 (3.4 + 4 - 4 - 2)   A-E +7.4   C-E +3.4   C-D +3.4
//	A-C -2   A-D -4   B-D -5
//
// A's line toward B turns in April 2020: +3.4 in January, +4 in February,
// nothing in March, -6 in April.
func analysisStore(t *testing.T) (*graph.Store, map[string]string) {
	t.Helper()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, n := range []string{"A", "B", "C", "D", "E"} {
		if _, err := s.UpsertActor(ctx, graph.Actor{Name: n, Kind: graph.KindState}); err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]string{}
	for _, sp := range []struct {
		name, subj, typ, obj string
		m, d                 int
	}{
		{"ab1", "A", "SUPPORTS", "B", 1, 10},
		{"ab2", "A", "OFFERS", "B", 2, 5},
		{"ab3", "A", "REJECTS", "B", 4, 20},
		{"ab4", "A", "ACCUSES", "B", 4, 22},
		{"cd", "C", "SUPPORTS", "D", 1, 15},
		{"ea1", "E", "SUPPORTS", "A", 1, 20},
		{"ea2", "E", "OFFERS", "A", 1, 21},
		{"ec", "E", "SUPPORTS", "C", 1, 22},
		{"ac", "A", "ACCUSES", "C", 3, 1},
		{"bd", "B", "DEMANDS", "D", 3, 2},
		{"ad", "A", "REJECTS", "D", 3, 3},
	} {
		st, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: sp.subj, Type: sp.typ, Object: sp.obj, Date: graph.NewDate(2020, time.Month(sp.m), sp.d)})
		if err != nil {
			t.Fatal(err)
		}
		ids[sp.name] = st.ID
	}
	for _, n := range []string{"A", "B", "C", "D", "E"} {
		ids[n] = graph.ActorID(n)
	}
	return s, ids
}

func day(m, d int) graph.Date { return graph.NewDate(2020, time.Month(m), d) }

func TestTimeline(t *testing.T) {
	s, id := analysisStore(t)
	counts := func(tc ...any) []graph.TypeCount {
		out := []graph.TypeCount{}
		for i := 0; i < len(tc); i += 2 {
			out = append(out, graph.TypeCount{Type: tc[i].(string), Count: tc[i+1].(int)})
		}
		return out
	}
	tests := []struct {
		name string
		q    stance.TimelineQuery
		want []stance.TimelineBucket
	}{
		{"dyad by month, empty buckets kept", stance.TimelineQuery{Actor: "A", Counterpart: "B", Direction: graph.Out, From: day(1, 1), To: day(5, 31), Bucket: stance.Month},
			[]stance.TimelineBucket{
				{Start: day(1, 1), End: day(1, 31), Counts: counts("SUPPORTS", 1), Net: 3.4, Stances: []string{id["ab1"]}},
				{Start: day(2, 1), End: day(2, 29), Counts: counts("OFFERS", 1), Net: 4, Stances: []string{id["ab2"]}},
				{Start: day(3, 1), End: day(3, 31), Counts: counts(), Stances: []string{}},
				{Start: day(4, 1), End: day(4, 30), Counts: counts("REJECTS", 1, "ACCUSES", 1), Net: -6, Stances: []string{id["ab3"], id["ab4"]}},
				{Start: day(5, 1), End: day(5, 31), Counts: counts(), Stances: []string{}},
			}},
		{"actor both ways by year, range from the stances", stance.TimelineQuery{Actor: "A", Bucket: stance.Year},
			[]stance.TimelineBucket{{Start: day(1, 1), End: day(12, 31), Counts: counts("SUPPORTS", 2, "REJECTS", 2, "ACCUSES", 2, "OFFERS", 2),
				Net: 2.8, Stances: []string{id["ab1"], id["ea1"], id["ea2"], id["ab2"], id["ac"], id["ad"], id["ab3"], id["ab4"]}}}},
		{"incoming by week", stance.TimelineQuery{Actor: "A", Direction: graph.In, From: day(1, 13), To: day(1, 26), Bucket: stance.Week},
			[]stance.TimelineBucket{
				{Start: day(1, 13), End: day(1, 19), Counts: counts(), Stances: []string{}},
				{Start: day(1, 20), End: day(1, 26), Counts: counts("SUPPORTS", 1, "OFFERS", 1), Net: 7.4, Stances: []string{id["ea1"], id["ea2"]}},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := s.Timeline(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(tl.Buckets, tt.want) {
				t.Errorf("buckets\n got %+v\nwant %+v", tl.Buckets, tt.want)
			}
		})
	}
}

func TestTimelineErrors(t *testing.T) {
	s, _ := analysisStore(t)
	tests := []struct {
		name string
		q    stance.TimelineQuery
		want error
	}{
		{"unknown bucket", stance.TimelineQuery{Actor: "A", Bucket: "HOUR"}, graph.ErrInvalidInput},
		{"too many buckets", stance.TimelineQuery{Actor: "A", Bucket: stance.Day, From: graph.NewDate(1900, 1, 1), To: day(1, 1)}, graph.ErrInvalidInput},
		{"reversed range", stance.TimelineQuery{Actor: "A", Bucket: stance.Day, From: day(2, 1), To: day(1, 1)}, graph.ErrInvalidInput},
		{"unknown actor", stance.TimelineQuery{Actor: "Nobody", Bucket: stance.Day}, graph.ErrNotFound},
		{"unknown counterpart", stance.TimelineQuery{Actor: "A", Counterpart: "Nobody", Bucket: stance.Day}, graph.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.Timeline(ctx, tt.q); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestShifts(t *testing.T) {
	s, id := analysisStore(t)
	tests := []struct {
		name string
		q    stance.ShiftQuery
		want []stance.Shift
	}{
		{"sign change in April", stance.ShiftQuery{A: "A", B: "B"},
			[]stance.Shift{{Date: day(4, 1), Kind: stance.SignChange, Before: 4, After: -6, BeforeStances: []string{id["ab2"]}, AfterStances: []string{id["ab3"], id["ab4"]}}}},
		{"threshold catches the February move", stance.ShiftQuery{A: "A", B: "B", Threshold: 0.5, Evidence: 1},
			[]stance.Shift{
				{Date: day(2, 1), Kind: stance.Move, Before: 3.4, After: 4, BeforeStances: []string{id["ab1"]}, AfterStances: []string{id["ab2"]}},
				{Date: day(4, 1), Kind: stance.SignChange, Before: 4, After: -6, BeforeStances: []string{id["ab2"]}, AfterStances: []string{id["ab3"]}},
			}},
		{"a two-month window smooths the turn", stance.ShiftQuery{A: "A", B: "B", Window: 2},
			[]stance.Shift{{Date: day(4, 1), Kind: stance.SignChange, Before: 7.4, After: -6, BeforeStances: []string{id["ab1"], id["ab2"]}, AfterStances: []string{id["ab3"], id["ab4"]}}}},
		{"the other way there is nothing", stance.ShiftQuery{A: "B", B: "A"}, []stance.Shift{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Shifts(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("shifts\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
	for _, bad := range []stance.ShiftQuery{{A: "A"}, {A: "A", B: "B", Window: -1}, {A: "A", B: "B", Threshold: -1}} {
		if _, err := s.Shifts(ctx, bad); !errors.Is(err, graph.ErrInvalidInput) {
			t.Errorf("Shifts(%+v): err = %v, want ErrInvalidInput", bad, err)
		}
	}
}

func TestAlignment(t *testing.T) {
	s, id := analysisStore(t)
	// A's vector: B +1.4, C -2, D -4. B's: D -5. C's: D +3.4. E's: A +7.4, C +3.4.
	scoreB := 20 / (math.Sqrt(4+16) * 5)
	scoreC := -13.6 / (math.Sqrt(1.96+16) * 3.4)
	scoreE := -6.8 / (math.Sqrt(1.96+4+16) * 3.4)
	tests := []struct {
		oppose bool
		first  int
		want   []string
		scores []float64
	}{
		{false, 0, []string{id["B"], id["E"], id["C"]}, []float64{scoreB, scoreE, scoreC}},
		{true, 2, []string{id["C"], id["E"]}, []float64{scoreC, scoreE}},
	}
	for _, tt := range tests {
		got, err := s.Alignment(ctx, stance.AlignmentQuery{Actor: "A", Oppose: tt.oppose, First: tt.first})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(tt.want) {
			t.Fatalf("oppose=%v: got %d actors, want %d", tt.oppose, len(got), len(tt.want))
		}
		for i, al := range got {
			if al.Actor != tt.want[i] || math.Abs(al.Score-tt.scores[i]) > 1e-6 {
				t.Errorf("oppose=%v #%d: %s %.6f, want %s %.6f", tt.oppose, i, al.Actor, al.Score, tt.want[i], tt.scores[i])
			}
		}
	}
	got, _ := s.Alignment(ctx, stance.AlignmentQuery{Actor: "A", First: 1})
	want := []stance.SharedCounterpart{{Counterpart: id["D"], Weight: -4, Other: -5, Contribution: math.Round(scoreB*1e9) / 1e9}}
	if !reflect.DeepEqual(got[0].Shared, want) {
		t.Errorf("shared with B\n got %+v\nwant %+v", got[0].Shared, want)
	}
	if got, _ := s.Alignment(ctx, stance.AlignmentQuery{Actor: "A", To: day(1, 31)}); len(got) != 0 {
		t.Errorf("in January A shares no counterpart, got %+v", got)
	}
}

// TestSharedStances lists the stances behind shared counterparts: for
// each, the query's actor's first, then the other's, each by date, in the
// range and page asked; bad queries are refused naming the field.
func TestSharedStances(t *testing.T) {
	s, id := analysisStore(t)
	type q = stance.SharedQuery
	cs := func(names ...string) []string { return names }
	tests := []struct {
		name string
		q    stance.SharedQuery
		want [][]string
		err  error
	}{
		{"A and B toward D", q{Actor: "A", Other: "B", Counterparts: cs("D")}, [][]string{{"ad", "bd"}}, nil},
		{"B first when B asks", q{Actor: "B", Other: "A", Counterparts: cs("D")}, [][]string{{"bd", "ad"}}, nil},
		{"one page", q{Actor: "A", Other: "E", Counterparts: cs("C"), First: 1}, [][]string{{"ac"}}, nil},
		{"both actors", q{Actor: "A", Other: "E", Counterparts: cs("C")}, [][]string{{"ac", "ec"}}, nil},
		{"by date", q{Actor: "A", Other: "C", Counterparts: cs("B")}, [][]string{{"ab1", "ab2", "ab3", "ab4"}}, nil},
		{"in the range", q{Actor: "A", Other: "C", Counterparts: cs("B"), From: day(2, 1), To: day(4, 20)}, [][]string{{"ab2", "ab3"}}, nil},
		{"in the order asked", q{Actor: "A", Other: "E", Counterparts: cs("C", "D", "B"), First: 2}, [][]string{{"ac", "ec"}, {"ad"}, {"ab1", "ab2"}}, nil},
		{"none", q{Actor: "C", Other: "D", Counterparts: cs("A")}, [][]string{{}}, nil},
		{"counterparts required", q{Actor: "A", Other: "B"}, nil, graph.ErrInvalidInput},
		{"a counterpart twice", q{Actor: "A", Other: "B", Counterparts: cs("D", "C", "D")}, nil, graph.ErrInvalidInput},
		{"unknown other", q{Actor: "A", Other: "Nobody", Counterparts: cs("D")}, nil, graph.ErrNotFound},
		{"unknown counterpart", q{Actor: "A", Other: "B", Counterparts: cs("D", "Nobody")}, nil, graph.ErrNotFound},
		{"page too large", q{Actor: "A", Other: "B", Counterparts: cs("D"), First: graph.MaxPageSize + 1}, nil, graph.ErrInvalidInput},
		{"range reversed", q{Actor: "A", Other: "B", Counterparts: cs("D"), From: day(4, 1), To: day(3, 1)}, nil, graph.ErrInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lists, err := s.SharedStances(ctx, tt.q)
			if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			got := make([][]string, len(lists))
			for i, ss := range lists {
				got[i] = []string{}
				for _, st := range ss {
					got[i] = append(got[i], st.ID)
				}
			}
			want := make([][]string, len(tt.want))
			for i, names := range tt.want {
				want[i] = []string{}
				for _, n := range names {
					want[i] = append(want[i], id[n])
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %v, want %v (%v)", got, want, tt.want)
			}
		})
	}
}

func TestCoalitions(t *testing.T) {
	s, id := analysisStore(t)
	c, err := s.Coalitions(ctx, stance.CoalitionQuery{})
	if err != nil {
		t.Fatal(err)
	}
	blocs := make([][]string, len(c.Blocs))
	for i, b := range c.Blocs {
		blocs[i] = slices.Sorted(slices.Values(b.Actors))
	}
	want := [][]string{
		slices.Sorted(slices.Values([]string{id["A"], id["B"], id["E"]})),
		slices.Sorted(slices.Values([]string{id["C"], id["D"]})),
	}
	if !reflect.DeepEqual(blocs, want) {
		t.Fatalf("blocs %v, want %v", blocs, want)
	}
	holding := [][]string{{id["ab1"], id["ea1"], id["ea2"], id["ab2"]}, {id["cd"]}}
	for i, b := range c.Blocs {
		if !reflect.DeepEqual(b.Stances, holding[i]) {
			t.Errorf("bloc %d stances %v, want %v", i, b.Stances, holding[i])
		}
	}
	if c.Frustration != 3.4 { // E supports C across the blocs
		t.Errorf("frustration %v, want 3.4", c.Frustration)
	}
	// Triangles ABD (+ - -) and ACD (- + -) are balanced, ACE (- + +) is not.
	if c.Balance != (stance.TriadBalance{Triads: 3, Balanced: 2}) {
		t.Errorf("balance %+v, want 2 of 3", c.Balance)
	}
	per := map[string]stance.TriadBalance{}
	for _, a := range c.Actors {
		per[a.Actor] = a.Balance
	}
	wantPer := map[string]stance.TriadBalance{
		id["A"]: {Triads: 3, Balanced: 2}, id["B"]: {Triads: 1, Balanced: 1}, id["C"]: {Triads: 2, Balanced: 1}, id["D"]: {Triads: 2, Balanced: 2}, id["E"]: {Triads: 1, Balanced: 0},
	}
	if !reflect.DeepEqual(per, wantPer) {
		t.Errorf("per actor %v, want %v", per, wantPer)
	}
	// Before March only cooperation exists: one chain A-B, A-E-C-D, no triangle.
	early, err := s.Coalitions(ctx, stance.CoalitionQuery{To: day(2, 29)})
	if err != nil {
		t.Fatal(err)
	}
	if len(early.Blocs) != 1 || len(early.Blocs[0].Actors) != 5 || early.Balance.Share() != 1 {
		t.Errorf("early coalitions %+v, want one bloc of five and no triad", early)
	}
}
