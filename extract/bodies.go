package extract

import "github.com/stancegraph/stancegraph/stance"

// A group's own bodies. A name that opens with a group's name and goes on
// in words of governance only ("the Houthi Supreme Political Council",
// "the Taliban Leadership Council") is the group's body and speaks for
// it, as a state's name before office words is the state's
// (stateOffice); a longer name with another head ("the National
// Resistance Front" past "National Resistance") is still another body.

// governanceWords name a group's organs and their rank.
var governanceWords = set("supreme", "political", "central", "executive", "leadership", "council", "bureau", "office",
	"committee", "shura", "politburo", "general", "high", "higher", "revolutionary", "governing", "ruling")

// ownBody reports whether the words [from, end) after a group's name are
// words of its organs only.
func (d *doc) ownBody(from, end int) bool {
	if from >= end {
		return false
	}
	for j := from; j < end; j++ {
		w := d.low[j]
		if d.toks[j].word && !governanceWords[w] && !officeNouns[w] && !officeModifiers[w] && !orgInner[w] {
			return false
		}
	}
	return true
}

// groupBody makes the mention of a group's body at token i: a name of a
// group that is no state, then words of its organs ("Houthi Supreme
// Political Council"), whether the dictionary matched the group's name
// there (best, of bestLen tokens) or not (a one-word alias it matches
// only in other places).
func (d *doc) groupBody(s *sent, i int, best mention, bestLen int) (mention, bool) {
	// The cheap tests first: this runs at every word.
	if !d.toks[i].upper || i+1 >= s.b || !d.toks[i+1].upper {
		return mention{}, false
	}
	if bestLen > 0 {
		if best.ent < 0 || best.person || d.actor(best.ent).Kind == stance.KindState {
			return mention{}, false
		}
		end, _, ok := d.orgChunk(s, i)
		if !ok || end-i <= bestLen || !d.ownBody(i+bestLen, end) {
			return mention{}, false
		}
		best.to = end
		return best, true
	}
	for _, p := range d.lx.byFirst[d.low[i]] {
		if len(p.toks) != 1 || len(p.entries) != 1 || p.entries[0] < 0 || p.kind != formAlias || !tokMatch(p.toks[0], d.tok(i), d.toks[i]) {
			continue
		}
		if e := p.entries[0]; d.actor(e).Kind != stance.KindState {
			end, _, ok := d.orgChunk(s, i)
			if !ok || !d.ownBody(i+1, end) {
				return mention{}, false
			}
			return mention{from: i, to: end, ent: e, kind: formAlias, code: p.code}, true
		}
	}
	return mention{}, false
}

// definedBody makes the mention of "Sudan's Armed Forces (SAF)" at token
// i, where best, the dictionary's match there, is a state: a possessive,
// capitalised words, and in parentheses an acronym the dictionary gives
// a body of that state's country. The acronym says which body the words
// name; the state alone would be the wrong actor.
func (d *doc) definedBody(s *sent, i int, best mention, bestLen int) (mention, bool) {
	if bestLen == 0 || best.ent < 0 || d.actor(best.ent).Kind != stance.KindState {
		return mention{}, false
	}
	j := i + bestLen
	if j >= s.b || d.low[j] != "'s" && d.low[j] != "\u2019s" {
		return mention{}, false
	}
	k := j + 1
	for k < s.b && k < j+5 && d.toks[k].word && d.toks[k].upper {
		k++
	}
	if k == j+1 || k+2 >= s.b || d.low[k] != "(" || d.low[k+2] != ")" || !d.toks[k+1].caps {
		return mention{}, false
	}
	country := d.actor(best.ent).Country
	for _, p := range d.lx.byFirst[d.low[k+1]] {
		if len(p.toks) != 1 || len(p.entries) != 1 || p.entries[0] < 0 || !tokMatch(p.toks[0], d.tok(k+1), d.toks[k+1]) {
			continue
		}
		if a := d.actor(p.entries[0]); a.Kind != stance.KindState && a.Country == country {
			return mention{from: i, to: k + 3, ent: p.entries[0], kind: formAlias, code: p.code}, true
		}
	}
	return mention{}, false
}
