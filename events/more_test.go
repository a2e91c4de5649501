package events_test

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/seed"
)

// TestSeedActorsByCode: a GDELT actor coded AFGINSTAL is the seed's
// Taliban, found by code although GDELT calls it "TALIBAN".
func TestSeedActorsByCode(t *testing.T) {
	// Its events are coded 015 and 190: FIGHTS gives 190 a type.
	vocab, err := graph.NewVocabulary([]graph.TypeInfo{{Type: "FIGHTS", Description: "uses conventional military force", CAMEO: []string{"19"}, Weight: -10}})
	if err != nil {
		t.Fatal(err)
	}
	s, err := graph.Open("", &graph.Options{InMemory: true, Vocabulary: vocab})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := seed.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	taliban, err := s.Actor(ctx, "Taliban")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.Stats(ctx)
	loadFile(t, s, "testdata/gdelt2-20150218230000.export.CSV", events.Options{})
	page, err := s.Actors(ctx, graph.ActorQuery{Code: "AFGINSTAL"})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || page.Actors[0].ID != taliban.ID {
		t.Errorf("actors with code AFGINSTAL: %+v; want only the seed's Taliban", page.Actors)
	}
	st, err := s.Stances(ctx, graph.StanceQuery{Subject: taliban.ID, First: 100})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range st.Stances {
		for _, r := range x.References {
			found = found || r.Dataset == "GDELT" && r.Record == "410412643"
		}
	}
	if !found {
		t.Errorf("no stance of the seed's Taliban cites GDELT event 410412643")
	}
	after, _ := s.Stats(ctx)
	if after.Actors <= before.Actors {
		t.Errorf("actors %d -> %d: the file's other actors were not added", before.Actors, after.Actors)
	}
}

// TestEventMeasures: a stance keeps its event's reference and measures.
func TestEventMeasures(t *testing.T) {
	s := memStore(t)
	loadFile(t, s, "testdata/icews-events.2018.sample.tab", events.Options{})
	page, err := s.Stances(ctx, graph.StanceQuery{Subject: "Foreign Affairs (Bangladesh)", Object: "High Ranking Military Personnel (Vietnam)"})
	if err != nil || page.Total != 1 {
		t.Fatalf("stances: %d, %v", page.Total, err)
	}
	st := page.Stances[0]
	want := graph.Reference{Dataset: "ICEWS", Record: "32889836", Story: "47400351", Sentence: 2, Publisher: "Vietnam News Agency Bulletin"}
	if len(st.References) != 1 || st.References[0] != want {
		t.Errorf("references %+v, want %+v", st.References, want)
	}
	m := st.Event
	if m == nil || m.EventCode != "040" || m.Goldstein != 1 || m.QuadClass != 1 || m.Location.Name != "Hanoi, Thanh Pho Ha Noi, Vietnam" || m.Location.Latitude != 21.0245 || st.Type != "ENGAGES" || st.Date.String() != "2018-06-01" {
		t.Errorf("stance %+v, measures %+v", st, m)
	}
}

// TestZippedGDELT reads a GDELT export as published, FILE.CSV.zip.
func TestZippedGDELT(t *testing.T) {
	data, err := os.ReadFile("testdata/gdelt2-20150218230000.export.CSV")
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "20150218230000.export.CSV.zip")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("20150218230000.export.CSV")
	w.Write(data)
	zw.Close()
	f.Close()
	if got := detectFile(t, name); got != events.FormatGDELT {
		t.Errorf("Detect = %q", got)
	}
	sum, res := loadFile(t, memStore(t), name, events.Options{})
	if sum.Rows != 300 || res.Stances != 36 {
		t.Errorf("rows %d, stances %d; want 300, 36", sum.Rows, res.Stances)
	}
}

func TestDetectRefuses(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"graphml", `<?xml version="1.0"?>` + "\n" + `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`, "GraphML"},
		{"our json export", `{"actors":[{"id":"a"}],"stances":[]}`, "JSON export"},
		{"csv export", "id,subject,type,object,topic\n1,United States,DEMANDS,Taliban,talks\n", "CSV with 5 columns"},
		{"json array", `[{"id":"PLOVER-1"}]`, "jq -c"},
		{"pretty json", "{\n  \"ccode\": 750,\n", "one object per line"},
		{"other tsv", "a\tb\tc\td\n1\t2\t3\t4\n", "tab-separated with 4 columns"},
		{"binary", "\x00\x01\x02", "binary"},
		{"empty", "\n\n", "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := events.Detect([]byte(tt.head))
			if !errors.Is(err, events.ErrNotLoadable) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Detect: %v; want ErrNotLoadable saying %q", err, tt.want)
			}
		})
	}
	for head, want := range map[string]string{
		`{"record":"actor","name":"Iran"}`:                events.FormatJSONL,
		"# a comment\n\n{\"record\":\"actor\"}\n":         events.FormatJSONL,
		strings.Repeat("é", 1000) + "\xc3":                events.FormatArticle, // a character cut off by the head's end
		"Title: Talks\n\nWashington urged, again, talks.": events.FormatArticle,
		"Event ID\tEvent Date\tSource Name\n":             events.FormatICEWS,
		`{"id":"x","event":["CONSULT"],"actor":{}}`:       events.FormatPLOVER,
	} {
		if got, err := events.Detect([]byte(head)); got != want || err != nil {
			t.Errorf("Detect(%.30q) = %q, %v; want %q", head, got, err, want)
		}
	}
}

// TestSkipBad: a malformed row stops the file with its line, or is
// counted and skipped with SkipBad.
func TestSkipBad(t *testing.T) {
	data, err := os.ReadFile("testdata/gdelt2-20150218230000.export.CSV")
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.SplitAfter(string(data), "\n")
	rows[2] = "410412349\tnot a date" + strings.Repeat("\t", 59) + "\n" // 61 fields, bad SQLDATE
	rows[4] = "short\trow\n"
	text := strings.Join(rows, "")
	r := events.NewGDELT(strings.NewReader(text))
	if _, _, err := events.Convert(ctx, r, memStore(t), events.Options{}); err == nil || !strings.Contains(err.Error(), "line 3: SQLDATE") {
		t.Errorf("without SkipBad: %v; want an error at line 3", err)
	}
	r = events.NewGDELT(strings.NewReader(text))
	_, sum, err := events.Convert(ctx, r, memStore(t), events.Options{SkipBad: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows != 300 || sum.Skipped[events.SkipMalformed] != 2 || len(sum.Bad) != 2 || sum.Bad[1].Line != 5 || !strings.Contains(sum.Bad[1].Error(), "2 tab-separated fields") {
		t.Errorf("summary %+v", sum)
	}
}
