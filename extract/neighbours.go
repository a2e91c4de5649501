package extract

import "github.com/stancegraph/stancegraph/stance"

// A state is often named by its position to another: "urging its northern
// neighbour to ...", "which its far smaller neighbor denies". The owner
// is what "its" means; the neighbour is the state named last that is not
// the owner, in this sentence first.

// neighbourNouns name a state by its position to the owner.
var neighbourNouns = set("neighbor", "neighbour")

// neighbourMods bounds the modifiers between "its" and the noun
// ("far smaller", "northern").
const neighbourMods = 3

// neighbourReach bounds how far back the neighbour is looked for.
const neighbourReach = 30

// neighbourRef resolves "its [modifiers] neighbour" at i into m and
// reports whether the words are such a phrase; m.ent stays -1 when no
// state other than the owner was named.
func (d *doc) neighbourRef(s *sent, i int, m *mention) bool {
	if d.low[i] != "its" && d.low[i] != "their" {
		return false
	}
	j := i + 1
	for j < s.b && j <= i+neighbourMods && !neighbourNouns[d.low[j]] && d.toks[j].word && !d.toks[j].upper {
		j++
	}
	if j >= s.b || !neighbourNouns[d.low[j]] {
		return false
	}
	owner := d.pronoun(s, i, false)
	m.to = j + 1
	m.ent = d.stateOtherThan(s, i, owner)
	return true
}

// stateOtherThan returns the state or government named last before token
// i, in this sentence and then in the text, that is not owner; -1 if
// none.
func (d *doc) stateOtherThan(s *sent, i, owner int) int {
	isState := func(e int) bool {
		if e < 0 || e == owner {
			return false
		}
		k := d.actor(e).Kind
		return k == stance.KindState || k == stance.KindGovernment
	}
	for k := len(s.ms) - 1; k >= 0; k-- {
		if mm := s.ms[k]; mm.from < i && !mm.place && !mm.pron && isState(mm.ent) {
			return mm.ent
		}
	}
	for k := len(d.recent) - 1; k >= 0 && k >= len(d.recent)-neighbourReach; k-- {
		if e := d.recent[k].ent; isState(e) {
			return e
		}
	}
	return -1
}
