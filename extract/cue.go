package extract

import "strings"

// A cue is handled in stages, each a short function: whether the verb
// counts at all (pickCue, cueCounts), a passive (cuePassive), its subject
// (cueSubject), its object by the rule of its mode (objectRules), the
// fallbacks when the rule found none (objectFallbacks) and the stances it
// states (cueStances). The word lists the stages consult are data below.

// cueCall is one cue being handled: the verb, its subject and what the
// object rule found.
type cueCall struct {
	i     int // the verb
	after int // the first token after the verb and its particles
	end   int // the first token after the object phrase
	def   *cueDef
	mode  cueMode // def.mode, or mKnown once the objects are known
	sub   subject
	conf  float64
	typ   string // def.typ, or what the object turned it into ("pledged funding" offers)
	class string // the event class of a definite object noun: "the proposal"
	objs  []int
	recip bool // "each other": every subject toward every other
	talks bool // the talks noun of an engagement was found
}

// mKnown marks a cue whose objects are known before its mode's rule
// runs: a relative clause's antecedent, or "it" for what the verb before
// was about.
const mKnown cueMode = 255

// Word lists of the cue stages.
var (
	// labelParticles make a label verb something else: "called off",
	// "called for", "called on".
	labelParticles = set("off", "for", "on", "upon")
	// passiveAdverbs may stand between "was" and a passive participle.
	passiveAdverbs = set("quickly", "also", "long", "repeatedly", "widely", "reportedly", "firmly")
	// byAdverbs may stand between a participle and its agent's "by".
	byAdverbs = set("quickly", "also", "publicly", ",", "formally")
	// leaveVerbs make "gave X 72 hours to leave" an expulsion demand.
	leaveVerbs = set("leave", "depart", "quit", "go")
	// denyPronouns stand for the accusation a denial answers: "denies it".
	denyPronouns = set("it", "this", "them", "so")
	// demandParticiples name a demand in "refused to ... as demanded by X".
	demandParticiples = set("demanded", "requested", "sought")
	// demandForms code a demand without "that": "demanded a referendum".
	demandForms = set("demanded", "demands", "demand")
	// offerAdverbs may stand between an offer verb and its complement.
	offerAdverbs = set("instead", "also", "again", "publicly", "formally")
	// offerStops end the complement of an offer.
	offerStops = set(",", ";", "--", "but", "while", "provided", "if")
	// tradedNouns make "traded accusations" mutual.
	tradedNouns = set("accusations", "blame", "charges", "insults", "threats")
	// speakVerbs engage through a call only: "spoke by phone with X".
	speakVerbs = set("speak", "speaks", "spoke", "spoken", "talked", "conferred")
	// callNouns follow "phone" in "a phone call with X".
	callNouns = set("call", "conversation", "calls")
	// callMedia come before a call noun: "a video call with X".
	callMedia = set("phone", "telephone", "video")
	// rejectable are the stances a negation turns into a rejection.
	rejectable = set(Supports, Offers, Engages)
	// restrictionNouns are measures whose lifting or easing is offered to
	// the actor they bear "on" or "against": "will lift the ban on X".
	restrictionNouns = set("ban", "bans", "sanctions", "embargo", "restrictions", "blockade", "curbs", "boycott")
	// adjectivalCues are participles that "is" makes an adjective before
	// "to", not a passive: "is opposed to X", "is prepared to meet X",
	// "is committed to talks with X".
	adjectivalCues = set("opposed", "prepared", "committed")
	// demandPreps introduce the addressee of a demanded thing: "demanded
	// the withdrawal of X", "demanded autonomy from X".
	demandPreps = set("of", "from", "by")
	// contentTypes are the stances whose content states no stance of its
	// own: "urged X to sanction Y" says nothing of X toward Y.
	contentTypes = set(Demands, Accuses, Rejects, Offers)
)

// cueHeads are the nouns a cue governs ("held talks with X", "broke off
// relations with X"), and how many tokens after the verb they may stand.
type cueHeads struct {
	words map[string]bool
	lim   int
}

var (
	headsByMode = map[cueMode]cueHeads{
		mTalks: {set("talks", "negotiations", "meeting", "meetings", "discussions", "consultations", "contacts", "phone",
			"telephone", "video", "call", "calls", "patrols", "exercises", "drills"), 9},
		mContacts: {set("contacts", "contact", "ties", "relations", "channels", "channel", "links"), 4},
		mWith:     {set("relations", "ties", "contacts", "contact", "links", "with"), 4},
		mPledge:   {pledgeHeads, 4},
	}
	phoneHeads = cueHeads{set("phone", "telephone", "videoconference", "video"), 4}
	// tiesHeads: "cut ties with X".
	tiesHeads = cueHeads{set("with"), 4}
	// pactHeads: "ended its defence cooperation agreement with France".
	pactHeads = cueHeads{set("relations", "ties", "cooperation", "coordination", "dialogue", "agreement", "pact", "accord", "treaty", "partnership",
		"deal", "commitment", "commitments", "promise", "promises", "pledge", "pledges", "ceasefire", "truce"), 5}
	// abandonParticles end the cues of abandoning a pact or talks:
	// "reneged on", "backed out of", "walked away from"; talks that end
	// may have been held, talks walked away from are refused.
	abandonParticles = set("on", "of", "from")
	abandonHeads     = cueHeads{union(pactHeads.words, set("talks", "negotiations", "meeting", "meetings", "summit", "dialogue")), 5}
)

// objectRules find a cue's objects by its mode. A rule reports false when
// the cue is fully handled (or states nothing) and no stance follows.
var objectRules = map[cueMode]func(d *doc, s *sent, c *cueCall) bool{
	mObj:      (*doc).objNear,
	mNear:     (*doc).objNear,
	mGive:     (*doc).objGive,
	mObjTo:    (*doc).objTo,
	mBlame:    (*doc).objBlame,
	mLabel:    (*doc).objLabel,
	mDeny:     (*doc).objDeny,
	mRefuse:   (*doc).objRefuse,
	mThat:     (*doc).objThat,
	mOffer:    (*doc).objOffer,
	mHost:     (*doc).objHost,
	mTrade:    (*doc).objTrade,
	mTalks:    (*doc).objHeads,
	mContest:  (*doc).objContest,
	mContacts: (*doc).objHeads,
	mWith:     (*doc).objHeads,
	mPledge:   (*doc).objHeads,
}

// cue handles a cue verb at token i: one of defs, whose particles follow.
func (d *doc) cue(s *sent, i int, defs []cueDef) {
	def := d.pickCue(s, i, defs)
	if def == nil {
		return
	}
	d.cueEnd = i + len(def.words)
	if !d.cueCounts(s, i, def) || d.cuePassive(s, i, def) {
		return
	}
	sub, ok := d.cueSubject(s, i, def)
	if !ok && sub.refuses && len(sub.ents) > 0 && rejectable[def.typ] {
		// "did not accept X", "is not ready to talk with X": a rejection.
		r := *def
		r.typ, r.recip, sub.neg = Rejects, "", false
		def, ok = &r, true
	}
	if !ok {
		return
	}
	c := &cueCall{i: i, after: d.skipTime(s, d.cueEnd), end: d.cueEnd, def: def, mode: def.mode, sub: sub, conf: 0.85, typ: def.typ}
	if sub.ref {
		c.conf -= 0.1
	}
	d.objPron = nil
	if !d.knownObjects(s, c) {
		return
	}
	if rule := objectRules[c.mode]; rule != nil && !rule(d, s, c) {
		return
	}
	if c.def.intent && d.conditionAfter(s, c.after) && !d.termsOfObject(s, c) {
		// "will withdraw ... unless X": a conditional offer states none.
		d.setSubject(s, c.sub)
		return
	}
	d.objectFallbacks(s, c)
	d.placeTarget(s, c)
	d.punitiveTarget(s, c)
	d.invitedEnvoy(s, c)
	d.groupStances(s, c)
	d.cueStances(s, c)
}

