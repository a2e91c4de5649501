package graph_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

var ctx = context.Background()

// newStore returns an in-memory store with a small graph written for tests:
// three actors, one document, and stances quoting it.
func newStore(t *testing.T) (*graph.Store, graph.Document) {
	t.Helper()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, a := range []graph.Actor{
		{Name: "United States", Kind: graph.KindState, Aliases: []string{"U.S.", "Washington"}, Country: "USA"},
		{Name: "Taliban", Kind: graph.KindArmedGroup, Aliases: []string{"the militants"}},
		{Name: "Kabul government", Kind: graph.KindGovernment, Aliases: []string{"Afghan government", "Ghani"}},
	} {
		if _, err := s.UpsertActor(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	doc, _, err := s.PutDocument(ctx, graph.Document{Title: "Test report", Date: graph.NewDate(2018, 3, 9),
		Text: "Washington urged the Taliban to talk. The Taliban rejected talks with Kabul. Ghani offered the militants – “a political role”."})
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range []graph.StanceSpec{
		{Subject: "United States", Type: "DEMANDS", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "urged the Taliban to talk"}}},
		{Subject: "Taliban", Type: "REJECTS", Object: "Kabul government", Date: graph.NewDate(2018, 3, 1), Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "The Taliban rejected talks with Kabul"}}},
		{Subject: "Kabul government", Type: "OFFERS", Object: "Taliban", Date: graph.NewDate(2018, 2, 28), Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "offered the militants – “a political role”"}}},
	} {
		if _, _, err := s.AddStance(ctx, sp); err != nil {
			t.Fatal(err)
		}
	}
	return s, doc
}

func mustCheck(t *testing.T, s *graph.Store) {
	t.Helper()
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Violations) > 0 {
		t.Fatalf("check found violations: %v", rep.Violations)
	}
}

func TestActorLookup(t *testing.T) {
	s, _ := newStore(t)
	us, err := s.Actor(ctx, "United States")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ref  string
		want string
		err  error
	}{
		{"us", us.ID, nil},
		{"U.S.", us.ID, nil},
		{"  united   STATES ", us.ID, nil},
		{"Washington", us.ID, nil},
		{us.ID, us.ID, nil},
		{"ghani", graph.ActorID("Kabul government"), nil},
		{"Atlantis", "", graph.ErrNotFound},
		{"9c1d7b6e-4a53-5b1e-9a2f-6d0e2b8c1a99", "", graph.ErrNotFound},
		{"", "", graph.ErrInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			a, err := s.Actor(ctx, tt.ref)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Actor(%q) error = %v, want %v", tt.ref, err, tt.err)
			}
			if err == nil && a.ID != tt.want {
				t.Fatalf("Actor(%q) = %s, want %s", tt.ref, a.ID, tt.want)
			}
		})
	}
	if us.ID != graph.ActorID("united states") {
		t.Errorf("actor ID is not derived from the canonical name")
	}
}

