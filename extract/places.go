package extract

// A place is no actor ("talks in Doha"), but CAMEO codes the country of a
// place as the target of acts done there or sent there: a visit engages
// its host ("arrived in Amman"), troops or aid sent to a country are
// offered to it ("troops to a force in Liberia"), an embassy opened in a
// capital supports its state, and a refused deployment rejects it. The
// place counts only where the act's rule found no actor, right after the
// verb or after a noun of what is sent or set up there.

// placeTypes are the stances whose act can be done toward a place.
var placeTypes = set(Offers, Supports, Engages, Rejects, Demands, Accuses)

// stateActNouns are acts only a state's rulers do where they rule: "the
// crackdown in Nicaragua" is Nicaragua's.
var stateActNouns = set("crackdown", "crackdowns", "clampdown", "repression", "purge", "purges")

// asylumNouns are what one asks of the country of a place: "sought
// asylum in X", "asked for refuge in X".
var asylumNouns = set("asylum", "refuge", "sanctuary", "shelter", "residence", "citizenship")

// placePreps put a place after the act: "in Iraq", "to Liberia". Not
// "from": troops withdrawn from a country are offered to no one.
var placePreps = set("in", "to", "into")

// sentNouns are what is sent to or set up in a country for it: "troops
// in Liberia", "aid to Chad", "an embassy in Hanoi".
var sentNouns = set("troops", "soldiers", "forces", "force", "peacekeepers", "peacekeeping", "personnel", "observers", "monitors",
	"aid", "assistance", "relief", "supplies", "funds", "loans", "embassy", "consulate", "mission", "contingent", "battalion")

// arrivalVerbs bring a visitor to a place: "arrived in Amman".
var arrivalVerbs = set("arrive", "arrives", "arrived", "arriving", "travelled", "traveled", "flew", "came", "comes")

// visitNounsAfter make an arrival a visit to the host ("arrived in Amman
// on a two-day visit", "for talks"); an arrival alone engages no one.
var visitNounsAfter = set("visit", "talks", "meeting", "meetings", "summit", "consultations", "tour")

// visitAfter reports a visit noun in the clause from token j.
func (d *doc) visitAfter(s *sent, j int) bool {
	for k := j; k < s.b && k < j+8; k++ {
		if visitNounsAfter[d.low[k]] {
			return true
		}
		if placeStops[d.low[k]] || d.low[k] == "and" {
			return false
		}
	}
	return false
}

// placeStops end the search for a place: a new clause, or an actor that
// the act's rule did not take as its object.
var placeStops = set(",", ";", ":", "--", "\u2014", "but", "while", "if", "unless", "after", "before", "because", "until",
	"which", "who", "where", "when", "against", "from", "despite")

// placeReach bounds the tokens from the act to its place: "up to 4,000
// troops to an international peace-keeping force in Liberia" spans 13.
const placeReach = 16

// placeTarget makes the country of a place the object of a cue without
// one, where the place follows the verb or a sent noun.
func (d *doc) placeTarget(s *sent, c *cueCall) {
	if len(c.objs) > 0 || !placeTypes[c.typ] {
		return
	}
	for q := c.after; q < s.b && q < c.after+placeReach; q++ {
		if placeStops[d.low[q]] {
			return
		}
		m := s.mentionAt(q)
		if m == nil || m.pron && isPossPron(d.low[m.from]) {
			continue // "withdraw its troops from Mali"
		}
		if !m.place || m.ent < 0 || contains(c.sub.ents, m.ent) {
			return
		}
		if d.placeOfAct(s, c, m) {
			c.objs = []int{m.ent}
			c.conf -= 0.1
		}
		return
	}
}