// pickCue returns the cue of defs at i unless its position rules it out.
func (d *doc) pickCue(s *sent, i int, defs []cueDef) *cueDef {
	if i > s.a && (d.low[i-1] == "as" || d.low[i-1] == "to" && d.low[i] == "blame") {
		return nil
	}
	// A participle after an article is an adjective: "rejected the
	// proposed plan" proposes nothing.
	if i > s.a && (d.low[i-1] == "the" || d.low[i-1] == "a" || d.low[i-1] == "an") && strings.HasSuffix(d.low[i], "ed") {
		return nil
	}
	if d.attributive(s, i) {
		return nil
	}
	// A gerund after a preposition is content: "accused of supporting".
	if i > s.a && strings.HasSuffix(d.low[i], "ing") && gerundPreps[d.low[i-1]] && !d.clauseGerund(s, i) {
		return nil
	}
	if d.blockedText(s, i) {
		// "Hungary blocked a statement condemning the law": a text that
		// was never adopted states nothing.
		return nil
	}
	return d.pickDef(s, i, defs)
}

// cueCounts reports whether the cue at i is a verb that states something:
// not a noun, not the content of another stance.
func (d *doc) cueCounts(s *sent, i int, def *cueDef) bool {
	after := i + len(def.words)
	if def.typ == Supports && strings.HasPrefix(def.words[0], "agree") && after < s.b && !nounDets[d.low[after]] && s.mentionAt(after) == nil {
		// "agreed to the proposal" supports it; "agreed to meet" is no stance.
		return false
	}
	if !def.verb && d.nounUse(s, i) {
		return false
	}
	if def.mode == mLabel && after < s.b && labelParticles[d.low[after]] {
		return false
	}
	// Coordinated verbs may follow the content of the verb before them.
	return !s.isContent(i) || d.coordinated(s, i) && !hypoBefore(d, s, i) || def.mode == mLabel && d.whatBefore(s, i)
}

// coordinated reports a verb joined to the one before it: "and urged".
func (d *doc) coordinated(s *sent, i int) bool {
	for k := i - 1; k >= s.a && k > i-4; k-- {
		if d.low[k] == "and" || d.low[k] == "but" || d.low[k] == "," {
			return true
		}
		if !auxWords[d.low[k]] || d.low[k] == "to" {
			return false // "..., to press Israel": an infinitive, no new verb
		}
	}
	return false
}

// cuePassive handles a passive cue ("was accused by X", "has been
// rejected by X", "talks hosted by Cuba") and reports whether it was one.
func (d *doc) cuePassive(s *sent, i int, def *cueDef) bool {
	if !isParticiple(d.low[i]) || len(def.words) >= 2 && def.words[1] == "to" && adjectivalCues[def.words[0]] {
		return false
	}
	after := i + len(def.words)
	b := i - 1
	if b > s.a && scareQuote(d.low[b]) && after < s.b && scareQuote(d.low[after]) {
		// "was 'rejected' by X": the participle quoted.
		b, after = b-1, after+1
	}
	for b >= s.a && (passiveAdverbs[d.low[b]] || isMannerAdverb(d.low[b])) {
		b--
	}
	passive := b >= s.a && (beWords[d.low[b]] || standWords[d.low[b]])
	byTok := -1
	for q := after; q < s.b && q < after+3; q++ {
		if d.low[q] == "by" {
			byTok = q
			break
		}
		if !byAdverbs[d.low[q]] {
			break
		}
	}
	if byTok < 0 && passive {
		byTok = d.farAgent(s, after)
	}
	// A participle right before "by" is passive whatever precedes it:
	// "talks hosted by Cuba and backed by Norway".
	if passive || byTok >= 0 && b >= s.a && (!d.toks[b].word || s.mentionAt(b) != nil) || byTok == after {
		if def.mode == mTalks && !d.meetingBefore(s, i) {
			// "an engineer held by X": a captive, not a meeting held.
			return true
		}
		d.passive(s, i, def, byTok, passive)
		return true
	}
	return false
}

// meetingReach bounds the words between a meeting's noun and the
// participle of its passive: "the talks with X held in Y".
const meetingReach = 6

// meetingBefore reports a noun of meetings among the words before the
// participle at i back to the clause's start: what a passive of "held"
// holds.
func (d *doc) meetingBefore(s *sent, i int) bool {
	heads := headsByMode[mTalks].words
	for k := i - 1; k >= s.a && k >= i-meetingReach; k-- {
		w := d.low[k]
		if heads[w] || talksNouns[w] || attendedNouns[w] {
			return true
		}
		if w == "," || w == ";" || boundaryWords[w] {
			return false
		}
	}
	return false
}

// standWords make a passive as "to be" does: "stands accused by X",
// "stood condemned by X".
var standWords = set("stand", "stands", "stood", "standing")

// isMannerAdverb reports an adverb in -ly between an auxiliary and a
// participle: "was sharply criticised".
func isMannerAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !notAdverbs[w]
}

// notAdverbs end in -ly but are no adverbs of manner.
var notAdverbs = set("july", "italy", "only", "early", "likely", "family")

// farAgentStops end the clause in which a passive's agent may stand.
var farAgentStops = set(",", ";", ":", "that", "which", "who", "whom", "while", "but", "after", "before", "because", "as",
	"if", "unless", "when", "since", "said", "says")

// farAgent returns the "by" of a passive's agent further on in its
// clause, past the content of the verb ("was accused of misusing funds
// by X"), where an actor follows it and no other participle claims it;
// -1 where there is none.
func (d *doc) farAgent(s *sent, from int) int {
	for q := from; q < s.b && q < from+farAgentSpan; q++ {
		w := d.low[q]
		if w == "," {
			return d.agentPastAside(s, q)
		}
		if farAgentStops[w] || q > from && isParticiple(w) && d.low[q-1] != "of" {
			return -1
		}
		if w == "by" {
			if m := s.mentionAt(q + 1); m != nil && m.ent >= 0 || d.actorAfterDet(s, q+1) {
				return q
			}
			return -1
		}
	}
	return -1
}

// farAgentSpan is how far past a participle its agent may stand.
const farAgentSpan = 16

// agentPastAside returns the "by" of a passive's agent after an aside
// set off by the comma at c ("was accused of misusing funds, much of it
// embezzled, by X"): the next comma closes the aside, and "by" and an
// actor follow it at once. A comma not closed so, or an aside that opens
// a clause of its own, gives -1.
func (d *doc) agentPastAside(s *sent, c int) int {
	for q := c + 1; q < s.b && q <= c+asideSpan; q++ {
		w := d.low[q]
		if w == "," {
			if q+1 < s.b && d.low[q+1] == "by" && d.byAgent(s, q+2) {
				return q + 1
			}
			return -1
		}
		if asideStops[w] || !d.toks[q].word && w != "$" && w != "-" {
			return -1
		}
	}
	return -1
}

// asideSpan bounds the words of an aside between a passive and its agent.
const asideSpan = 12

// asideStops open a clause, quotation or list of their own: no aside.
var asideStops = set("and", "but", "or", "while", "said", "says", "who", "whom", "when", "if", "unless", "because")

// byAgent reports an actor at j, or after an article or modifier.
func (d *doc) byAgent(s *sent, j int) bool {
	if m := s.mentionAt(j); m != nil && m.ent >= 0 {
		return true
	}
	return d.actorAfterDet(s, j)
}

// actorAfterDet reports an actor right after an article or modifier at
// j: "by the Kenyan government", "by current Haitian officials", or
// after an office noun and "for" or "of": "by a spokesman for X".
func (d *doc) actorAfterDet(s *sent, j int) bool {
	lim := j + 3
	for k := j; k < s.b && k < lim; k++ {
		if m := s.mentionAt(k); m != nil && m.ent >= 0 {
			return true
		}
		if !d.toks[k].word || d.toks[k].upper && k > j {
			return false
		}
		if officeNouns[d.low[k]] && k+1 < s.b && (d.low[k+1] == "for" || d.low[k+1] == "of") {
			lim = k + 3
		}
	}
	return false
}