func TestUpsertActorMergesAliases(t *testing.T) {
	s, _ := newStore(t)
	a, err := s.UpsertActor(ctx, graph.Actor{Name: "Washington", Kind: graph.KindState, Aliases: []string{"America", "US"}, Wikidata: "Q30"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "United States" || a.Wikidata != "Q30" {
		t.Fatalf("upsert by alias = %+v", a)
	}
	if got, _ := s.Actor(ctx, "america"); got.ID != a.ID {
		t.Fatal("new alias not indexed")
	}
	if _, err := s.UpsertActor(ctx, graph.Actor{Name: "Taliban", Aliases: []string{"Washington"}}); !errors.Is(err, graph.ErrInvalidInput) {
		t.Fatalf("names of two actors: err = %v", err)
	}
	if _, err := s.AddAlias(ctx, "Taliban", "U.S."); !errors.Is(err, graph.ErrInvalidInput) {
		t.Fatalf("alias of another actor: err = %v", err)
	}
	st, _ := s.Stats(ctx)
	if st.Actors != 3 {
		t.Fatalf("actors = %d, want 3", st.Actors)
	}
	mustCheck(t, s)
}

func TestAddStanceIdentity(t *testing.T) {
	s, doc := newStore(t)
	before, _ := s.Stats(ctx)
	// Same subject, type, object, document and quote: the same stance.
	st, created, err := s.AddStance(ctx, graph.StanceSpec{Subject: "Washington", Type: "DEMANDS", Object: "the militants", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "urged the Taliban to talk"}}})
	if err != nil || created {
		t.Fatalf("re-add: created=%v err=%v", created, err)
	}
	// A second quote for a stance already known by its first: merged evidence.
	st2, created, err := s.AddStance(ctx, graph.StanceSpec{Subject: "US", Type: "DEMANDS", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "urged the Taliban to talk"}, {Document: doc.ID, Quote: "Washington urged"}}})
	if err != nil || created || st2.ID != st.ID || len(st2.Evidence) != 2 {
		t.Fatalf("merge evidence: id %s vs %s, created=%v, evidence=%d, err=%v", st2.ID, st.ID, created, len(st2.Evidence), err)
	}
	// Bare assertions are identified by topic and date.
	bare := graph.StanceSpec{Subject: "Taliban", Type: "ACCUSES", Object: "US", Topic: "occupation", Date: graph.NewDate(2018, 3, 9)}
	a1, c1, err := s.AddStance(ctx, bare)
	if err != nil {
		t.Fatal(err)
	}
	a2, c2, _ := s.AddStance(ctx, bare)
	if !c1 || c2 || a1.ID != a2.ID {
		t.Fatalf("bare stance twice: created %v, %v; ids %s %s", c1, c2, a1.ID, a2.ID)
	}
	after, _ := s.Stats(ctx)
	if after.Stances != before.Stances+1 {
		t.Fatalf("stances %d -> %d, want +1", before.Stances, after.Stances)
	}
	mustCheck(t, s)
}

func TestAddStanceErrors(t *testing.T) {
	s, doc := newStore(t)
	tests := []struct {
		name string
		spec graph.StanceSpec
		want error
	}{
		{"unknown subject", graph.StanceSpec{Subject: "Atlantis", Type: "DEMANDS", Object: "Taliban"}, graph.ErrNotFound},
		{"unknown type", graph.StanceSpec{Subject: "US", Type: "LIKES", Object: "Taliban"}, graph.ErrInvalidType},
		{"quote not in document", graph.StanceSpec{Subject: "US", Type: "DEMANDS", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "not in the text"}}}, graph.ErrQuoteNotFound},
		{"bad document id", graph.StanceSpec{Subject: "US", Type: "DEMANDS", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: "nope", Quote: "x"}}}, graph.ErrInvalidID},
		{"confidence above 1", graph.StanceSpec{Subject: "US", Type: "DEMANDS", Object: "Taliban", Confidence: 1.5}, graph.ErrInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := s.AddStance(ctx, tt.spec); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
	st, _ := s.Stats(ctx)
	if st.Stances != 3 {
		t.Fatalf("failed adds changed the store: %d stances", st.Stances)
	}
}

func TestEvidenceOffsetsAreCodePoints(t *testing.T) {
	s, doc := newStore(t)
	page, err := s.ActorStances(ctx, "Kabul government", graph.AdjacencyQuery{Direction: graph.Out})
	if err != nil || len(page.Stances) != 1 {
		t.Fatalf("stances: %v %v", page, err)
	}
	ev := page.Stances[0].Evidence[0]
	if got := string([]rune(doc.Text)[ev.Start:ev.End]); got != ev.Quote {
		t.Fatalf("runes[%d:%d] = %q, want %q", ev.Start, ev.End, got, ev.Quote)
	}
}

