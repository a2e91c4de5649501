package resolvers_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/stance"
)

// fixture is a small graph on disk and an engine over it, without HTTP.
type fixture struct {
	store  *graph.Store
	engine *schema.Engine
	doc    stance.Document
	ids    map[string]string // stance IDs by a short name
}

// articleText is the fixture's one document.
const articleText = "The United States urged the Taliban to join talks. The Taliban rejected the offer."

// newFixture stores four actors, one document and four stances (one
// retracted, one coded by an event dataset) in a store under t.TempDir().
func newFixture(t *testing.T, cfg resolvers.Config) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{store: st, ids: map[string]string{}}
	for _, a := range []stance.Actor{
		{Name: "United States", Kind: stance.KindState, Aliases: []string{"US", "Washington"}, Country: "USA", Wikidata: "Q30"},
		{Name: "Taliban", Kind: stance.KindArmedGroup, Code: "AFGINSTAL"},
		{Name: "Pakistan", Kind: stance.KindState, Country: "PAK"},
		{Name: "Russia", Kind: stance.KindState, Country: "RUS"},
	} {
		if _, err := st.UpsertActor(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	f.doc, _, err = st.PutDocument(ctx, stance.Document{Title: "Talks", Source: "Wire", Date: stance.NewDate(2021, 3, 1), Text: articleText})
	if err != nil {
		t.Fatal(err)
	}
	specs := []struct {
		name string
		spec stance.StanceSpec
	}{
		{"urge", stance.StanceSpec{Subject: "US", Type: "DEMANDS", Object: "Taliban", Topic: "talks",
			Evidence: []stance.EvidenceSpec{{Document: f.doc.ID, Quote: "urged the Taliban to join talks"}}}},
		{"reject", stance.StanceSpec{Subject: "Taliban", Type: "REJECTS", Object: "United States", Date: stance.NewDate(2021, 3, 2),
			Evidence: []stance.EvidenceSpec{{Document: f.doc.ID, Quote: "rejected the offer"}}}},
		{"engage", stance.StanceSpec{Subject: "Pakistan", Type: "ENGAGES", Object: "Taliban", Date: stance.NewDate(2021, 5, 10), Confidence: 0.5,
			References: []stance.Reference{{Dataset: "GDELT", Record: "42", URL: "https://example.org/a"}},
			Event:      &stance.Measures{EventCode: "040", QuadClass: 1, Goldstein: 1, HasGoldstein: true}}},
		{"offer", stance.StanceSpec{Subject: "Russia", Type: "OFFERS", Object: "Taliban", Date: stance.NewDate(2021, 4, 1)}},
	}
	for _, s := range specs {
		got, _, err := st.AddStance(ctx, s.spec)
		if err != nil {
			t.Fatalf("add %s: %v", s.name, err)
		}
		f.ids[s.name] = got.ID
	}
	if _, err := st.RetractStance(ctx, f.ids["offer"], "misread"); err != nil {
		t.Fatal(err)
	}
	if cfg.Store == nil {
		cfg.Store = st
	}
	s, err := schema.New(resolvers.New(cfg))
	if err != nil {
		t.Fatal(err)
	}
	if f.engine, err = schema.NewEngine(s, schema.Config{}); err != nil {
		t.Fatal(err)
	}
	return f
}

// query runs a request and returns the answer's JSON, failing the test
// when the engine refused it.
func (f *fixture) query(t *testing.T, q string, vars map[string]interface{}) string {
	t.Helper()
	resp := f.engine.Execute(context.Background(), schema.Request{Query: q, Variables: vars})
	if resp.Err != nil {
		t.Fatalf("%s: %v\n%s", q, resp.Err, resp.JSON)
	}
	return strings.TrimSpace(string(resp.JSON))
}

// resolverCase is one request and what its answer must hold: the exact
// data JSON, or, for an error, the code and a part of the message.
type resolverCase struct {
	name, query string
	vars        map[string]interface{}
	data        string // with %s replaced by the stance IDs named in ids
	ids         []string
	code, msg   string
}

// run checks each case against the fixture.
func (f *fixture) run(t *testing.T, cases []resolverCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := f.query(t, c.query, c.vars)
			var ans struct {
				Data   json.RawMessage `json:"data"`
				Errors []struct {
					Message    string         `json:"message"`
					Extensions map[string]any `json:"extensions"`
				} `json:"errors"`
			}
			if err := json.Unmarshal([]byte(got), &ans); err != nil {
				t.Fatalf("answer %s: %v", got, err)
			}
			if c.code != "" {
				if len(ans.Errors) == 0 || ans.Errors[0].Extensions["code"] != c.code || !strings.Contains(ans.Errors[0].Message, c.msg) {
					t.Fatalf("answer %s, want an error %s containing %q", got, c.code, c.msg)
				}
				return
			}
			if len(ans.Errors) > 0 {
				t.Fatalf("errors: %s", got)
			}
			want := c.data
			for _, id := range c.ids {
				want = strings.Replace(want, "%s", f.ids[id], 1)
			}
			if string(ans.Data) != want {
				t.Errorf("data\n%s\nwant\n%s", ans.Data, want)
			}
		})
	}
}
