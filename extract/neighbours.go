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
	if d.low[i] == "the" {
		return d.neighbouringRef(s, i, m)
	}
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

// neighbouringNouns follow "the neighbouring": "asked the neighbouring
// country to stop".
var neighbouringNouns = set("country", "state", "nation")

// neighbouringRef resolves "the neighbouring country" at i: the first
// state the sentence names after its first actor, whose neighbour it is
// ("India slammed Pakistan and asked the neighbouring country to ..."),
// else no one.
func (d *doc) neighbouringRef(s *sent, i int, m *mention) bool {
	if i+2 >= s.b || d.low[i+1] != "neighbouring" && d.low[i+1] != "neighboring" || !neighbouringNouns[d.low[i+2]] {
		return false
	}
	owner := -1
	if len(s.ms) > 0 && s.ms[0].from < i && !s.ms[0].place {
		owner = s.ms[0].ent
	}
	m.to = i + 3
	// The first other state of this sentence, outside a relative clause:
	// named sentences before, or in passing ("Kenya, which signed a deal
	// with Britain, urged the neighbouring country"), it is too often
	// another.
	relative := false
	for j := s.a; j < i; j++ {
		switch d.low[j] {
		case "which", "who", "whose":
			relative = true
		case ",":
			relative = false
		}
		if mm := s.mentionAt(j); !relative && mm != nil && mm.from == j && !mm.place && !mm.pron && mm.ent >= 0 &&
			mm.ent != owner && d.isStateLike(mm.ent) {
			m.ent = mm.ent
			break
		}
	}
	return true
}

// isStateLike reports a state or government.
func (d *doc) isStateLike(e int) bool {
	k := d.actor(e).Kind
	return k == stance.KindState || k == stance.KindGovernment
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