func TestRetractLeavesCountsPathsMatrix(t *testing.T) {
	s, _ := newStore(t)
	page, _ := s.Stances(ctx, graph.StanceQuery{Subject: "Taliban"})
	id := page.Stances[0].ID
	r, err := s.RetractStance(ctx, id, "misattributed")
	if err != nil || !r.Retracted || r.RetractReason != "misattributed" {
		t.Fatalf("retract: %+v %v", r, err)
	}
	st, _ := s.Stats(ctx)
	if st.Stances != 2 || st.Retracted != 1 {
		t.Fatalf("stats after retract = %+v", st)
	}
	if d, _ := s.Degree(ctx, "Taliban", graph.Out); d != 0 {
		t.Fatalf("out degree = %d, want 0", d)
	}
	if got, _ := s.Stances(ctx, graph.StanceQuery{Subject: "Taliban"}); got.Total != 0 {
		t.Fatalf("live listing still has the stance")
	}
	if got, _ := s.Stances(ctx, graph.StanceQuery{Subject: "Taliban", IncludeRetracted: true}); got.Total != 1 || !got.Stances[0].Retracted {
		t.Fatalf("includeRetracted listing = %+v", got)
	}
	paths, _ := s.Paths(ctx, graph.PathQuery{From: "Taliban", To: "Kabul government", MaxHops: 1, FollowDirection: true})
	if len(paths) != 0 {
		t.Fatalf("path through a retracted stance: %v", paths)
	}
	cells, _ := s.Matrix(ctx, graph.MatrixQuery{Types: []string{"REJECTS"}})
	if len(cells) != 0 {
		t.Fatalf("matrix counts a retracted stance: %v", cells)
	}
	mustCheck(t, s)
}

func TestPagination(t *testing.T) {
	s, _ := newStore(t)
	for i := 0; i < 25; i++ {
		if _, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "US", Type: "SUPPORTS", Object: "Kabul government", Topic: fmt.Sprint("aid ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		list  func(after string) (graph.StancePage, error)
		total int
	}{
		{"actor stances", func(a string) (graph.StancePage, error) {
			return s.ActorStances(ctx, "US", graph.AdjacencyQuery{Direction: graph.Both, First: 7, After: a})
		}, 26},
		{"all stances", func(a string) (graph.StancePage, error) {
			return s.Stances(ctx, graph.StanceQuery{First: 7, After: a})
		}, 28},
		{"by type", func(a string) (graph.StancePage, error) {
			return s.Stances(ctx, graph.StanceQuery{Types: []string{"SUPPORTS"}, First: 7, After: a})
		}, 25},
		{"dyad", func(a string) (graph.StancePage, error) {
			return s.DyadStances(ctx, "US", "Kabul government", graph.PageQuery{First: 7, After: a})
		}, 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := map[string]bool{}
			after := ""
			for pages := 0; ; pages++ {
				p, err := tt.list(after)
				if err != nil {
					t.Fatal(err)
				}
				if p.Total != tt.total {
					t.Fatalf("total = %d, want %d", p.Total, tt.total)
				}
				for _, st := range p.Stances {
					if seen[st.ID] {
						t.Fatalf("stance %s seen twice", st.ID)
					}
					seen[st.ID] = true
				}
				if len(p.Cursors) != len(p.Stances) {
					t.Fatal("one cursor per stance")
				}
				if !p.HasNext {
					break
				}
				after = p.EndCursor
			}
			if len(seen) != tt.total {
				t.Fatalf("paged through %d stances, want %d", len(seen), tt.total)
			}
		})
	}
	if _, err := s.Stances(ctx, graph.StanceQuery{After: "garbage"}); !errors.Is(err, graph.ErrInvalidCursor) {
		t.Fatalf("bad cursor: %v", err)
	}
	p, _ := s.Actors(ctx, graph.ActorQuery{First: 1})
	if _, err := s.Stances(ctx, graph.StanceQuery{After: p.EndCursor}); !errors.Is(err, graph.ErrInvalidCursor) {
		t.Fatalf("cursor of another listing accepted: %v", err)
	}
	for _, first := range []int{-1, graph.MaxPageSize + 1} {
		if _, err := s.Stances(ctx, graph.StanceQuery{First: first}); !errors.Is(err, graph.ErrInvalidInput) {
			t.Fatalf("first=%d: %v", first, err)
		}
	}
}

