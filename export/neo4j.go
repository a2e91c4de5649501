package export

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/stance"
)

// Neo4jArrayDelimiter separates the elements of array columns (aliases,
// quotes) in the Neo4j export: the unit separator, which names and quotes
// do not use, where neo4j-admin's default ';' is common in quotes. Pass it
// as --array-delimiter=U+001F.
const Neo4jArrayDelimiter = "\u001f"

// The files of the Neo4j export and their headers, in neo4j-admin's
// header syntax: actors and documents are nodes with their own ID spaces,
// stances are relationships typed by the stance type. The arrays of a
// stance are parallel: quote i was found in documents[i] at starts[i] to
// ends[i] (code points).
var (
	neo4jActors    = []string{"actorId:ID(Actor)", "name", "kind", "aliases:string[]", "country", "code", "wikidata", ":LABEL"}
	neo4jDocuments = []string{"documentId:ID(Document)", "title", "source", "url", "date:date", ":LABEL"}
	neo4jStances   = []string{":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "stanceId", "topic", "date:date", "confidence:double",
		"quotes:string[]", "documents:string[]", "starts:long[]", "ends:long[]"}
)

// writeNeo4j writes a zip of actors.csv, documents.csv and stances.csv for
// `neo4j-admin database import full`. A zip is one stream, so the server
// serves it at /export as it does every other format.
func writeNeo4j(ctx context.Context, store stance.Reader, w *bufio.Writer) error {
	zw := zip.NewWriter(w)
	for _, part := range []struct {
		name  string
		write func(context.Context, stance.Reader, *csv.Writer) error
	}{
		{"actors.csv", neo4jActorRows},
		{"documents.csv", neo4jDocumentRows},
		{"stances.csv", neo4jStanceRows},
	} {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: time.Now()})
		if err != nil {
			return err
		}
		cw := csv.NewWriter(f)
		if err := part.write(ctx, store, cw); err != nil {
			return err
		}
		if cw.Flush(); cw.Error() != nil {
			return cw.Error()
		}
	}
	return zw.Close()
}

// neo4jArray joins the elements of an array column, refusing an element
// that holds the delimiter rather than splitting it in two.
func neo4jArray(what string, items []string) (string, error) {
	for _, it := range items {
		if strings.Contains(it, Neo4jArrayDelimiter) {
			return "", fmt.Errorf("export: neo4j: %s %q contains U+001F, the array delimiter", what, clip(it))
		}
	}
	return strings.Join(items, Neo4jArrayDelimiter), nil
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

func neo4jActorRows(ctx context.Context, store stance.Reader, cw *csv.Writer) error {
	actors, err := allActors(ctx, store)
	if err != nil {
		return err
	}
	cw.Write(neo4jActors)
	for _, a := range actors {
		aliases, err := neo4jArray("alias of "+a.Name, a.Aliases)
		if err != nil {
			return err
		}
		if err := cw.Write([]string{a.ID, a.Name, string(a.Kind), aliases, a.Country, a.Code, a.Wikidata, "Actor"}); err != nil {
			return err
		}
	}
	return nil
}

func neo4jDocumentRows(ctx context.Context, store stance.Reader, cw *csv.Writer) error {
	cw.Write(neo4jDocuments)
	return store.ForEachDocument(ctx, func(d stance.Document) error {
		return cw.Write([]string{d.ID, d.Title, d.Source, d.URL, d.Date.String(), "Document"})
	})
}

func neo4jStanceRows(ctx context.Context, store stance.Reader, cw *csv.Writer) error {
	cw.Write(neo4jStances)
	return store.ForEachStance(ctx, nil, func(s stance.Stance) error {
		n := len(s.Evidence)
		quotes, docs, starts, ends := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		for i, e := range s.Evidence {
			quotes[i], docs[i], starts[i], ends[i] = e.Quote, e.DocumentID, strconv.Itoa(e.Start), strconv.Itoa(e.End)
		}
		q, err := neo4jArray("quote of stance "+s.ID, quotes)
		if err != nil {
			return err
		}
		return cw.Write([]string{s.Subject, s.Object, s.Type, s.ID, s.Topic, s.Date.String(), ftoa(s.Confidence), q,
			strings.Join(docs, Neo4jArrayDelimiter), strings.Join(starts, Neo4jArrayDelimiter), strings.Join(ends, Neo4jArrayDelimiter)})
	})
}
