package events

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// ploverOut is one record of WritePLOVER, in the current PLOVER manual's
// spelling (actor/recipient, snake_case), which NewPLOVER reads.
type ploverOut struct {
	ID          string         `json:"id"`
	Date        string         `json:"date"`
	Event       string         `json:"event"`
	Actor       ploverActorOut `json:"actor"`
	Recipient   ploverActorOut `json:"recipient"`
	QuadCode    int            `json:"quad_code,omitempty"`
	URL         string         `json:"url,omitempty"`
	Publication string         `json:"publication,omitempty"`
}

type ploverActorOut struct {
	EntityText string `json:"entity_text"`
	Code       string `json:"code,omitempty"`
	Sector     string `json:"sector,omitempty"`
}

// WritePLOVER writes every live stance of store as a PLOVER JSON Lines
// event that NewPLOVER reads back into the same stance: event is the
// PLOVER type of the stance's type, actor and recipient carry the
// subject's and object's names and, where the actor code is a country or
// a country and one role ("AFGGOV"), PLOVER's code and sector. id is the
// stance's PLOVER record when it has one (so that a PLOVER file exported
// again keeps its IDs), else the stance ID. PLOVER has no place for
// topics, confidence, quotes, aliases or other actor codes, so those are
// not written (export jsonl keeps everything). A stance type without a
// PLOVER type is an error naming it, rather than a stance left out.
func WritePLOVER(ctx context.Context, store stance.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	pw := &ploverWriter{ctx: ctx, store: store, cameo: newCAMEO(), actors: map[string]ploverActorOut{}}
	err := store.ForEachStance(ctx, nil, func(s stance.Stance) error {
		rec, err := pw.record(s)
		if err != nil {
			return err
		}
		return enc.Encode(rec)
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

type ploverWriter struct {
	ctx    context.Context
	store  stance.Reader
	cameo  *cameo
	actors map[string]ploverActorOut // by actor ID
}

func (pw *ploverWriter) record(s stance.Stance) (ploverOut, error) {
	info, _ := pw.store.Vocabulary().Info(s.Type)
	if info.PLOVER == "" {
		return ploverOut{}, fmt.Errorf("export plover: stance type %s has no PLOVER type (give it one in the vocabulary, or export jsonl)", s.Type)
	}
	rec := ploverOut{ID: s.ID, Date: s.Date.String(), Event: info.PLOVER}
	for _, r := range s.References {
		if r.Dataset == "PLOVER" && rec.ID == s.ID {
			rec.ID = r.Record
		}
		if rec.URL == "" {
			rec.URL, rec.Publication = r.URL, r.Publisher
		}
	}
	if s.Event != nil {
		rec.QuadCode = s.Event.QuadClass
	}
	var err error
	if rec.Actor, err = pw.actor(s.Subject); err != nil {
		return rec, err
	}
	rec.Recipient, err = pw.actor(s.Object)
	return rec, err
}

// actor returns the PLOVER actor object of an actor ID: a country code,
// with a sector when the rest of the code is one role, since the PLOVER
// reader takes codes of that shape only; other actors go by name.
func (pw *ploverWriter) actor(id string) (ploverActorOut, error) {
	if a, ok := pw.actors[id]; ok {
		return a, nil
	}
	a, err := pw.store.Actor(pw.ctx, id)
	if err != nil {
		return ploverActorOut{}, err
	}
	out := ploverActorOut{EntityText: a.Name}
	code := strings.ToUpper(a.Code)
	if country := pw.cameo.country(code); country != "" {
		switch role := code[3:]; {
		case role == "":
			out.Code = country
		case len(role) == 3 && pw.cameo.types.label[role] != "":
			out.Code, out.Sector = country, role
		}
	}
	pw.actors[id] = out
	return out, nil
}