func TestStanceFilters(t *testing.T) {
	s, doc := newStore(t)
	tests := []struct {
		name string
		q    graph.StanceQuery
		want int
	}{
		{"from", graph.StanceQuery{From: graph.NewDate(2018, 3, 1)}, 2}, // one dated 03-01, one taking the document's 03-09
		{"to", graph.StanceQuery{To: graph.NewDate(2018, 2, 28)}, 1},
		{"range", graph.StanceQuery{From: graph.NewDate(2018, 2, 1), To: graph.NewDate(2018, 3, 5)}, 2},
		{"object", graph.StanceQuery{Object: "Taliban"}, 2},
		{"subject and object", graph.StanceQuery{Subject: "Ghani", Object: "Taliban"}, 1},
		{"document", graph.StanceQuery{Document: doc.ID}, 3},
		{"types", graph.StanceQuery{Types: []string{"OFFERS", "REJECTS"}}, 2},
		{"min confidence", graph.StanceQuery{MinConfidence: 1}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Stances(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != tt.want || len(p.Stances) != tt.want {
				t.Fatalf("total %d, page %d, want %d", p.Total, len(p.Stances), tt.want)
			}
		})
	}
}

func TestMergeActors(t *testing.T) {
	s, doc := newStore(t)
	if _, err := s.UpsertActor(ctx, graph.Actor{Name: "Afghanistan", Kind: graph.KindState, Country: "AFG"}); err != nil {
		t.Fatal(err)
	}
	// The same claim recorded against the duplicate actor: after the merge
	// it is the same stance as the one against the kept actor.
	if _, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "Taliban", Type: "REJECTS", Object: "Afghanistan", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "The Taliban rejected talks with Kabul"}}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "Afghanistan", Type: "ACCUSES", Object: "US"}); err != nil {
		t.Fatal(err)
	}
	kept, err := s.MergeActors(ctx, "Kabul government", "Afghanistan")
	if err != nil {
		t.Fatal(err)
	}
	if kept.Country != "AFG" {
		t.Errorf("kept actor did not take the merged actor's country")
	}
	if a, err := s.Actor(ctx, "Afghanistan"); err != nil || a.ID != kept.ID {
		t.Fatalf("merged name does not resolve to the kept actor: %v %v", a, err)
	}
	st, _ := s.Stats(ctx)
	if st.Actors != 3 || st.Stances != 4 {
		t.Fatalf("stats after merge = %+v, want 3 actors, 4 stances", st)
	}
	if d, _ := s.Degree(ctx, "Kabul government", graph.Both); d != 3 {
		t.Fatalf("kept degree = %d, want 3", d)
	}
	if _, err := s.MergeActors(ctx, "Taliban", "Taliban"); !errors.Is(err, graph.ErrInvalidInput) {
		t.Fatalf("self-merge: %v", err)
	}
	mustCheck(t, s)
}

