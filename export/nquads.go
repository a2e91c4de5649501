package export

import (
	"bufio"
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// IRIs of the N-Quads export. Stancegraph's own predicates and classes
// live under urn:stancegraph:; labels, titles and dates use the RDF
// vocabularies every RDF tool knows.
const (
	sgNS      = "urn:stancegraph:"
	rdfType   = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
	rdfsLabel = "<http://www.w3.org/2000/01/rdf-schema#label>"
	owlSameAs = "<http://www.w3.org/2002/07/owl#sameAs>"
	dcterms   = "http://purl.org/dc/terms/"
	xsd       = "http://www.w3.org/2001/XMLSchema#"
)

// wikidataItem matches the items that become owl:sameAs links; anything
// else stays a plain literal rather than an invalid IRI.
var wikidataItem = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// nquads writes one triple per line in the default graph. Every subject
// is written once, so no triple repeats.
type nquads struct{ w *bufio.Writer }

func (q nquads) quad(s, p, o string) {
	q.w.WriteString(s)
	q.w.WriteByte(' ')
	q.w.WriteString(p)
	q.w.WriteByte(' ')
	q.w.WriteString(o)
	q.w.WriteString(" .\n")
}

// maybe writes the triple when the literal's value is not empty.
func (q nquads) maybe(s, p, value, object string) {
	if value != "" {
		q.quad(s, p, object)
	}
}

func sg(name string) string     { return "<" + sgNS + name + ">" }
func dc(name string) string     { return "<" + dcterms + name + ">" }
func uuidIRI(id string) string  { return "<urn:uuid:" + id + ">" }
func literal(s string) string   { return jsonText(s) } // JSON string escapes are N-Quads ECHARs and UCHARs
func typed(s, dt string) string { return literal(s) + "^^<" + xsd + dt + ">" }
func evidenceIRI(stance string, n int) string {
	return "<" + sgNS + "evidence:" + stance + ":" + strconv.Itoa(n) + ">"
}

// writeNQuads describes actors, documents, stances and their evidence, with
// a direct subject-to-object edge per stance type (urn:stancegraph:rejects)
// so graph queries need not go through the stance nodes. Each piece of
// evidence is a node of its own, so a quote stays paired with its document
// and offsets.
func writeNQuads(ctx context.Context, store stance.Reader, w *bufio.Writer) error {
	q := nquads{w}
	actors, err := allActors(ctx, store)
	if err != nil {
		return err
	}
	for _, a := range actors {
		q.actor(a)
	}
	if err := store.ForEachDocument(ctx, func(d stance.Document) error { q.document(d); return nil }); err != nil {
		return err
	}
	for _, a := range actors {
		if err := q.stancesOf(ctx, store, a.ID); err != nil {
			return err
		}
	}
	return nil
}

func (q nquads) actor(a stance.Actor) {
	s := uuidIRI(a.ID)
	q.quad(s, rdfType, sg("Actor"))
	q.quad(s, rdfsLabel, literal(a.Name))
	q.quad(s, sg("kind"), literal(string(a.Kind)))
	seen := map[string]bool{}
	for _, al := range a.Aliases {
		if !seen[al] {
			seen[al] = true
			q.quad(s, sg("alias"), literal(al))
		}
	}
	q.maybe(s, sg("country"), a.Country, literal(a.Country))
	q.maybe(s, sg("code"), a.Code, literal(a.Code))
	q.maybe(s, sg("wikidata"), a.Wikidata, literal(a.Wikidata))
	if wikidataItem.MatchString(a.Wikidata) {
		q.quad(s, owlSameAs, "<http://www.wikidata.org/entity/"+a.Wikidata+">")
	}
}

func (q nquads) document(d stance.Document) {
	s := uuidIRI(d.ID)
	q.quad(s, rdfType, sg("Document"))
	q.maybe(s, dc("title"), d.Title, literal(d.Title))
	q.maybe(s, dc("publisher"), d.Source, literal(d.Source))
	q.maybe(s, sg("url"), d.URL, typed(d.URL, "anyURI"))
	q.maybe(s, dc("date"), d.Date.String(), typed(d.Date.String(), "date"))
}

// stancesOf writes the live stances actor holds. Listing them by subject
// lets the direct edges be written once each while remembering only one
// actor's counterparts.
func (q nquads) stancesOf(ctx context.Context, store stance.Reader, actor string) error {
	direct := map[string]bool{}
	after := ""
	for {
		page, err := store.ActorStances(ctx, actor, stance.AdjacencyQuery{Direction: stance.Out, First: stance.MaxPageSize, After: after})
		if err != nil {
			return err
		}
		for _, st := range page.Stances {
			q.stance(st)
			if edge := st.Type + " " + st.Object; !direct[edge] {
				direct[edge] = true
				q.quad(uuidIRI(st.Subject), sg(strings.ToLower(st.Type)), uuidIRI(st.Object))
			}
		}
		if !page.HasNext {
			return nil
		}
		after = page.EndCursor
	}
}

func (q nquads) stance(st stance.Stance) {
	s := uuidIRI(st.ID)
	q.quad(s, rdfType, sg("Stance"))
	q.quad(s, sg("subject"), uuidIRI(st.Subject))
	q.quad(s, sg("type"), literal(st.Type))
	q.quad(s, sg("object"), uuidIRI(st.Object))
	q.maybe(s, sg("topic"), st.Topic, literal(st.Topic))
	q.maybe(s, sg("date"), st.Date.String(), typed(st.Date.String(), "date"))
	q.quad(s, sg("confidence"), typed(ftoa(st.Confidence), "double"))
	for i, e := range st.Evidence {
		ev := evidenceIRI(st.ID, i+1)
		q.quad(s, sg("evidence"), ev)
		q.quad(ev, rdfType, sg("Evidence"))
		q.quad(ev, sg("quote"), literal(e.Quote))
		q.quad(ev, sg("start"), typed(strconv.Itoa(e.Start), "integer"))
		q.quad(ev, sg("end"), typed(strconv.Itoa(e.End), "integer"))
		q.quad(ev, sg("document"), uuidIRI(e.DocumentID))
	}
}
