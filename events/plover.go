package events

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// ploverRecord holds the fields of both PLOVER spellings: the 2016
// gold-standard records (source/target, camelCase) and the current
// manual's JSON Lines (actor/recipient, snake_case).
type ploverRecord struct {
	ID        string          `json:"id"`
	Date      string          `json:"date"`
	Event     json.RawMessage `json:"event"` // a string, or a list of them
	Source    json.RawMessage `json:"source"`
	Target    json.RawMessage `json:"target"`
	Actor     json.RawMessage `json:"actor"`
	Recipient json.RawMessage `json:"recipient"`
	QuadCode  *int            `json:"quad_code"`
	URL       string          `json:"url"`
	Publisher string          `json:"publication"`
}

// ploverActor is an actor object of either spelling.
type ploverActor struct {
	Code       string `json:"code"`
	Sector     string `json:"sector"`
	ActorText  string `json:"actorText"`
	EntityText string `json:"entity_text"`
}

// ploverReader reads PLOVER/POLECAT JSON Lines, one event per line.
type ploverReader struct {
	l *lines
	c *cameo
}

// NewPLOVER returns a Reader of a PLOVER/POLECAT JSON Lines file.
func NewPLOVER(r io.Reader) Reader { return &ploverReader{l: newLines(r), c: newCAMEO()} }

func (pr *ploverReader) Next() (Event, error) {
	s, err := pr.l.next()
	if err != nil {
		return Event{}, err
	}
	var rec ploverRecord
	if err := json.Unmarshal([]byte(s), &rec); err != nil {
		return Event{}, pr.l.rowErr("not a JSON object: %v", err)
	}
	ev := Event{Line: pr.l.line}
	if ev.PLOVER, err = firstString(rec.Event); err != nil {
		return Event{}, pr.l.rowErr("event: %v", err)
	}
	if rec.ID == "" {
		return Event{}, pr.l.rowErr("no id")
	}
	ev.Ref = stance.Reference{Dataset: "PLOVER", Record: rec.ID, URL: rec.URL, Publisher: rec.Publisher}
	ev.Measures.EventCode = ev.PLOVER
	if rec.QuadCode != nil {
		ev.Measures.QuadClass = *rec.QuadCode
	}
	if ev.PLOVER == "DOCUMENT" {
		return ev, nil // a file header, not an event: Convert skips it
	}
	if ev.Date, err = stance.ParseDate(rec.Date); err != nil {
		return Event{}, pr.l.rowErr("date %q: want YYYY-MM-DD", rec.Date)
	}
	for _, side := range []struct {
		dst  *[]Party
		raws []json.RawMessage
	}{{&ev.Sources, []json.RawMessage{rec.Source, rec.Actor}}, {&ev.Targets, []json.RawMessage{rec.Target, rec.Recipient}}} {
		for _, raw := range side.raws {
			ps, err := pr.parties(raw)
			if err != nil {
				return Event{}, pr.l.rowErr("%v", err)
			}
			*side.dst = append(*side.dst, ps...)
		}
	}
	return ev, nil
}

// firstString reads a JSON string or the first string of a list.
func firstString(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil || len(list) == 0 {
		return "", fmt.Errorf("want a string or a list of strings, got %s", clipRaw(raw))
	}
	return list[0], nil
}

// parties reads an actor object or a list of them. A country code with a
// sector becomes the CAMEO code it stands for ("HUN" and "GOV" are
// "HUNGOV"); other PLOVER codes (IGO, NGO) cover too many actors to
// identify one, so those actors go by their text.
func (pr *ploverReader) parties(raw json.RawMessage) ([]Party, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" || raw[0] == '"' {
		// The gold-standard records put "" (and once a word such as
		// "diplomatic") where no actor object is coded: no actor.
		return nil, nil
	}
	var list []ploverActor
	if raw[0] == '{' {
		list = make([]ploverActor, 1)
		if err := json.Unmarshal(raw, &list[0]); err != nil {
			return nil, fmt.Errorf("actor: %v", err)
		}
	} else if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("actors: %v", err)
	}
	var out []Party
	for _, a := range list {
		p := Party{Name: strings.TrimSpace(a.ActorText + a.EntityText)}
		code := strings.ToUpper(strings.TrimSpace(a.Code))
		if pr.c.country(code) != "" && len(code) == 3 {
			p.Code, p.Country = code, code
			if sector := strings.ToUpper(strings.TrimSpace(a.Sector)); pr.c.types.label[sector] != "" {
				p.Code += sector
			}
		}
		if a.Sector != "" {
			p.Sectors = []string{a.Sector}
		}
		if p.Name == "" && p.Code == "" {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

func clipRaw(raw json.RawMessage) string {
	if len(raw) > 40 {
		return string(raw[:40]) + "..."
	}
	return string(raw)
}