func TestPathsShortestFirst(t *testing.T) {
	s, _ := newStore(t)
	if _, err := s.UpsertActor(ctx, graph.Actor{Name: "Russia"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "Russia", Type: "ENGAGES", Object: "Taliban"}); err != nil {
		t.Fatal(err)
	}
	paths, err := s.Paths(ctx, graph.PathQuery{From: "Russia", To: "Kabul government"})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 {
		t.Fatalf("got %d paths, want 2 (via REJECTS and via OFFERS)", len(paths))
	}
	for _, p := range paths {
		if len(p.Actors) != 3 || len(p.Stances) != 2 {
			t.Fatalf("path %+v is not two hops", p)
		}
	}
	directed, _ := s.Paths(ctx, graph.PathQuery{From: "Russia", To: "Kabul government", FollowDirection: true})
	if len(directed) != 1 || directed[0].Stances[1].Type != "REJECTS" {
		t.Fatalf("directed paths = %+v", directed)
	}
	for _, q := range []graph.PathQuery{{From: "Russia", To: "Taliban", MaxHops: 99}, {From: "Russia", To: "Taliban", Limit: -1}} {
		if _, err := s.Paths(ctx, q); !errors.Is(err, graph.ErrInvalidInput) {
			t.Fatalf("%+v: %v", q, err)
		}
	}
}

func TestDyadAndMatrix(t *testing.T) {
	s, _ := newStore(t)
	d, err := s.Dyad(ctx, "Taliban", "Kabul government")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(d.AToB) != "[{REJECTS 1}]" || fmt.Sprint(d.BToA) != "[{OFFERS 1}]" {
		t.Fatalf("dyad = %+v", d)
	}
	cells, err := s.Matrix(ctx, graph.MatrixQuery{Actors: []string{"Taliban", "Kabul government"}})
	if err != nil || len(cells) != 2 {
		t.Fatalf("matrix = %v, %v", cells, err)
	}
	all, _ := s.Matrix(ctx, graph.MatrixQuery{})
	if len(all) != 3 {
		t.Fatalf("full matrix has %d cells, want 3", len(all))
	}
	if _, err := s.Matrix(ctx, graph.MatrixQuery{From: graph.NewDate(2019, 1, 1), To: graph.NewDate(2018, 1, 1)}); !errors.Is(err, graph.ErrInvalidInput) {
		t.Fatalf("inverted range: %v", err)
	}
}

func TestLoadIsAllOrNothing(t *testing.T) {
	s, _ := newStore(t)
	before, _ := s.Stats(ctx)
	text := "Iran hosted Taliban envoys."
	b := graph.Batch{
		Actors:    []graph.Actor{{Name: "Iran", Kind: graph.KindState}},
		Documents: []graph.Document{{Text: text}},
		Stances: []graph.StanceSpec{
			{Subject: "Iran", Type: "ENGAGES", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: graph.DocumentID(text), Quote: "hosted Taliban envoys"}}},
			{Subject: "Iran", Type: "ENGAGES", Object: "Taliban", Evidence: []graph.EvidenceSpec{{Document: graph.DocumentID(text), Quote: "no such quote"}}},
		},
	}
	_, err := s.Load(ctx, b)
	var re *graph.RecordError
	if !errors.As(err, &re) || re.Record != "stance" || re.Index != 1 || !errors.Is(err, graph.ErrQuoteNotFound) {
		t.Fatalf("bad batch: err = %v", err)
	}
	if after, _ := s.Stats(ctx); after != before {
		t.Fatalf("failed load changed the store: %+v -> %+v", before, after)
	}
	b.Stances = b.Stances[:1]
	res, err := s.Load(ctx, b)
	if err != nil || !reflect.DeepEqual(res, graph.LoadResult{Actors: 1, Documents: 1, Stances: 1}) {
		t.Fatalf("load = %+v, %v", res, err)
	}
	res, err = s.Load(ctx, b)
	if err != nil || !reflect.DeepEqual(res, graph.LoadResult{}) {
		t.Fatalf("second load added %+v, %v", res, err)
	}
	mustCheck(t, s)
}

func TestPersistsAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	s, err := graph.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpsertActor(ctx, graph.Actor{Name: "Pakistan", Aliases: []string{"Islamabad"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpsertActor(ctx, graph.Actor{Name: "United States"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "United States", Type: "ACCUSES", Object: "Islamabad"}); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.Open(dir, nil); !errors.Is(err, graph.ErrLocked) {
		t.Fatalf("second open of a held store: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := s.Stats(ctx); !errors.Is(err, graph.ErrClosed) {
		t.Fatalf("use after close: %v", err)
	}
	s, err = graph.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.Stats(ctx)
	if st.Actors != 2 || st.Stances != 1 {
		t.Fatalf("after reopen: %+v", st)
	}
	if _, err := s.Actor(ctx, "islamabad"); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
}

func TestBackupRestore(t *testing.T) {
	s, _ := newStore(t)
	var buf bytes.Buffer
	if err := s.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	r, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	a, b := mustStats(t, s), mustStats(t, r)
	if a != b {
		t.Fatalf("restored stats %+v, want %+v", b, a)
	}
	if _, err := r.Actor(ctx, "Ghani"); err != nil {
		t.Fatal("restored store lost its name index")
	}
	mustCheck(t, r)
	if err := r.Restore(ctx, bytes.NewReader(buf.Bytes())); !errors.Is(err, graph.ErrInvalidInput) {
		t.Fatalf("restore into a non-empty store: %v", err)
	}
	empty, _ := graph.Open("", &graph.Options{InMemory: true})
	defer empty.Close()
	if err := empty.Restore(ctx, bytes.NewReader([]byte("not a backup\n"))); !errors.Is(err, graph.ErrInvalidInput) {
		t.Fatalf("restore of garbage: %v", err)
	}
}

func mustStats(t *testing.T, s *graph.Store) graph.Stats {
	t.Helper()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestVocabulary(t *testing.T) {
	v, err := graph.NewVocabulary([]graph.TypeInfo{{Type: "THREATENS", Description: "threatens the object", PLOVER: "THREATEN", CAMEO: []string{"13"}, Weight: -4.4}})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Names(); len(got) != 7 || got[6] != "THREATENS" {
		t.Fatalf("names = %v", got)
	}
	s, err := graph.Open("", &graph.Options{InMemory: true, Vocabulary: v})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.UpsertActor(ctx, graph.Actor{Name: "A"})
	s.UpsertActor(ctx, graph.Actor{Name: "B"})
	if _, _, err := s.AddStance(ctx, graph.StanceSpec{Subject: "A", Type: "THREATENS", Object: "B"}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []graph.TypeInfo{{Type: "lower", Description: "x"}, {Type: "OK", Description: "x", Weight: 11}, {Type: "NODESC"}} {
		if _, err := graph.NewVocabulary([]graph.TypeInfo{bad}); !errors.Is(err, graph.ErrInvalidInput) {
			t.Errorf("%+v accepted", bad)
		}
	}
}

func TestActorSearch(t *testing.T) {
	s, _ := newStore(t)
	s.UpsertActor(ctx, graph.Actor{Name: "Russia", Kind: graph.KindState})
	tests := []struct {
		search string
		kind   graph.ActorKind
		want   []string
	}{
		{"U.S.", "", []string{"United States"}},
		{"us", "", []string{"Russia", "United States"}}, // a substring of "Russia" and the alias "U.S." folded
		{"GOVERN", "", []string{"Kabul government"}},
		{"", graph.KindArmedGroup, []string{"Taliban"}},
		{"zzz", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.search+string(tt.kind), func(t *testing.T) {
			p, err := s.Actors(ctx, graph.ActorQuery{Search: tt.search, Kind: tt.kind})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range p.Actors {
				got = append(got, a.Name)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || p.Total != len(tt.want) {
				t.Fatalf("search %q = %v (total %d), want %v", tt.search, got, p.Total, tt.want)
			}
		})
	}
}

func TestRestoreRefusesTruncatedBackup(t *testing.T) {
	s, _ := newStore(t)
	var buf bytes.Buffer
	if err := s.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	full := buf.Bytes()
	for _, cut := range []int{len(full) - 1, len(full) - 33, len(full) / 2, len("stancegraph-backup 2\n") + 1} {
		t.Run(fmt.Sprint(cut), func(t *testing.T) {
			r, _ := graph.Open("", &graph.Options{InMemory: true})
			defer r.Close()
			if err := r.Restore(ctx, bytes.NewReader(full[:cut])); !errors.Is(err, graph.ErrInvalidInput) {
				t.Fatalf("restore of %d of %d bytes: %v", cut, len(full), err)
			}
		})
	}
	damaged := bytes.Clone(full)
	damaged[len(damaged)-40] ^= 0xff
	r, _ := graph.Open("", &graph.Options{InMemory: true})
	defer r.Close()
	if err := r.Restore(ctx, bytes.NewReader(damaged)); err == nil {
		t.Fatal("restore of a damaged backup succeeded")
	}
}

// TestActorPagesFollowChanges pages through actors, filtered and not, and
// checks the pages against an order computed here, then changes the
// actors (add, alias, merge) and checks the listing follows: the listing
// order is cached between changes.
func TestActorPagesFollowChanges(t *testing.T) {
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	kinds := []graph.ActorKind{graph.KindState, graph.KindArmedGroup, graph.KindPerson}
	for i := 0; i < 230; i++ {
		if _, err := s.UpsertActor(ctx, graph.Actor{Name: fmt.Sprintf("Actor %03d", (i*37)%230), Kind: kinds[i%3]}); err != nil {
			t.Fatal(err)
		}
	}
	all := func(q graph.ActorQuery) (names []string, total int) {
		t.Helper()
		for {
			p, err := s.Actors(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range p.Actors {
				names = append(names, a.Name)
			}
			total = p.Total
			if !p.HasNext {
				return names, total
			}
			if len(p.Actors) != q.First {
				t.Fatalf("a page before the last holds %d actors, want %d", len(p.Actors), q.First)
			}
			q.After = p.EndCursor
		}
	}
	tests := []struct {
		name string
		q    graph.ActorQuery
	}{
		{"all, pages of 7", graph.ActorQuery{First: 7}},
		{"all, one page", graph.ActorQuery{First: 1000}},
		{"states, pages of 9", graph.ActorQuery{First: 9, Kind: graph.KindState}},
		{"search, pages of 4", graph.ActorQuery{First: 4, Search: "actor 1"}},
	}
	check := func(extra map[string]graph.ActorKind) {
		t.Helper()
		for _, tc := range tests {
			got, total := all(tc.q)
			var ref []string
			names := map[string]graph.ActorKind{}
			for i := 0; i < 230; i++ {
				names[fmt.Sprintf("Actor %03d", (i*37)%230)] = kinds[i%3]
			}
			for n, k := range extra {
				names[n] = k
			}
			for n, k := range names {
				if k == "" {
					delete(names, n)
					continue
				}
				if (tc.q.Kind == "" || k == tc.q.Kind) && (tc.q.Search == "" || strings.Contains(strings.ToLower(n), tc.q.Search)) {
					ref = append(ref, n)
				}
			}
			sort.Slice(ref, func(i, j int) bool { return graph.NormalizeName(ref[i]) < graph.NormalizeName(ref[j]) })
			if !slices.Equal(got, ref) || total != len(ref) {
				t.Errorf("%s: %d actors (total %d), want %d; first %v, want %v", tc.name, len(got), total, len(ref), head(got), head(ref))
			}
		}
	}
	check(nil)
	// A new actor, sorting first, and a merge that removes one.
	if _, err := s.UpsertActor(ctx, graph.Actor{Name: "Aaa Newcomer", Kind: graph.KindState}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeActors(ctx, "Actor 001", "Actor 002"); err != nil {
		t.Fatal(err)
	}
	check(map[string]graph.ActorKind{"Aaa Newcomer": graph.KindState, "Actor 002": ""})
}

func head(s []string) []string { return s[:min(3, len(s))] }
