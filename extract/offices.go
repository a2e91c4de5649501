package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// "The Foreign Office" is the name of the foreign ministry of more than
// one state: Britain's, but also Pakistan's and Germany's, whose own
// press writes "the Foreign Office (FO)", "the FO spokesperson" and
// "Foreign Office Spokesperson X" without naming the state. The dictionary gives the name to the
// United Kingdom; read so, every statement of Pakistan's ministry in a
// Pakistani paper becomes Britain's. The name therefore belongs to the
// state the text gives it: a state named right before it ("Pakistan's
// Foreign Office", "the German Foreign Office"), else the state an
// earlier mention gave it, else the state of the dateline's city
// ("ISLAMABAD:"), else another state that calls its ministry so when the
// text names it and never names Britain. Only with nothing of that kind
// in the text is it the United Kingdom's.

// sharedOffices are the names several states give an office, as
// lower-case tokens.
var sharedOffices = [][]string{{"foreign", "office"}, {"fo"}}

// officeStates are the country codes of the states other than the
// dictionary's whose foreign ministry is called the Foreign Office.
var officeStates = []string{"PAK", "DEU"}

// ownOffice returns m with its state chosen as above when m names a
// shared office, else m unchanged.
func (d *doc) ownOffice(s *sent, m mention) mention {
	if m.ent < 0 || !d.sharedOfficeAt(m) {
		return m
	}
	if e := d.stateBefore(s, m.from); e >= 0 {
		d.officeOwner = e
	}
	if d.officeOwner < 0 {
		// Chosen once: the dateline and the names do not change.
		d.officeOwner = m.ent
		if e := d.datelineState(); e >= 0 {
			d.officeOwner = e
		} else if e := d.officeStateNamed(m.ent); e >= 0 {
			d.officeOwner = e
		}
	}
	if d.officeOwner != m.ent {
		m.ent, m.code = d.officeOwner, ""
	}
	return m
}

// sharedOfficeAt reports whether m's words are a shared office's name.
func (d *doc) sharedOfficeAt(m mention) bool { return sharedName(d.low[m.from:m.to]) }

// stateBefore returns the state named right before token i, by its
// possessive ("Pakistan's") or its demonym ("the Pakistani"), or -1.
func (d *doc) stateBefore(s *sent, i int) int {
	j := i - 1
	if j > s.a && isPossessive(d.low[j]) {
		j--
	}
	if j < s.a {
		return -1
	}
	if m := s.mentionAt(j); m != nil && m.ent >= 0 && !m.pron && !m.ref && d.isState(m.ent) {
		return m.ent
	}
	for _, p := range d.lx.byFirst[d.low[j]] {
		if p.kind == formDemonym && len(p.toks) == 1 && tokMatch(p.toks[0], d.tok(j), d.toks[j]) && d.isState(p.entries[0]) {
			return d.current(p.entries[0])
		}
	}
	return -1
}

// isPossessive reports the possessive token "'s" in either apostrophe.
func isPossessive(w string) bool { return w == "'s" || w == "\u2019s" }

// possessorAt returns the actor whose possessive opens the phrase at k,
// past "the" ("Sweden's bid", "the EU's package"), and the token after
// its "'s"; -1 where none does.
func (d *doc) possessorAt(s *sent, k int) (int, int) {
	if k < s.b && d.low[k] == "the" {
		k++
	}
	m := s.mentionAt(k)
	if m == nil || m.ent < 0 || m.place || m.pron || m.to+1 >= s.b || !isPossessive(d.low[m.to]) {
		return -1, k
	}
	return m.ent, m.to + 1
}

// datelineWords bounds the words of a dateline's city ("NEW DELHI").
const datelineWords = 3

