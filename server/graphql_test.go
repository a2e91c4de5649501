package server_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
)

// TestQueries runs every query of the contract through HTTP against the
// fixture graph.
func TestQueries(t *testing.T) {
	f := newFixture(t)
	ts := newServer(t, f, nil, nil)
	tests := []struct {
		name  string
		query string
		vars  map[string]interface{}
		check func(t *testing.T, r response)
	}{
		{
			name:  "actor by alias",
			query: `{ actor(name: "u.s.") { id name kind aliases country code wikidata } }`,
			check: func(t *testing.T, r response) {
				if r.str("data.actor.id") != f.us.ID || r.str("data.actor.name") != "United States" ||
					r.str("data.actor.kind") != "STATE" || r.str("data.actor.country") != "USA" ||
					r.str("data.actor.wikidata") != "Q30" || r.get("data.actor.code") != nil {
					t.Errorf("got %s", r.raw)
				}
				if !contains(r.list("data.actor.aliases"), "Washington") {
					t.Errorf("aliases lack Washington: %s", r.raw)
				}
			},
		},
		{
			name:  "actor by id and by folded name",
			query: `query($id: ID) { a: actor(id: $id) { name } b: actor(name: "  WASHINGTON ") { name } c: actor(name: "Atlantis") { name } }`,
			vars:  map[string]interface{}{"id": f.tal.ID},
			check: func(t *testing.T, r response) {
				if r.str("data.a.name") != "Taliban" || r.str("data.b.name") != "United States" || r.get("data.c") != nil {
					t.Errorf("got %s", r.raw)
				}
				if _, ok := r.body["data"].(map[string]interface{})["c"]; !ok {
					t.Errorf("actor(name: unknown) should be null, not absent: %s", r.raw)
				}
			},
		},
		{
			name:  "actors by kind and search",
			query: `{ states: actors(kind: STATE) { totalCount nodes { name } pageInfo { hasNextPage } } search: actors(search: "gov") { totalCount nodes { name } } all: actors { totalCount } }`,
			check: func(t *testing.T, r response) {
				if r.num("data.states.totalCount") != 2 || r.num("data.all.totalCount") != 4 {
					t.Errorf("counts: %s", r.raw)
				}
				if r.get("data.states.pageInfo.hasNextPage") != false {
					t.Errorf("hasNextPage: %s", r.raw)
				}
				// "Afghan government" is an alias of Kabul government: one actor.
				if r.num("data.search.totalCount") != 1 || r.str("data.search.nodes.0.name") != "Kabul government" {
					t.Errorf("search: %s", r.raw)
				}
			},
		},
		{
			name:  "stance with evidence",
			query: `query($id: ID!) { stance(id: $id) { id type subject { name } object { name } topic date confidence retracted evidence { quote start end document { id title source url date } } } }`,
			vars:  map[string]interface{}{"id": f.stances["demand"].ID},
			check: func(t *testing.T, r response) {
				s := "data.stance."
				if r.str(s+"type") != "DEMANDS" || r.str(s+"subject.name") != "United States" || r.str(s+"object.name") != "Taliban" ||
					r.str(s+"topic") != "peace talks" || r.str(s+"date") != "2018-03-09" || r.get(s+"confidence") != 1.0 ||
					r.get(s+"retracted") != false {
					t.Errorf("got %s", r.raw)
				}
				quote := "urged the Taliban to join talks"
				start := strings.Index(testText, quote) // ASCII text: byte offsets are code-point offsets
				if r.str(s+"evidence.0.quote") != quote || r.num(s+"evidence.0.start") != start || r.num(s+"evidence.0.end") != start+len(quote) {
					t.Errorf("evidence: %s", r.raw)
				}
				if r.str(s+"evidence.0.document.id") != f.doc.ID || r.str(s+"evidence.0.document.date") != "2018-03-10" || r.str(s+"evidence.0.document.source") != "RFE/RL" {
					t.Errorf("document: %s", r.raw)
				}
			},
		},
		{
			name:  "stance date falls back to its document",
			query: `query($id: ID!) { stance(id: $id) { date } unknown: stance(id: "00000000-0000-0000-0000-000000000000") { id } }`,
			vars:  map[string]interface{}{"id": f.stances["reject"].ID},
			check: func(t *testing.T, r response) {
				if r.str("data.stance.date") != "2018-03-10" || r.get("data.unknown") != nil {
					t.Errorf("got %s", r.raw)
				}
			},
		},
		{
			name: "stances filtered",
			query: `{
				bySubject: stances(filter: {subject: "Washington"}) { totalCount nodes { type object { name } } }
				byObject: stances(filter: {object: "Kabul government", types: [SUPPORTS]}) { totalCount nodes { subject { name } } }
				byDate: stances(filter: {from: "2018-03-09", to: "2018-03-09T12:00:00Z"}) { totalCount }
				byDoc: stances(filter: {document: "` + f.doc.ID + `"}) { totalCount }
				confident: stances(filter: {minConfidence: 0.9}) { totalCount }
				all: stances { totalCount edges { cursor node { id } } }
			}`,
			check: func(t *testing.T, r response) {
				want := map[string]int{"bySubject": 3, "byObject": 1, "byDate": 2, "byDoc": 4, "confident": 4, "all": 5}
				for k, n := range want {
					if got := r.num("data." + k + ".totalCount"); got != n {
						t.Errorf("%s: totalCount %d, want %d", k, got, n)
					}
				}
				if r.str("data.byObject.nodes.0.subject.name") != "United States" {
					t.Errorf("byObject: %s", r.raw)
				}
				if len(r.list("data.all.edges")) != 5 || r.str("data.all.edges.0.cursor") == "" {
					t.Errorf("edges: %s", r.raw)
				}
			},
		},
		{
			name:  "document and documents",
			query: `query($id: ID!) { document(id: $id) { id title text date stances { totalCount nodes { type } } } documents { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
			vars:  map[string]interface{}{"id": f.doc.ID},
			check: func(t *testing.T, r response) {
				if r.str("data.document.text") != testText || r.num("data.document.stances.totalCount") != 4 {
					t.Errorf("document: %s", r.raw)
				}
				if r.num("data.documents.totalCount") != 1 || r.str("data.documents.nodes.0.id") != f.doc.ID {
					t.Errorf("documents: %s", r.raw)
				}
			},
		},
		{
			name: "actor stances by direction, type, counterpart and date",
			query: `{ actor(name: "United States") {
				out: stances { totalCount }
				in: stances(direction: IN) { totalCount nodes { subject { name } } }
				both: stances(direction: BOTH) { totalCount }
				accuses: stances(types: [ACCUSES]) { totalCount nodes { object { name } } }
				withTaliban: stances(direction: BOTH, counterpart: "Taliban") { totalCount }
				march: stances(from: "2018-03-01", to: "2018-03-31") { totalCount }
				degree degreeOut: degree(direction: OUT) degreeIn: degree(direction: IN)
			} }`,
			check: func(t *testing.T, r response) {
				want := map[string]int{"out.totalCount": 3, "in.totalCount": 1, "both.totalCount": 4, "accuses.totalCount": 1,
					"withTaliban.totalCount": 2, "march.totalCount": 2, "degree": 4, "degreeOut": 3, "degreeIn": 1}
				for k, n := range want {
					if got := r.num("data.actor." + k); got != n {
						t.Errorf("%s = %d, want %d (%s)", k, got, n, r.raw)
					}
				}
				if r.str("data.actor.in.nodes.0.subject.name") != "Taliban" || r.str("data.actor.accuses.nodes.0.object.name") != "Pakistan" {
					t.Errorf("got %s", r.raw)
				}
			},
		},
		{
			name:  "paths",
			query: `{ paths(from: "Pakistan", to: "Kabul government") { actors { name } stances { type } } directed: paths(from: "Pakistan", to: "Kabul government", followDirection: true) { actors { name } } short: paths(from: "Pakistan", to: "Taliban", maxHops: 1) { actors { name } } }`,
			check: func(t *testing.T, r response) {
				paths := r.list("data.paths")
				if len(paths) == 0 {
					t.Fatalf("no path: %s", r.raw)
				}
				// Shortest first: Pakistan - United States - Kabul government.
				if names := names(r, "data.paths.0.actors"); strings.Join(names, ",") != "Pakistan,United States,Kabul government" {
					t.Errorf("first path %v", names)
				}
				if len(r.list("data.paths.0.stances")) != 2 {
					t.Errorf("stances of first path: %s", r.raw)
				}
				for i := range paths {
					if a, s := len(r.list(fmt.Sprintf("data.paths.%d.actors", i))), len(r.list(fmt.Sprintf("data.paths.%d.stances", i))); a != s+1 {
						t.Errorf("path %d: %d actors for %d stances", i, a, s)
					}
				}
				if len(r.list("data.directed")) != 0 || len(r.list("data.short")) != 0 {
					t.Errorf("directed or 1-hop paths found: %s", r.raw)
				}
			},
		},
		{
			name:  "dyad",
			query: `{ dyad(a: "U.S.", b: "Taliban") { a { name } b { name } aToB { type count } bToA { type count } stances { totalCount nodes { type date } } } }`,
			check: func(t *testing.T, r response) {
				if r.str("data.dyad.a.name") != "United States" || r.str("data.dyad.b.name") != "Taliban" {
					t.Errorf("ends: %s", r.raw)
				}
				if counts(r, "data.dyad.aToB")["DEMANDS"] != 1 || counts(r, "data.dyad.bToA")["ACCUSES"] != 1 {
					t.Errorf("counts: %s", r.raw)
				}
				if r.num("data.dyad.stances.totalCount") != 2 {
					t.Errorf("stances: %s", r.raw)
				}
			},
		},
		{
			name:  "matrix",
			query: `{ all: matrix { subject { name } object { name } type count } some: matrix(actors: ["U.S.", "Taliban"]) { type count } typed: matrix(types: [ACCUSES], from: "2018-03-10") { subject { name } } }`,
			check: func(t *testing.T, r response) {
				if n := len(r.list("data.all")); n != 5 {
					t.Errorf("all: %d cells: %s", n, r.raw)
				}
				if n := len(r.list("data.some")); n != 2 {
					t.Errorf("some: %d cells: %s", n, r.raw)
				}
				if n := len(r.list("data.typed")); n != 1 || r.str("data.typed.0.subject.name") != "Taliban" {
					t.Errorf("typed: %s", r.raw)
				}
			},
		},
		{
			name:  "vocabulary and stats",
			query: `{ vocabulary { type description plover cameo weight } stats { actors stances documents retracted } }`,
			check: func(t *testing.T, r response) {
				if n := len(r.list("data.vocabulary")); n != 6 {
					t.Errorf("vocabulary has %d types", n)
				}
				if r.str("data.vocabulary.2.type") != "DEMANDS" || r.str("data.vocabulary.2.plover") != "REQUEST" || r.get("data.vocabulary.2.weight") != -5.0 {
					t.Errorf("vocabulary: %s", r.raw)
				}
				if r.num("data.stats.actors") != 4 || r.num("data.stats.stances") != 5 || r.num("data.stats.documents") != 1 {
					t.Errorf("stats: %s", r.raw)
				}
			},
		},
		{
			name:  "introspection reports enum defaults",
			query: `{ __type(name: "Actor") { fields { name args { name defaultValue } } } }`,
			check: func(t *testing.T, r response) {
				got := map[string]string{}
				for i := range r.list("data.__type.fields") {
					fp := fmt.Sprintf("data.__type.fields.%d.", i)
					for j := range r.list(fp + "args") {
						ap := fmt.Sprintf("%sargs.%d.", fp, j)
						got[r.str(fp+"name")+"."+r.str(ap+"name")] = r.str(ap + "defaultValue")
					}
				}
				if got["stances.direction"] != "OUT" || got["degree.direction"] != "BOTH" || got["stances.first"] != "50" {
					t.Errorf("defaults %v", got)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, mustData(t, ts, tt.query, tt.vars))
		})
	}
}

// TestMutations runs every mutation of the contract through HTTP.
func TestMutations(t *testing.T) {
	ingest := func(ctx context.Context, doc graph.Document) (resolvers.Ingested, error) {
		return resolvers.Ingested{}, errors.New("unreachable")
	}
	tests := []struct {
		name   string
		ingest func(context.Context, graph.Document) (resolvers.Ingested, error)
		run    func(t *testing.T, f *fixture, ts func(q string, v map[string]interface{}) response)
	}{
		{
			name: "upsertActor creates and merges aliases",
			run: func(t *testing.T, f *fixture, do func(string, map[string]interface{}) response) {
				r := do(`mutation { upsertActor(input: {name: "Russia", kind: STATE, aliases: ["Moscow"], country: "RUS"}) { id name kind aliases country } }`, nil)
				if r.str("data.upsertActor.name") != "Russia" || r.str("data.upsertActor.id") != graph.ActorID("Russia") {
					t.Fatalf("create: %s", r.raw)
				}
				r = do(`mutation { upsertActor(input: {name: "moscow", kind: STATE, aliases: ["Kremlin"]}) { name aliases } }`, nil)
				if r.str("data.upsertActor.name") != "Russia" || !contains(r.list("data.upsertActor.aliases"), "Kremlin") || !contains(r.list("data.upsertActor.aliases"), "Moscow") {
					t.Errorf("merge: %s", r.raw)
				}
			},
		},
		{
			name: "addAlias",
			run: func(t *testing.T, f *fixture, do func(string, map[string]interface{}) response) {
				r := do(`mutation { addAlias(actor: "Taliban", alias: "Islamic Emirate") { name aliases } }`, nil)
				if !contains(r.list("data.addAlias.aliases"), "Islamic Emirate") {
					t.Fatalf("got %s", r.raw)
				}
				r = do(`{ actor(name: "islamic emirate") { name } }`, nil)
				if r.str("data.actor.name") != "Taliban" {
					t.Errorf("lookup by new alias: %s", r.raw)
				}
			},
		},
		{
			name: "mergeActors moves stances and aliases",
			run: func(t *testing.T, f *fixture, do func(string, map[string]interface{}) response) {
				do(`mutation { upsertActor(input: {name: "Afghanistan", kind: STATE, aliases: ["Kabul"]}) { id } }`, nil)
				do(`mutation { addStance(input: {subject: "Afghanistan", type: OFFERS, object: "Taliban"}) { id } }`, nil)
				r := do(`mutation { mergeActors(keep: "Kabul government", merge: "Afghanistan") { name aliases stances { totalCount } } }`, nil)
				if r.str("data.mergeActors.name") != "Kabul government" || !contains(r.list("data.mergeActors.aliases"), "Kabul") {
					t.Errorf("merge: %s", r.raw)
				}
				if r.num("data.mergeActors.stances.totalCount") != 1 {
					t.Errorf("offer not moved: %s", r.raw)
				}
				r = do(`{ actor(name: "Afghanistan") { name } }`, nil)
				if r.str("data.actor.name") != "Kabul government" {
					t.Errorf("merged name should find the kept actor: %s", r.raw)
				}
			},
		},
		{
			name: "addStance twice is one stance with offsets found",
			run: func(t *testing.T, f *fixture, do func(string, map[string]interface{}) response) {
				q := `mutation($in: StanceInput!) { addStance(input: $in) { id type confidence date subject { name } evidence { quote start end } } }`
				in := map[string]interface{}{"in": map[string]interface{}{
					"subject": "Washington", "type": "DEMANDS", "object": "Pakistan", "date": "2018-03-09T10:00:00Z",
					"evidence": []interface{}{map[string]interface{}{"document": f.doc.ID, "quote": "sheltering militants"}},
				}}
				a := do(q, in)
				b := do(q, in)
				if a.str("data.addStance.id") == "" || a.str("data.addStance.id") != b.str("data.addStance.id") {
					t.Errorf("ids differ: %s / %s", a.raw, b.raw)
				}
				start := strings.Index(testText, "sheltering militants")
				if a.num("data.addStance.evidence.0.start") != start || a.num("data.addStance.evidence.0.end") != start+20 ||
					a.str("data.addStance.date") != "2018-03-09" || a.get("data.addStance.confidence") != 1.0 {
					t.Errorf("stance: %s", a.raw)
				}
				if r := do(`{ stats { stances } }`, nil); r.num("data.stats.stances") != 6 {
					t.Errorf("stats after two adds: %s", r.raw)
				}
			},
		},
		{
			name: "retractStance leaves counts but stays readable",
			run: func(t *testing.T, f *fixture, do func(string, map[string]interface{}) response) {
				id := f.stances["support"].ID
				r := do(`mutation($id: ID!) { retractStance(id: $id, reason: "misread") { id retracted retractReason } }`, map[string]interface{}{"id": id})
				if r.get("data.retractStance.retracted") != true || r.str("data.retractStance.retractReason") != "misread" {
					t.Fatalf("retract: %s", r.raw)
				}
				r = do(`{ stats { stances retracted } live: stances { totalCount } all: stances(filter: {includeRetracted: true}) { totalCount } actor(name: "U.S.") { degree } }`, nil)
				if r.num("data.stats.stances") != 4 || r.num("data.stats.retracted") != 1 || r.num("data.live.totalCount") != 4 ||
					r.num("data.all.totalCount") != 5 || r.num("data.actor.degree") != 3 {
					t.Errorf("after retract: %s", r.raw)
				}
			},
		},
		{
			name: "ingestDocument without extraction stores the document",
			run: func(t *testing.T, f *fixture, do func(string, map[string]interface{}) response) {
				const m = `mutation { ingestDocument(input: {text: "Kabul offered talks.", title: "Short", date: "2018-03-01", extract: false}) { document { id title date text } stances { id } created { actors documents stances } } }`
				r := do(m, nil)
				if r.str("data.ingestDocument.document.id") != graph.DocumentID("Kabul offered talks.") || r.str("data.ingestDocument.document.date") != "2018-03-01" ||
					len(r.list("data.ingestDocument.stances")) != 0 || r.num("data.ingestDocument.created.documents") != 1 {
					t.Fatalf("ingest: %s", r.raw)
				}
				if r := do(m, nil); r.num("data.ingestDocument.created.documents") != 0 {
					t.Errorf("ingesting the same text again created %s", r.raw)
				}
				if r := do(`{ documents { totalCount } }`, nil); r.num("data.documents.totalCount") != 2 {
					t.Errorf("documents: %s", r.raw)
				}
			},
		},
		{
			name:   "ingestDocument with extraction uses Config.Ingest",
			ingest: ingest,
			run: func(t *testing.T, f *fixture, do func(string, map[string]interface{}) response) {
				// The fixture's Ingest stores the document and claims the
				// stances quoting it, standing in for the extractor.
				r := do(`mutation { ingestDocument(input: {text: "`+testText+`"}) { document { id } stances { type subject { name } } } }`, nil)
				if r.str("data.ingestDocument.document.id") != f.doc.ID || len(r.list("data.ingestDocument.stances")) != 4 {
					t.Errorf("ingest: %s", r.raw)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			in := tt.ingest
			if in != nil {
				in = func(ctx context.Context, doc graph.Document) (resolvers.Ingested, error) {
					d, isNew, err := f.st.PutDocument(ctx, doc)
					if err != nil {
						return resolvers.Ingested{}, err
					}
					page, err := f.st.DocumentStances(ctx, d.ID, graph.PageQuery{First: graph.MaxPageSize})
					res := resolvers.Ingested{Document: d, Stances: page.Stances}
					if isNew {
						res.Created.Documents = 1
					}
					return res, err
				}
			}
			ts := newServer(t, f, in, nil)
			tt.run(t, f, func(q string, v map[string]interface{}) response { return mustData(t, ts, q, v) })
		})
	}
}

// TestPagination pages through a listing and checks cursors, counts and
// hasNextPage, and that a cursor keeps meaning the same place.
func TestPagination(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i := 0; i < 7; i++ {
		_, _, err := f.st.AddStance(ctx, graph.StanceSpec{Subject: "Pakistan", Type: "ENGAGES", Object: "Taliban", Topic: fmt.Sprintf("round %d", i), Date: graph.NewDate(2018, 4, i+1)})
		if err != nil {
			t.Fatal(err)
		}
	}
	ts := newServer(t, f, nil, nil)
	queries := map[string]string{
		"Query.stances":    `query($after: String) { c: stances(filter: {subject: "Pakistan"}, first: 3, after: $after) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } } }`,
		"Actor.stances":    `query($after: String) { actor(name: "Islamabad") { c: stances(first: 3, after: $after) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } } } }`,
		"Dyad.stances":     `query($after: String) { dyad(a: "Pakistan", b: "Taliban") { c: stances(first: 3, after: $after) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } } } }`,
		"Query.actors":     `query($after: String) { c: actors(first: 3, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
		"Document.stances": `query($after: String) { document(id: "` + f.doc.ID + `") { c: stances(first: 3, after: $after) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } } } }`,
	}
	want := map[string]int{"Query.stances": 7, "Actor.stances": 7, "Dyad.stances": 7, "Query.actors": 4, "Document.stances": 4}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			prefix := "data.c"
			if strings.Contains(q, "actor(") {
				prefix = "data.actor.c"
			} else if strings.Contains(q, "dyad(") {
				prefix = "data.dyad.c"
			} else if strings.Contains(q, "document(") {
				prefix = "data.document.c"
			}
			seen := map[string]bool{}
			var after interface{}
			var firstEnd string
			for page := 0; ; page++ {
				if page > 10 {
					t.Fatal("pagination does not end")
				}
				r := mustData(t, ts, q, map[string]interface{}{"after": after})
				if got := r.num(prefix + ".totalCount"); got != want[name] {
					t.Errorf("page %d: totalCount %d, want %d", page, got, want[name])
				}
				nodes := r.list(prefix + ".nodes")
				for i := range nodes {
					id := r.str(fmt.Sprintf("%s.nodes.%d.id", prefix, i))
					if seen[id] {
						t.Errorf("page %d repeats %s", page, id)
					}
					seen[id] = true
					if edges := r.list(prefix + ".edges"); edges != nil {
						if r.str(fmt.Sprintf("%s.edges.%d.node.id", prefix, i)) != id || r.str(fmt.Sprintf("%s.edges.%d.cursor", prefix, i)) == "" {
							t.Errorf("edge %d does not match node %s", i, id)
						}
					}
				}
				more := r.get(prefix+".pageInfo.hasNextPage") == true
				if wantMore := len(seen) < want[name]; more != wantMore {
					t.Errorf("page %d: hasNextPage %v with %d of %d seen", page, more, len(seen), want[name])
				}
				end := r.str(prefix + ".pageInfo.endCursor")
				if page == 0 {
					firstEnd = end
				}
				if !more {
					break
				}
				if edges := r.list(prefix + ".edges"); edges != nil && r.str(fmt.Sprintf("%s.edges.%d.cursor", prefix, len(edges)-1)) != end {
					t.Errorf("endCursor is not the last edge's cursor")
				}
				after = end
			}
			if len(seen) != want[name] {
				t.Errorf("saw %d items, want %d", len(seen), want[name])
			}
			// The same cursor gives the same next page.
			a := mustData(t, ts, q, map[string]interface{}{"after": firstEnd})
			b := mustData(t, ts, q, map[string]interface{}{"after": firstEnd})
			if a.raw != b.raw {
				t.Errorf("cursor is not stable:\n%s\n%s", a.raw, b.raw)
			}
			// first: 0 counts without listing.
			z := mustData(t, ts, strings.Replace(q, "first: 3", "first: 0", 1), nil)
			if len(z.list(prefix+".nodes")) != 0 || z.num(prefix+".totalCount") != want[name] || z.get(prefix+".pageInfo.hasNextPage") != true {
				t.Errorf("first: 0: %s", z.raw)
			}
		})
	}
}

