// Package storetest checks an implementation of stance.Store against the
// contract every part of stancegraph relies on, as testing/fstest does for
// fs.FS: the same calls give the same answers, pages and errors whatever
// keeps the data. An implementation's test calls Run:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) stance.Store {
//			s := openEmptyStore(t) // closed by t.Cleanup
//			return s
//		})
//	}
//
// Each subtest opens its own empty store, so they run in any order.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// Run runs every behaviour of the contract as a subtest against stores
// made by open, which returns a new, empty store with the default
// vocabulary and arranges for it to be closed when t ends.
func Run(t *testing.T, open func(t *testing.T) stance.Store) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.run(t, open(t)) })
	}
}

// cases are the contract's behaviours, one family each.
var cases = []struct {
	name string
	run  func(t *testing.T, s stance.Store)
}{
	{"actors", testActors},
	{"aliases", testAliases},
	{"stances", testStances},
	{"evidence", testEvidence},
	{"retraction", testRetraction},
	{"pagination", testPagination},
	{"dyads", testDyads},
	{"paths", testPaths},
	{"matrix", testMatrix},
	{"stats", testStats},
	{"load", testLoad},
	{"load all or nothing", testLoadAtomic},
	{"errors", testErrors},
}

var ctx = context.Background()

// The fixture: four actors and four stances quoted from one document.
const text = "The United States demanded that the Taliban stop attacks. " +
	"The Taliban rejected the American plan. " +
	"Pakistan backed the Taliban. " +
	"Washington accused Pakistan of harbouring militants."

var (
	fixtureActors = []stance.Actor{
		{Name: "United States", Kind: stance.KindState, Aliases: []string{"U.S.", "Washington"}, Country: "USA", Code: "USA"},
		{Name: "Taliban", Kind: stance.KindArmedGroup, Code: "AFGINSTAL"},
		{Name: "Pakistan", Kind: stance.KindState, Country: "PAK"},
		{Name: "Norway", Kind: stance.KindState},
	}
	fixtureDoc = stance.Document{Title: "Note", Source: "Wire", Date: stance.NewDate(2020, 1, 5), Text: text}
)

// fixtureStances names the stances of the fixture; US DEMANDS Taliban is
// dated first, US ACCUSES Pakistan is undated.
func fixtureStances() []stance.StanceSpec {
	doc := stance.DocumentID(text)
	ev := func(q string) []stance.EvidenceSpec { return []stance.EvidenceSpec{{Document: doc, Quote: q}} }
	return []stance.StanceSpec{
		{Subject: "U.S.", Type: stance.Demands, Object: "Taliban", Topic: "attacks", Date: stance.NewDate(2020, 1, 1), Evidence: ev("demanded that the Taliban stop attacks")},
		{Subject: "Taliban", Type: stance.Rejects, Object: "United States", Date: stance.NewDate(2020, 1, 2), Confidence: 0.5, Evidence: ev("The Taliban rejected the American plan.")},
		{Subject: "Pakistan", Type: stance.Supports, Object: "Taliban", Date: stance.NewDate(2020, 1, 3), Evidence: ev("Pakistan backed the Taliban.")},
		{Subject: "Washington", Type: stance.Accuses, Object: "Pakistan", Evidence: ev("accused Pakistan of harbouring militants")},
	}
}

// load fills s with the fixture and returns what it stored.
func load(t *testing.T, s stance.Store) stance.Stored {
	t.Helper()
	res, err := s.Load(ctx, stance.Batch{Actors: fixtureActors, Documents: []stance.Document{fixtureDoc}, Stances: fixtureStances(), ReturnStored: true})
	if err != nil {
		t.Fatalf("loading the fixture: %v", err)
	}
	return res.Stored
}

// must returns v once t has checked that err is nil:
// must(s.Actor(ctx, ref))(t).
func must[T any](v T, err error) func(t *testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: error %v, want one wrapping %v", what, err, want)
	}
}