// datelineState returns the state (or the government a seat names:
// "KABUL:") of the city that opens the text in capitals before a colon,
// comma, bracket or dash ("ISLAMABAD:", "CAIRO (AP) -") or in title case
// before a colon ("New Delhi:"), or -1.
func (d *doc) datelineState() int {
	n, caps := 0, true
	for n < len(d.toks) && n < datelineWords && d.toks[n].word && d.toks[n].upper {
		caps = caps && d.toks[n].caps
		n++
	}
	if n == 0 || n >= len(d.toks) {
		return -1
	}
	switch d.low[n] {
	case ":":
		// "New Delhi:": a city in title case is a dateline before a colon.
	case ",", "(", "-", "--", "\u2014", "\u2013":
		if !caps {
			return -1 // "Kabul, the capital, ...": a sentence
		}
	default:
		return -1
	}
	for _, p := range d.lx.byFirst[d.low[0]] {
		if len(p.toks) != n || !p.heldAt(d.date) || (p.kind != formMetonym && p.kind != formAlias) || !d.isState(p.entries[0]) && d.actor(p.entries[0]).Kind != stance.KindGovernment {
			continue
		}
		same := true
		for k := range n {
			if d.low[k] != strings.ToLower(p.toks[k].s) {
				same = false
				break
			}
		}
		if same {
			return d.current(p.entries[0])
		}
	}
	return -1
}

// officeStateNamed returns the first state of officeStates the text
// names, when it never names dflt (the dictionary's owner), else -1.
func (d *doc) officeStateNamed(dflt int) int {
	alt := map[int]bool{}
	for _, cc := range officeStates {
		if e, ok := d.lx.states[cc]; ok {
			alt[e] = true
		}
	}
	found := -1
	for j := range d.toks {
		if !d.toks[j].word || !d.toks[j].upper {
			continue
		}
		for _, p := range d.lx.byFirst[d.low[j]] {
			if len(p.toks) != 1 || p.kind == formRef || p.kind == formGroup || !tokMatch(p.toks[0], d.tok(j), d.toks[j]) ||
				sharedName(d.low[j:j+1]) {
				continue // "the FO" names the office, not Britain
			}
			switch e := p.entries[0]; {
			case e == dflt:
				return -1
			case alt[e] && found < 0:
				found = e
			}
		}
	}
	return found
}

// isState reports whether entry e is a state.
func (d *doc) isState(e int) bool { return d.actor(e).Kind == stance.KindState }

// sharedName reports whether the lower-case words ws are a shared
// office's name.
func sharedName(ws []string) bool {
	for _, name := range sharedOffices {
		if len(name) != len(ws) {
			continue
		}
		same := true
		for k := range name {
			same = same && name[k] == ws[k]
		}
		if same {
			return true
		}
	}
	return false
}

// holderModifiers may stand before the office of a rival holder: "Libya's
// eastern commander Khalifa Haftar".
var holderModifiers = set("eastern", "western", "northern", "southern", "rival", "self-declared", "self-styled", "de", "facto")

// namedHolder returns the person named after a state's possessive or
// demonym and an office ("Libya's Prime Minister Fayez al-Sarraj",
// "Libya's eastern commander Khalifa Haftar") where the dictionary
// makes the person another actor of the same country (a rival
// government), or nil: the person's actor is the one meant.
func (d *doc) namedHolder(s *sent, m *mention) *mention {
	k := m.to
	if k < s.b && isPossessive(d.low[k]) {
		k++
	} else if m.kind != formDemonym {
		return nil
	}
	from := k
	for ; k < s.b && k < from+5 && (officeNouns[d.low[k]] || officeModifiers[d.low[k]] || titleWords[d.low[k]] || holderModifiers[d.low[k]]); k++ {
	}
	p := s.mentionAt(k)
	if k == from || !officeNouns[d.low[k-1]] && !titleWords[d.low[k-1]] || p == nil || !p.person || p.ent < 0 || p.ent == m.ent || p.ent >= len(d.lx.entries) || m.ent >= len(d.lx.entries) {
		return nil
	}
	if c := d.lx.entries[m.ent].actor.Country; c == "" || d.lx.entries[p.ent].actor.Country != c {
		return nil
	}
	return p
}
