package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// graphmlKey declares one GraphML attribute. List values (aliases,
// evidence) are JSON text: GraphML has no list type, and JSON keeps every
// quote whole whatever it contains.
type graphmlKey struct{ id, on, typ string }

// graphmlKeys are declared in this order; label is what networkx, igraph
// and Gephi show for a node.
var graphmlKeys = []graphmlKey{
	{"label", "node", "string"}, {"kind", "node", "string"}, {"aliases", "node", "string"},
	{"country", "node", "string"}, {"code", "node", "string"}, {"wikidata", "node", "string"},
	{"type", "edge", "string"}, {"topic", "edge", "string"}, {"date", "edge", "string"},
	{"confidence", "edge", "double"}, {"weight", "edge", "double"}, {"evidence", "edge", "string"},
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")

// xmlText escapes s as element text, keeping quote marks readable. A
// character XML 1.0 cannot hold at all (a control character other than
// tab and newline) becomes U+FFFD; the evidence, being JSON, escapes them
// and keeps them.
func xmlText(s string) string {
	return xmlEscaper.Replace(strings.Map(xmlChar, s))
}

func xmlChar(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r',
		r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return r
	}
	return '\uFFFD'
}

// graphmlData writes the data elements of one node or edge, skipping empty
// values; pairs are key, value.
func graphmlData(w *bufio.Writer, pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			fmt.Fprintf(w, "<data key=%q>%s</data>", pairs[i], xmlText(pairs[i+1]))
		}
	}
}

func writeGraphML(ctx context.Context, store stance.Reader, w *bufio.Writer) error {
	actors, err := allActors(ctx, store)
	if err != nil {
		return err
	}
	w.WriteString(xml.Header)
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		fmt.Fprintf(w, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.on, k.id, k.typ)
	}
	w.WriteString(`  <graph id="stancegraph" edgedefault="directed">` + "\n")
	for _, a := range actors {
		aliases := ""
		if len(a.Aliases) > 0 {
			aliases = jsonText(a.Aliases)
		}
		fmt.Fprintf(w, "    <node id=%q>", a.ID)
		graphmlData(w, "label", a.Name, "kind", string(a.Kind), "aliases", aliases, "country", a.Country, "code", a.Code, "wikidata", a.Wikidata)
		w.WriteString("</node>\n")
	}
	vocab := store.Vocabulary()
	err = store.ForEachStance(ctx, nil, func(s stance.Stance) error {
		info, _ := vocab.Info(s.Type)
		fmt.Fprintf(w, "    <edge id=%q source=%q target=%q>", s.ID, s.Subject, s.Object)
		graphmlData(w, "type", s.Type, "topic", s.Topic, "date", s.Date.String(), "confidence", ftoa(s.Confidence),
			"weight", ftoa(info.Weight), "evidence", jsonText(evidenceOf(s)))
		_, err := w.WriteString("</edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("  </graph>\n</graphml>\n")
	return err
}
