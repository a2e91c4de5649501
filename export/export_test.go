package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/seed"
)

func seeded(t *testing.T) *graph.Store {
	t.Helper()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := seed.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFormats(t *testing.T) {
	s := seeded(t)
	tests := []struct {
		format string
		check  func(t *testing.T, out []byte)
	}{
		{"json", func(t *testing.T, out []byte) {
			var doc struct {
				Actors  []map[string]any `json:"actors"`
				Stances []struct {
					SubjectName, ObjectName, Type string
					Evidence                      []struct{ Quote string }
				} `json:"stances"`
			}
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Actors) != 8 || len(doc.Stances) != 14 || doc.Stances[0].SubjectName == "" || len(doc.Stances[0].Evidence) == 0 {
				t.Fatalf("json export: %d actors, %d stances", len(doc.Actors), len(doc.Stances))
			}
		}},
		{"graphml", func(t *testing.T, out []byte) {
			var g struct {
				Nodes []struct {
					ID string `xml:"id,attr"`
				} `xml:"graph>node"`
				Edges []struct {
					Source string `xml:"source,attr"`
					Target string `xml:"target,attr"`
				} `xml:"graph>edge"`
			}
			if err := xml.Unmarshal(out, &g); err != nil {
				t.Fatal(err)
			}
			if len(g.Nodes) != 8 || len(g.Edges) != 14 {
				t.Fatalf("graphml: %d nodes, %d edges", len(g.Nodes), len(g.Edges))
			}
			ids := map[string]bool{}
			for _, n := range g.Nodes {
				ids[n.ID] = true
			}
			for _, e := range g.Edges {
				if !ids[e.Source] || !ids[e.Target] {
					t.Fatalf("edge %s->%s names a missing node", e.Source, e.Target)
				}
			}
		}},
		{"csv", func(t *testing.T, out []byte) {
			rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 15 || rows[0][1] != "subject" || rows[1][7] == "" {
				t.Fatalf("csv: %d rows, header %v", len(rows), rows[0])
			}
		}},
		{"nquads", func(t *testing.T, out []byte) {
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			for _, l := range lines {
				if !strings.HasSuffix(l, " .") || !strings.HasPrefix(l, "<") {
					t.Fatalf("not an N-Quad: %s", l)
				}
			}
			if !strings.Contains(string(out), `<urn:stancegraph:rejects>`) {
				t.Fatal("no direct stance edge")
			}
		}},
		{"jsonl", func(t *testing.T, out []byte) {
			if n := bytes.Count(out, []byte(`"record":"stance"`)); n != 14 {
				t.Fatalf("jsonl: %d stance records", n)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.Write(ctx, s, &buf, tt.format); err != nil {
				t.Fatal(err)
			}
			tt.check(t, buf.Bytes())
		})
	}
	if err := export.Write(ctx, s, &bytes.Buffer{}, "xlsx"); err == nil || !strings.Contains(err.Error(), "xlsx") {
		t.Fatalf("unknown format: %v", err)
	}
}

// TestFormatsIsACopy: a caller that changes the list it got changes no
// one else's.
func TestFormatsIsACopy(t *testing.T) {
	f := export.Formats()
	f[0] = "xlsx"
	if got := export.Formats()[0]; got != "json" {
		t.Fatalf("Formats()[0] = %q after a caller changed its copy", got)
	}
}