func testActors(t *testing.T, s stance.Store) {
	load(t, s)
	us := must(s.Actor(ctx, "United States"))(t)
	if us.ID != stance.ActorID("United States") || us.Kind != stance.KindState || us.Country != "USA" {
		t.Errorf("Actor(United States) = %+v, want the ID ActorID gives and the loaded fields", us)
	}
	for _, ref := range []string{us.ID, "U.S.", "us", "washington", "  United   states "} {
		if got, err := s.Actor(ctx, ref); err != nil || got.ID != us.ID {
			t.Errorf("Actor(%q) = %v, %v; want the United States", ref, got.ID, err)
		}
	}
	if got := must(s.ActorByCode(ctx, "afginstal"))(t); got.Name != "Taliban" {
		t.Errorf("ActorByCode(afginstal) = %q, want Taliban", got.Name)
	}
	ids := []string{stance.ActorID("Pakistan"), us.ID}
	got := must(s.ActorsByID(ctx, ids))(t)
	if len(got) != 2 || got[0].Name != "Pakistan" || got[1].Name != "United States" {
		t.Errorf("ActorsByID = %+v, want Pakistan then United States", got)
	}
	up := must(s.UpsertActor(ctx, stance.Actor{Name: "Washington", Wikidata: "Q30"}))(t)
	if up.ID != us.ID || up.Wikidata != "Q30" || up.Kind != stance.KindState {
		t.Errorf("UpsertActor by alias = %+v, want the United States with Wikidata set and its kind kept", up)
	}
	page := must(s.Actors(ctx, stance.ActorQuery{Kind: stance.KindState}))(t)
	if names := actorNames(page.Actors); !slices.Equal(names, []string{"Norway", "Pakistan", "United States"}) || page.Total != 3 {
		t.Errorf("Actors(kind STATE) = %v (total %d), want Norway, Pakistan, United States by name", names, page.Total)
	}
	page = must(s.Actors(ctx, stance.ActorQuery{Search: "WASH"}))(t)
	if names := actorNames(page.Actors); !slices.Equal(names, []string{"United States"}) {
		t.Errorf("Actors(search WASH) = %v, want the actor whose alias matches", names)
	}
}

func testAliases(t *testing.T, s stance.Store) {
	load(t, s)
	a := must(s.AddAlias(ctx, "Taliban", "Islamic Emirate"))(t)
	if !slices.Contains(a.Aliases, "Islamic Emirate") {
		t.Errorf("AddAlias: aliases %v lack the new one", a.Aliases)
	}
	if got := must(s.Actor(ctx, "islamic emirate"))(t); got.ID != a.ID {
		t.Errorf("the new alias finds %q", got.Name)
	}
	if _, err := s.AddAlias(ctx, "Taliban", "Islamic Emirate"); err != nil {
		t.Errorf("adding an alias the actor already has: %v", err)
	}
	_, err := s.AddAlias(ctx, "Taliban", "Washington")
	wantErr(t, "AddAlias naming another actor", err, stance.ErrInvalidInput)
	_, err = s.AddAlias(ctx, "Nobody", "X")
	wantErr(t, "AddAlias to an unknown actor", err, stance.ErrNotFound)
	_, err = s.AddAlias(ctx, "Taliban", "bad\u200bname")
	wantErr(t, "AddAlias with a zero-width space", err, stance.ErrInvalidName)
	many := make([]string, stance.MaxAliases+1)
	for i := range many {
		many[i] = fmt.Sprintf("Name %d", i)
	}
	_, err = s.UpsertActor(ctx, stance.Actor{Name: "Many", Aliases: many})
	wantErr(t, "an actor with too many aliases", err, stance.ErrTooManyAliases)
	kept := must(s.MergeActors(ctx, "Taliban", "Norway"))(t)
	if kept.Name != "Taliban" || !slices.Contains(kept.Aliases, "Norway") {
		t.Errorf("MergeActors = %+v, want Taliban with Norway among its aliases", kept)
	}
	if got := must(s.Actor(ctx, "Norway"))(t); got.ID != kept.ID {
		t.Errorf("after the merge Norway finds %q", got.Name)
	}
}