// cueSubject finds the subject of the cue at i and reports whether it
// asserts the cue: an actor, neither negated nor modal.
func (d *doc) cueSubject(s *sent, i int, def *cueDef) (subject, bool) {
	sub := d.subjectAt(s, i)
	if joined := d.joinedIn(s, i); len(joined) > 0 && !sub.neg {
		// "France joined Germany in condemning ...": both condemn.
		sub.ents = joined
	}
	if len(sub.ents) == 0 && !sub.neg {
		// A demand or offer by no known actor: "the demand" later is not
		// the last known actor's.
		switch def.typ {
		case Demands:
			delete(d.owners, "demand")
		case Offers:
			delete(d.owners, "offer")
		}
	}
	return sub, len(sub.ents) > 0 && !sub.neg
}

// clauseVerbAfterPronoun after "it" or "them" makes the pronoun a
// clause's subject.
var clauseVerbAfterPronoun = set("is", "was", "were", "are", "has", "had", "have", "could", "would", "will", "may", "might",
	"must", "should", "can", "did", "does")

// knownObjects takes objects the context gives before the mode's rule:
// the antecedent of a relative clause, what "it" or "them" refers to. It
// reports false when the cue states nothing.
func (d *doc) knownObjects(s *sent, c *cueCall) bool {
	if len(c.sub.relObj) > 0 && c.mode != mLabel && !d.actorWithin(s, c.after, 2) {
		// "Pakistan, which officials have accused of ...": the antecedent.
		c.objs, c.mode = c.sub.relObj, mKnown
		if accusers := d.chargeDeniedByRelative(s, c.i, c.sub.ents); len(accusers) > 0 {
			// "accusing X of backing the rebels, which X denies": the charge.
			c.objs = accusers
		}
	}
	if d.addresseeParticiple(s, c) {
		return true
	}
	if (c.mode != mObj && c.mode != mNear) || c.after >= s.b || (d.low[c.after] != "them" && d.low[c.after] != "it") {
		return true
	}
	if c.after+1 < s.b && clauseVerbAfterPronoun[d.low[c.after+1]] {
		// "suggesting it could have been another country": the subject of
		// a clause, not the verb's object.
		return true
	}
	if len(s.prevObjs) > 0 {
		// "X backed the plan, and Z also endorsed it": what the verb
		// before was about.
		c.objs, c.mode, c.end = s.prevObjs, mKnown, c.after+1
		c.conf -= 0.1
	} else if objs := d.agentPronoun(s, c); len(objs) > 0 {
		c.objs, c.mode, c.end = objs, mKnown, c.after+1
		c.conf -= 0.1
	} else if c.def.typ == Supports || c.def.typ == Rejects {
		// What one accepts or rejects is a thing: "rejected it" is no
		// stance toward whoever "it" might name.
		d.setSubject(s, c.sub)
		return false
	}
	return true
}

// objNear: the first actor list of the object phrase ("condemned
// Russia"), close to the verb for mNear, never in an accusation's content.
func (d *doc) objNear(s *sent, c *cueCall) bool {
	if w := c.def.words; w[len(w)-1] == "in" && c.after < s.b {
		// "closed its embassy in X": the cue's own "in" makes the place its object.
		if m := s.mentionAt(c.after); m != nil && m.ent >= 0 {
			c.objs, c.end = []int{m.ent}, m.to
			return true
		}
	}
	if c.def.typ == Demands {
		if objs, end, ok := d.calmAsked(s, c.after); ok {
			c.objs, c.end = objs, end // "urged calm amid tensions between A and B"
			return true
		}
	}
	lim := 10
	if c.def.mode == mNear {
		lim = 3
	}
	if c.def.typ == Demands {
		lim = 4
	}
	lim += d.frontedLabel(s, c.after)
	lim = d.officeOfReach(s, c.after, lim)
	lim = d.betweenReach(s, c.after, lim)
	if c.def.typ == Supports || c.def.typ == Rejects {
		lim = d.authorWindow(s, c.after, lim)
	}
	if c.def.typ == Accuses {
		// The content of an accusation names no object: "accused X of siding with Y".
		for q := c.after; q < s.b && q < c.after+lim; q++ {
			if d.low[q] == "of" || d.low[q] == "for" {
				lim = q - c.after
				break
			}
		}
	}
	c.objs, c.end, c.class, c.recip = d.objectNP(s, c.after, lim)
	if len(c.objs) == 0 && c.def.typ == Accuses && c.def.mode == mNear {
		d.agentOfCondemned(s, c)
	}
	return true
}

// agentOfCondemned finds the doer of a condemned act named after "by":
// "condemned the repeated ceasefire violations by X along the border".
func (d *doc) agentOfCondemned(s *sent, c *cueCall) {
	for q := c.after; q < s.b && q < c.after+8; q++ {
		w := d.low[q]
		if w == "by" {
			c.objs, c.end, _, _ = d.objectNP(s, q+1, 4)
			return
		}
		if w == "," || w == ";" || w == "of" || w == "on" || w == "against" || boundaryWords[w] || s.mentionAt(q) != nil {
			return
		}
	}
}

// frontedLabel returns the length of a label put before the object
// ("denounced as a crime X's ...", "rejected as unacceptable the X
// proposal"): "as" at q and up to four words before an actor, none a
// clause boundary; 0 if none.
func (d *doc) frontedLabel(s *sent, q int) int {
	if q >= s.b || d.low[q] != "as" {
		return 0
	}
	for r := q + 1; r < s.b && r <= q+5; r++ {
		if m := s.mentionAt(r); m != nil {
			if m.ent < 0 || m.place {
				return 0
			}
			return r - q
		}
		if w := d.low[r]; w == "," || w == ";" || w == "that" || w == "which" || boundaryWords[w] {
			return 0
		}
	}
	return 0
}

// deadlineNouns give an actor time to act: "gave X 48 hours to ...".
var deadlineNouns = set("hours", "days", "weeks", "months", "deadline")

// objGive: "gave X diplomats 72 hours to leave", "gave X 48 hours to
// withdraw".
func (d *doc) objGive(s *sent, c *cueCall) bool {
	c.objs, c.end, _, _ = d.objectNP(s, c.after, 3)
	for q := c.end; q < s.b && q < c.end+8; q++ {
		// "gave X 48 hours to withdraw": a deadline for any act.
		if d.low[q] == "to" && q+1 < s.b && (leaveVerbs[d.low[q+1]] || deadlineNouns[d.low[q-1]]) {
			return true
		}
	}
	c.objs = nil
	return true
}

// objTo: the actor followed by "to" ("asked Togo's president to
// mediate"), or the actors of "called for restraint from X".
func (d *doc) objTo(s *sent, c *cueCall) bool {
	if objs, end, ok := d.calmAsked(s, c.after); ok && len(c.def.words) == 2 && c.def.words[1] == "for" {
		c.objs, c.end = objs, end // "called for restraint amid India-Pakistan tensions"
		return true
	}
	if len(c.def.words) == 2 && c.def.words[1] == "for" && d.pactBetweenNear(s, c.after) {
		// "called for dialogue between A and B": asked of both, and the
		// dialogue, not yet held, engages no one.
		d.markContent(s, c.after)
		d.calledForOf(s, c)
		return true
	}
	if e, next := d.possessorAt(s, c.after); e >= 0 && next < s.b && ownActNouns[d.low[next]] && len(c.def.words) == 2 && c.def.words[1] == "for" {
		c.objs, c.end = []int{e}, next+1 // "called for Israel's withdrawal"
		return true
	}
	c.objs, c.end, _, _ = d.objectNP(s, c.after, 3)
	if len(c.objs) > 0 && (d.toAfterObject(s, c) || d.envoyObject(s, c)) {
		return true
	}
	// "called for restraint from X and Y": an act of the actors' own
	// before them is the thing called for, asked of them.
	found := len(c.objs) > 0
	c.objs = nil
	if len(c.def.words) == 2 && c.def.words[1] == "for" && (!found || d.ownActFrom(s, c.after)) {
		d.calledForOf(s, c)
	}
	return true
}

// calledForReach bounds the words of the demanded things after "called
// for", a list of them included: "called for a ceasefire, the withdrawal
// of X and ...".
const calledForReach = 12

