package events

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/stancegraph/stancegraph/stance"
)

// Reasons an event is skipped, as Summary.Skipped counts them.
const (
	SkipOneActor  = "rows with one actor"
	SkipNoActor   = "rows with no actor"
	SkipSelf      = "rows with the same actor at both ends"
	SkipNoType    = "rows whose event code maps to no stance type"
	SkipNotEvent  = "records that are not events (PLOVER DOCUMENT headers)"
	SkipMalformed = "malformed rows skipped (--skip-bad)"
)

// Confidence is the confidence of a stance coded by machine from news
// reports, as every row of these datasets is (PLOVER's gold standard
// aside): below 1, which marks curated stances, so that a query's
// minConfidence can keep them apart.
const Confidence = 0.5

// maxBad bounds Summary.Bad; Summary.Skipped counts every malformed row.
const maxBad = 100

// Summary is what Convert read and skipped in one file.
type Summary struct {
	Rows    int            // events read, malformed rows included
	Stances int            // stance records made (one per actor pair of an event)
	Skipped map[string]int // by reason (the Skip* constants)
	Bad     []*RowError    // the first malformed rows skipped
}

// Lookup is what Convert asks of the store; every stance.Reader (such as
// *graph.Store) implements it.
type Lookup interface {
	ActorByCode(ctx context.Context, code string) (stance.Actor, error)
	Actor(ctx context.Context, ref string) (stance.Actor, error)
	Vocabulary() *stance.Vocabulary
}

var _ Lookup = stance.Reader(nil)

// Options tune Convert.
type Options struct {
	// SkipBad counts malformed rows and goes on; without it the first one
	// stops the file with its line.
	SkipBad bool
}

// Convert reads every event of r and returns the batch that stores them:
// the actors it names that the store lacks, and one stance per source and
// target actor pair, typed through the store's vocabulary and citing the
// event by reference. Loading the batch twice adds nothing, since each
// stance is identified by its dataset and record.
func Convert(ctx context.Context, r Reader, look Lookup, opts Options) (stance.Batch, Summary, error) {
	var out stance.Batch
	sum, err := ConvertEach(ctx, r, look, opts, 0, func(b stance.Batch) error { out = b; return nil })
	if err != nil {
		return stance.Batch{}, sum, err
	}
	return out, sum, nil
}

// ConvertEach is Convert for files too large to hold as one batch: it
// hands load a batch each time chunk stances are made (0: one batch for
// the whole file), then the rest. Each batch adds the actors its stances
// are the first to name, so load must store it before the next is made:
// later batches name those actors and ask look about them. A file of 20M
// GDELT rows is about 8 GB of stances as one batch and a few tens of MB
// as batches of 64k.
func ConvertEach(ctx context.Context, r Reader, look Lookup, opts Options, chunk int, load func(stance.Batch) error) (Summary, error) {
	c := &converter{ctx: ctx, look: look, vocab: look.Vocabulary(), cameo: newCAMEO(),
		byCode: map[string]actorRef{}, byName: map[string]named{}, sum: Summary{Skipped: map[string]int{}}}
	flush := func() error {
		c.sum.Stances += len(c.batch.Stances)
		b := c.batch
		c.batch = stance.Batch{}
		return load(b)
	}
	for {
		ev, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err := c.row(ev, err, opts); err != nil {
			return c.sum, err
		}
		if chunk > 0 && len(c.batch.Stances) >= chunk {
			if err := flush(); err != nil {
				return c.sum, err
			}
		}
	}
	if chunk > 0 && len(c.batch.Stances) == 0 && len(c.batch.Actors) == 0 {
		return c.sum, nil
	}
	return c.sum, flush()
}

// row converts one event, or counts a malformed row with --skip-bad; err
// is what the reader returned with ev.
func (c *converter) row(ev Event, err error, opts Options) error {
	var rowErr *RowError
	if errors.As(err, &rowErr) {
		c.sum.Rows++
		if !opts.SkipBad {
			return fmt.Errorf("%w (use --skip-bad to skip malformed rows)", err)
		}
		c.skip(SkipMalformed)
		if len(c.sum.Bad) < maxBad {
			c.sum.Bad = append(c.sum.Bad, rowErr)
		}
		return nil
	}
	if err != nil {
		return err
	}
	c.sum.Rows++
	if err := c.event(ev); err != nil {
		return fmt.Errorf("line %d: %w", ev.Line, err)
	}
	if c.sum.Rows%4096 == 0 {
		return c.ctx.Err()
	}
	return nil
}

// actorRef is how a stance names an actor: a stored actor's ID, or the
// name of an actor the batch adds. key tells two refs to one actor apart
// from refs to two.
type actorRef struct{ ref, key string }

type converter struct {
	ctx    context.Context
	look   Lookup
	vocab  *stance.Vocabulary
	cameo  *cameo
	byCode map[string]actorRef // actor code -> ref, for this file
	byName map[string]named    // normalized name -> actor, for this file
	batch  stance.Batch
	sum    Summary
}

func (c *converter) skip(reason string) { c.sum.Skipped[reason]++ }

