// Package export writes the whole stance graph in formats other tools
// read: GraphML (networkx, igraph, Gephi), CSV (pandas, spreadsheets), JSON
// (one document), JSON Lines (graphd load), N-Quads (RDF stores, Dgraph),
// Neo4j admin-import CSVs (a zip) and PLOVER event JSON Lines.
//
// Every format but PLOVER carries every quote of every stance with its
// document and offsets; PLOVER JSON Lines are events, without quotes.
// JSON Lines, the format that moves data between stores, also keeps
// retracted stances; the others hold the live stances, as queries see
// them.
package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/stance"
)

// format is one export: its name and writer.
type format struct {
	name  string
	write func(ctx context.Context, store stance.Reader, w *bufio.Writer) error
}

// formats is the one list of export formats; Formats reads it.
var formats = []format{
	{"json", writeJSON},
	{"jsonl", func(ctx context.Context, store stance.Reader, w *bufio.Writer) error {
		return jsonl.Write(ctx, store, w)
	}},
	{"graphml", writeGraphML},
	{"csv", writeCSV},
	{"nquads", writeNQuads},
	{"neo4j", writeNeo4j},
	{"plover", func(ctx context.Context, store stance.Reader, w *bufio.Writer) error {
		return events.WritePLOVER(ctx, store, w)
	}},
}

// Formats lists the names Write accepts, in a new slice each call so that
// no caller can change what another sees.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

func lookup(name string) (format, bool) {
	for _, f := range formats {
		if f.name == name {
			return f, true
		}
	}
	return format{}, false
}

// Write writes every actor and stance of store to w in format (see the
// package documentation for which stances each format holds).
func Write(ctx context.Context, store stance.Reader, w io.Writer, name string) error {
	f, ok := lookup(name)
	if !ok {
		return fmt.Errorf("export: unknown format %q (want one of %s)", name, strings.Join(Formats(), ", "))
	}
	bw := bufio.NewWriter(w)
	if err := f.write(ctx, store, bw); err != nil {
		return err
	}
	return bw.Flush()
}

func allActors(ctx context.Context, store stance.Reader) ([]stance.Actor, error) {
	var out []stance.Actor
	after := ""
	for {
		page, err := store.Actors(ctx, stance.ActorQuery{First: stance.MaxPageSize, After: after})
		if err != nil {
			return nil, err
		}
		out = append(out, page.Actors...)
		if !page.HasNext {
			return out, nil
		}
		after = page.EndCursor
	}
}

func names(actors []stance.Actor) map[string]string {
	m := make(map[string]string, len(actors))
	for _, a := range actors {
		m[a.ID] = a.Name
	}
	return m
}

// jsonEvidence is one quote as the JSON export, and the evidence column of
// CSV and GraphML, write it.
type jsonEvidence struct {
	Document string `json:"document"`
	Quote    string `json:"quote"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

func evidenceOf(s stance.Stance) []jsonEvidence {
	out := make([]jsonEvidence, 0, len(s.Evidence))
	for _, e := range s.Evidence {
		out = append(out, jsonEvidence{e.DocumentID, e.Quote, e.Start, e.End})
	}
	return out
}

// jsonText encodes v as compact JSON without HTML escapes, for a value
// that must fit one CSV cell or GraphML attribute: a list of quotes or
// aliases survives whole, whatever characters it holds.
func jsonText(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only strings, numbers and slices of them reach here
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

type jsonStance struct {
	ID          string         `json:"id"`
	Subject     string         `json:"subject"`
	SubjectName string         `json:"subjectName"`
	Type        string         `json:"type"`
	Object      string         `json:"object"`
	ObjectName  string         `json:"objectName"`
	Topic       string         `json:"topic,omitempty"`
	Date        string         `json:"date,omitempty"`
	Confidence  float64        `json:"confidence"`
	Evidence    []jsonEvidence `json:"evidence"`
}

type jsonActor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Aliases  []string `json:"aliases"`
	Country  string   `json:"country,omitempty"`
	Code     string   `json:"code,omitempty"`
	Wikidata string   `json:"wikidata,omitempty"`
}

// jsonDocument describes a document without its text, which JSON Lines
// carries.
type jsonDocument struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Date   string `json:"date,omitempty"`
}

// writeJSON streams {"actors": [...], "documents": [...], "stances": [...]}
// without holding every stance in memory.
func writeJSON(ctx context.Context, store stance.Reader, w *bufio.Writer) error {
	actors, err := allActors(ctx, store)
	if err != nil {
		return err
	}
	nm := names(actors)
	list := jsonList{w: w}
	w.WriteString(`{"actors":[`)
	for _, a := range actors {
		aliases := a.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		list.item(jsonActor{a.ID, a.Name, string(a.Kind), aliases, a.Country, a.Code, a.Wikidata})
	}
	w.WriteString(`],"documents":[`)
	list.n = 0
	err = store.ForEachDocument(ctx, func(d stance.Document) error {
		return list.item(jsonDocument{d.ID, d.Title, d.Source, d.URL, d.Date.String()})
	})
	if err != nil {
		return err
	}
	w.WriteString(`],"stances":[`)
	list.n = 0
	err = store.ForEachStance(ctx, nil, func(s stance.Stance) error {
		return list.item(jsonStance{ID: s.ID, Subject: s.Subject, SubjectName: nm[s.Subject], Type: s.Type, Object: s.Object,
			ObjectName: nm[s.Object], Topic: s.Topic, Date: s.Date.String(), Confidence: s.Confidence, Evidence: evidenceOf(s)})
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("]}\n")
	return err
}

// jsonList writes the items of a JSON array, commas between.
type jsonList struct {
	w *bufio.Writer
	n int
}

func (l *jsonList) item(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if l.n > 0 {
		l.w.WriteByte(',')
	}
	l.n++
	_, err = l.w.Write(b)
	return err
}