// calledForOf finds whom a thing called for is asked of: "called for
// restraint from India and Pakistan", "called for the withdrawal of X",
// "called for X's withdrawal".
// Past a comma only an act of the addressee's own names it ("called for
// calm, the withdrawal of X"); a mention first ends the search.
func (d *doc) calledForOf(s *sent, c *cueCall) {
	listed := false
	for q := c.after; q < s.b && q < c.after+calledForReach; q++ {
		if objs, end := d.heldBy(s, q); len(objs) > 0 {
			c.objs, c.end = objs, end // "called for the release of X held by Y"
			return
		}
		if d.ownActOf(s, q, c.after) || !listed && q < c.after+6 && (d.low[q] == "from" || d.low[q] == "by" || d.pactWith(s, q, c.after) || d.pactBetween(s, q, c.after)) {
			c.objs, c.end, _, _ = d.objectNP(s, q+1, 3)
			return
		}
		if objs, end := d.calmAmid(s, q); len(objs) > 0 {
			c.objs, c.end = objs, end // "called for restraint amid India-Pakistan tensions"
			return
		}
		if d.low[q] == ";" || s.mentionAt(q) != nil || boundaryWords[d.low[q]] {
			return
		}
		if d.low[q] == "," {
			// articles open the next item of a list of things.
			if q+1 >= s.b || !articles[d.low[q+1]] {
				return // "called for calm, saying ...": no list
			}
			listed = true
		}
	}
}

// objContest: an actor challenged to act is asked to ("challenged X to
// prove it"); an actor whose claim is challenged is rejected
// ("challenged X's account"), the claim nouns being the verb table's
// set "claimnoun".
func (d *doc) objContest(s *sent, c *cueCall) bool {
	d.objTo(s, c)
	if len(c.objs) > 0 {
		return true
	}
	objs, end, _, _ := d.objectNP(s, c.after, 3)
	if len(objs) == 0 || end+1 >= s.b || !isApos1(d.low[end]) || !d.lx.verbs.wordIs(d.low[end+1], "&claimnoun") {
		return true
	}
	c.objs, c.end, c.typ = objs, end+2, Rejects
	return true
}

// toAfterObject reports "to" after the object and its office words:
// "asked Kenyan and Ugandan officials to explain"; "warned X against ..."
// demands as "warned X not to ..." does.
func (d *doc) toAfterObject(s *sent, c *cueCall) bool {
	q := c.end
	if q < s.b && (d.low[q] == "'s" || d.low[q] == "\u2019s") {
		q++
	}
	for lim := q + 4; q < s.b && q < lim && (officeModifiers[d.low[q]] || officeNouns[d.low[q]] || titleWords[d.low[q]]); q++ {
	}
	if q+1 < s.b && scareQuote(d.low[q]) {
		q++ // warned X "not to test ...": the demand quoted
	}
	if q < s.b && d.low[q] == "not" {
		q++
	}
	return q < s.b && (d.low[q] == "to" || d.low[q] == "against" && (strings.HasPrefix(d.low[c.i], "warn") || strings.HasPrefix(d.low[c.i], "caution")) ||
		d.low[q] == "for" && requestVerbs[d.low[c.i]])
}

// requestVerbs ask their object for something: "asked X for help",
// "appealed to X for aid", "pressed X for answers".
var requestVerbs = set("ask", "asks", "asked", "asking", "appeal", "appeals", "appealed", "appealing",
	"press", "presses", "pressed", "pressing")

// objBlame: "blamed X for", "blamed Y on X".
func (d *doc) objBlame(s *sent, c *cueCall) bool {
	c.objs, c.end, c.class, c.recip = d.objectNP(s, c.after, 8)
	if len(c.objs) > 0 {
		return true
	}
	for q := c.after; q < s.b && q < c.after+8; q++ {
		if d.low[q] == "on" {
			c.objs, c.end, _, _ = d.objectNP(s, q+1, 4)
			break
		}
		if d.low[q] == "for" || d.low[q] == "," {
			break
		}
	}
	return true
}

// objLabel hands a label verb to the label rules, which emit.
func (d *doc) objLabel(s *sent, c *cueCall) bool {
	d.label(s, c.i, c.after, c.def, c.sub, c.conf)
	return false
}

// objDeny: the accuser of a denied accusation, never the content of a
// denial.
func (d *doc) objDeny(s *sent, c *cueCall) bool {
	after := c.after
	if after < s.b && d.low[after] == "that" || d.agentlessCharge(s, c.i) {
		// "X has long been accused of arming Y, and it denies it": the
		// denied charge is nobody's, so the denial targets no actor.
		d.markContent(s, after)
		return false
	}
	if after < s.b && denyPronouns[d.low[after]] {
		// "denies it": the accusation, whose accuser must be an actor.
		c.objs, c.end, c.class = nil, after+1, "accusation"
		return true
	}
	c.objs, c.end, c.class, _ = d.objectNP(s, after, 8)
	if len(c.objs) == 0 && (d.involvementAt(s, after) || d.deniedGerund(s, after)) {
		// "denied any involvement in the attack", "denies being the
		// source": the charge of the last accuser.
		c.class = "accusation"
	}
	if len(c.objs) > 0 && !d.claimIn(s, after, min(c.end+3, s.b)) {
		// "denied backing the M23": what is denied is content, and only
		// an accuser is the object of a denial.
		d.markContent(s, after)
		return false
	}
	if len(c.objs) > 0 {
		d.deniedAccusers(s, c)
		return true
	}
	return c.class == "accusation" || c.sub.nounObj != ""
}

// deniedAccusers: "denied accusations by the United States": the accusers
// accuse the denier.
func (d *doc) deniedAccusers(s *sent, c *cueCall) {
	for q := c.after; q < c.end && q < s.b; q++ {
		if eventClass[d.low[q]] == "accusation" && q+1 < s.b && (d.low[q+1] == "by" || d.low[q+1] == "from") {
			d.emit(s, Accuses, c.objs, c.sub.ents, c.conf-0.1, c.end)
			return
		}
	}
}

// officeOfReach widens a near object's window past an office and "of":
// "summoned the ambassador of Kyrgyzstan" names the ambassador's state.
func (d *doc) officeOfReach(s *sent, from, lim int) int {
	for q := from; q < s.b && q < from+lim; q++ {
		if (officeNouns[d.low[q]] || summonedEnvoys[d.low[q]]) && q+1 < s.b && d.low[q+1] == "of" {
			return max(lim, q-from+3)
		}
	}
	return lim
}

// objRefuse: the object of a refusal, or of the refused act.
func (d *doc) objRefuse(s *sent, c *cueCall) bool {
	if c.after >= s.b || d.low[c.after] != "to" {
		c.objs, c.end, c.class, _ = d.objectNP(s, c.after, 8)
		if len(c.objs) == 0 && c.end+1 < s.b && d.low[c.end] == "to" {
			// "refused entry to Ghanaians": whom it is refused to.
			c.objs, c.end, _, _ = d.objectNP(s, c.end+1, 3)
		}
		return true
	}
	d.refusedAct(s, c)
	d.markContent(s, c.after)
	return true
}

// refusedAct finds the object of "refused to ...": who demanded it ("as
// demanded by X", also a demand of X), who the act is with ("refused to
// deal with X") or its object ("refused to recognise the Taliban").
func (d *doc) refusedAct(s *sent, c *cueCall) {
	after := c.after
	for q := after; q < s.b && q < after+15; q++ {
		if d.low[q] == "as" && q+2 < s.b && demandParticiples[d.low[q+1]] && d.low[q+2] == "by" {
			c.objs, c.end, _, _ = d.objectNP(s, q+3, 4)
			if len(c.objs) > 0 {
				d.emit(s, Demands, c.objs, c.sub.ents, c.conf-0.1, q)
			}
			return
		}
		if d.low[q] == "with" {
			c.objs, c.end, _, _ = d.objectNP(s, q+1, 4)
			return
		}
		if q == after+1 && refusable[d.low[q]] {
			r := q + 1
			for r < s.b && r < q+3 && adverb(d.low[r]) {
				r++ // "refused to talk directly to X"
			}
			if r < s.b && (d.low[r] == "to" || d.low[r] == "with") {
				r++
			}
			c.objs, c.end, _, _ = d.objectNP(s, r, 4)
			return
		}
		if d.low[q] == "," || d.low[q] == ";" {
			break // the act ends here; its actors stand before
		}
	}
	d.actOf(s, c, after+1, after+12)
}