func testStances(t *testing.T, s stance.Store) {
	stored := load(t, s)
	if len(stored.Stances) != 4 {
		t.Fatalf("Load stored %d stances, want 4", len(stored.Stances))
	}
	demand := stored.Stances[0]
	if demand.Subject != stance.ActorID("United States") || demand.Type != stance.Demands || demand.Object != stance.ActorID("Taliban") || demand.Confidence != 1 {
		t.Errorf("stored stance = %+v, want United States DEMANDS Taliban with confidence 1", demand)
	}
	got := must(s.Stance(ctx, demand.ID))(t)
	if !reflect.DeepEqual(got, demand) {
		t.Errorf("Stance(id) = %+v\nLoad stored %+v", got, demand)
	}
	again, created, err := s.AddStance(ctx, fixtureStances()[0])
	if err != nil || created || again.ID != demand.ID || len(again.Evidence) != 1 {
		t.Errorf("adding the same stance again = %v created %v, %v; want the same stance, not created, one quote", again.ID, created, err)
	}
	page := must(s.Stances(ctx, stance.StanceQuery{Subject: "Washington"}))(t)
	if page.Total != 2 || len(page.Stances) != 2 {
		t.Errorf("Stances(subject Washington) = %d of %d, want 2", len(page.Stances), page.Total)
	}
	page = must(s.Stances(ctx, stance.StanceQuery{Types: []stance.Type{stance.Rejects, stance.Supports}, MinConfidence: 0.9}))(t)
	if page.Total != 1 || page.Stances[0].Type != stance.Supports {
		t.Errorf("Stances(REJECTS or SUPPORTS, confidence >= 0.9) = %+v, want the SUPPORTS stance", page.Stances)
	}
	page = must(s.Stances(ctx, stance.StanceQuery{From: stance.NewDate(2020, 1, 2), To: stance.NewDate(2020, 1, 3)}))(t)
	if page.Total != 2 {
		t.Errorf("Stances(2020-01-02..03) = %d, want 2: the range is inclusive", page.Total)
	}
	adj := must(s.ActorStances(ctx, "Taliban", stance.AdjacencyQuery{Direction: stance.In}))(t)
	if adj.Total != 2 {
		t.Errorf("ActorStances(Taliban, In) = %d, want 2", adj.Total)
	}
	// Skipping the total and the cursors may spare work, never change the page.
	lean := must(s.ActorStances(ctx, "Taliban", stance.AdjacencyQuery{Direction: stance.In, First: 1, SkipTotal: true, SkipCursors: true}))(t)
	if len(lean.Stances) != 1 || !reflect.DeepEqual(lean.Stances[0], adj.Stances[0]) || !lean.HasNext {
		t.Errorf("ActorStances(Taliban, In, first 1) without total and cursors = %+v, want the first of %+v and more to follow", lean, adj.Stances)
	}
	if n := must(s.Degree(ctx, "Taliban", stance.Both))(t); n != 3 {
		t.Errorf("Degree(Taliban, Both) = %d, want 3", n)
	}
	_, _, err = s.AddStance(ctx, stance.StanceSpec{Subject: "Taliban", Type: "THREATENS", Object: "Pakistan"})
	wantErr(t, "a type outside the vocabulary", err, stance.ErrInvalidType)
	_, _, err = s.AddStance(ctx, stance.StanceSpec{Subject: "U.S.", Type: stance.Engages, Object: "Washington"})
	wantErr(t, "a stance from an actor to itself", err, stance.ErrSelfStance)
}

func testEvidence(t *testing.T, s stance.Store) {
	stored := load(t, s)
	ev := stored.Stances[0].Evidence
	want := "demanded that the Taliban stop attacks"
	if len(ev) != 1 || ev[0].Quote != want || ev[0].DocumentID != stored.Documents[0].ID {
		t.Fatalf("evidence = %+v, want the quote in the loaded document", ev)
	}
	if r := []rune(text); string(r[ev[0].Start:ev[0].End]) != want {
		t.Errorf("offsets %d..%d hold %q, not the quote", ev[0].Start, ev[0].End, string(r[ev[0].Start:ev[0].End]))
	}
	doc := stance.DocumentID(text)
	_, _, err := s.AddStance(ctx, stance.StanceSpec{Subject: "Pakistan", Type: stance.Engages, Object: "Norway", Evidence: []stance.EvidenceSpec{{Document: doc, Quote: "no such words"}}})
	wantErr(t, "a quote the document lacks", err, stance.ErrQuoteNotFound)
	_, _, err = s.AddStance(ctx, stance.StanceSpec{Subject: "Pakistan", Type: stance.Engages, Object: "Norway", Evidence: []stance.EvidenceSpec{{Document: doc, Quote: "the Taliban"}}})
	wantErr(t, "a quote occurring twice without a selector", err, stance.ErrAmbiguousQuote)
	st, _, err := s.AddStance(ctx, stance.StanceSpec{Subject: "Pakistan", Type: stance.Engages, Object: "Norway", Evidence: []stance.EvidenceSpec{{Document: doc, Quote: "the Taliban", Suffix: "."}}})
	if err != nil || len(st.Evidence) != 1 || st.Evidence[0].Start != strings.Index(text, "the Taliban.") {
		t.Errorf("a quote selected by its suffix = %+v, %v; want the occurrence before the full stop", st.Evidence, err)
	}
	d, created, err := s.PutDocument(ctx, stance.Document{Title: "Other title", Text: text})
	if err != nil || created || d.Title != "Note" {
		t.Errorf("PutDocument of a known text = %q created %v, %v; want the first document kept", d.Title, created, err)
	}
	whole := must(s.Document(ctx, doc))(t)
	info := must(s.DocumentInfo(ctx, doc))(t)
	if whole.Text != text || info.Text != "" || info != (stance.Document{ID: whole.ID, Title: whole.Title, Source: whole.Source, URL: whole.URL, Date: whole.Date}) {
		t.Errorf("DocumentInfo = %+v, want Document %+v without its text", info, whole)
	}
	docs := must(s.DocumentStances(ctx, doc, stance.PageQuery{}))(t)
	if docs.Total != 5 {
		t.Errorf("DocumentStances = %d, want the 5 stances citing it", docs.Total)
	}
}

