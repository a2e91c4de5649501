package extract

import "github.com/stancegraph/stancegraph/stance"

// A state's office named without its state ("the Foreign Ministry", "the
// Treasury Department", "a defense ministry spokesperson", "the Ministry
// of National Defense") is the office of the state the text is about: the
// state last the subject of a sentence. An office with its state named
// ("Iran's foreign ministry", "the Ministry of Defence of Peru") is read
// as before.

// ministryNouns head the name of a state's office.
var ministryNouns = set("ministry", "department")

// ministryMax bounds the modifiers before the noun.
const ministryMax = 3

// ministryRef matches an unqualified state office at determiner i.
func (d *doc) ministryRef(s *sent, i int) (mention, bool) {
	none := mention{ent: -1}
	if w := d.low[i]; w != "the" && w != "a" && w != "an" {
		return none, false
	}
	j := i + 1
	for j < s.b && j <= i+ministryMax && !ministryNouns[d.low[j]] && d.ministryModifier(s, j) {
		j++
	}
	if j >= s.b || !ministryNouns[d.low[j]] {
		return none, false
	}
	end, ok := d.ministryEnd(s, j+1)
	if !ok {
		return none, false
	}
	e := d.homeState()
	if e < 0 {
		e = d.datelineState() // "ISLAMABAD: The foreign ministry": nothing else yet
	}
	if e < 0 {
		return none, false
	}
	return mention{from: i, to: end, ent: e, kind: formRef, ref: true, gov: true}, true
}

// ministryModifier reports a word that may stand before the office noun:
// an office modifier or a capitalised word ("Treasury", "Foreign") that
// starts no actor's name here, never a demonym ("the Iranian ministry").
func (d *doc) ministryModifier(s *sent, j int) bool {
	w := d.low[j]
	if _, n := d.longestMatch(s, j, d.lx.byFirst[w], mention{ent: -1}, 0); n > 0 || d.isDemonym(s, j) {
		return false // "a State Department spokesperson": a name of its own
	}
	return officeModifiers[w] || d.toks[j].word && d.toks[j].upper
}

// ministryEnd reads the rest of the office's name from j: "of Foreign
// Affairs", an office noun ("spokesperson"), and reports false when an
// actor names the state after all ("of Peru", "of Foreign Affairs of
// Peru").
func (d *doc) ministryEnd(s *sent, j int) (int, bool) {
	if j+1 < s.b && d.low[j] == "of" {
		k := j + 1
		for k < s.b && (d.toks[k].word && d.toks[k].upper || d.low[k] == "and") && s.mentionAt(k) == nil {
			if _, n := d.longestMatch(s, k, d.lx.byFirst[d.low[k]], mention{ent: -1}, 0); n > 0 {
				return 0, false
			}
			k++
		}
		if k == j+1 || k < s.b && d.low[k] == "of" {
			return 0, false
		}
		j = k
	}
	if j < s.b && officeNouns[d.low[j]] && titleWords[d.low[j]] {
		j++
	}
	return j, true
}

// homeState returns the state last the subject of a sentence, or -1.
func (d *doc) homeState() int {
	for k := len(d.subjHist) - 1; k >= 0; k-- {
		if e := d.subjHist[k]; d.actor(e).Kind == stance.KindState {
			return e
		}
	}
	return -1
}

// datelineMax bounds the tokens of a dateline ("NAIROBI, Kenya —").
const datelineMax = 8

// inDateline reports a mention in the dateline that opens a sentence: a
// place of filing before a dash, not the sentence's subject.
func (d *doc) inDateline(s *sent, m mention) bool {
	if m.from > s.a+datelineMax {
		return false
	}
	for k := m.to; k < s.b && k <= s.a+datelineMax; k++ {
		switch d.low[k] {
		case "\u2014", "--", "\u2013":
			return true
		}
		if d.toks[k].word && !d.toks[k].upper {
			return false
		}
	}
	return false
}
