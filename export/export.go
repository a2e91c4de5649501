// Package export writes the whole stance graph in formats other tools
// read: GraphML (networkx, Gephi), CSV (pandas, spreadsheets), JSON
// (one document), JSON Lines (graphd load) and N-Quads (RDF stores, Dgraph).
package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
)

// Formats lists the names Write accepts.
var Formats = []string{"json", "jsonl", "graphml", "csv", "nquads"}

// ContentType returns the media type of a format.
func ContentType(format string) string {
	switch format {
	case "json":
		return "application/json"
	case "jsonl":
		return "application/jsonl"
	case "graphml":
		return "application/graphml+xml"
	case "csv":
		return "text/csv; charset=utf-8"
	case "nquads":
		return "application/n-quads"
	}
	return "application/octet-stream"
}

// Write writes every actor and live stance of store to w in format.
func Write(ctx context.Context, store *graph.Store, w io.Writer, format string) error {
	switch format {
	case "jsonl":
		return jsonl.Write(ctx, store, w)
	case "json", "graphml", "csv", "nquads":
	default:
		return fmt.Errorf("export: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	actors, err := allActors(ctx, store)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	switch format {
	case "json":
		err = writeJSON(ctx, store, bw, actors)
	case "graphml":
		err = writeGraphML(ctx, store, bw, actors)
	case "csv":
		err = writeCSV(ctx, store, bw, actors)
	case "nquads":
		err = writeNQuads(ctx, store, bw, actors)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func allActors(ctx context.Context, store *graph.Store) ([]graph.Actor, error) {
	var out []graph.Actor
	after := ""
	for {
		page, err := store.Actors(ctx, graph.ActorQuery{First: graph.MaxPageSize, After: after})
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

func names(actors []graph.Actor) map[string]string {
	m := make(map[string]string, len(actors))
	for _, a := range actors {
		m[a.ID] = a.Name
	}
	return m
}

func firstQuote(s graph.Stance) (doc, quote string) {
	if len(s.Evidence) == 0 {
		return "", ""
	}
	return s.Evidence[0].DocumentID, s.Evidence[0].Quote
}

type jsonEvidence struct {
	Document string `json:"document"`
	Quote    string `json:"quote"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

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

// writeJSON streams {"actors": [...], "stances": [...]} without holding
// every stance in memory.
func writeJSON(ctx context.Context, store *graph.Store, w *bufio.Writer, actors []graph.Actor) error {
	nm := names(actors)
	w.WriteString(`{"actors":[`)
	for i, a := range actors {
		if i > 0 {
			w.WriteByte(',')
		}
		b, _ := json.Marshal(jsonActor{a.ID, a.Name, string(a.Kind), a.Aliases, a.Country, a.Code, a.Wikidata})
		w.Write(b)
	}
	w.WriteString(`],"stances":[`)
	n := 0
	err := store.ForEachStance(ctx, false, func(s graph.Stance) error {
		js := jsonStance{ID: s.ID, Subject: s.Subject, SubjectName: nm[s.Subject], Type: s.Type, Object: s.Object, ObjectName: nm[s.Object], Topic: s.Topic, Date: s.Date.String(), Confidence: s.Confidence, Evidence: []jsonEvidence{}}
		for _, e := range s.Evidence {
			js.Evidence = append(js.Evidence, jsonEvidence{e.DocumentID, e.Quote, e.Start, e.End})
		}
		b, err := json.Marshal(js)
		if err != nil {
			return err
		}
		if n > 0 {
			w.WriteByte(',')
		}
		n++
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("]}\n")
	return err
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func writeGraphML(ctx context.Context, store *graph.Store, w *bufio.Writer, actors []graph.Actor) error {
	w.WriteString(xml.Header)
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range [][3]string{
		{"name", "node", "string"}, {"kind", "node", "string"}, {"country", "node", "string"},
		{"type", "edge", "string"}, {"topic", "edge", "string"}, {"date", "edge", "string"},
		{"confidence", "edge", "double"}, {"weight", "edge", "double"}, {"quote", "edge", "string"}, {"document", "edge", "string"},
	} {
		fmt.Fprintf(w, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k[0], k[1], k[0], k[2])
	}
	w.WriteString(`  <graph id="stancegraph" edgedefault="directed">` + "\n")
	for _, a := range actors {
		fmt.Fprintf(w, "    <node id=%q><data key=\"name\">%s</data><data key=\"kind\">%s</data>", a.ID, xmlText(a.Name), a.Kind)
		if a.Country != "" {
			fmt.Fprintf(w, "<data key=\"country\">%s</data>", xmlText(a.Country))
		}
		w.WriteString("</node>\n")
	}
	vocab := store.Vocabulary()
	err := store.ForEachStance(ctx, false, func(s graph.Stance) error {
		info, _ := vocab.Info(s.Type)
		doc, quote := firstQuote(s)
		fmt.Fprintf(w, "    <edge id=%q source=%q target=%q><data key=\"type\">%s</data>", s.ID, s.Subject, s.Object, s.Type)
		if s.Topic != "" {
			fmt.Fprintf(w, "<data key=\"topic\">%s</data>", xmlText(s.Topic))
		}
		if !s.Date.IsZero() {
			fmt.Fprintf(w, "<data key=\"date\">%s</data>", s.Date)
		}
		fmt.Fprintf(w, "<data key=\"confidence\">%s</data><data key=\"weight\">%s</data>", ftoa(s.Confidence), ftoa(info.Weight))
		if quote != "" {
			fmt.Fprintf(w, "<data key=\"quote\">%s</data><data key=\"document\">%s</data>", xmlText(quote), doc)
		}
		_, err := w.WriteString("</edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("  </graph>\n</graphml>\n")
	return err
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func writeCSV(ctx context.Context, store *graph.Store, w *bufio.Writer, actors []graph.Actor) error {
	nm := names(actors)
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "subject", "type", "object", "topic", "date", "confidence", "quote", "document", "subject_id", "object_id"})
	err := store.ForEachStance(ctx, false, func(s graph.Stance) error {
		doc, quote := firstQuote(s)
		return cw.Write([]string{s.ID, nm[s.Subject], s.Type, nm[s.Object], s.Topic, s.Date.String(), ftoa(s.Confidence), quote, doc, s.Subject, s.Object})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// ns is the IRI prefix of stancegraph predicates and classes in N-Quads.
const ns = "urn:stancegraph:"

func nqLiteral(s string) string {
	b, _ := json.Marshal(s) // JSON string escapes are valid N-Quads ECHARs and UCHARs
	return string(b)
}

func writeNQuads(ctx context.Context, store *graph.Store, w *bufio.Writer, actors []graph.Actor) error {
	iri := func(id string) string { return "<urn:uuid:" + id + ">" }
	quad := func(s, p, o string) { fmt.Fprintf(w, "%s <%s%s> %s .\n", s, ns, p, o) }
	for _, a := range actors {
		s := iri(a.ID)
		fmt.Fprintf(w, "%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%sActor> .\n", s, ns)
		quad(s, "name", nqLiteral(a.Name))
		quad(s, "kind", nqLiteral(string(a.Kind)))
		for _, al := range a.Aliases {
			quad(s, "alias", nqLiteral(al))
		}
		if a.Country != "" {
			quad(s, "country", nqLiteral(a.Country))
		}
		if a.Wikidata != "" {
			fmt.Fprintf(w, "%s <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/%s> .\n", s, a.Wikidata)
		}
	}
	return store.ForEachStance(ctx, false, func(st graph.Stance) error {
		s := iri(st.ID)
		fmt.Fprintf(w, "%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%sStance> .\n", s, ns)
		quad(s, "subject", iri(st.Subject))
		quad(s, "type", nqLiteral(st.Type))
		quad(s, "object", iri(st.Object))
		// A direct edge too, so graph queries need not go through the stance node.
		quad(iri(st.Subject), strings.ToLower(st.Type), iri(st.Object))
		if st.Topic != "" {
			quad(s, "topic", nqLiteral(st.Topic))
		}
		if !st.Date.IsZero() {
			quad(s, "date", fmt.Sprintf("%q^^<http://www.w3.org/2001/XMLSchema#date>", st.Date.String()))
		}
		quad(s, "confidence", fmt.Sprintf("%q^^<http://www.w3.org/2001/XMLSchema#double>", ftoa(st.Confidence)))
		for _, e := range st.Evidence {
			quad(s, "quote", nqLiteral(e.Quote))
			quad(s, "document", iri(e.DocumentID))
		}
		return nil
	})
}