// TestErrors checks that each kind of bad input is a GraphQL error naming
// the bad value, with a code.
func TestErrors(t *testing.T) {
	f := newFixture(t)
	ts := newServer(t, f, nil, nil)
	tests := []struct {
		name   string
		query  string
		vars   map[string]interface{}
		status int      // with Accept: application/json
		code   string   // extensions.code of the first error
		want   []string // substrings of the message
	}{
		{"unknown actor name", `{ stances(filter: {subject: "Atlantis"}) { totalCount } }`, nil, 200, "NOT_FOUND", []string{"filter.subject", `"Atlantis"`}},
		{"unknown actor in paths", `{ paths(from: "Taliban", to: "Narnia") { actors { name } } }`, nil, 200, "NOT_FOUND", []string{"to", `"Narnia"`}},
		{"unknown actor in dyad", `{ dyad(a: "Gondor", b: "Taliban") { aToB { count } } }`, nil, 200, "NOT_FOUND", []string{"argument a", "Gondor"}},
		{"unknown counterpart", `{ actor(name: "Taliban") { stances(counterpart: "Mordor") { totalCount } } }`, nil, 200, "NOT_FOUND", []string{"counterpart", "Mordor"}},
		{"unknown actor in matrix", `{ matrix(actors: ["Taliban", "Oz"]) { count } }`, nil, 200, "NOT_FOUND", []string{"actors[1]", `"Oz"`}},
		{"bad UUID", `{ stance(id: "not-a-uuid") { id } }`, nil, 200, "BAD_USER_INPUT", []string{"id", `"not-a-uuid"`, "UUID"}},
		{"bad UUID for actor", `{ actor(id: "12345") { id } }`, nil, 200, "BAD_USER_INPUT", []string{`"12345"`, "UUID"}},
		{"bad date literal", `{ stances(filter: {from: "2018-02-30"}) { totalCount } }`, nil, 200, "GRAPHQL_VALIDATION_FAILED", []string{"2018-02-30", "YYYY-MM-DD"}},
		{"bad date variable", `query($d: Date) { matrix(from: $d) { count } }`, map[string]interface{}{"d": "March 9"}, 200, "BAD_REQUEST", []string{"March 9", "YYYY-MM-DD"}},
		{"date range reversed", `{ matrix(from: "2018-03-10", to: "2018-03-01") { count } }`, nil, 200, "BAD_USER_INPUT", []string{"from", "2018-03-10"}},
		{"quote not in document", `mutation($doc: ID!) { addStance(input: {subject: "U.S.", type: DEMANDS, object: "Taliban", evidence: [{document: $doc, quote: "a quote nobody wrote"}]}) { id } }`,
			map[string]interface{}{"doc": f.doc.ID}, 200, "BAD_USER_INPUT", []string{"a quote nobody wrote"}},
		{"unknown document for evidence", `mutation { addStance(input: {subject: "U.S.", type: DEMANDS, object: "Taliban", evidence: [{document: "00000000-0000-0000-0000-000000000000", quote: "x"}]}) { id } }`,
			nil, 200, "NOT_FOUND", []string{"00000000-0000-0000-0000-000000000000"}},
		{"unknown type literal", `{ stances(filter: {types: [THREATENS]}) { totalCount } }`, nil, 200, "GRAPHQL_VALIDATION_FAILED", []string{"THREATENS", "SUPPORTS, REJECTS, DEMANDS, ACCUSES, OFFERS, ENGAGES"}},
		{"unknown type variable", `mutation($in: StanceInput!) { addStance(input: $in) { id } }`,
			map[string]interface{}{"in": map[string]interface{}{"subject": "U.S.", "type": "LOVES", "object": "Taliban"}}, 200, "BAD_REQUEST", []string{"LOVES", "StanceType is one of"}},
		{"first negative", `{ stances(first: -1) { totalCount } }`, nil, 200, "BAD_USER_INPUT", []string{"first", "1000", "-1"}},
		{"first too large", `{ actor(name: "U.S.") { stances(first: 5000) { totalCount } } }`, nil, 200, "BAD_USER_INPUT", []string{"first", "1000", "5000"}},
		{"bad cursor", `{ stances(after: "bogus") { totalCount } }`, nil, 200, "BAD_USER_INPUT", []string{"after"}},
		{"maxHops out of range", `{ paths(from: "U.S.", to: "Taliban", maxHops: 9) { actors { id } } }`, nil, 200, "BAD_USER_INPUT", []string{"maxHops", "9"}},
		{"confidence out of range", `mutation { addStance(input: {subject: "U.S.", type: DEMANDS, object: "Taliban", confidence: 1.5}) { id } }`, nil, 200, "BAD_USER_INPUT", []string{"confidence", "1.5"}},
		{"merge into itself", `mutation { mergeActors(keep: "U.S.", merge: "Washington") { id } }`, nil, 200, "BAD_USER_INPUT", []string{"same actor"}},
		{"extraction unavailable", `mutation { ingestDocument(input: {text: "Some text."}) { document { id } } }`, nil, 200, "UNAVAILABLE", []string{"extraction", "extract: false"}},
		{"neither id nor name", `{ actor { id } }`, nil, 200, "BAD_USER_INPUT", []string{"id or name"}},
		{"syntax error", `{ stats { actors }`, nil, 200, "GRAPHQL_PARSE_FAILED", []string{"Syntax Error"}},
		{"unknown field", `{ stats { planets } }`, nil, 200, "GRAPHQL_VALIDATION_FAILED", []string{"planets"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, ts, tt.query, tt.vars, "Accept", "application/json")
			if r.status != tt.status {
				t.Errorf("status %d, want %d: %s", r.status, tt.status, r.raw)
			}
			if len(r.list("errors")) == 0 {
				t.Fatalf("no error: %s", r.raw)
			}
			if r.code() != tt.code {
				t.Errorf("code %q, want %q: %s", r.code(), tt.code, r.raw)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.errorText(), w) {
					t.Errorf("message %q lacks %q", r.errorText(), w)
				}
			}
		})
	}
	// Nothing above may have written.
	if r := mustData(t, ts, `{ stats { stances actors } }`, nil); r.num("data.stats.stances") != 5 || r.num("data.stats.actors") != 4 {
		t.Errorf("failed requests changed the store: %s", r.raw)
	}
}