// placeOfAct reports whether place m is where the act of c goes: right
// after an arrival verb and a preposition for a visit ("arrived in Amman
// on a visit"; "met in Cairo" names a venue, not a host), or
// after a sent noun and a preposition within three words ("troops to a
// peacekeeping force in Liberia").
func (d *doc) placeOfAct(s *sent, c *cueCall, m *mention) bool {
	p := m.from - 1
	for p >= s.a && p > m.from-3 && placeModifier(d, p) {
		p-- // "aid to war-torn Chad"
	}
	if p < s.a || !placePreps[d.low[p]] {
		return false
	}
	if c.typ == Engages && d.envoySent(c.i, p) {
		return true
	}
	if p == c.after && c.typ == Engages {
		return arrivalVerbs[d.low[c.i]] && d.visitAfter(s, m.to)
	}
	if c.typ == Demands {
		return p > s.a && asylumNouns[d.low[p-1]]
	}
	if c.typ == Accuses {
		// "the crackdown in X", "the repression of protesters in X"
		return d.low[p] == "in" && d.wordWithinBack(s, p-1, c.after, 5, stateActNouns)
	}
	return d.wordWithinBack(s, p-1, c.after, 4, sentNouns)
}

// placeModifier reports a word that may stand between a preposition and
// its place: a lower-case word of no other use or a hyphen ("war-torn",
// "neighbouring").
func placeModifier(d *doc, k int) bool {
	w := d.low[k]
	return w == "-" || d.toks[k].word && !d.toks[k].upper && !placePreps[w] && !placeStops[w] && !sentNouns[w] && !determiners[w]
}

// mediationHeads follow "mediation" in "a mediation effort between".
var mediationHeads = set("effort", "efforts", "mission", "bid", "initiative", "attempt")

// mediationBefore reports a mediation noun before "between" at i, past a
// time: "mediation between", "a mediation mission between", "a mediation
// effort on Saturday between".
func (d *doc) mediationBefore(s *sent, i int) bool {
	k := d.pastTime(s, i)
	if d.low[k] == "mediation" {
		return true
	}
	return k-1 >= s.a && d.low[k-1] == "mediation" && mediationHeads[d.low[k]]
}

// pastTime returns the token before i and before any time phrase that
// ends there: the noun of "talks on Monday between".
func (d *doc) pastTime(s *sent, i int) int {
	k := i - 1
	for k > s.a && (isWeekday(d.low[k]) || timeNouns[d.low[k]] || timeWords[d.low[k]]) {
		k--
	}
	return k
}

// timeWords, with weekdays and time nouns, make a time phrase: "on
// Saturday", "last week", "today".
var timeWords = set("on", "last", "next", "this", "today", "yesterday", "tomorrow", "earlier", "later")

// mediator handles "X launched a mediation effort between A and B": the
// mediator engages each party, as a host of their talks does. The
// mediator is the nearest actor before the noun in its clause, with no
// negation or modal between.
func (d *doc) mediator(s *sent, i int) {
	if s.isContent(i) {
		return
	}
	parties, end, _, _ := d.objectNP(s, i+1, 3)
	if len(parties) < 2 {
		return
	}
	for k := i - 2; k >= s.a && k > i-10; k-- {
		w := d.low[k]
		if negWords[w] || modalWords[w] || placeStops[w] || boundaryWords[w] {
			return
		}
		m := s.mentionAt(k)
		if m == nil || m.pron && isPossPron(d.low[m.from]) {
			continue
		}
		if m.ent < 0 || m.place || contains(parties, m.ent) {
			return
		}
		d.emit(s, Engages, []int{m.ent}, parties, 0.7, end)
		return
	}
}

// envoyNouns are people sent to an actor to speak with it: a delegation
// or an envoy sent to a country engages it.
var envoyNouns = set("delegation", "delegations", "envoy", "envoys", "emissary", "emissaries", "negotiator", "negotiators")

// envoyReach bounds the words from the verb to the preposition of the
// place: "sent a high-level delegation of diplomats to Rabat" spans 8.
const envoyReach = 9

// envoySent reports an envoy noun between the verb at i and the
// preposition at p: "dispatched an envoy to Rabat".
func (d *doc) envoySent(i, p int) bool {
	if p-i > envoyReach {
		return false
	}
	for k := i + 1; k < p; k++ {
		if envoyNouns[d.low[k]] {
			return true
		}
	}
	return false
}

// wordWithinBack reports a word of ws in the n tokens back from k, not
// before from.
func (d *doc) wordWithinBack(s *sent, k, from, n int, ws map[string]bool) bool {
	for q := k; q >= from && q >= s.a && q > k-n; q-- {
		if ws[d.low[q]] {
			return true
		}
	}
	return false
}
