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
// state the sentence names after its subject, whose neighbour it is
// ("India slammed Pakistan and asked the neighbouring country to ..."),
// passing over states named in a relative clause or an aside between
// commas ("Kenya, which signed a deal with Britain, urged ...") unless
// the aside says they border it; else no one. A fronted clause ("After talks with
// France, Algeria ...") names no subject.
func (d *doc) neighbouringRef(s *sent, i int, m *mention) bool {
	if i+2 >= s.b || d.low[i+1] != "neighbouring" && d.low[i+1] != "neighboring" || !neighbouringNouns[d.low[i+2]] {
		return false
	}
	m.to = i + 3
	from := s.a
	if frontedMeetWords[d.low[s.a]] || d.low[s.a] == "during" {
		for from < i && d.low[from] != "," {
			from++
		}
	}
	owner, aside, plain := -1, -1, -1
	inAside, bordering := false, false
	for j := from; j < i && plain < 0; j++ {
		switch d.low[j] {
		case "which", "who", "whose", ",":
			inAside = d.low[j] != "," || owner >= 0 && !inAside && d.wordWithin(s, j+1, i-j-1, ",")
			continue
		case "borders", "bordering", "border", "neighbours", "neighbors", "neighbour", "neighbor":
			bordering = bordering || inAside
		}
		mm := s.mentionAt(j)
		if mm == nil || mm.from != j || mm.place || mm.pron || mm.ent < 0 || !d.isStateLike(mm.ent) {
			continue
		}
		switch {
		case owner < 0:
			owner = mm.ent
		case mm.ent == owner:
		case inAside && aside < 0:
			aside = mm.ent
		case !inAside:
			plain = mm.ent
		}
	}
	m.ent = plain
	if m.ent < 0 && bordering {
		m.ent = aside // "Kenya, which borders Somalia, urged the neighbouring country"
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
	isState := func(e int) bool { return e >= 0 && e != owner && d.isStateLike(e) }
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