// actOf takes the first actor named in the act from to to as the
// object: "refused to send troops to X".
func (d *doc) actOf(s *sent, c *cueCall, from, to int) {
	for q := from; q < s.b && q < to; q++ {
		if boundaryWords[d.low[q]] || d.low[q] == "," {
			return
		}
		if m := s.mentionAt(q); m != nil && m.ent >= 0 && !m.place && !m.pron && !contains(c.sub.ents, m.ent) {
			c.objs, c.end = []int{m.ent}, m.to
			return
		}
	}
}

// objThat: "demanded that X leave", "insisted that X must", "alleged that
// X had ...".
func (d *doc) objThat(s *sent, c *cueCall) bool {
	q := c.after
	if q < s.b && d.low[q] == "that" {
		q++
	} else if !demandForms[d.low[c.i]] {
		return false
	}
	if q+1 < s.b && q > c.after && controlNouns[d.low[q]] && d.low[q+1] == "of" {
		// "demanded that control of the X ministry be taken away":
		// whoever holds it is asked to give it up.
		q += 2
	}
	c.objs, c.end, _, _ = d.objectNP(s, q, 3)
	if len(c.objs) == 0 && q == c.after {
		d.demandedOf(s, c)
	}
	if strings.HasPrefix(d.low[c.i], "insist") && len(c.objs) > 0 && !d.wordWithin(s, c.end, 5, "must", "should") {
		c.objs = nil
	}
	if strings.HasPrefix(d.low[c.i], "alleg") && len(c.objs) > 0 && d.passiveWithin(s, c.end, 4) {
		// "alleged that Kosovo had been attacked": a victim, not a culprit.
		c.objs = nil
	}
	d.markContent(s, c.end)
	return true
}

// controlNouns before "of" in a demanded clause name what its holder is
// to give up or hand over: "that control of the X ministry be ...".
var controlNouns = set("control", "management", "ownership", "custody", "command", "administration")

// pactNouns are acts done with another party, whose "with" names that
// party as the one a demand or offer of the act is addressed to: "demanded
// a truce with X", "called for a ceasefire with X", "proposed a peace deal
// with X".
var pactNouns = set("truce", "ceasefire", "armistice", "peace", "deal", "agreement", "accord", "pact", "treaty",
	"settlement", "reconciliation", "dialogue", "talks", "negotiations", "meeting", "summit", "cooperation", "swap", "exchange")

// pactWith reports "with" at q after a pact noun, within the phrase that
// starts at from.
func (d *doc) pactWith(s *sent, q, from int) bool {
	return q > from && q < s.b && d.low[q] == "with" && pactNouns[d.low[q-1]]
}

// pactBetween reports "between" at q after a pact noun: "called for
// dialogue between A and B" asks it of both.
func (d *doc) pactBetween(s *sent, q, from int) bool {
	return q > from && q < s.b && d.low[q] == "between" && pactNouns[d.low[q-1]]
}

// pactBetweenNear reports a pact noun and "between" within the few words
// after from: "called for (direct) talks between", "a resumption of
// dialogue between".
func (d *doc) pactBetweenNear(s *sent, from int) bool {
	for q := from + 1; q < s.b && q < from+6; q++ {
		if d.pactBetween(s, q, from) {
			return true
		}
		if d.low[q] == "," || s.mentionAt(q) != nil {
			return false
		}
	}
	return false
}

// releaseNouns name giving back what another holds: "the release of X
// held by Y" is asked of Y.
var releaseNouns = set("release", "return", "handover", "freeing")

// holdParticiples name holding a person or thing: "held by", "detained
// by".
var holdParticiples = set("held", "detained", "captured", "kidnapped", "abducted", "seized", "jailed", "imprisoned", "taken")

// heldReach bounds the words between "of" and the holding participle:
// "the release of the 20 Kenyan fishermen held by X".
const heldReach = 7

// heldBy returns the holder named after "held by" in "the release of ...
// held by X" at q, "of" after a noun of release, and the token after it.
func (d *doc) heldBy(s *sent, q int) ([]int, int) {
	if q <= s.a || d.low[q] != "of" || !releaseNouns[d.low[q-1]] {
		return nil, q
	}
	for k := q + 1; k+1 < s.b && k <= q+heldReach; k++ {
		if holdParticiples[d.low[k]] && d.low[k+1] == "by" {
			objs, end, _, _ := d.objectNP(s, k+2, 4)
			return objs, end
		}
		if w := d.low[k]; w == "," || w == ";" || boundaryWords[w] {
			break
		}
	}
	return nil, q
}

// ownActNouns are acts that only their doer can do: "the withdrawal of
// X" is asked of X, where "the release of X" is asked of whoever holds X.
var ownActNouns = set("withdrawal", "pullout", "departure", "resignation", "disarmament", "demobilisation", "demobilization",
	"retreat", "exit", "surrender", "compliance", "cooperation", "restraint")

// ownActOf reports "of" at q after a noun of ownActNouns, within the
// phrase that starts at from: "called for the withdrawal of X".
func (d *doc) ownActOf(s *sent, q, from int) bool {
	return q > from && q < s.b && d.low[q] == "of" && ownActNouns[d.low[q-1]]
}

// ownActFrom reports an act of ownActNouns right after "called for" at
// q, its doers after "from" or "by": "restraint from X and Y".
func (d *doc) ownActFrom(s *sent, q int) bool {
	return q+1 < s.b && ownActNouns[d.low[q]] && (d.low[q+1] == "from" || d.low[q+1] == "by")
}

// demandedOf finds the addressee of a demanded thing: "demanded the
// withdrawal of X", "demanding autonomy from X", "an admission by X".
func (d *doc) demandedOf(s *sent, c *cueCall) {
	for q := c.after; q < s.b && q < c.after+6; q++ {
		if objs, end := d.heldBy(s, q); len(objs) > 0 {
			c.objs, c.end = objs, end
			return
		}
		if demandPreps[d.low[q]] || d.pactWith(s, q, c.after) {
			c.objs, c.end, _, _ = d.objectNP(s, q+1, 4)
			return
		}
		if d.low[q] == "," || d.low[q] == ";" || d.low[q] == "that" || s.mentionAt(q) != nil {
			return
		}
	}
}

// skipTime returns the first token after a time adverbial or a degree
// of manner at j: "demanded Friday that", "welcomed on Monday the
// decision", "condemned in the strongest terms the raid".
func (d *doc) skipTime(s *sent, j int) int {
	for j < s.b {
		if k := d.inTermsEnd(s, j); k > j {
			j = k
			continue
		}
		w := d.low[j]
		if _, ok := weekdays[w]; ok || w == "today" || w == "yesterday" {
			j++
			continue
		}
		if w == "on" && j+1 < s.b {
			if _, ok := weekdays[d.low[j+1]]; ok {
				j += 2
				continue
			}
		}
		return j
	}
	return j
}

// termDegrees qualify "in ... terms".
var termDegrees = set("strong", "stronger", "strongest", "harsh", "harshest", "firm", "firmest", "clear", "clearest",
	"unequivocal", "categorical", "sharp", "sharpest", "possible", "the", "most", "uncertain", "no")

// inTermsEnd returns the token after "in (the strongest possible) terms"
// at j, its commas included, or j where none stands.
func (d *doc) inTermsEnd(s *sent, j int) int {
	k := j
	if k < s.b && d.low[k] == "," {
		k++
	}
	if k >= s.b || d.low[k] != "in" {
		return j
	}
	in := k
	for k++; k < s.b && k < in+6 && termDegrees[d.low[k]]; k++ {
	}
	if k >= s.b || d.low[k] != "terms" || k == in+1 {
		return j // "in terms of" is no degree
	}
	k++
	if k < s.b && d.low[k] == "," {
		k++
	}
	return k
}

// wordWithin reports one of ws in the n tokens from from.
func (d *doc) wordWithin(s *sent, from, n int, ws ...string) bool {
	for r := from; r < s.b && r < from+n; r++ {
		for _, w := range ws {
			if d.low[r] == w {
				return true
			}
		}
	}
	return false
}