func contains(list []interface{}, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func names(r response, path string) []string {
	var out []string
	for i := range r.list(path) {
		out = append(out, r.str(fmt.Sprintf("%s.%d.name", path, i)))
	}
	return out
}

func counts(r response, path string) map[string]int {
	out := map[string]int{}
	for i := range r.list(path) {
		out[r.str(fmt.Sprintf("%s.%d.type", path, i))] = r.num(fmt.Sprintf("%s.%d.count", path, i))
	}
	return out
}

// TestExtendedVocabulary serves a store whose vocabulary file adds a type:
// the enum, the vocabulary query and the store all accept it.
func TestExtendedVocabulary(t *testing.T) {
	vocab, err := graph.NewVocabulary([]graph.TypeInfo{{Type: "THREATENS", Description: "threatens force against the object", PLOVER: "THREATEN", CAMEO: []string{"13"}, Weight: -6}})
	if err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open("", &graph.Options{InMemory: true, Vocabulary: vocab})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ts := newServer(t, &fixture{st: st}, nil, nil)
	mustData(t, ts, `mutation { a: upsertActor(input: {name: "Iran", kind: STATE}) { id } b: upsertActor(input: {name: "Israel", kind: STATE}) { id } }`, nil)
	r := mustData(t, ts, `mutation { addStance(input: {subject: "Iran", type: THREATENS, object: "Israel"}) { type } }`, nil)
	if r.str("data.addStance.type") != "THREATENS" {
		t.Errorf("addStance: %s", r.raw)
	}
	r = mustData(t, ts, `{ vocabulary { type plover cameo weight } matrix(types: [THREATENS]) { type count } }`, nil)
	if n := len(r.list("data.vocabulary")); n != 7 || r.str("data.vocabulary.6.type") != "THREATENS" || r.get("data.vocabulary.6.weight") != -6.0 {
		t.Errorf("vocabulary: %s", r.raw)
	}
	if r.num("data.matrix.0.count") != 1 {
		t.Errorf("matrix: %s", r.raw)
	}
}

// TestIntrospection runs the introspection query of graphql-js, as schema
// browsers and code generators send it, under the default limits.
func TestIntrospection(t *testing.T) {
	q, err := os.ReadFile("../schema/testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	ts := newServer(t, newFixture(t), nil, nil)
	r := mustData(t, ts, string(q), nil)
	found := map[string]bool{}
	for i := range r.list("data.__schema.types") {
		found[r.str(fmt.Sprintf("data.__schema.types.%d.name", i))] = true
	}
	for _, name := range []string{"Actor", "Stance", "StanceConnection", "Date", "StanceType", "StanceFilter", "Mutation"} {
		if !found[name] {
			t.Errorf("introspection lacks %s", name)
		}
	}
}

// TestAddStanceQuoteSelectors: a quote occurring twice needs start, prefix
// or suffix, as in JSON Lines; without one the error names the offsets.
func TestAddStanceQuoteSelectors(t *testing.T) {
	q := `mutation($ev: EvidenceInput!) { addStance(input: {subject: "Washington", type: ACCUSES, object: "Taliban", evidence: [$ev]}) { evidence { start } } }`
	first, second := strings.Index(testText, "Taliban"), strings.LastIndex(testText, "Taliban")
	tests := []struct {
		name  string
		extra map[string]interface{}
		start int    // expected start; -1 for an error
		err   string // expected in the error
	}{
		{"none", nil, -1, fmt.Sprintf("offsets %d, %d", first, second)},
		{"start", map[string]interface{}{"start": second}, second, ""},
		{"prefix", map[string]interface{}{"prefix": "The "}, second, ""},
		{"suffix", map[string]interface{}{"suffix": " to join"}, first, ""},
		{"negative start", map[string]interface{}{"start": -1}, -1, "input.evidence[0].start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ts := newServer(t, f, nil, nil)
			ev := map[string]interface{}{"document": f.doc.ID, "quote": "Taliban"}
			for k, v := range tt.extra {
				ev[k] = v
			}
			r := post(t, ts, q, map[string]interface{}{"ev": ev})
			if tt.start < 0 {
				if !strings.Contains(r.raw, tt.err) || r.get("data.addStance") != nil {
					t.Errorf("want an error naming %q: %s", tt.err, r.raw)
				}
				return
			}
			if r.num("data.addStance.evidence.0.start") != tt.start {
				t.Errorf("want start %d: %s", tt.start, r.raw)
			}
		})
	}
}