func testRetraction(t *testing.T, s stance.Store) {
	stored := load(t, s)
	id := stored.Stances[2].ID
	r := must(s.RetractStance(ctx, id, "misread"))(t)
	if !r.Retracted || r.RetractReason != "misread" {
		t.Errorf("RetractStance = %+v, want it retracted with the reason", r)
	}
	if got := must(s.Stance(ctx, id))(t); !got.Retracted {
		t.Error("a retracted stance must stay readable and say so")
	}
	if st := must(s.Stats(ctx))(t); st.Stances != 3 || st.Retracted != 1 {
		t.Errorf("Stats = %+v, want 3 live and 1 retracted", st)
	}
	if p := must(s.Stances(ctx, stance.StanceQuery{}))(t); p.Total != 3 {
		t.Errorf("Stances() = %d, want the 3 live ones", p.Total)
	}
	if p := must(s.Stances(ctx, stance.StanceQuery{IncludeRetracted: true}))(t); p.Total != 4 {
		t.Errorf("Stances(IncludeRetracted) = %d, want 4", p.Total)
	}
	if p := must(s.DocumentStances(ctx, stance.DocumentID(text), stance.PageQuery{}))(t); p.Total != 4 {
		t.Errorf("DocumentStances = %d, want all 4: a document shows everything said of it", p.Total)
	}
	if n := must(s.Degree(ctx, "Pakistan", stance.Out))(t); n != 0 {
		t.Errorf("Degree(Pakistan, Out) = %d after its only stance was retracted", n)
	}
	for _, c := range []struct {
		opts *stance.EachOptions
		want int
	}{{nil, 3}, {&stance.EachOptions{}, 3}, {&stance.EachOptions{IncludeRetracted: true}, 4}} {
		n := 0
		if err := s.ForEachStance(ctx, c.opts, func(stance.Stance) error { n++; return nil }); err != nil || n != c.want {
			t.Errorf("ForEachStance(%+v) visited %d, %v; want %d", c.opts, n, err, c.want)
		}
	}
}