// passiveWithin reports a passive verb group in the n tokens from from.
func (d *doc) passiveWithin(s *sent, from, n int) bool {
	for r := from; r < s.b && r < from+n; r++ {
		if d.low[r] == "been" || (beWords[d.low[r]] && r+1 < s.b && isParticiple(d.low[r+1])) {
			return true
		}
	}
	return false
}

// objOffer: "offered X Y", "offered assurances to X", or the actors of
// the complement: "offered to mediate between X and Y".
func (d *doc) objOffer(s *sent, c *cueCall) bool {
	q := c.after
	for q < s.b && offerAdverbs[d.low[q]] {
		q++
	}
	if q+1 < s.b && d.low[q] == "to" && strings.HasPrefix(d.low[c.i], "promis") && !promiseVerbs[d.low[q+1]] {
		// "promised to retaliate against X" is a threat, not an offer.
		d.markContent(s, q)
		return false
	}
	if q < s.b && d.low[q] == "to" {
		d.offerComplement(s, c, q)
		d.markContent(s, q)
		return true
	}
	lim := 3
	if c.def.intent {
		lim = 5 // "would allow the return of U.N. inspectors"
	}
	c.objs, c.end, _, _ = d.objectNP(s, q, lim)
	if len(c.objs) > 0 && !d.fromBefore(s, q, c.end, c.objs) {
		return true
	}
	// "will withdraw its force from Chad": where from, not to whom.
	c.objs = nil
	// "offered assurances to X", "proposed a truce between X and Y",
	// "aid to war-torn X", "aid for X", "lift the ban on X"
	for r := q; r < s.b && r < q+10; r++ {
		if d.low[r] == "to" || d.low[r] == "between" || d.low[r] == "for" && r > q && sentNouns[d.low[r-1]] || d.pactWith(s, r, q) ||
			d.low[r] == "with" && meetingNouns[d.low[r-1]] || // "ready for talks with X"
			(d.low[r] == "on" || d.low[r] == "against") && r > q && restrictionNouns[d.low[r-1]] {
			c.objs, c.end, _, _ = d.objectNP(s, r+1, 5)
			break
		}
		if d.low[r] == "," || d.low[r] == ";" || d.low[r] == "and" {
			break
		}
	}
	return true
}

// conditionAfter reports a condition later in the sentence, before a
// new clause of contrast: "will provide aid to X if ...".
func (d *doc) conditionAfter(s *sent, from int) bool {
	for j := from; j < s.b; j++ {
		switch w := d.low[j]; {
		case w == ";" || w == "but" || w == "while":
			return false
		case hypoWords[w] && w != "whether":
			return true
		}
	}
	return false
}

// termsOfObject reports an offer whose condition is an act or case of its
// parties: "would meet X if he gave them a veto", "willing to help defend
// X if it is attacked", "would resume talks with X provided that X lifted". The
// offer is made now, on terms, as CAMEO codes an offer with conditions
// (03); a condition on anyone else ("if parliament agrees", "if its
// parliament approves") or an "unless" leaves it hypothetical, and a
// meeting on terms is not yet planned. The maker states the offer: "said
// it would", not another's "said X would".
func (d *doc) termsOfObject(s *sent, c *cueCall) bool {
	if len(c.objs) == 0 || c.typ != Offers {
		return false
	}
	if d.low[c.i] == "would" && (c.i == s.a || !subjectPronouns[d.low[c.i-1]]) {
		// "Ghana said that Togo would talk with Benin if ...": a
		// forecast of another's act, not an offer its maker states.
		return false
	}
	for j := c.after; j+1 < s.b; j++ {
		switch w := d.low[j]; {
		case w == ";" || w == "but" || w == "while":
			return false
		case hypoWords[w] && w != "whether":
			if w != "if" && w != "provided" {
				return false
			}
			k := j + 1
			if k+1 < s.b && d.low[k] == "that" && w == "provided" {
				k++
			}
			if k+1 < s.b && d.low[k] == "the" {
				k++
			}
			m := s.mentionAt(k)
			if m == nil || m.from != k || m.pron && !subjectPronouns[d.low[k]] {
				return false // "if its parliament approves": another's act
			}
			return contains(c.objs, m.ent) || contains(c.sub.ents, m.ent)
		}
	}
	return false
}

// fromBefore reports "from" before the first mention of ents in [q,
// end), past words that name a part of it: "from southern Lebanon",
// "from the occupied West Bank".
func (d *doc) fromBefore(s *sent, q, end int, ents []int) bool {
	for j := q; j < end && j < s.b; j++ {
		if m := s.mentionAt(j); m != nil && contains(ents, m.ent) && !m.pron {
			k := j - 1
			for k > q && partOfPlace[d.low[k]] {
				k--
			}
			return k >= q && k < j && d.low[k] == "from"
		}
	}
	return false
}

// partOfPlace are words between "from" and a place that narrow it to a
// part of it.
var partOfPlace = set("the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
	"northeastern", "northwestern", "southeastern", "southwestern", "occupied", "all", "parts", "part", "of")

// offerComplement collects the actors of the offered act after "to" at q.
func (d *doc) offerComplement(s *sent, c *cueCall, q int) {
	for r := q + 1; r < s.b && r < q+25; r++ {
		w := d.low[r]
		if w == "," && r+1 < s.b && s.mentionAt(r-1) != nil && s.mentionAt(r+1) != nil {
			continue // a list: "the Russian, Indian and Chinese ministers"
		}
		if offerStops[w] {
			break
		}
		if m := s.mentionAt(r); m != nil {
			if m.ent >= 0 && !m.place && !contains(c.sub.ents, m.ent) && !contains(c.objs, m.ent) {
				if m.pron && len(d.lastPair) >= 2 && isPairRef(d, m) {
					c.objs = append(c.objs, d.lastPair...)
				} else {
					c.objs = append(c.objs, m.ent)
				}
			}
			r = m.to - 1
		}
		c.end = r
	}
}

// objHost: who is hosted, or for "which hosted the first round" the
// parties of the talks the text named last.
func (d *doc) objHost(s *sent, c *cueCall) bool {
	c.objs, c.end, _, _ = d.objectNP(s, c.after, 8)
	parties := d.lastTalks
	if len(parties) != 2 {
		parties = nil
		if len(d.lastPair) == 2 {
			parties = d.lastPair
		}
	}
	if len(c.objs) > 0 || !d.roundNoun(s, c.after) || len(parties) != 2 {
		return true
	}
	for _, e := range parties {
		if !contains(c.sub.ents, e) {
			c.objs = append(c.objs, e)
		}
	}
	if len(c.objs) < 2 {
		c.objs = nil
	}
	c.conf -= 0.15
	return true
}

// objTrade: "traded accusations" is mutual among the subjects.
func (d *doc) objTrade(s *sent, c *cueCall) bool {
	for q := c.after; q < s.b && q < c.after+3; q++ {
		if tradedNouns[d.low[q]] {
			c.recip = len(c.sub.ents) >= 2
			break
		}
	}
	return true
}

// headsFor returns the nouns the cue governs.
func (d *doc) headsFor(c *cueCall) cueHeads {
	w := c.def.words
	switch {
	case c.def.mode == mTalks && speakVerbs[d.low[c.i]]:
		return phoneHeads
	case c.def.mode == mWith && len(w) > 1 && w[1] == "ties":
		return tiesHeads
	case c.def.mode == mWith && len(w) > 1 && abandonParticles[w[len(w)-1]]:
		return abandonHeads
	case c.def.mode == mWith && len(w) == 1 && suspendVerbs[w[0]]:
		return abandonHeads // "suspended talks with X"
	case c.def.mode == mWith && len(w) == 1:
		return pactHeads
	}
	return headsByMode[c.def.mode]
}

// suspendVerbs halt relations or talks with an actor.
var suspendVerbs = set("suspend", "suspends", "suspended", "suspending", "freeze", "freezes", "froze", "frozen", "freezing",
	"downgrade", "downgrades", "downgraded", "downgrading")

