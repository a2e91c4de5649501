package extract

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/stancegraph/stancegraph/stance"
)

//go:embed actors.jsonl
var defaultActors []byte

// Dictionary is an actor dictionary: for each actor its canonical name,
// kind, ISO 3166-1 alpha-3 country and the surface forms that name it in
// text. A Dictionary is not safe for concurrent modification; an Extractor
// takes a snapshot of it in New.
//
// The JSON Lines format, one actor per line, is
//
//	{"name": "Pakistan", "kind": "STATE", "country": "PAK",
//	 "aliases": ["Islamic Republic of Pakistan"], "metonyms": ["Islamabad"],
//	 "demonyms": ["Pakistani"], "refs": [],
//	 "members": [{"name": "Imran Khan", "aliases": [], "from": "2018-08-18", "to": "2022-04-10"}]}
//
// Aliases name the actor anywhere. Metonyms (capitals, seats of power) name
// it except where a locative preposition makes them a place ("in
// Islamabad"). Demonyms name it only in front of an office or force noun
// ("Pakistani officials", "Pakistani troops"). Refs are descriptions
// ("the alliance") that refer back to the actor once it has been named in
// the document. Members are people who speak for the actor between From and
// To (either may be empty for an open range). An actor that ceased to exist
// may give "until" (a date) and "successor" (a canonical name): in a text
// dated after until, its aliases, metonyms and demonyms name the successor
// ("Kabul" after the Taliban took power). Seats are metonyms that name
// the actor only between their dates, for a city whose holder changed
// while both actors went on: {"seats": [{"name": "Sanaa", "to":
// "2014-09-21"}]} on Yemen and the same "from" that date on the Houthis,
// who took the city and its ministries then.
//
// A line with a "group" field names a fixed group of actors rather than an
// actor: {"name": "E3", "aliases": ["three European powers"], "group":
// ["France", "Germany", "United Kingdom"]}. Its name and aliases stand for
// every actor of the group in text ("the E3 urged ..." is one stance per
// member); the group is not an actor itself and Actors does not list it.
// Group members are canonical names; a member the dictionary does not hold
// when an Extractor is built is left out.
type Dictionary struct {
	entries []*entry
	index   map[string]int // normalized canonical name -> entries index
	groups  []group
}

// group is a name standing for several actors.
type group struct {
	name    string
	aliases []string
	members []string
}

type entry struct {
	actor    stance.Actor
	until    stance.Date // after it, the forms name successor instead
	next     string
	metonyms []string
	demonyms []string
	refs     []string
	members  []member
	seats    []member // dated metonyms; a seat has no aliases
}

type member struct {
	name     string
	aliases  []string
	from, to stance.Date
}

// entryJSON is one line of the dictionary format.
type entryJSON struct {
	Name     string       `json:"name"`
	Kind     string       `json:"kind,omitempty"`
	Country  string       `json:"country,omitempty"`
	Code     string       `json:"code,omitempty"`
	Wikidata string       `json:"wikidata,omitempty"`
	Aliases  []string     `json:"aliases,omitempty"`
	Metonyms []string     `json:"metonyms,omitempty"`
	Demonyms []string     `json:"demonyms,omitempty"`
	Refs     []string     `json:"refs,omitempty"`
	Members  []memberJSON `json:"members,omitempty"`
	Seats    []memberJSON `json:"seats,omitempty"`
	Group    []string     `json:"group,omitempty"`
	Until    string       `json:"until,omitempty"`
	Next     string       `json:"successor,omitempty"`
}

type memberJSON struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	From    string   `json:"from,omitempty"`
	To      string   `json:"to,omitempty"`
}

var (
	defaultOnce sync.Once
	defaultDict *Dictionary
)

// DefaultDictionary returns a fresh copy of the shipped dictionary: every
// UN member state, major international organizations and armed groups, the
// governments and parties the evaluation data keeps apart from their state
// (Kabul government, Venezuelan opposition, Sudanese Armed Forces, ...) and
// well-known office holders with the dates they held office. The copy may
// be extended freely.
func DefaultDictionary() *Dictionary {
	defaultOnce.Do(func() {
		d, err := ReadDictionary(strings.NewReader(string(defaultActors)))
		if err != nil {
			// The shipped file is covered by tests; a failure here is a build defect.
			panic("extract: shipped actors.jsonl: " + err.Error())
		}
		defaultDict = d
	})
	return defaultDict.clone()
}

// NewDictionary returns an empty dictionary.
func NewDictionary() *Dictionary {
	return &Dictionary{index: map[string]int{}}
}

