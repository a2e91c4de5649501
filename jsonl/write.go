package jsonl

import (
	"bufio"
	"context"
	"encoding/json"
	"io"

	"github.com/stancegraph/stancegraph/stance"
)

// Write writes every actor, document and stance of store in the format
// Read accepts, so an export loads into another store unchanged: retracted
// stances are kept with their reasons, and loading the export into an
// empty store and exporting again gives the same bytes.
func Write(ctx context.Context, store stance.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	after := ""
	for {
		page, err := store.Actors(ctx, stance.ActorQuery{First: stance.MaxPageSize, After: after})
		if err != nil {
			return err
		}
		for _, a := range page.Actors {
			if err := enc.Encode(actorRecordOf(a)); err != nil {
				return err
			}
		}
		if !page.HasNext {
			break
		}
		after = page.EndCursor
	}
	err := store.ForEachDocument(ctx, func(d stance.Document) error {
		text := d.Text
		return enc.Encode(documentRecord{Record: "document", ID: d.ID, Title: d.Title, Source: d.Source, URL: d.URL, Date: d.Date.String(), Text: &text})
	})
	if err != nil {
		return err
	}
	names := map[string]string{}
	name := func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		a, err := store.Actor(ctx, id)
		if err != nil {
			return id
		}
		names[id] = a.Name
		return a.Name
	}
	err = store.ForEachStance(ctx, &stance.EachOptions{IncludeRetracted: true}, func(s stance.Stance) error {
		conf := s.Confidence
		rec := stanceRecord{Record: "stance", ID: s.ID, Subject: name(s.Subject), Type: s.Type, Object: name(s.Object), Topic: s.Topic, Date: s.Date.String(), Confidence: &conf,
			Retracted: s.Retracted, RetractReason: s.RetractReason, References: referenceRecords(s.References), Event: measuresRecordOf(s.Event)}
		for _, ev := range s.Evidence {
			start := ev.Start // the occurrence meant, should the quote recur
			rec.Evidence = append(rec.Evidence, evidenceRecord{Document: ev.DocumentID, Quote: ev.Quote, Start: &start})
		}
		return enc.Encode(rec)
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