// objHeads: the actor after the governed noun: "held talks with X",
// "pledged support for X", "broke off relations with X".
func (d *doc) objHeads(s *sent, c *cueCall) bool {
	h := d.headsFor(c)
	if d.auxiliaryHad(s, c.i) {
		return true // "had rejected a proposal to resume talks": no talks had
	}
	for q := c.after; q < s.b && q < c.after+h.lim; q++ {
		if h.words[d.low[q]] {
			d.headObject(s, c, q, h)
			break
		}
		if d.low[q] == "," || d.low[q] == ";" {
			break
		}
	}
	return true
}

// pastGift returns the token after a gift noun at g or after at most two
// lower-case modifiers before it ("economic aid"), else g-1, the "in"
// before it.
func (d *doc) pastGift(s *sent, g int) int {
	for k := g; k < s.b && k < g+3; k++ {
		if giftNouns[d.low[k]] {
			return k + 1
		}
		if !d.toks[k].word || d.toks[k].upper {
			break
		}
	}
	return g - 1
}

// headObject reads the object after the head noun at q.
func (d *doc) headObject(s *sent, c *cueCall, q int, h cueHeads) {
	c.talks = true
	r := q + 1
	if d.low[q] == "with" {
		r = q
	}
	if r < s.b && callMedia[d.low[q]] && callNouns[d.low[r]] {
		r++ // "a phone call with"
	}
	if c.def.mode == mWith && r+1 < s.b && d.low[r] != "with" && h.words[d.low[r]] {
		r++ // "cooperation agreement with"
	}
	if talkHeads[d.low[q]] || encounterNouns[d.low[q]] {
		r = d.pastVenue(s, r) // "held talks in Moscow with X"
	}
	for r+1 < s.b && amountNouns[d.low[q]] && amountNouns[d.low[r]] {
		r++ // "50 million euros in aid"
	}
	if r+2 < s.b && amountNouns[d.low[q]] && d.low[r] == "in" {
		r = d.pastGift(s, r+1) // "$10 million in (economic) aid to X"
	}
	if r < s.b && (d.low[r] == "with" || d.low[r] == "for" || d.low[r] == "to") {
		c.objs, c.end, _, _ = d.objectNP(s, r+1, 5)
	}
	if c.def.mode == mPledge && giftNouns[d.low[q]] {
		// "pledged funding for UNRWA": an offer of something.
		c.typ = Offers
	}
	if c.def.mode == mPledge && talkHeads[d.low[q]] {
		// "renewed negotiations with X", "announced talks with Y"
		c.typ = Engages
	}
	if c.def.mode == mContacts && q > c.after && d.low[q-1] == "diplomatic" && recognitionVerbs[d.low[c.i]] {
		// "established diplomatic relations with X": recognition, a
		// diplomatic cooperation (CAMEO 054), more than a contact.
		c.typ = Supports
	}
}

// recognitionVerbs set up or restore diplomatic relations.
var recognitionVerbs = set("establish", "establishes", "established", "establishing", "restore", "restores", "restored", "restoring",
	"normalise", "normalises", "normalised", "normalize", "normalizes", "normalized")

// objectFallbacks find objects the mode's rule did not: the owner of a
// definite event noun ("rejected the proposal"), a relative clause's
// antecedent, the owner of a fronted noun ("a charge Ankara rejects").
func (d *doc) objectFallbacks(s *sent, c *cueCall) {
	if d.objPron != nil && len(c.objs) == 1 && contains(c.sub.ents, c.objs[0]) {
		// "urged its government ...": "its" is not the subject itself.
		if e := d.otherActor(s, d.objPron, c.sub.ents); e >= 0 {
			c.objs = []int{e}
		}
	}
	if len(c.objs) == 0 && c.class != "" {
		c.objs = d.ownerOf(c.class, c.sub.ents)
		c.conf -= 0.1
	}
	if len(c.objs) == 0 && len(c.sub.relObj) > 0 {
		c.objs = c.sub.relObj
	}
	if len(c.objs) == 0 && c.sub.nounObj != "" {
		c.objs = d.ownerOf(c.sub.nounObj, c.sub.ents)
		if len(c.objs) == 0 && c.sub.nounObj == "accusation" {
			c.objs = d.chargeJustMade(s, c.sub.ents)
		}
	}
}

// punitiveNouns are measures against an actor that a demand asks for:
// "called for sanctions against X" disapproves of X (CAMEO 11), it asks
// nothing of X.
var punitiveNouns = set("sanctions", "embargo", "boycott", "punishment", "penalties", "measures", "action")

// punitiveTarget makes a demand for measures against an actor an
// accusation of it: "called for sanctions against Nigeria", "urged an
// embargo on Burma".
func (d *doc) punitiveTarget(s *sent, c *cueCall) {
	if len(c.objs) > 0 || c.typ != Demands {
		return
	}
	for q := c.after; q < s.b && q < c.after+5; q++ {
		if !punitiveNouns[d.low[q]] {
			if s.mentionAt(q) != nil || placeStops[d.low[q]] {
				return
			}
			continue
		}
		if q+1 < s.b && (d.low[q+1] == "against" || d.low[q+1] == "on") {
			if ents, end, _, _ := d.objectNP(s, q+2, 3); len(ents) > 0 && !overlaps(ents, c.sub.ents) {
				c.objs, c.end, c.typ = ents, end, Accuses
			}
		}
		return
	}
}

// groupStances emits what a subject list does with each other: "traded
// accusations", "Saudi Arabia and Iran held talks", "Chile and Peru
// agreed to a truce".
func (d *doc) groupStances(s *sent, c *cueCall) {
	sub := c.sub
	if c.recip && len(sub.ents) >= 2 {
		d.reciprocal(s, c.typ, sub.ents, c.conf, c.end)
	}
	if len(c.objs) > 0 {
		if c.typ == Engages && len(sub.ents) >= 2 && !sub.group && d.multiPartyTalks(s, c) {
			d.pairs(s, sub.ents, c.conf-0.1, c.end) // "A and B held trilateral talks with C"
		}
		return
	}
	if c.typ == Engages && (len(sub.ents) == 2 || d.countedLeaders(s, sub.ents) || d.partiesTalk(s, c)) && !c.recip && !sub.group && (c.talks || d.low[c.i] == "met" || d.low[c.i] == "meets") {
		d.noteTalks(sub.ents)
		d.pairs(s, sub.ents, c.conf-0.1, c.end)
	}
	if c.def.recip != "" && !sub.group {
		d.reciprocal(s, c.def.recip, sub.ents, c.conf-0.1, c.end)
	}
	if c.typ == Rejects && c.def.recip == "" && !sub.group && len(sub.ents) >= 2 && d.refusedTogether(s, c) {
		d.reciprocal(s, Rejects, sub.ents, c.conf-0.1, c.end)
	}
}

// refusedTogether reports a refusal of an act done together: "failed to
// reach agreement", "refused to sign the accord". Parties that refuse an
// act together reject each other, as parties that agree offer each
// other; a failure to reach agreement is CAMEO's own example of
// rejection (120). Merely failing to agree ("X and Y failed to agree on
// the border") states a disagreement, no act refused, and news
// annotators never mark it, so it rejects no one.
func (d *doc) refusedTogether(s *sent, c *cueCall) bool {
	v := c.after
	if v+1 >= s.b || d.low[v] != "to" {
		return false
	}
	f, ok := d.lx.verbs.match(d.low, s.a, v+1, s.b)
	if !ok || !reciprocal(f.code) || failWords[d.low[c.i]] && agreeVerbs[d.low[v+1]] {
		return false
	}
	// "failed to reach a deal with Ethiopia": a third party, not each other.
	for q := v + 1; q < s.b && q < v+12 && !placeStops[d.low[q]]; q++ {
		if m := s.mentionAt(q); m != nil && m.ent >= 0 && !m.place && !contains(c.sub.ents, m.ent) {
			return false
		}
	}
	return true
}

// failWords and agreeVerbs make "failed to agree", a disagreement.
var (
	failWords  = set("fail", "fails", "failed", "failing")
	agreeVerbs = set("agree", "concur")
)