// ErrDictionary is wrapped by every error ReadDictionary returns.
var ErrDictionary = errors.New("extract: invalid dictionary")

// ReadDictionary reads a dictionary in the JSON Lines format described at
// Dictionary. Blank lines and lines starting with # are skipped. Errors name
// the line and the field at fault. Two lines with the same canonical name
// merge.
func ReadDictionary(r io.Reader) (*Dictionary, error) {
	d := NewDictionary()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimSpace(sc.Text())
		if raw == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		var ej entryJSON
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&ej); err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrDictionary, line, err)
		}
		if len(ej.Group) > 0 {
			g, err := ej.group()
			if err != nil {
				return nil, fmt.Errorf("%w: line %d: %v", ErrDictionary, line, err)
			}
			d.groups = append(d.groups, g)
			continue
		}
		e, err := ej.entry()
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrDictionary, line, err)
		}
		d.add(e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %v", ErrDictionary, line+1, err)
	}
	return d, nil
}

func (ej entryJSON) entry() (*entry, error) {
	name := strings.TrimSpace(ej.Name)
	if stance.NormalizeName(name) == "" {
		return nil, errors.New(`field "name" is empty`)
	}
	kind := stance.ActorKind(ej.Kind)
	if kind == "" {
		kind = stance.KindOther
	}
	if !kind.Valid() {
		return nil, fmt.Errorf("field \"kind\": %q is not one of %v", ej.Kind, stance.ActorKinds())
	}
	if ej.Country != "" && !isAlpha3(ej.Country) {
		return nil, fmt.Errorf("field \"country\": %q is not an ISO 3166-1 alpha-3 code", ej.Country)
	}
	lists := []struct {
		field string
		vals  []string
	}{{"aliases", ej.Aliases}, {"metonyms", ej.Metonyms}, {"demonyms", ej.Demonyms}, {"refs", ej.Refs}}
	for _, l := range lists {
		for i, v := range l.vals {
			if len(tokenize(v)) == 0 {
				return nil, fmt.Errorf("field %q: entry %d is empty", l.field, i+1)
			}
		}
	}
	until, err := stance.ParseDate(ej.Until)
	if err != nil {
		return nil, fmt.Errorf("field \"until\": %v", err)
	}
	if (ej.Until == "") != (strings.TrimSpace(ej.Next) == "") {
		return nil, errors.New(`fields "until" and "successor" go together`)
	}
	e := &entry{
		until: until,
		next:  strings.TrimSpace(ej.Next),
		actor: stance.Actor{
			ID: stance.ActorID(name), Name: name, Kind: kind,
			Aliases: dedupe(ej.Aliases), Country: ej.Country, Code: ej.Code, Wikidata: ej.Wikidata,
		},
		metonyms: dedupe(ej.Metonyms),
		demonyms: dedupe(ej.Demonyms),
		refs:     dedupe(ej.Refs),
	}
	for i, mj := range ej.Members {
		m, err := mj.member("members", i)
		if err != nil {
			return nil, err
		}
		e.members = append(e.members, m)
	}
	for i, sj := range ej.Seats {
		m, err := sj.member("seats", i)
		if err != nil {
			return nil, err
		}
		if len(m.aliases) > 0 {
			return nil, fmt.Errorf("field \"seats\": entry %d (%s): a seat has no aliases", i+1, m.name)
		}
		e.seats = append(e.seats, m)
	}
	return e, nil
}

// member checks the i-th entry of a list of dated names (field names
// the list in errors): a name, valid dates in order, no empty alias.
func (mj memberJSON) member(field string, i int) (member, error) {
	if len(tokenize(mj.Name)) == 0 {
		return member{}, fmt.Errorf("field %q: entry %d: field \"name\" is empty", field, i+1)
	}
	from, err := stance.ParseDate(mj.From)
	if err != nil {
		return member{}, fmt.Errorf("field %q: entry %d (%s): field \"from\": %v", field, i+1, mj.Name, err)
	}
	to, err := stance.ParseDate(mj.To)
	if err != nil {
		return member{}, fmt.Errorf("field %q: entry %d (%s): field \"to\": %v", field, i+1, mj.Name, err)
	}
	if !from.IsZero() && !to.IsZero() && to < from {
		return member{}, fmt.Errorf("field %q: entry %d (%s): \"to\" %s is before \"from\" %s", field, i+1, mj.Name, to, from)
	}
	for j, a := range mj.Aliases {
		if len(tokenize(a)) == 0 {
			return member{}, fmt.Errorf("field %q: entry %d (%s): alias %d is empty", field, i+1, mj.Name, j+1)
		}
	}
	return member{name: strings.TrimSpace(mj.Name), aliases: dedupe(mj.Aliases), from: from, to: to}, nil
}

