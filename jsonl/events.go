package jsonl

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/stancegraph/stancegraph/stance"
)

// referenceRecord is a stance's evidence by reference: the record of an
// event dataset that codes it (stance.Reference).
type referenceRecord struct {
	Dataset   string `json:"dataset"`
	Record    string `json:"record"`
	Story     string `json:"story,omitempty"`
	Sentence  int    `json:"sentence,omitempty"`
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
}

// measuresRecord is what an event dataset measured (stance.Measures).
// Pointers tell a measure the dataset did not give from a zero.
type measuresRecord struct {
	Code      string          `json:"code,omitempty"`
	Goldstein *float64        `json:"goldstein,omitempty"`
	QuadClass int             `json:"quad_class,omitempty"`
	Mentions  int             `json:"mentions,omitempty"`
	Sources   int             `json:"sources,omitempty"`
	Articles  int             `json:"articles,omitempty"`
	Tone      *float64        `json:"tone,omitempty"`
	Location  *locationRecord `json:"location,omitempty"`
}

type locationRecord struct {
	Name    string   `json:"name,omitempty"`
	Country string   `json:"country,omitempty"`
	Lat     *float64 `json:"lat,omitempty"`
	Long    *float64 `json:"long,omitempty"`
}

func referenceRecords(refs []stance.Reference) []referenceRecord {
	var out []referenceRecord
	for _, r := range refs {
		out = append(out, referenceRecord(r))
	}
	return out
}

func references(recs []referenceRecord) []stance.Reference {
	var out []stance.Reference
	for _, r := range recs {
		out = append(out, stance.Reference(r))
	}
	return out
}

// opt returns a pointer to f when has is set, for omitempty.
func opt(f float64, has bool) *float64 {
	if !has {
		return nil
	}
	return &f
}

func measuresRecordOf(m *stance.Measures) *measuresRecord {
	if m == nil {
		return nil
	}
	rec := &measuresRecord{Code: m.EventCode, Goldstein: opt(m.Goldstein, m.HasGoldstein), QuadClass: m.QuadClass,
		Mentions: m.Mentions, Sources: m.Sources, Articles: m.Articles, Tone: opt(m.Tone, m.HasTone)}
	if l := m.Location; l != (stance.Location{}) {
		rec.Location = &locationRecord{Name: l.Name, Country: l.Country, Lat: opt(l.Latitude, l.HasPoint), Long: opt(l.Longitude, l.HasPoint)}
	}
	return rec
}

// measures returns the graph's measures of rec; a location needs both
// lat and long or neither.
func (rec *measuresRecord) measures() (*stance.Measures, error) {
	if rec == nil {
		return nil, nil
	}
	m := &stance.Measures{EventCode: rec.Code, QuadClass: rec.QuadClass, Mentions: rec.Mentions, Sources: rec.Sources, Articles: rec.Articles}
	if rec.Goldstein != nil {
		m.Goldstein, m.HasGoldstein = *rec.Goldstein, true
	}
	if rec.Tone != nil {
		m.Tone, m.HasTone = *rec.Tone, true
	}
	if l := rec.Location; l != nil {
		m.Location = stance.Location{Name: l.Name, Country: l.Country}
		if (l.Lat == nil) != (l.Long == nil) {
			return nil, errLatLong
		}
		if l.Lat != nil {
			m.Location.Latitude, m.Location.Longitude, m.Location.HasPoint = *l.Lat, *l.Long, true
		}
	}
	return m, nil
}

// WriteBatch writes b's actors, documents and stances as JSON Lines that
// load back as b: how graphd sends what it converted from event files to
// a server's POST /load. Stances name actors as b does (IDs of stored
// actors, names of the batch's own).
func WriteBatch(w io.Writer, b stance.Batch) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, a := range b.Actors {
		if err := enc.Encode(actorRecordOf(a)); err != nil {
			return err
		}
	}
	for _, d := range b.Documents {
		text := d.Text
		if err := enc.Encode(documentRecord{Record: "document", Title: d.Title, Source: d.Source, URL: d.URL, Date: d.Date.String(), Text: &text}); err != nil {
			return err
		}
	}
	for _, s := range b.Stances {
		if err := enc.Encode(stanceRecordOfSpec(s)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func actorRecordOf(a stance.Actor) actorRecord {
	return actorRecord{Record: "actor", Name: a.Name, Kind: string(a.Kind), Aliases: a.Aliases, Country: a.Country, Code: a.Code, Wikidata: a.Wikidata}
}

func stanceRecordOfSpec(s stance.StanceSpec) stanceRecord {
	conf := s.Confidence
	if conf == 0 {
		conf = 1
	}
	rec := stanceRecord{Record: "stance", Subject: s.Subject, Type: s.Type, Object: s.Object, Topic: s.Topic, Date: s.Date.String(), Confidence: &conf,
		Retracted: s.Retracted, RetractReason: s.RetractReason, References: referenceRecords(s.References), Event: measuresRecordOf(s.Event)}
	for _, ev := range s.Evidence {
		rec.Evidence = append(rec.Evidence, evidenceRecord{Document: ev.Document, Quote: ev.Quote, Prefix: ev.Prefix, Suffix: ev.Suffix, Start: ev.Start})
	}
	return rec
}