// pairs emits an engagement between every two of ents.
func (d *doc) pairs(s *sent, ents []int, conf float64, end int) {
	for x := 0; x < len(ents); x++ {
		for y := x + 1; y < len(ents); y++ {
			d.emit(s, Engages, []int{ents[x]}, []int{ents[y]}, conf, end)
		}
	}
}

// noObject records a cue without object: its subject, who owns "the
// offer" or "the demand" later, and its content.
func (d *doc) noObject(s *sent, c *cueCall) {
	d.setSubject(s, c.sub)
	w := d.low[c.i]
	if (c.def.typ == Offers || c.def.typ == Demands || strings.HasPrefix(w, "pledg")) && !s.isContent(c.i) && !reportVerbs[w] {
		// "IGAD offered to convene a summit", "Serbia demanded a
		// referendum", "the RSF pledged to protect convoys": "the
		// initiative", "the demand", "the pledge" later are theirs.
		class := "offer"
		switch {
		case c.def.typ == Demands:
			class = "demand"
		case strings.HasPrefix(w, "pledg"):
			class = "pledge"
		}
		d.owners[class] = append([]int(nil), c.sub.ents...)
	}
	if c.typ == Demands {
		// "called on Arabs to unite against X": no actor addressed.
		d.rallied(s, c)
	}
	if contentTypes[c.typ] && !reportVerbs[w] {
		// "told reporters that ..." is speech, whose content the
		// reporting rules read; "accused a militia of ..." is not.
		d.markContent(s, c.after)
	}
}

// cueStances emits the stance of the cue toward its objects and what it
// implies.
func (d *doc) cueStances(s *sent, c *cueCall) {
	if len(c.objs) == 0 {
		d.noObject(s, c)
		return
	}
	if len(c.objs) >= 2 && c.typ != Engages && overlaps(c.objs, c.sub.ents) {
		// A list that holds the subject itself is a misread list, not
		// the object: "Brazil, Chile and Colombia condemned what they
		// called ...".
		d.setSubject(s, c.sub)
		return
	}
	if hostile, occupiers := d.hostileAs(s, c.end); c.typ == Supports && strings.HasPrefix(d.low[c.i], "recogni") && hostile {
		// "recognized X as a terrorist state", "as an area occupied by
		// Russia": a hostile label, not recognition.
		c.typ = Accuses
		if len(occupiers) > 0 {
			c.objs = occupiers
		}
	}
	if c.typ == Supports && strings.HasPrefix(d.low[c.i], "welcom") && d.visitIn(s, c.after, c.end+1) {
		// "welcomed an Israeli delegation", "welcomed delegations from
		// both capitals": a visit received, not approval.
		c.typ = Engages
	}
	d.emit(s, c.typ, c.sub.ents, c.objs, c.conf, c.end)
	d.answeredOwner(s, c)
	d.setSubject(s, c.sub)
	s.prevObjs = c.objs
	if c.typ == Demands && d.stopDoing(s, c.end) {
		// "urged Tehran to stop smuggling weapons": a charge, which "a
		// charge Iran denies" can refer to, though no stance of its own.
		batch := len(d.accus)
		for _, sb := range c.sub.ents {
			for _, ob := range c.objs {
				d.accus = append(d.accus, [3]int{sb, ob, batch})
			}
		}
	}
	if more := d.asDid(s, c.end); len(more) > 0 {
		// "Turkey welcomed the plan, as did Italy."
		d.emit(s, c.typ, more, c.objs, c.conf-0.1, c.end)
	}
	if c.typ == Engages && c.def.mode == mHost && strings.HasPrefix(d.low[c.i], "host") {
		d.hostedBetween(s, c)
	}
	if c.typ == Demands {
		d.rallied(s, c)
	}
	d.accusedSaying(s, c)
	if contentTypes[c.typ] {
		d.markContent(s, c.end)
		if r := d.afterRelative(s, c.end); r > 0 && r < s.b && (d.low[r] == "to" || d.low[r] == "of") {
			// "urged Washington and Paris, which brokered the truce, to
			// press Israel": the demand's content resumes after the clause.
			d.markContent(s, r)
		}
	}
}

// A rallyAct asked of others is the speaker's own stance toward its
// object (CAMEO 053 rally support, 113 rally opposition): "urged the EU
// to support X" supports X, "called on Arabs to unite against X" accuses
// X, whatever it says of the addressee, who need be no actor.
type rallyAct struct {
	verbs map[string]bool
	prep  string // the word before the object: "" for the verb's own object
	typ   string
	reach int // tokens from the object's start to its actor: "against Israeli right-winger X"
	// then, where set, must follow the object: "to hold X accountable".
	then map[string]bool
}

var rallyActs = []rallyAct{
	{set("support", "back", "recognise", "recognize", "endorse", "help", "assist", "aid"), "", Supports, 3, nil},
	{set("unite", "mobilize", "mobilise", "rise", "rally", "stand", "act", "fight", "struggle", "resist", "organize", "organise"), "against", Accuses, 6, nil},
	// "urged the world to condemn X's move": condemnation asked for is
	// the speaker's own (CAMEO 111), as a rejection asked for is (112).
	{set("condemn", "denounce", "censure", "criticize", "criticise"), "", Accuses, 4, nil},
	{set("reject", "oppose"), "", Rejects, 4, nil},
	// "called on the world to hold X accountable": a charge (CAMEO 111).
	{set("hold"), "", Accuses, 3, set("accountable", "responsible", "liable")},
}

// rallyFill may stand among a rally's verbs: "to unite and 'mobilize'
// against", "to rise up together against".
var rallyFill = set("and", "up", "together", "`", "``", "''", "'", "\"", "\u201c", "\u201d", "united", "firmly")

// rallied emits the speaker's stance toward the actor a demand asks
// others to rally for or against.
func (d *doc) rallied(s *sent, c *cueCall) {
	q := c.end
	for lim := q + 4; q < s.b && q < lim && d.low[q] != "to"; q++ {
	}
	if q+2 >= s.b || d.low[q] != "to" {
		return
	}
	for q+2 < s.b && rallyFill[d.low[q+1]] && d.low[q+1] != "and" {
		q++ // "to ``mobilize'' against"
	}
	for _, r := range rallyActs {
		if !r.verbs[d.low[q+1]] {
			continue
		}
		at := d.rallyObjectAt(s, q+2, r)
		if at < 0 {
			return
		}
		objs, end, _, _ := d.objectNP(s, at, r.reach)
		if r.then != nil && (end >= s.b || !r.then[d.low[end]]) {
			return
		}
		if len(objs) > 0 && !overlaps(objs, c.objs) && !overlaps(objs, c.sub.ents) {
			d.emit(s, r.typ, c.sub.ents, objs, c.conf-0.15, at)
		}
		return
	}
}

// rallyObjectAt returns where the object of rally r starts after its
// first verb at j-1: at j for the verb's own object, after the
// preposition past further rally verbs for the others; -1 for none.
func (d *doc) rallyObjectAt(s *sent, j int, r rallyAct) int {
	if r.prep == "" {
		return j
	}
	for lim := j + 9; j < s.b && j < lim; j++ {
		switch w := d.low[j]; {
		case w == r.prep:
			return j + 1
		case !rallyFill[w] && !r.verbs[w] && !adverb(w):
			return -1
		}
	}
	return -1
}

// hostedBetween: "hosted negotiations between A and B": A and B talked;
// not where the parties are only referred to ("between the sides").
func (d *doc) hostedBetween(s *sent, c *cueCall) {
	for q := c.after; q < c.end && q < s.b; q++ {
		if d.low[q] == "between" && len(c.objs) >= 2 && !d.refAt(s, q+1) {
			if len(c.objs) == 2 {
				d.noteTalks(c.objs)
			}
			d.pairs(s, c.objs, c.conf-0.1, c.end)
		}
	}
}

// overlaps reports whether xs and ys share an element.
func overlaps(xs, ys []int) bool {
	for _, x := range xs {
		if contains(ys, x) {
			return true
		}
	}
	return false
}

// union returns a new set of the words of a and b.
func union(a, b map[string]bool) map[string]bool {
	u := make(map[string]bool, len(a)+len(b))
	for k := range a {
		u[k] = true
	}
	for k := range b {
		u[k] = true
	}
	return u
}