// group checks a group line: a name, aliases and two or more members, and
// none of the fields only actors have.
func (ej entryJSON) group() (group, error) {
	name := strings.TrimSpace(ej.Name)
	if len(tokenize(name)) == 0 {
		return group{}, errors.New(`field "name" is empty`)
	}
	if ej.Kind != "" || ej.Country != "" || ej.Code != "" || len(ej.Metonyms)+len(ej.Demonyms)+len(ej.Refs)+len(ej.Members) > 0 {
		return group{}, fmt.Errorf("group %q: only \"name\", \"aliases\" and \"group\" may be given", name)
	}
	members := dedupe(ej.Group)
	if len(members) < 2 {
		return group{}, fmt.Errorf("group %q: field \"group\" needs two or more members", name)
	}
	for i, a := range ej.Aliases {
		if len(tokenize(a)) == 0 {
			return group{}, fmt.Errorf("group %q: field \"aliases\": entry %d is empty", name, i+1)
		}
	}
	return group{name: name, aliases: dedupe(ej.Aliases), members: members}, nil
}

func isAlpha3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func dedupe(in []string) []string {
	if len(in) == 0 {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

func (d *Dictionary) add(e *entry) {
	key := stance.NormalizeName(e.actor.Name)
	if i, ok := d.index[key]; ok {
		old := d.entries[i]
		old.actor.Aliases = dedupe(append(old.actor.Aliases, e.actor.Aliases...))
		old.metonyms = dedupe(append(old.metonyms, e.metonyms...))
		old.demonyms = dedupe(append(old.demonyms, e.demonyms...))
		old.refs = dedupe(append(old.refs, e.refs...))
		old.members = append(old.members, e.members...)
		old.seats = append(old.seats, e.seats...)
		if e.actor.Kind != stance.KindOther {
			old.actor.Kind = e.actor.Kind
		}
		if e.actor.Country != "" {
			old.actor.Country = e.actor.Country
		}
		if e.actor.Code != "" {
			old.actor.Code = e.actor.Code
		}
		if e.actor.Wikidata != "" {
			old.actor.Wikidata = e.actor.Wikidata
		}
		if e.next != "" {
			old.until, old.next = e.until, e.next
		}
		return
	}
	d.index[key] = len(d.entries)
	d.entries = append(d.entries, e)
}

func (e *entry) clone() *entry {
	c := *e
	c.actor.Aliases = append([]string(nil), e.actor.Aliases...)
	c.metonyms = append([]string(nil), e.metonyms...)
	c.demonyms = append([]string(nil), e.demonyms...)
	c.refs = append([]string(nil), e.refs...)
	c.seats = append([]member(nil), e.seats...)
	c.members = make([]member, len(e.members))
	for i, m := range e.members {
		m.aliases = append([]string(nil), m.aliases...)
		c.members[i] = m
	}
	return &c
}

func (d *Dictionary) clone() *Dictionary {
	c := NewDictionary()
	for _, e := range d.entries {
		c.add(e.clone())
	}
	c.groups = cloneGroups(d.groups)
	return c
}

// Extend adds every actor of other to d. An actor whose canonical name d
// already holds gains other's surface forms and members; a kind, country or
// code given by other replaces d's.
func (d *Dictionary) Extend(other *Dictionary) {
	if other == nil {
		return
	}
	for _, e := range other.entries {
		d.add(e.clone())
	}
	d.groups = append(d.groups, cloneGroups(other.groups)...)
}

func cloneGroups(gs []group) []group {
	out := make([]group, len(gs))
	for i, g := range gs {
		out[i] = group{name: g.name, aliases: append([]string(nil), g.aliases...), members: append([]string(nil), g.members...)}
	}
	return out
}

// Len returns the number of actors in d.
func (d *Dictionary) Len() int { return len(d.entries) }

// Actors returns the actors of d in dictionary order.
func (d *Dictionary) Actors() []stance.Actor {
	out := make([]stance.Actor, len(d.entries))
	for i, e := range d.entries {
		out[i] = e.actor
		out[i].Aliases = append([]string(nil), e.actor.Aliases...)
	}
	return out
}

// Lookup returns the actor whose canonical name normalizes like name.
func (d *Dictionary) Lookup(name string) (stance.Actor, bool) {
	i, ok := d.index[stance.NormalizeName(name)]
	if !ok {
		return stance.Actor{}, false
	}
	a := d.entries[i].actor
	a.Aliases = append([]string(nil), a.Aliases...)
	return a, true
}