func testPagination(t *testing.T, s stance.Store) {
	load(t, s)
	var names []string
	after := ""
	for range 5 {
		p := must(s.Actors(ctx, stance.ActorQuery{First: 3, After: after}))(t)
		names = append(names, actorNames(p.Actors)...)
		if p.Total != 4 || len(p.Cursors) != len(p.Actors) {
			t.Fatalf("page of actors: total %d, %d cursors for %d actors", p.Total, len(p.Cursors), len(p.Actors))
		}
		if !p.HasNext {
			break
		}
		after = p.EndCursor
	}
	if !slices.Equal(names, []string{"Norway", "Pakistan", "Taliban", "United States"}) {
		t.Errorf("actors paged by 3 = %v, want each once by name", names)
	}
	var ids []string
	after = ""
	for range 5 {
		p := must(s.Stances(ctx, stance.StanceQuery{First: 1, After: after}))(t)
		for _, st := range p.Stances {
			ids = append(ids, st.ID)
		}
		if !p.HasNext {
			break
		}
		after = p.EndCursor
	}
	if len(ids) != 4 || len(slices.Compact(slices.Sorted(slices.Values(ids)))) != 4 {
		t.Errorf("stances paged one at a time = %v, want 4 distinct", ids)
	}
	docs := must(s.Documents(ctx, stance.PageQuery{First: 1}))(t)
	if docs.Total != 1 || len(docs.Documents) != 1 || docs.HasNext {
		t.Errorf("Documents = %d of %d (more: %v), want the one document", len(docs.Documents), docs.Total, docs.HasNext)
	}
	_, err := s.Actors(ctx, stance.ActorQuery{First: stance.MaxPageSize + 1})
	wantErr(t, "a page over MaxPageSize", err, stance.ErrInvalidInput)
	_, err = s.Actors(ctx, stance.ActorQuery{First: -1})
	wantErr(t, "a negative page size", err, stance.ErrInvalidInput)
	_, err = s.Stances(ctx, stance.StanceQuery{After: "not a cursor"})
	wantErr(t, "a cursor the store never issued", err, stance.ErrInvalidCursor)
	p := must(s.Actors(ctx, stance.ActorQuery{First: 1}))(t)
	_, err = s.Documents(ctx, stance.PageQuery{After: p.EndCursor})
	wantErr(t, "an actor cursor replayed on documents", err, stance.ErrInvalidCursor)
}

func testDyads(t *testing.T, s stance.Store) {
	load(t, s)
	d := must(s.Dyad(ctx, "United States", "Taliban"))(t)
	want := stance.Dyad{A: stance.ActorID("United States"), B: stance.ActorID("Taliban"),
		AToB: []stance.TypeCount{{Type: stance.Demands, Count: 1}}, BToA: []stance.TypeCount{{Type: stance.Rejects, Count: 1}}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("Dyad = %+v\nwant %+v", d, want)
	}
	var types []stance.Type
	after := ""
	for range 3 {
		p := must(s.DyadStances(ctx, "Taliban", "U.S.", stance.PageQuery{First: 1, After: after}))(t)
		if p.Total != 2 {
			t.Fatalf("DyadStances total = %d, want 2", p.Total)
		}
		for _, st := range p.Stances {
			types = append(types, st.Type)
		}
		if !p.HasNext {
			break
		}
		after = p.EndCursor
	}
	if !slices.Equal(types, []stance.Type{stance.Demands, stance.Rejects}) {
		t.Errorf("DyadStances = %v, want both ways by date", types)
	}
}

func testPaths(t *testing.T, s stance.Store) {
	load(t, s)
	paths := must(s.Paths(ctx, stance.PathQuery{From: "Pakistan", To: "United States"}))(t)
	if len(paths) < 2 || len(paths[0].Stances) != 1 {
		t.Fatalf("Paths(Pakistan, United States) = %+v, want the direct stance first, then longer ones", paths)
	}
	for _, p := range paths {
		if len(p.Actors) != len(p.Stances)+1 || p.Actors[0] != stance.ActorID("Pakistan") || p.Actors[len(p.Actors)-1] != stance.ActorID("United States") {
			t.Errorf("path %v does not lead from Pakistan to the United States", p.Actors)
		}
	}
	directed := must(s.Paths(ctx, stance.PathQuery{From: "Pakistan", To: "United States", FollowDirection: true}))(t)
	if len(directed) != 1 || len(directed[0].Stances) != 2 {
		t.Errorf("directed paths = %+v, want Pakistan SUPPORTS Taliban REJECTS United States", directed)
	}
	if p := must(s.Paths(ctx, stance.PathQuery{From: "Norway", To: "Taliban"}))(t); len(p) != 0 {
		t.Errorf("paths from an isolated actor = %+v, want none", p)
	}
}

func testMatrix(t *testing.T, s stance.Store) {
	load(t, s)
	cells := must(s.Matrix(ctx, stance.MatrixQuery{Actors: []string{"Taliban", "U.S."}}))(t)
	want := []stance.MatrixCell{
		{Subject: stance.ActorID("Taliban"), Object: stance.ActorID("United States"), Type: stance.Rejects, Count: 1},
		{Subject: stance.ActorID("United States"), Object: stance.ActorID("Taliban"), Type: stance.Demands, Count: 1},
	}
	if !reflect.DeepEqual(cells, want) {
		t.Errorf("Matrix = %+v\nwant %+v", cells, want)
	}
	all := must(s.Matrix(ctx, stance.MatrixQuery{Types: []stance.Type{stance.Accuses}}))(t)
	if len(all) != 1 || all[0].Object != stance.ActorID("Pakistan") {
		t.Errorf("Matrix(ACCUSES) = %+v, want the one accusation", all)
	}
}

