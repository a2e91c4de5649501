package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/stance"
)

// ploverRoots are the CAMEO root codes of the PLOVER 0.5 event categories
// that the gold-standard records use (PLOVER_GSR_CAMEO, built from the
// CAMEO manual's examples). A category reaches a stance type through the
// vocabulary's CAMEO lists, so a vocabulary with more types scores more
// categories.
var ploverRoots = map[string]string{
	"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
	"CONCEDE": "08", "RETREAT": "08", "INVESTIGATE": "09", "DEMAND": "10", "DISAPPROVE": "11",
	"REJECT": "12", "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16",
	"COERCE": "17", "ASSAULT": "18", "FIGHT": "19",
}

// PloverActor is a source or target of a PLOVER record.
type PloverActor struct {
	Text string // the words of the sentence that name it
	Code string // its CAMEO country or organization code ("USA", "IGO")
}

// PloverCase is one PLOVER gold-standard record: a sentence, its event
// category and the actors it names as source and target. Type is the
// stance type the category maps to, empty for a category of none of the
// vocabulary's types.
type PloverCase struct {
	ID, Event, Type string
	Text            string
	Date            stance.Date
	Sources         []PloverActor
	Targets         []PloverActor
}

// ploverJSON is the part of a record that scoring reads. Source and target
// are arrays, or "" where the record has none.
type ploverJSON struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// LoadPlover reads PLOVER records, one JSON object per line, skipping the
// DOCUMENT header records. Categories map to types of v through the CAMEO
// root of the category (nil v means stance.DefaultVocabulary). A record
// without text or with an unknown category is an error naming its line.
func LoadPlover(r io.Reader, name string, v *stance.Vocabulary) ([]PloverCase, error) {
	if v == nil {
		v = stance.DefaultVocabulary()
	}
	var out []PloverCase
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for line := 1; sc.Scan(); line++ {
		raw := strings.TrimSpace(sc.Text())
		if raw == "" {
			continue
		}
		c, skip, err := parsePlover([]byte(raw), v)
		if err != nil {
			return nil, fmt.Errorf("%w: %s line %d: %v", ErrGold, name, line, err)
		}
		if !skip {
			out = append(out, c)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %s holds no PLOVER event records", ErrGold, name)
	}
	return out, nil
}

func parsePlover(raw []byte, v *stance.Vocabulary) (c PloverCase, skip bool, err error) {
	var p ploverJSON
	if err := json.Unmarshal(raw, &p); err != nil {
		return c, false, err
	}
	if p.Event == "DOCUMENT" {
		return c, true, nil
	}
	root, ok := ploverRoots[p.Event]
	if !ok {
		return c, false, fmt.Errorf("field \"event\": %q is not a PLOVER category", p.Event)
	}
	if strings.TrimSpace(p.Text) == "" {
		return c, false, fmt.Errorf("record %s: field \"text\" is empty", p.ID)
	}
	c = PloverCase{ID: p.ID, Event: p.Event, Text: p.Text}
	c.Type, _ = extract.TypeForCAMEO(v, root)
	if p.Date != "" {
		if c.Date, err = stance.ParseDate(p.Date); err != nil {
			return c, false, fmt.Errorf("record %s: field \"date\": %v", p.ID, err)
		}
	}
	if c.Sources, err = ploverActors(p.Source); err != nil {
		return c, false, fmt.Errorf("record %s: field \"source\": %v", p.ID, err)
	}
	if c.Targets, err = ploverActors(p.Target); err != nil {
		return c, false, fmt.Errorf("record %s: field \"target\": %v", p.ID, err)
	}
	return c, false, nil
}

// ploverActors reads an array of {actorText, code}. A string stands where a
// record has no actor ("" mostly; one record of the CAMEO set holds the
// word "diplomatic" there), so it names none.
func ploverActors(raw json.RawMessage) ([]PloverActor, error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" || strings.HasPrefix(s, `"`) {
		return nil, nil
	}
	var as []struct {
		ActorText string `json:"actorText"`
		Code      string `json:"code"`
	}
	if err := json.Unmarshal(raw, &as); err != nil {
		return nil, err
	}
	out := make([]PloverActor, len(as))
	for i, a := range as {
		out[i] = PloverActor{Text: a.ActorText, Code: a.Code}
	}
	return out, nil
}

// PloverTypeScore counts, for one stance type, the records of that type,
// those with a stance of the type, and those with it between the right
// actors.
type PloverTypeScore struct {
	Records, TypeHits, ActorHits int
}

// The two halves of the PLOVER records. Rules are tuned on the misses of
// HalfTune only; HalfHeld is scored and never looked at, so its figures
// measure how far the rules generalize.
const (
	HalfTune = "tune"
	HalfHeld = "held"
)

// PloverHalf returns the half of the record with this ID: HalfTune when the
// 32-bit FNV-1a hash of the ID is even, else HalfHeld. It depends on the ID
// alone, so a record keeps its half whatever the file's order, size or the
// extractor's version.
func PloverHalf(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	if h.Sum32()%2 == 0 {
		return HalfTune
	}
	return HalfHeld
}

// PloverHalfScore is the score of one half of the records.
type PloverHalfScore struct {
	Mapped         PloverTypeScore // records of one of our types
	Other, OtherFP int             // records of other categories, and those with a stance
}

// PloverReport is the result of RunPlover.
type PloverReport struct {
	Types   map[string]PloverTypeScore
	Halves  map[string]PloverHalfScore // by PloverHalf of the record's ID
	Mapped  PloverTypeScore            // every record of one of our types
	Other   int                        // records of other categories
	OtherFP int                        // of those, records with any stance
	OtherN  int                        // stances produced on them
	Misses  []PloverMiss               // mapped records without a stance of their type between the right actors
	Wrong   []PloverMiss               // other records with a stance
	Bytes   int64
	Elapsed time.Duration
}

// PloverMiss is a record scored as a miss or a false positive, with what
// the extractor produced on it.
type PloverMiss struct {
	Case PloverCase
	Got  []extract.Candidate
}

// TypeRecall is the share of mapped records with a stance of their type.
func (r PloverReport) TypeRecall() float64 { return share(r.Mapped.TypeHits, r.Mapped.Records) }

// ActorRecall is the share of mapped records with a stance of their type
// between the right actors.
func (r PloverReport) ActorRecall() float64 { return share(r.Mapped.ActorHits, r.Mapped.Records) }

// OtherShare is the share of other-category records that produced a stance.
func (r PloverReport) OtherShare() float64 { return share(r.OtherFP, r.Other) }

func share(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// RunPlover extracts every record's sentence, dated with the record's
// date, and scores it (see ActorMatches for the actor test), then times
// extraction on one core as Run does.
func RunPlover(ctx context.Context, ex *extract.Extractor, cases []PloverCase, opt Options) (PloverReport, error) {
	r := PloverReport{Types: map[string]PloverTypeScore{}, Halves: map[string]PloverHalfScore{}}
	for _, c := range cases {
		got, err := ex.Extract(ctx, c.Text, c.Date)
		if err != nil {
			return PloverReport{}, fmt.Errorf("eval: %s: %w", c.ID, err)
		}
		r.score(ex, c, got)
	}
	texts := make([]Case, len(cases))
	for i, c := range cases {
		texts[i] = Case{Name: c.ID, Text: c.Text, Date: c.Date}
	}
	var err error
	r.Bytes, r.Elapsed, err = timeExtraction(ctx, ex, texts, opt)
	return r, err
}

func (r *PloverReport) score(ex *extract.Extractor, c PloverCase, got []extract.Candidate) {
	half := r.Halves[PloverHalf(c.ID)]
	defer func() { r.Halves[PloverHalf(c.ID)] = half }()
	if c.Type == "" {
		r.Other++
		half.Other++
		if len(got) > 0 {
			r.OtherFP++
			half.OtherFP++
			r.OtherN += len(got)
			r.Wrong = append(r.Wrong, PloverMiss{Case: c, Got: got})
		}
		return
	}
	ts := r.Types[c.Type]
	ts.Records++
	typeHit, actorHit := false, false
	for _, cd := range got {
		if cd.Type != c.Type {
			continue
		}
		typeHit = true
		actorHit = actorHit || ActorMatches(ex, c, cd)
	}
	if typeHit {
		ts.TypeHits++
	}
	if actorHit {
		ts.ActorHits++
	} else {
		r.Misses = append(r.Misses, PloverMiss{Case: c, Got: got})
	}
	r.Types[c.Type] = ts
	r.Mapped.add(typeHit, actorHit)
	half.Mapped.add(typeHit, actorHit)
}

func (s *PloverTypeScore) add(typeHit, actorHit bool) {
	s.Records++
	if typeHit {
		s.TypeHits++
	}
	if actorHit {
		s.ActorHits++
	}
}

// ActorMatches reports whether cd links the record's actors: its subject
// is one of the sources and its object one of the targets; where the
// record has no target (a compound actor coded source and target, "X and Y
// agreed"), its object is a second source; where it has a single source
// and no target, the subject alone is checked. ENGAGES, a symmetric type,
// also matches reversed.
func ActorMatches(ex *extract.Extractor, c PloverCase, cd extract.Candidate) bool {
	if linked(ex, c, cd.Subject, cd.SubjectCode, cd.Object, cd.ObjectCode) {
		return true
	}
	return cd.Type == extract.Engages && linked(ex, c, cd.Object, cd.ObjectCode, cd.Subject, cd.SubjectCode)
}

func linked(ex *extract.Extractor, c PloverCase, s stance.Actor, sc string, o stance.Actor, oc string) bool {
	for i, src := range c.Sources {
		if !actorIs(ex, src, s, sc) {
			continue
		}
		if len(c.Targets) == 0 && len(c.Sources) == 1 {
			return true
		}
		objs := c.Targets
		if len(objs) == 0 {
			objs = append(append([]PloverActor{}, c.Sources[:i]...), c.Sources[i+1:]...)
		}
		for _, t := range objs {
			if actorIs(ex, t, o, oc) {
				return true
			}
		}
	}
	return false
}

// actorIs matches a gold actor to an extracted one by CAMEO code (the
// country part of the extracted code, or any organization for "IGO" and
// "NGO") or by name (the gold words denote the actor in the dictionary, or
// hold its name).
func actorIs(ex *extract.Extractor, g PloverActor, a stance.Actor, code string) bool {
	gc := strings.ToUpper(strings.TrimSpace(g.Code))
	if code == "" {
		code = a.Code
	}
	if code == "" {
		code = a.Country
	}
	switch {
	case gc == "":
	case len(code) >= 3 && code[:3] == gc:
		return true
	case (gc == "IGO" || gc == "NGO") && a.Kind == stance.KindOrganization:
		return true
	}
	if denotes(ex, g.Text, a.Name) {
		return true
	}
	name := stance.NormalizeName(a.Name)
	return name != "" && strings.Contains(" "+stance.NormalizeName(g.Text)+" ", " "+name+" ")
}

// denotes reports whether the gold words, or a run of them, denote the
// actor named name in the dictionary: "UNITA militarist wing" holds
// "UNITA", an acronym of the actor the dictionary names in full.
func denotes(ex *extract.Extractor, text, name string) bool {
	ws := strings.Fields(text)
	for i := range ws {
		for j := len(ws); j > i; j-- {
			if n, ok := ex.Canonical(strings.Join(ws[i:j], " ")); ok && n == name {
				return true
			}
		}
	}
	return false
}

// Print writes the PLOVER scores, per type, overall and per half, the
// speed, then every miss and every other-category record that produced a
// stance.
func (r PloverReport) Print(w io.Writer) { r.PrintHalf(w, "") }

// PrintHalf is Print listing only the misses and false positives of one
// half (HalfTune or HalfHeld; "" lists all), so that rules are written
// from the misses of the tune half without reading the held-out ones.
func (r PloverReport) PrintHalf(w io.Writer, half string) {
	m := r.Mapped
	fmt.Fprintf(w, "PLOVER records: %d of our types, %d of other categories\n", m.Records, r.Other)
	fmt.Fprintf(w, "type recall:        %.3f  (%d/%d)\n", r.TypeRecall(), m.TypeHits, m.Records)
	fmt.Fprintf(w, "actor-level recall: %.3f  (%d/%d)\n", r.ActorRecall(), m.ActorHits, m.Records)
	fmt.Fprintf(w, "other categories with a stance: %.3f  (%d/%d records, %d stances)\n", r.OtherShare(), r.OtherFP, r.Other, r.OtherN)
	fmt.Fprintln(w, "\nper type:")
	for _, t := range types {
		s, ok := r.Types[t]
		if !ok {
			continue
		}
		fmt.Fprintf(w, "  %-9s type %3d/%-3d  actors %3d/%-3d\n", t, s.TypeHits, s.Records, s.ActorHits, s.Records)
	}
	r.printHalves(w)
	if r.Elapsed > 0 {
		fmt.Fprintf(w, "\nspeed: %.2f MB/s on one core (%d bytes in %s)\n", float64(r.Bytes)/1e6/r.Elapsed.Seconds(), r.Bytes, r.Elapsed.Round(time.Millisecond))
	}
	printPloverMisses(w, "misses", r.Misses, half)
	printPloverMisses(w, "other categories with a stance", r.Wrong, half)
}

// printHalves writes the scores of each half: the held-out one is the
// honest measure of rules tuned on the other.
func (r PloverReport) printHalves(w io.Writer) {
	fmt.Fprintln(w, "\nper half (FNV-1a of the record ID: even tune, odd held out):")
	for _, h := range []string{HalfTune, HalfHeld} {
		s := r.Halves[h]
		m := s.Mapped
		fmt.Fprintf(w, "  %-5s type recall %.3f (%d/%d)  actor-level recall %.3f (%d/%d)  other with a stance %.3f (%d/%d)\n",
			h, share(m.TypeHits, m.Records), m.TypeHits, m.Records, share(m.ActorHits, m.Records), m.ActorHits, m.Records,
			share(s.OtherFP, s.Other), s.OtherFP, s.Other)
	}
}

// printPloverMisses lists the records of xs in half ("" for all).
func printPloverMisses(w io.Writer, title string, xs []PloverMiss, half string) {
	var shown []PloverMiss
	for _, x := range xs {
		if half == "" || PloverHalf(x.Case.ID) == half {
			shown = append(shown, x)
		}
	}
	if half != "" {
		title += ", " + half + " half"
	}
	fmt.Fprintf(w, "\n%s (%d):\n", title, len(shown))
	for _, x := range shown {
		printPloverMiss(w, x)
	}
}

func printPloverMiss(w io.Writer, x PloverMiss) {
	c := x.Case
	fmt.Fprintf(w, "  [%s] %s %s -> %s\n      %s\n", c.ID, c.Type, actorList(c.Sources), actorList(c.Targets), c.Text)
	for _, g := range x.Got {
		fmt.Fprintf(w, "      got: %s %s %s\n", g.Subject.Name, g.Type, g.Object.Name)
	}
}

func actorList(as []PloverActor) string {
	if len(as) == 0 {
		return "-"
	}
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.Text + " (" + a.Code + ")"
	}
	return strings.Join(parts, ", ")
}
