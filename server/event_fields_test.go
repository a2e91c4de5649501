package server_test

import (
	"context"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestEventFields: Stance.references and Stance.event, extensions of the
// contract, answer over HTTP what an event dataset gave, null for what it
// did not, and StanceFilter.dataset and quadClass select by them.
func TestEventFields(t *testing.T) {
	f := newFixture(t)
	_, err := f.st.Load(context.Background(), graph.Batch{Stances: []graph.StanceSpec{
		{Subject: "United States", Type: "ENGAGES", Object: "Pakistan", Date: graph.NewDate(2015, 2, 18), Confidence: 0.5,
			References: []graph.Reference{{Dataset: "GDELT", Record: "410412347", URL: "https://example.com/a", Publisher: "example.com"}},
			Event: &graph.Measures{EventCode: "042", Goldstein: 1.9, HasGoldstein: true, QuadClass: 1, Mentions: 10, Sources: 2, Articles: 9, Tone: -1.25, HasTone: true,
				Location: graph.Location{Name: "Islamabad, Pakistan", Country: "PK", Latitude: 33.7, Longitude: 73.1, HasPoint: true}}},
		{Subject: "Taliban", Type: "ACCUSES", Object: "Pakistan", Date: graph.NewDate(2018, 1, 2), Confidence: 0.5,
			References: []graph.Reference{{Dataset: "ICEWS", Record: "27412345", Story: "4567", Sentence: 3, Publisher: "AFP"}},
			Event:      &graph.Measures{EventCode: "112", Goldstein: -2, HasGoldstein: true, QuadClass: 3, Location: graph.Location{Country: "Pakistan"}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	ts := newServer(t, f, nil, nil)
	const fields = `totalCount nodes { type references { dataset record story sentence url publisher }
		event { eventCode goldstein quadClass mentions sources articles tone location { name country lat long } } }`
	r := post(t, ts, `{ gdelt: stances(filter: {dataset: "gdelt"}) { `+fields+` }
		conflict: stances(filter: {quadClass: 3}) { `+fields+` }
		text: stances(filter: {types: [DEMANDS]}) { `+fields+` }
		all: stances { totalCount } }`, nil)
	if r.errorText() != "" {
		t.Fatalf("errors: %s", r.errorText())
	}
	for path, want := range map[string]any{
		"data.gdelt.totalCount":                       1,
		"data.gdelt.nodes.0.references.0.record":      "410412347",
		"data.gdelt.nodes.0.references.0.publisher":   "example.com",
		"data.gdelt.nodes.0.references.0.story":       nil,
		"data.gdelt.nodes.0.event.goldstein":          1.9,
		"data.gdelt.nodes.0.event.mentions":           10,
		"data.gdelt.nodes.0.event.tone":               -1.25,
		"data.gdelt.nodes.0.event.location.name":      "Islamabad, Pakistan",
		"data.gdelt.nodes.0.event.location.long":      73.1,
		"data.conflict.totalCount":                    1,
		"data.conflict.nodes.0.references.0.dataset":  "ICEWS",
		"data.conflict.nodes.0.references.0.sentence": 3,
		"data.conflict.nodes.0.event.mentions":        nil,
		"data.conflict.nodes.0.event.tone":            nil,
		"data.conflict.nodes.0.event.location.lat":    nil,
		"data.conflict.nodes.0.event.location.name":   nil,
		"data.text.nodes.0.event":                     nil,
		"data.all.totalCount":                         7,
	} {
		got := r.get(path)
		if n, ok := want.(int); ok {
			want = float64(n)
		}
		if got != want {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
	if refs := r.list("data.text.nodes.0.references"); refs == nil || len(refs) != 0 {
		t.Errorf("a stance from text has references %v, want an empty list", r.get("data.text.nodes.0.references"))
	}
	if r := post(t, ts, `{ stances(filter: {quadClass: 5}) { totalCount } }`, nil); r.code() == "" {
		t.Errorf("quadClass 5 was taken: %s", r.raw)
	}
}