func testStats(t *testing.T, s stance.Store) {
	if st := must(s.Stats(ctx))(t); st != (stance.Stats{}) {
		t.Errorf("an empty store's Stats = %+v", st)
	}
	load(t, s)
	if st := must(s.Stats(ctx))(t); st != (stance.Stats{Actors: 4, Stances: 4, Documents: 1}) {
		t.Errorf("Stats = %+v, want 4 actors, 4 stances, 1 document", st)
	}
}

func testLoad(t *testing.T, s stance.Store) {
	b := stance.Batch{Actors: fixtureActors, Documents: []stance.Document{fixtureDoc}, Stances: fixtureStances()}
	res := must(s.Load(ctx, b))(t)
	if res.Actors != 4 || res.Documents != 1 || res.Stances != 4 || len(res.Stored.Stances) != 0 {
		t.Errorf("Load = %+v, want 4 actors, 1 document, 4 stances and no records unasked", res)
	}
	b.ReturnStored = true
	res = must(s.Load(ctx, b))(t)
	if res.Actors != 0 || res.Documents != 0 || res.Stances != 0 || res.Changed != 0 {
		t.Errorf("loading the same batch again = %+v, want nothing added or changed", res)
	}
	st := res.Stored
	if len(st.Actors) != 4 || len(st.Documents) != 1 || len(st.Stances) != 4 {
		t.Fatalf("Stored holds %d actors, %d documents, %d stances; want one per batch record", len(st.Actors), len(st.Documents), len(st.Stances))
	}
	if st.Actors[0].ID != stance.ActorID("United States") || st.Documents[0].ID != stance.DocumentID(text) || st.Stances[3].Type != stance.Accuses {
		t.Errorf("Stored is not index for index with the batch: %+v", st)
	}
	b = stance.Batch{Actors: []stance.Actor{{Name: "Taliban", Kind: stance.KindOrganization}}}
	_, err := s.Load(ctx, b)
	wantErr(t, "a load changing an actor's kind without Upsert", err, stance.ErrConflict)
	b.Upsert = true
	res = must(s.Load(ctx, b))(t)
	if res.Changed != 1 || len(res.Changes) != 1 || res.Changes[0].Field != "kind" {
		t.Errorf("an upsert changing a kind = %+v, want one change of kind", res)
	}
}

func testLoadAtomic(t *testing.T, s stance.Store) {
	load(t, s)
	before := must(s.Stats(ctx))(t)
	bad := []struct {
		name  string
		batch stance.Batch
		rec   string
		index int
		want  error
	}{
		{"unknown type", stance.Batch{Actors: []stance.Actor{{Name: "Iran"}}, Stances: []stance.StanceSpec{
			{Subject: "Iran", Type: stance.Supports, Object: "Taliban"}, {Subject: "Iran", Type: "PRAISES", Object: "Taliban"}}}, "stance", 1, stance.ErrInvalidType},
		{"unknown actor", stance.Batch{Documents: []stance.Document{{Text: "Another text."}}, Stances: []stance.StanceSpec{
			{Subject: "Nobody", Type: stance.Supports, Object: "Taliban"}}}, "stance", 0, stance.ErrNotFound},
		{"bad kind", stance.Batch{Actors: []stance.Actor{{Name: "Iran"}, {Name: "Iraq", Kind: "PLANET"}}}, "actor", 1, stance.ErrInvalidInput},
		{"bad name", stance.Batch{Actors: []stance.Actor{{Name: "Iran"}, {Name: "\u202eIraq"}}}, "actor", 1, stance.ErrInvalidName},
		{"missing quote", stance.Batch{Actors: []stance.Actor{{Name: "Iran"}}, Stances: []stance.StanceSpec{
			{Subject: "Iran", Type: stance.Supports, Object: "Taliban", Evidence: []stance.EvidenceSpec{{Document: stance.DocumentID(text), Quote: "Iran"}}}}}, "stance", 0, stance.ErrQuoteNotFound},
		{"self stance", stance.Batch{Actors: []stance.Actor{{Name: "Iran"}}, Stances: []stance.StanceSpec{
			{Subject: "Iran", Type: stance.Supports, Object: "iran"}}}, "stance", 0, stance.ErrSelfStance},
	}
	for _, c := range bad {
		_, err := s.Load(ctx, c.batch)
		var re *stance.RecordError
		if !errors.As(err, &re) || re.Record != c.rec || re.Index != c.index || !errors.Is(err, c.want) {
			t.Errorf("%s: Load error %v, want a RecordError at %s %d wrapping %v", c.name, err, c.rec, c.index+1, c.want)
		}
		if after := must(s.Stats(ctx))(t); after != before {
			t.Errorf("%s: a refused load changed the store: %+v, was %+v", c.name, after, before)
		}
	}
	if _, err := s.Actor(ctx, "Iran"); !errors.Is(err, stance.ErrNotFound) {
		t.Errorf("an actor of a refused batch was stored: %v", err)
	}
}