// event adds the stances of one event, or counts why it has none.
func (c *converter) event(ev Event) error {
	if ev.PLOVER == "DOCUMENT" {
		c.skip(SkipNotEvent)
		return nil
	}
	typ, ok := c.stanceType(ev)
	switch {
	case len(ev.Sources) == 0 && len(ev.Targets) == 0:
		c.skip(SkipNoActor)
		return nil
	case len(ev.Sources) == 0 || len(ev.Targets) == 0:
		c.skip(SkipOneActor)
		return nil
	case !ok:
		c.skip(SkipNoType)
		return nil
	}
	added := 0
	for _, s := range ev.Sources {
		for _, t := range ev.Targets {
			subj, err := c.actor(s)
			if err != nil {
				return err
			}
			obj, err := c.actor(t)
			if err != nil {
				return err
			}
			if subj.key == obj.key {
				continue
			}
			m := ev.Measures
			c.batch.Stances = append(c.batch.Stances, stance.StanceSpec{
				Subject: subj.ref, Type: typ, Object: obj.ref, Date: ev.Date, Confidence: Confidence,
				References: []stance.Reference{ev.Ref}, Event: &m,
			})
			added++
		}
	}
	if added == 0 {
		c.skip(SkipSelf)
	}
	return nil
}

// stanceType maps the event's code to a type of the vocabulary.
func (c *converter) stanceType(ev Event) (string, bool) {
	if ev.PLOVER != "" {
		return c.vocab.ForPLOVER(ev.PLOVER)
	}
	return c.vocab.ForCAMEO(ev.Code)
}

// actor resolves a party: by code first (this file's actors, then the
// store's), then by name; a party found in neither becomes a new actor.
func (c *converter) actor(p Party) (actorRef, error) {
	if p.Code != "" {
		if r, ok := c.byCode[p.Code]; ok {
			return r, nil
		}
		r, err := c.actorByCode(p)
		if err == nil {
			c.byCode[p.Code] = r
		}
		return r, err
	}
	return c.actorByName(p, displayName(p.Name), "")
}

func (c *converter) actorByCode(p Party) (actorRef, error) {
	a, err := c.look.ActorByCode(c.ctx, p.Code)
	if err == nil {
		return actorRef{a.ID, a.ID}, nil
	}
	if !errors.Is(err, stance.ErrNotFound) {
		return actorRef{}, err
	}
	name, ok := c.cameo.name(p.Code)
	if !ok {
		name = displayName(p.Name)
	}
	if name == "" {
		name = p.Code
	}
	return c.actorByName(p, name, p.Code)
}

// actorByName finds or adds the actor called name. An actor of that name
// with another code is another actor: the new one is told apart by its
// code in brackets, as "Government (GOV)" would be.
func (c *converter) actorByName(p Party, name, code string) (actorRef, error) {
	for _, n := range []string{name, fmt.Sprintf("%s (%s)", name, code)} {
		norm := stance.NormalizeName(n)
		if x, ok := c.byName[norm]; ok {
			if code == "" || x.code == code || x.code == "" {
				return x.r, nil
			}
			continue
		}
		a, err := c.look.Actor(c.ctx, n)
		switch {
		case err == nil && (code == "" || a.Code == "" || strings.EqualFold(a.Code, code)):
			r := actorRef{a.ID, a.ID}
			if code != "" && a.Code == "" {
				// Give the stored actor the code, so that the next
				// file finds it by code.
				c.batch.Actors = append(c.batch.Actors, stance.Actor{Name: a.Name, Code: code})
			}
			c.byName[norm] = named{r, code}
			return r, nil
		case err == nil:
			continue
		case !errors.Is(err, stance.ErrNotFound):
			return actorRef{}, err
		}
		r := actorRef{n, "new:" + norm}
		c.batch.Actors = append(c.batch.Actors, c.newActor(p, n, code))
		c.byName[norm] = named{r, code}
		return r, nil
	}
	return actorRef{}, fmt.Errorf("actor code %s: the names %q and %q belong to actors with other codes", code, name, fmt.Sprintf("%s (%s)", name, code))
}

// named is an actor this file found by name, with the code it was found
// for ("" for none).
type named struct {
	r    actorRef
	code string
}

func (c *converter) newActor(p Party, name, code string) stance.Actor {
	country := c.cameo.country(code)
	if country == "" {
		country = p.Country
	}
	kind := c.cameo.kind(code, p.Sectors)
	if code == "" && len(p.Sectors) == 0 && p.Country != "" && c.cameo.countryByName(name) == p.Country {
		kind = stance.KindState // ICEWS names a country by its name alone
	}
	if len(country) != 3 {
		country = ""
	}
	return stance.Actor{Name: name, Kind: kind, Country: country, Code: code}
}

// displayName turns GDELT's upper-case names ("UNITED NATIONS") into
// "United Nations"; names already in mixed case are kept.
func displayName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s != strings.ToUpper(s) {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// Reasons lists the reasons of s in a stable order, for reports.
func (s Summary) Reasons() []string {
	out := make([]string, 0, len(s.Skipped))
	for r := range s.Skipped {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