func testErrors(t *testing.T, s stance.Store) {
	load(t, s)
	unknown := stance.ActorID("nobody at all")
	checks := []struct {
		what string
		call func() error
		want error
	}{
		{"Actor(unknown name)", func() error { _, err := s.Actor(ctx, "Atlantis"); return err }, stance.ErrNotFound},
		{"Stance(unknown id)", func() error { _, err := s.Stance(ctx, unknown); return err }, stance.ErrNotFound},
		{"Stance(malformed id)", func() error { _, err := s.Stance(ctx, "nope"); return err }, stance.ErrInvalidID},
		{"Document(unknown id)", func() error { _, err := s.Document(ctx, unknown); return err }, stance.ErrNotFound},
		{"DocumentInfo(unknown id)", func() error { _, err := s.DocumentInfo(ctx, unknown); return err }, stance.ErrNotFound},
		{"DocumentStances(unknown id)", func() error { _, err := s.DocumentStances(ctx, unknown, stance.PageQuery{}); return err }, stance.ErrNotFound},
		{"RetractStance(unknown id)", func() error { _, err := s.RetractStance(ctx, unknown, "x"); return err }, stance.ErrNotFound},
		{"ActorByCode(unknown)", func() error { _, err := s.ActorByCode(ctx, "XXX"); return err }, stance.ErrNotFound},
		{"Stances(unknown subject)", func() error { _, err := s.Stances(ctx, stance.StanceQuery{Subject: "Atlantis"}); return err }, stance.ErrNotFound},
		{"Stances(unknown type)", func() error {
			_, err := s.Stances(ctx, stance.StanceQuery{Types: []stance.Type{"PRAISES"}})
			return err
		}, stance.ErrInvalidType},
		{"Stances(From after To)", func() error {
			_, err := s.Stances(ctx, stance.StanceQuery{From: stance.NewDate(2021, 1, 1), To: stance.NewDate(2020, 1, 1)})
			return err
		}, stance.ErrInvalidInput},
		{"Dyad(unknown actor)", func() error { _, err := s.Dyad(ctx, "Atlantis", "Taliban"); return err }, stance.ErrNotFound},
		{"Paths(too many hops)", func() error {
			_, err := s.Paths(ctx, stance.PathQuery{From: "Taliban", To: "Pakistan", MaxHops: stance.MaxHops + 1})
			return err
		}, stance.ErrInvalidInput},
		{"PutDocument(too long)", func() error {
			_, _, err := s.PutDocument(ctx, stance.Document{Text: strings.Repeat("x", stance.MaxDocumentBytes+1)})
			return err
		}, stance.ErrInvalidInput},
		{"UpsertActor(Cyrillic look-alike)", func() error { _, err := s.UpsertActor(ctx, stance.Actor{Name: "\u0422\u0430liban"}); return err }, stance.ErrLookalike},
	}
	for _, c := range checks {
		wantErr(t, c.what, c.call(), c.want)
	}
	if st := must(s.Stats(ctx))(t); st != (stance.Stats{Actors: 4, Stances: 4, Documents: 1}) {
		t.Errorf("refused calls changed the store: %+v", st)
	}
}

func actorNames(as []stance.Actor) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Name
	}
	return out
}
