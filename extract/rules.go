package extract

import (
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/stance"
)

// subject is the actor (list) a verb is predicated of.
type subject struct {
	ents    []int
	person  bool
	ref     bool  // through a pronoun, a description or inheritance
	relObj  []int // "Pakistan, which officials have accused": the object
	nounObj string
	neg     bool // negated, modal or otherwise not asserted
	// refuses marks a verb under negation or a verb of refusal ("did not
	// accept", "refused to meet", "is not ready to talk with"): an act of
	// cooperation so stated is a rejection.
	refuses bool
	group   bool // one group name: "the Quartet met" is no meeting among its members
	plural  bool // one actor named through a plural noun: "Israeli officials"
}

// pluralNouns after an actor make a later "they" refer to it.
var pluralNouns = set("officials", "diplomats", "leaders", "ministers", "negotiators", "authorities", "forces", "troops",
	"envoys", "mediators", "representatives", "spokesmen", "commanders", "generals", "rulers", "delegates")

var negVerbs = set("declined", "refused", "failed", "ceased", "unwilling", "reluctant", "declines", "refuses", "refusing",
	"declining", "fails", "stopped", "hesitated", "neither")

// refusalVerbs before "to" refuse the act: "declined to meet".
var refusalVerbs = set("declined", "refused", "failed", "unwilling", "reluctant", "declines", "refuses", "refusing", "declining", "fails")

// willingWords state a willingness that a negation turns into refusal.
var willingWords = set("ready", "willing", "prepared", "able", "going", "inclined", "keen", "eager")

// modalIn reports a modal in [from, to): "would", "will", "cannot".
func (d *doc) modalIn(s *sent, from, to int) bool {
	for j := max(from, s.a); j < to; j++ {
		if w := d.low[j]; modalWords[w] || w == "cannot" || w == "can" || w == "won't" || w == "won\u2019t" {
			return true
		}
	}
	return false
}

// negatedAt reports a negation in the two words before k: "not ready".
func (d *doc) negatedAt(s *sent, k int) bool {
	for j := k - 1; j >= s.a && j >= k-2; j-- {
		if w := d.low[j]; negWords[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n\u2019t") {
			return true
		}
	}
	return false
}

var timeNouns = set("week", "month", "year", "morning", "evening", "night", "weekend", "afternoon")

// subjectAt finds the subject of the verb at token c. The steps: skip the
// auxiliaries and times before the verb, read its polarity from them,
// follow a connective, apposition or relative pronoun before them, take
// the nearest actor to the left within the clause, else the actor of a
// fronted place an unnamed official speaks for.
func (d *doc) subjectAt(s *sent, c int) subject {
	k := d.skipBeforeVerb(s, c)
	res := d.verbPolarity(s, k, c)
	if k < s.a || d.alongWithSubject(s, k, &res) {
		return res
	}
	k, res, done := d.connectiveSubject(s, k, c, res)
	if done || d.nearestSubject(s, k, &res) {
		return res
	}
	d.frontedPlaceSubject(s, k, &res)
	return res
}

// skipBeforeVerb returns the last token before the verb at c that is not
// an auxiliary, a negation, a time ("on Tuesday", "last week") or "on".
func (d *doc) skipBeforeVerb(s *sent, c int) int {
	k := c - 1
	for k >= s.a {
		w := d.low[k]
		if auxWords[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n\u2019t") || timeNouns[w] {
			k--
			continue
		}
		if _, ok := weekdays[w]; ok && k-1 >= s.a && (d.low[k-1] == "on" || d.low[k-1] == "late" || d.low[k-1] == "last") {
			k -= 2
			continue
		}
		if w == "on" && k+1 < c {
			k--
			continue
		}
		break
	}
	return k
}

// verbPolarity reads the words from k to the verb at c: a negation or
// modal makes the verb not asserted, a negated modal or willingness a
// refusal, a verb of failing or refusing before it the same.
func (d *doc) verbPolarity(s *sent, k, c int) subject {
	var res subject
	for j := k + 1; j < c; j++ {
		w := d.low[j]
		if negWords[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n\u2019t") || modalWords[w] && !d.reportedWilling(s, j, c) && !d.futureRefusal(j, c) {
			res.neg = true
		}
	}
	// "will not meet", "cannot accept", "won't back": a refusal; "has not
	// endorsed" only withholds.
	// "is not ready to talk with X": a refusal, as an intent marker.
	res.refuses = d.negatedAt(s, c) && (d.modalIn(s, k+1, c) || willingWords[d.low[c]])
	if k >= s.a && (negVerbs[d.low[k]] || (d.low[k] == "of" && k > s.a && (d.low[k-1] == "short" || d.low[k-1] == "instead"))) {
		res.neg = true
		res.refuses = res.refuses || refusalVerbs[d.low[k]]
	}
	if k >= s.a && k+1 < c && d.low[k+1] == "to" && willingWords[d.low[k]] && d.negatedAt(s, k) {
		// "is not ready to talk with X", "was unwilling to meet"
		res.refuses = true
	}
	if res.refuses {
		// "no longer willing to talk with X": no offer stated, whatever
		// word stands between the negation and the verb.
		res.neg = true
	}
	// "is not in a hurry to recognise", "is ready to meet", "plans to
	// visit": an intention, not a stance; "continued to reject" is one.
	if k >= s.a && k+1 < c && d.low[k+1] == "to" && d.toks[k].word && !assertingBeforeTo[d.low[k]] && !auxWords[d.low[k]] {
		res.neg = true
	}
	return res
}

// reportedWilling reports "would" at j in reported speech before a word
// of willingness at c: "said he would be ready to host talks" is the
// speaker's "I am ready to", an offer, not a condition.
func (d *doc) reportedWilling(s *sent, j, c int) bool {
	return d.low[j] == "would" && willingWords[d.low[c]] && d.saidBefore(s, j)
}

// futureRefusals are refusals that "will" or "would" announces: "said it
// would ignore X's offer" refuses it now, as "will not meet" does.
// Cutting relations is one ("said it would cut ties with X").
var futureRefusals = set("reject", "ignore", "refuse", "boycott", "snub", "dismiss", "spurn", "shun", "cut", "sever")

// futureRefusal reports "will" or "would" at j right before a verb of
// refusal at c whose object is one made, not "any" that may come ("would
// reject any offer that ...": a condition).
func (d *doc) futureRefusal(j, c int) bool {
	return j+1 == c && c+1 < len(d.low) && (d.low[j] == "will" || d.low[j] == "would") && futureRefusals[d.low[c]] && d.low[c+1] != "any"
}

// connectiveSubject follows the word at k before the verb at c: a
// conjunction inherits the subject of the verb before, an apposition or
// parenthesis is skipped to the name before it, a relative pronoun takes
// its antecedent. done reports that res is the subject; else the search
// goes on to the left of the returned k.
func (d *doc) connectiveSubject(s *sent, k, c int, res subject) (int, subject, bool) {
	switch w := d.low[k]; {
	case w == "and" || w == "but" || w == "or" || w == "nor" || w == "then":
		if w == "nor" {
			res.neg = true
		}
		return k, d.inherit(s, k, res), true
	case w == ",":
		return d.appositionSubject(s, k, c, res)
	case gerundSubordinators[w] && strings.HasSuffix(d.low[c], "ing"):
		// "X said ..., after accusing Y": the gerund's doer is the
		// subject of the clause it hangs from.
		return k, d.inherit(s, k, res), true
	case (w == "--" || w == "\u2014" || w == ")") && k > s.a:
		// "The Troika -- Norway, Britain and the US -- urged": the name
		// before the parenthesis.
		open := w
		if w == ")" {
			open = "("
		}
		for j := k - 1; j > s.a && j > k-25; j-- {
			if d.low[j] == open {
				if m := s.mentionAt(j - 1); m != nil && m.ent >= 0 && !m.place && len(m.group) > 0 {
					res.ents, res.group = m.group, true
					return k, res, true
				}
				break
			}
		}
	case w == "which" || w == "who" || w == "that":
		if ents, first := d.antecedent(s, k); len(ents) > 0 {
			res.ents = ents
			fi := s.at[first-s.a]
			_, li := d.listAt(s, fi)
			res.person = listPerson(s, fi, li)
		}
		return k, res, true
	}
	return k, res, false
}

// appositionSubject handles a comma at k before the verb at c: a
// participle or a clause without a second comma inherits the subject
// before; an apposition between commas is skipped, with the relative
// clauses around it ("Russia, which has courted Chad's ruler, Mahamat
// Deby, welcomed": the subject stands before the relative pronoun).
func (d *doc) appositionSubject(s *sent, k, c int, res subject) (int, subject, bool) {
	if strings.HasSuffix(d.low[c], "ing") {
		return k, d.inherit(s, k, res), true
	}
	j := k - 1
	for j > s.a && d.low[j] != "," && d.low[j] != ";" && d.low[j] != "--" {
		j--
	}
	if j <= s.a || d.low[j] != "," {
		return k, d.inherit(s, k, res), true
	}
	k = j - 1
	for tries := 0; tries < 2 && !relWords[d.low[j+1]]; tries++ {
		r := k
		for r > s.a && d.low[r] != "," && d.low[r] != ";" {
			r--
		}
		if r <= s.a || d.low[r] != "," || !relWords[d.low[r+1]] {
			break
		}
		j, k = r, r-1
	}
	return k, res, false
}

// nearestSubject takes the nearest actor to the left of k within the
// clause as the subject, or the antecedent of "whose"; it reports whether
// it found one.
func (d *doc) nearestSubject(s *sent, k int, res *subject) bool {
	for j := k; j >= s.a; j-- {
		if m := s.mentionAt(j); m != nil {
			if m.ent < 0 || m.place || d.officeTarget(s, m.from) {
				// "The UN envoy for Libya": Libya is where the envoy
				// works, not who speaks.
				j = m.from
				continue
			}
			if p := d.participleBefore(s, m); p >= 0 {
				j = p // "the coalition fighting X": not X
				continue
			}
			if h := d.ofHolder(s, m.from); h >= 0 {
				// "the Kenyan and Ugandan sides of the island of X
				// agreed": the sides agreed, not X.
				j = h
			}
			d.subjectFromMention(s, j, res)
			return true
		}
		wj := d.low[j]
		if wj == "whose" && j < k {
			// "Brazil and Mexico, whose governments have kept ties with
			// Caracas": the antecedent's.
			if ents, first := d.antecedent(s, j); len(ents) > 0 {
				fi := s.at[first-s.a]
				_, li := d.listAt(s, fi)
				res.ents, res.person = ents, listPerson(s, fi, li)
				return true
			}
			return false
		}
		if j < k && (wj == "," || boundaryWords[wj] || (reportVerbs[wj] && j < k)) {
			return false
		}
		if j == k && (wj == ";" || wj == "--") {
			return false
		}
	}
	return false
}

// subjectFromMention fills res from the actor mentioned at token j, with
// the list it ends, whether a person or a plural speaks, a "nor" before
// it, and the object of a relative clause it stands in.
func (d *doc) subjectFromMention(s *sent, j int, res *subject) {
	ents, first := d.listBack(s, s.at[j-s.a])
	fm := s.ms[first]
	res.ents, res.person, res.ref = ents, listPerson(s, first, s.at[j-s.a]), fm.ref
	res.group = first == s.at[j-s.a] && len(fm.group) > 0 && !fm.pron
	if p := fm.from - 2; p >= s.a && (d.low[p+1] == "of" || d.low[p+1] == "for") && titleWords[d.low[p]] {
		// "the head of Hamas's political bureau": a person speaks.
		res.person = true
	}
	if li := s.at[j-s.a]; len(ents) == 1 && s.ms[li].to < s.b && pluralNouns[d.low[s.ms[li].to]] {
		res.plural = true // "Israeli officials": what "they" means next
	}
	for q := fm.from - 1; q >= s.a && q >= fm.from-3; q-- {
		if d.low[q] == "nor" || d.low[q] == "neither" {
			res.neg = true // "nor has it criticised"
		}
	}
	p := fm.from - 1
	if p < s.a {
		return
	}
	for p > s.a && (d.low[p] == "some" || d.low[p] == "many" || d.low[p] == "several" || d.low[p] == "senior" || d.low[p] == "the") {
		p-- // "which some Israeli officials accuse of ..."
	}
	if d.low[p] == "which" || d.low[p] == "whom" {
		res.relObj, _ = d.antecedent(s, p)
	} else if c, ok := eventClass[d.low[p]]; ok && p > s.a && (d.low[p-1] == "a" || d.low[p-1] == "an" || d.low[p-1] == "the" || d.low[p-1] == "this" || d.low[p-1] == "that") {
		// "a charge Ankara rejects": the charge is the object.
		res.nounObj = c
	}
}

// frontedPlaceSubject gives an unnamed official before k the actor a
// fronted place names ("In Kabul, a foreign ministry spokesman said").
func (d *doc) frontedPlaceSubject(s *sent, k int, res *subject) {
	official := false
	for j := k; j >= s.a && j > k-6; j-- {
		if officeNouns[d.low[j]] {
			official = true
		}
		if d.low[j] == "," {
			break
		}
	}
	if official && s.frontLoc >= 0 {
		res.ents, res.ref = []int{s.frontLoc}, true
	}
}

// inherit gives a coordinated or participial verb the subject of the verb
// before it, or the sentence's first actor.
func (d *doc) inherit(s *sent, k int, res subject) subject {
	res.ref = true
	if len(s.prevSubj) > 0 {
		res.ents, res.person = s.prevSubj, s.prevPers
		return res
	}
	// The first actor of this clause; a dateline ("ABUJA, Aug 11 --") or an
	// earlier clause is not it.
	start := s.a
	for j := k - 1; j >= s.a; j-- {
		if w := d.low[j]; w == "--" || w == ";" || w == ":" || w == "\u2014" {
			start = j + 1
			break
		}
	}
	said := d.speechVerb(s, start, k)
	for i, m := range s.ms {
		if m.from >= k || m.from > said {
			break
		}
		if m.from < start || d.toks[m.from].caps && m.kind == formMetonym {
			continue
		}
		if m.ent >= 0 && !m.place {
			var last int
			res.ents, last = d.listAt(s, i)
			res.person = listPerson(s, i, last)
			return res
		}
	}
	return res
}

// antecedent returns the actor list a relative pronoun at k refers to.
func (d *doc) antecedent(s *sent, k int) ([]int, int) {
	j := k - 1
	for j >= s.a && (d.low[j] == "," || isQuoteTok(d.low[j]) || d.low[j] == "\u201d") {
		j--
	}
	for j > s.a && officeNouns[d.low[j]] && s.mentionAt(j) == nil {
		j--
	}
	if j >= s.a && d.low[j] == ")" {
		for j >= s.a && d.low[j] != "(" {
			j--
		}
		j--
	}
	if j >= s.a {
		if m := s.mentionAt(j); m != nil && m.ent >= 0 && !m.place {
			ents, first := d.listBack(s, s.at[j-s.a])
			if f := s.ms[first].from; f > s.a && d.low[f-1] == "by" && d.low[k] != "who" && d.low[k] != "whom" {
				// "a resolution drafted by France that censured Iran": the
				// antecedent is the resolution, not its drafters.
				return nil, 0
			}
			return ents, s.ms[first].from
		}
	}
	return nil, 0
}

// objectNP returns the first actor list in the noun phrase from token
// from, the end of the phrase, the event class of a definite event noun
// without an actor ("the accusation") and whether it says "each other".
func (d *doc) objectNP(s *sent, from, limit int) (ents []int, end int, class string, recip bool) {
	definite := false
	end = from
	for j := from; j < s.b && j < from+limit; j++ {
		if m := s.mentionAt(j); m != nil {
			if m.pron && !m.gov && isPossPron(d.low[m.from]) && !d.objectHer(s, m.from) {
				j = m.to - 1
				continue
			}
			if j > from && targetPreps[d.low[j-1]] || d.describesNext(s, m) || d.warringSides(s, m) {
				// "sanctions on Russia", "pressure against Tehran": not the owner.
				j = m.to - 1
				continue
			}
			if j > from && d.low[j-1] == "what" {
				// "condemned what they called a coup": the speaker of a
				// label, not the object.
				j = m.to - 1
				continue
			}
			if m.ent >= 0 && !m.place {
				if h := d.namedHolder(s, m); h != nil {
					m, j = h, h.from // "Libya's Prime Minister Fayez al-Sarraj": his government
				}
				var last int
				ents, last = d.listAt(s, s.at[j-s.a])
				if j > from && (d.low[j-1] == "and" || d.low[j-1] == "but" || d.low[j-1] == ",") && d.clauseVerbAfter(s, s.ms[last].to) {
					// "backed the sanctions and Nigeria endorsed them": a new
					// clause with its own subject, not an object.
					return nil, j - 1, class, recip
				}
				if m.pron && !isPairRef(d, m) {
					d.objPron = m
				}
				return ents, s.ms[last].to, class, recip
			}
			j = m.to - 1
			continue
		}
		w := d.low[j]
		end = j
		if (w == "each" && j+1 < s.b && d.low[j+1] == "other") || (w == "one" && j+1 < s.b && d.low[j+1] == "another") {
			return nil, j + 2, class, true
		}
		if w == "the" && j == from && j+1 < s.b && d.low[j+1] == "other" && d.eachSubject(s, from) {
			return nil, j + 2, class, true // "each side accused the other"
		}
		if w == "the" || w == "this" || w == "that" || w == "these" || w == "those" {
			definite = true
		}
		if c, ok := eventClass[w]; ok && definite && class == "" && !(j > from && d.toks[j-1].upper && s.mentionAt(j-1) == nil) {
			// Not "the Western criticism": an owner named but unknown.
			class = c
		}
		if (w == "and" || w == "but" || w == "or") && j+1 < s.b && d.verbLike(j+1) {
			break // "stood by its allies and offered North Korea talks"
		}
		if w == "," && j > from && (titleWords[d.low[j-1]] || officeNouns[d.low[j-1]]) && j+1 < s.b {
			if m := s.mentionAt(j + 1); m != nil && m.person && m.ent >= 0 {
				continue // "the Commission president, Ursula von der Leyen"
			}
		}
		if w == "as" && j > from && !(j+1 < s.b && (d.low[j+1] == "well" || d.low[j+1] == "part")) {
			break // "recognized Castillo as Peru's leader": the thing before "as" is the object
		}
		if w == "," || w == ";" || w == ":" || w == "--" || w == "." || w == "to" || w == "\u2014" ||
			(boundaryWords[w] && j > from) || (reportVerbs[w] && !(j+1 < s.b && d.low[j+1] == "by")) || w == "saying" || w == "and" && class != "" {
			break
		}
	}
	return nil, end, class, recip
}

// talksBefore reports whether talks are named in the clause before the
// participle at i: "held talks in Doha, mediated by ...".
func (d *doc) talksBefore(s *sent, i int) bool {
	for k := i - 1; k >= s.a && k >= i-8; k-- {
		switch d.low[k] {
		case "talks", "negotiations", "meeting", "meetings", "round", "dialogue", "consultations":
			return true
		case ";", "--", "\u2014":
			return false
		}
	}
	return false
}

// agentlessCharge reports a passive accusation without "by" earlier in the
// sentence than token i: "has long been accused of ...".
func (d *doc) agentlessCharge(s *sent, i int) bool {
	for k := max(s.a+1, i-40); k < i; k++ {
		w := d.low[k]
		if w != "accused" && w != "alleged" && w != "blamed" && w != "charged" && w != "suspected" {
			continue
		}
		prev := d.low[k-1]
		reduced := prev == "," || ((prev == "long" || prev == "widely" || prev == "often" || prev == "repeatedly") && k-2 >= s.a && d.low[k-2] == ",")
		if !beWords[prev] && !(k-2 >= s.a && beWords[d.low[k-2]]) && !reduced {
			continue // "Pakistan, long accused of ...," is a charge too
		}
		by := false
		for q := k + 1; q < i && q < k+4; q++ {
			if d.low[q] == "by" {
				by = true
			}
		}
		if !by {
			return true
		}
	}
	return false
}

// announceVerbs state a decision of their subject, which "the decision",
// "the move" later refer to.
var announceVerbs = set("drafted", "tabled", "submitted", "circulated", "agreed", "passed", "enacted", "appointed", "named", "postponed", "delayed", "lifted", "extended", "cancelled", "canceled", "banned", "conducted", "staged", "began", "started", "tested", "fired", "struck", "attacked", "bombed", "raided", "shelled", "invaded", "announced", "decided", "declared", "suspended", "halted", "withdrew", "imposed", "launched",
	"expelled", "closed", "recalled", "signed", "unveiled", "adopted", "quit", "left", "pulled", "annexed", "ended",
	"released", "freed", "reopened", "deployed", "ratified", "approved", "resumed", "severed",
	"announces", "decides", "declares", "suspends", "halts", "withdraws", "imposes", "launches", "expels", "recalls")

// announcer makes the actor list that opens the sentence the owner of the
// decision the sentence announces: "Mali and Niger announced that they
// would leave ECOWAS", "Russia said it would not extend the corridor".
func (d *doc) announcer(s *sent) {
	for i, m := range s.ms {
		if m.ent < 0 || m.place || (d.toks[m.from].caps && m.kind == formMetonym) {
			continue // a dateline ("NIAMEY --") is no subject
		}
		ents, last := d.listAt(s, i)
		j := s.ms[last].to
		for j < s.b && (auxWords[d.low[j]] || officeNouns[d.low[j]] || officeModifiers[d.low[j]] || d.low[j] == "on" || d.low[j] == "'s" || isWeekday(d.low[j])) {
			j++
		}
		if j >= s.b || negWords[d.low[j]] {
			return
		}
		w := d.low[j]
		ok := announceVerbs[w]
		if w == "said" || w == "says" {
			k := j + 1
			for k < s.b && (d.low[k] == "on" || isWeekday(d.low[k]) || d.low[k] == "that") {
				k++
			}
			if k+1 < s.b && (d.low[k] == "it" || d.low[k] == "they") && (d.low[k+1] == "would" || d.low[k+1] == "will" || d.low[k+1] == "was" || d.low[k+1] == "had") {
				ok = true
			}
		}
		if ok && !d.hypothetical(s, m.from) {
			c := d.announcedClass(s, j)
			d.owners[c] = ents
			if c == "announcement" && (w == "announced" || w == "unveiled" || w == "announces" || w == "said" || w == "says") {
				// "Washington announced that it would build a pier, a plan
				// Cyprus welcomed": what it announced is its plan too.
				d.owners["offer"] = ents
			}
		}
		return
	}
}

// announcedClass says what the announcing verb at j makes its subject the
// owner of: an act ("struck" -> "the strikes"), measures ("imposed
// sanctions" -> "the measures") or a decision ("the move").
func (d *doc) announcedClass(s *sent, j int) string {
	for k := j + 1; k < s.b && k < j+9; k++ {
		if c := eventClass[d.low[k]]; c == "measures" || c == "action" || (c == "offer" && d.authoredBy(s, j, k)) {
			return c
		}
		if d.low[k] == "," || d.low[k] == ";" {
			break
		}
	}
	switch d.low[j] {
	case "struck", "attacked", "bombed", "raided", "shelled", "invaded", "launched", "annexed", "fired":
		return "action"
	}
	return "announcement"
}

// draftVerbs make their subject the author of the text they name: "France
// drafted a resolution".
var draftVerbs = set("drafted", "tabled", "submitted", "circulated")

// adoptVerbs make their subject the owner of a text no other actor is
// named with: "the Security Council adopted a resolution", "Kenya
// unveiled a plan"; "Kenya approved a Ugandan plan" and "passed a text
// drafted by Uganda" leave it Uganda's.
var adoptVerbs = set("adopted", "passed", "approved", "unveiled", "presented", "issued", "proposed", "launched")

// authoredBy reports whether the verb at j makes its subject the author
// of the text whose noun is at k.
func (d *doc) authoredBy(s *sent, j, k int) bool {
	if draftVerbs[d.low[j]] {
		return true
	}
	if !adoptVerbs[d.low[j]] {
		return false
	}
	for q := j + 1; q < k; q++ {
		if m := s.mentionAt(q); m != nil && m.ent >= 0 {
			return false
		}
	}
	// "passed a resolution drafted by France": the drafters' text.
	n := k + 1
	if n < s.b && strings.HasSuffix(d.low[n], "ed") {
		n++
	}
	return n >= s.b || d.low[n] != "by"
}

func isWeekday(w string) bool { _, ok := weekdays[w]; return ok }

// hypothetical reports a subordinator before token i in the sentence.
func (d *doc) hypothetical(s *sent, i int) bool {
	for k := s.a; k < i; k++ {
		if hypoWords[d.low[k]] {
			return true
		}
	}
	return false
}

// objectHer reports "her" as an object ("thanked her for"), not a
// possessive ("her government").
func (d *doc) objectHer(s *sent, j int) bool {
	if d.low[j] != "her" {
		return false
	}
	if j+1 >= s.b {
		return true
	}
	switch d.low[j+1] {
	case "for", "to", "on", "over", "of", "as", "in", "at", "with", "about", "and", ",", ".", ";":
		return true
	}
	return false
}

// refAt reports whether the phrase at j is a reference, not a name: "the
// sides", "the two countries", "both".
func (d *doc) refAt(s *sent, j int) bool {
	for q := j; q < s.b && q < j+3; q++ {
		if m := s.mentionAt(q); m != nil {
			return m.pron || m.ref
		}
	}
	return false
}

// visitIn reports whether the head of the object phrase in [from, to) is
// a visiting party: "an Israeli delegation", "delegations from both
// capitals", but not "a pledge by the delegation".
func (d *doc) visitIn(s *sent, from, to int) bool {
	for q := from; q < to && q < s.b; q++ {
		if m := s.mentionAt(q); m != nil {
			q = m.to - 1
			continue
		}
		if determiners[d.low[q]] || officeModifiers[d.low[q]] {
			continue
		}
		// "welcomed President X's statement": the statement, not a visit.
		return visitNouns[d.low[q]] && !d.possessiveWithin(s, q+1, 4)
	}
	return false
}

// possessiveWithin reports a possessive 's in the n tokens from j.
func (d *doc) possessiveWithin(s *sent, j, n int) bool {
	for k := j; k < s.b && k < j+n; k++ {
		if isApos1(d.low[k]) {
			return true
		}
	}
	return false
}

// officeTarget reports an office noun and "for"/"to" before token j:
// "envoy for Libya", "ambassador to Chad".
func (d *doc) officeTarget(s *sent, j int) bool {
	p := j - 1
	if p > s.a && d.low[p] == "the" {
		p--
	}
	return p-1 >= s.a && (d.low[p] == "for" || d.low[p] == "to") && postedTitles[d.low[p-1]]
}

// postedTitles are offices held toward a country: "the UN envoy for Libya"
// (but "a spokesman for the group" speaks for it).
var postedTitles = set("envoy", "envoys", "ambassador", "ambassadors", "representative", "mediator", "coordinator", "rapporteur", "commissioner")

// promiseVerbs after "promised to" make the promise an offer.
var promiseVerbs = set("provide", "send", "give", "help", "support", "supply", "deliver", "host", "mediate", "facilitate", "fund", "assist")

// joinedIn returns the actors of "X joined Y in" before the gerund at i:
// X and Y both act.
func (d *doc) joinedIn(s *sent, i int) []int {
	if !strings.HasSuffix(d.low[i], "ing") || i-3 < s.a || d.low[i-1] != "in" {
		return nil
	}
	for k := i - 2; k >= s.a && k > i-8; k-- {
		if d.low[k] != "joined" && d.low[k] != "joins" && d.low[k] != "join" {
			continue
		}
		sub := d.subjectAt(s, k)
		objs, _, _, _ := d.objectNP(s, k+1, 5)
		if len(sub.ents) == 0 || len(objs) == 0 || sub.neg {
			return nil
		}
		out := append([]int(nil), sub.ents...)
		for _, o := range objs {
			if !contains(out, o) {
				out = append(out, o)
			}
		}
		return out
	}
	return nil
}

// blockedText reports a gerund cue at i modifying a text ("a statement
// condemning ...") that the verb governing it blocked or voted down, or
// that a modal leaves unadopted ("would vote on a resolution condemning").
func (d *doc) blockedText(s *sent, i int) bool {
	if !strings.HasSuffix(d.low[i], "ing") || i-2 < s.a || !textNouns[d.low[i-1]] {
		return false
	}
	for k := i - 2; k >= s.a && k > i-textReach; k-- {
		w := d.low[k]
		if blockVerbs[w] || modalWords[w] {
			return true
		}
		if s.mentionAt(k) != nil || determiners[w] || (d.toks[k].word && !d.verbLike(k)) {
			continue
		}
		// "would vote on a resolution condemning X": not adopted yet.
		return d.toks[k].word && d.modalIn(s, k-2, k)
	}
	return false
}

// textReach bounds the words between a text's governing verb and the
// gerund after it: "quashed a United Nations Security Council resolution
// condemning".
const textReach = 9

var textNouns = set("statement", "resolution", "draft", "text", "motion", "declaration", "letter", "communique")

var blockVerbs = set("blocked", "blocks", "block", "vetoed", "vetoes", "veto", "rejected", "rejects", "opposed", "opposes",
	"scuttled", "killed", "withdrew", "shelved", "quashed", "defeated", "torpedoed")

// stopDoing reports "to stop (cease, end) doing" right after token j.
func (d *doc) stopDoing(s *sent, j int) bool {
	return j+2 < s.b && d.low[j] == "to" && (d.low[j+1] == "stop" || d.low[j+1] == "cease" || d.low[j+1] == "end" || d.low[j+1] == "halt") &&
		strings.HasSuffix(d.low[j+2], "ing")
}

// asDid returns the actors of ", as did X" within a few tokens after j.
func (d *doc) asDid(s *sent, j int) []int {
	for q := j; q+2 < s.b && q < j+8; q++ {
		if d.low[q] == ";" || d.low[q] == "." {
			return nil
		}
		if d.low[q] == "," {
			// Only at the end of this clause.
			if d.low[q+1] == "as" && d.low[q+2] == "did" && q+3 < s.b {
				if m := s.mentionAt(q + 3); m != nil && m.ent >= 0 && !m.place {
					ents, _ := d.listAt(s, s.at[q+3-s.a])
					return ents
				}
			}
			return nil
		}
	}
	return nil
}

// eachSubject reports "each side" (or party, country) opening the clause
// before token j.
func (d *doc) eachSubject(s *sent, j int) bool {
	for k := j - 1; k > s.a && k >= j-6; k-- {
		if d.low[k] == "each" && eachNouns[d.low[k+1]] {
			return true
		}
		if d.low[k] == "," || d.low[k] == ";" {
			return false
		}
	}
	return false
}

var eachNouns = set("side", "party", "country", "government", "camp")

// involvementAt reports "any involvement", "any role", "wrongdoing"
// after a denial at j.
func (d *doc) involvementAt(s *sent, j int) bool {
	for q := j; q < s.b && q < j+3; q++ {
		switch d.low[q] {
		case "any", "all", "the", "its", "their":
			continue
		case "involvement", "role", "responsibility", "wrongdoing", "link", "links", "part":
			return true
		}
		return false
	}
	return false
}

// deniedGerund reports a gerund of what is denied at j: "denies being the
// source", "denied having anything to do with it".
func (d *doc) deniedGerund(s *sent, j int) bool {
	if j+1 >= s.b {
		return false
	}
	switch d.low[j] {
	case "being":
		return chargedBeing[d.low[j+1]]
	case "having":
		return d.low[j+1] != "been" // "having been invited" denies a fact of its own
	case "playing", "carrying":
		return true
	}
	return false
}

// chargedBeing follow a denied "being" where it denies a charge ("being
// the source"), not a fact of its own ("being invited to the talks").
var chargedBeing = set("the", "a", "an", "behind", "involved", "responsible", "part", "complicit", "linked")

var relWords = set("which", "who", "whose", "whom")

// giftNouns pledged to an actor make the pledge an offer.
var giftNouns = union(set("aid", "funding", "assistance", "funds", "money", "weapons", "arms"), amountNouns)

// amountNouns end an amount of money given: "pledged $10 million to X".
var amountNouns = set("million", "billion", "dollars", "euros", "pounds", "loan", "loans", "grant", "grants", "credits",
	"yuan", "yen", "rupees", "roubles", "rubles", "francs", "pesos", "kroner", "kronor", "riyals", "dirhams", "dinars", "shillings", "lira")

// claimIn reports whether an accusation or claim noun lies in [from, to):
// "denied Kigali's accusations", "rejected the claims by Kinshasa".
func (d *doc) claimIn(s *sent, from, to int) bool {
	for q := from; q < to; q++ {
		if eventClass[d.low[q]] == "accusation" || d.low[q] == "report" || d.low[q] == "reports" {
			return true
		}
	}
	return false
}

// roundNoun reports whether a round of talks follows the host verb at j:
// "hosted the first round", "hosted the talks".
func (d *doc) roundNoun(s *sent, j int) bool {
	for q := j; q < s.b && q < j+4; q++ {
		switch d.low[q] {
		case "round", "rounds", "talks", "negotiations":
			return true
		case "the", "a", "first", "second", "third", "last", "previous", "latest", "earlier", "initial", "next",
			"ongoing", "current", "recent", "direct", "indirect", "peace":
			continue
		}
		return false
	}
	return false
}

// clauseVerbAfter reports whether a finite verb follows token j, past
// adverbs and auxiliaries: the actor before it is a subject.
func (d *doc) clauseVerbAfter(s *sent, j int) bool {
	for k := j; k < s.b && k < j+4; k++ {
		w := d.low[k]
		switch {
		case w == "has" || w == "have" || w == "had" || beWords[w] || w == "said" || w == "says":
			return true
		case w == "also" || w == "too" || w == "later" || w == "then" || w == "quickly" || w == "swiftly":
			continue
		}
		return d.verbLike(k) && !strings.HasSuffix(w, "ing")
	}
	return false
}

// ownerOf resolves "the accusation", "the proposal": the accuser of one of
// subs, or the actor who last made an offer, demand, ...
func (d *doc) ownerOf(class string, subs []int) []int {
	if class == "" {
		return nil
	}
	if class == "accusation" {
		// Every accuser of the last accusation against one of subs:
		// "Norway and Finland accused Russia ... The Kremlin rejected the
		// accusation".
		for k := len(d.accus) - 1; k >= 0 && k >= len(d.accus)-200; k-- {
			if !contains(subs, d.accus[k][1]) {
				continue
			}
			var out []int
			for q := k; q >= 0 && d.accus[q][2] == d.accus[k][2]; q-- {
				if contains(subs, d.accus[q][1]) && !contains(out, d.accus[q][0]) {
					out = append([]int{d.accus[q][0]}, out...)
				}
			}
			return out
		}
		return nil
	}
	var out []int
	for _, o := range d.owners[class] {
		if !contains(subs, o) {
			out = append(out, o)
		}
	}
	return out
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// isParticiple reports forms that can head a passive.
func isParticiple(w string) bool {
	if strings.HasSuffix(w, "ed") {
		return true
	}
	switch w {
	case "held", "told", "met", "kept", "stood", "broken", "cut", "spoken", "made", "given":
		return true
	}
	return false
}

// pledgeHeads are what one pledges, renews or announces: support (or
// aid, an offer) and talks.
var pledgeHeads = union(giftNouns, set("support", "solidarity", "backing", "talks", "negotiations"))

// talkHeads make a pledge cue an engagement.
var talkHeads = set("talks", "negotiations")

// pickDef returns the cue of defs whose particles follow token i, or nil.
func (d *doc) pickDef(s *sent, i int, defs []cueDef) *cueDef {
	gap := i+2 < s.b && particleGap(d.low[i+1])
	for k := range defs {
		if wordsAt(d.low, i+1, s.b, defs[k].words[1:]) {
			return &defs[k]
		}
		if gap && len(defs[k].words) > 1 && wordsAt(d.low, i+2, s.b, defs[k].words[1:]) {
			// "called Thursday on X": the time is one of the cue's words.
			def := defs[k]
			def.words = append([]string{def.words[0], d.low[i+1]}, def.words[1:]...)
			return &def
		}
	}
	return nil
}

// particleGap reports a time or adverb that may part a verb from its
// particle: "called Thursday on", "called again for", "ruled today out",
// "negotiated directly with", "met briefly with".
func particleGap(w string) bool {
	return isWeekday(w) || w == "today" || w == "yesterday" || w == "again" || w == "repeatedly" || w == "also" || isMannerAdverb(w)
}

// reciprocal gives every actor of a subject list the stance toward every
// other: "Kenya and Uganda agreed on a border treaty" is an offer of each
// to the other. A list of three or more, or one actor, gives nothing but
// the pairs it holds.
func (d *doc) reciprocal(s *sent, typ string, ents []int, conf float64, end int) {
	for _, x := range ents {
		for _, y := range ents {
			if x != y {
				d.emit(s, typ, []int{x}, []int{y}, conf, end)
			}
		}
	}
}

// afterRelative returns the token after a relative clause ", which ...,"
// that starts at j, or -1.
func (d *doc) afterRelative(s *sent, j int) int {
	if j+2 >= s.b || d.low[j] != "," || (d.low[j+1] != "which" && d.low[j+1] != "who" && d.low[j+1] != "whose") {
		return -1
	}
	for k := j + 2; k < s.b && k < j+20; k++ {
		if d.low[k] == "," {
			return k + 1
		}
	}
	return -1
}

// whatBefore reports "what X called": a label whose speaker is named
// between "what" and the verb, inside the object of another verb.
func (d *doc) whatBefore(s *sent, i int) bool {
	for k := i - 1; k >= s.a && k >= i-5; k-- {
		if d.low[k] == "what" {
			return k < i-1
		}
		if s.mentionAt(k) == nil && !auxWords[d.low[k]] && d.low[k] != "the" {
			return false
		}
	}
	return false
}

func hypoBefore(d *doc, s *sent, i int) bool {
	for k := i - 1; k >= s.a; k-- {
		if d.low[k] == "," || d.low[k] == ";" {
			return false
		}
		if hypoWords[d.low[k]] {
			return true
		}
	}
	return false
}

func (d *doc) setSubject(s *sent, sub subject) {
	s.prevSubj, s.prevPers, s.subjFound = sub.ents, sub.person, true
	d.noteSubject(sub.ents, sub.person)
	if sub.plural && len(sub.ents) == 1 {
		d.lastSubjs = sub.ents
	}
}

// passive handles "Y was urged by X to ...", "Y, recognised by X".
func (d *doc) passive(s *sent, i int, def *cueDef, byTok int, withBe bool) {
	if byTok < 0 {
		return
	}
	agents, end, _, _ := d.objectNP(s, byTok+1, 7)
	if len(agents) == 0 {
		return
	}
	var objs []int
	conf := 0.8
	if withBe {
		sub := d.subjectAt(s, i)
		if sub.neg {
			return
		}
		objs = sub.ents
		if len(objs) == 0 {
			// "The ceasefire was welcomed by ...": the owner of the ceasefire.
			for k := i - 1; k >= s.a && k > i-8; k-- {
				if c, ok := eventClass[d.low[k]]; ok {
					objs = d.ownerOf(c, agents)
					conf -= 0.1
					break
				}
			}
		}
		if sub.ref {
			conf -= 0.1
		}
	} else if def.mode == mHost && len(s.prevSubj) > 0 && d.talksBefore(s, i) {
		// "X and Y held talks in Doha, mediated by Qatar": the mediator
		// engages the parties of the talks.
		objs = s.prevSubj
		conf -= 0.1
	} else if m := s.mentionAt(i - 1); m != nil && m.ent >= 0 && !m.place && !d.topicOf(s, m) {
		objs = []int{m.ent}
	} else if i-2 >= s.a && d.low[i-1] == "," {
		if m := s.mentionAt(i - 2); m != nil && m.ent >= 0 && !m.place && !d.topicOf(s, m) {
			objs = []int{m.ent}
		}
	}
	if len(objs) == 0 {
		return
	}
	typ := def.typ
	if def.mode == mLabel {
		return
	}
	d.emit(s, typ, agents, objs, conf, end)
	if typ == Demands || typ == Accuses {
		d.markContent(s, end)
	}
}

// topicOf reports a mention after a preposition of topic: in "a
// conference on X attended by Y" X is what the conference is about, not
// what Y attended.
func (d *doc) topicOf(s *sent, m *mention) bool {
	return m.from > s.a && topicPreps[d.low[m.from-1]]
}

// label handles "called X a 'puppet'", "described X as 'a trusted friend'":
// the labelled object after the verb, where its label starts, and the
// label's polarity.
func (d *doc) label(s *sent, i, after int, def *cueDef, sub subject, conf float64) {
	objs, proposal, j := d.labelObject(s, after, sub)
	if len(objs) == 0 {
		d.labelBefore(s, i, after, sub, conf)
		return
	}
	if strings.HasPrefix(d.low[i], "consider") && len(sub.relObj) == 0 && !d.actorOpens(s, after) {
		return // "considers the dispute with X a distraction": X is not what is labelled
	}
	q, ok := d.labelStart(s, j)
	if !ok {
		return
	}
	needAs := strings.HasPrefix(d.low[i], "descri") || strings.HasPrefix(d.low[i], "refer") || asLabelVerbs[d.low[i]]
	if needAs && d.low[q] != "as" {
		return
	}
	hostile, friendly, victim := d.labelWords(s, q, 14)
	if victim {
		return // "a victim of terrorism": what was done to the object
	}
	if !proposal && j < s.b {
		q2 := j
		if d.low[q2] == "'s" || d.low[q2] == "\u2019s" {
			q2++
		}
		for q2 < s.b && landClaims[d.low[q2]] {
			q2++ // "described X's territorial claim as absurd"
		}
		if q2 < s.b {
			c := eventClass[d.low[q2]]
			proposal = c == "demand" || c == "offer" || c == "accusation"
		}
	}
	if proposal && hostile == 0 && friendly == 0 && d.anyWord(q, min(s.b, q+4), falseWords) {
		hostile = 1 // "called Uganda's claims false": a claim judged untrue
	}
	typ := labelType(d.low[i], hostile, friendly, proposal)
	if typ == "" {
		return
	}
	d.emit(s, typ, sub.ents, objs, conf-0.15, q)
	d.setSubject(s, sub)
}

// labelBefore handles a label put before its object: "termed as
// 'false' accusations by the UN", "dismissed as baseless Uganda's
// claims". A hostile label on a claim rejects its owner.
func (d *doc) labelBefore(s *sent, i, after int, sub subject, conf float64) {
	k := after
	if k >= s.b || d.low[k] != "as" {
		return
	}
	for k++; k < s.b && scareQuote(d.low[k]); k++ {
	}
	if k >= s.b || !hostileWords[d.low[k]] && !falseWords[d.low[k]] {
		return
	}
	for k++; k < s.b && scareQuote(d.low[k]); k++ {
	}
	owners, class, end := d.claimOwners(s, k)
	if len(owners) == 0 || overlaps(owners, sub.ents) {
		return
	}
	d.emit(s, Rejects, sub.ents, owners, conf-0.15, end)
	if class == "accusation" {
		d.emit(s, Accuses, owners, sub.ents, conf-0.2, end)
	}
	d.setSubject(s, sub)
}

// claimOwners returns the owners of a demand, offer or accusation named
// at k ("the UN accusations", "Uganda's claims", "accusations by the
// UN"), its class and the token after it.
func (d *doc) claimOwners(s *sent, k int) ([]int, string, int) {
	if k < s.b && d.low[k] == "the" {
		k++
	}
	var owners []int
	if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
		owners, k = []int{m.ent}, m.to
		if k < s.b && isPossessive(d.low[k]) {
			k++
		}
	}
	c := ""
	if k < s.b {
		c = eventClass[d.low[k]]
	}
	if c != "demand" && c != "offer" && c != "accusation" {
		return nil, "", k
	}
	if len(owners) == 0 && k+2 < s.b && (d.low[k+1] == "by" || d.low[k+1] == "from") {
		objs, end, _, _ := d.objectNP(s, k+2, 3)
		return objs, c, end
	}
	return owners, c, k + 1
}

// actorOpens reports an actor's mention at j, or after "the" at j.
func (d *doc) actorOpens(s *sent, j int) bool {
	if j < s.b && d.low[j] == "the" {
		j++
	}
	m := s.mentionAt(j)
	return j < s.b && m != nil && m.ent >= 0 && !m.place
}

// labelWords counts the hostile and friendly words of a label that
// starts at q, within reach words and up to a semicolon or a comma past
// its first word (not one closing a quotation), and reports a word that
// makes the object the victim.
func (d *doc) labelWords(s *sent, q, reach int) (hostile, friendly int, victim bool) {
	for r := q; r < s.b && r < q+reach; r++ {
		w := d.low[r]
		if w == ";" || (w == "," && r > q+1 && !isQuoteTok(d.low[r-1])) {
			break
		}
		if hostileWords[w] {
			hostile++
		}
		if friendlyWords[w] {
			friendly++
		}
		victim = victim || victimLabels[w]
	}
	return hostile, friendly, victim
}

// victimLabels make a label say what was done to its object, not what
// it did: "a victim of aggression", "the target of attacks".
var victimLabels = set("victim", "victims", "target", "targets")

// labelType is the stance of a label with these counts of hostile and
// friendly words, put by the verb (its lower-case form) on a demand or
// proposal or not: a hostile label on a proposal rejects it ("called the
// demand 'unacceptable'"), on an actor accuses it; "branded" accuses
// unless the label is friendly; "considers" only labels in hostile words.
func labelType(verb string, hostile, friendly int, proposal bool) string {
	branded := strings.HasPrefix(verb, "brand")
	switch {
	case hostile > 0 && friendly == 0 && proposal:
		return Rejects
	case hostile > 0 && friendly == 0:
		return Accuses
	case friendly > 0 && hostile == 0 && !branded && !strings.HasPrefix(verb, "label") && !strings.HasPrefix(verb, "consider"):
		// Whom a state considers an ally is most often the writer's
		// background ("which consider Moscow a strategic ally").
		return Supports
	case branded && friendly == 0:
		return Accuses
	}
	return ""
}

// labelObject returns what the label after the verb (its object from
// token after) is put on: the antecedent of a relative clause, the first
// actor within eight words, or the owner of a definite event noun ("the
// demand"), then whether that is a demand, offer or accusation, and the
// token after the object.
func (d *doc) labelObject(s *sent, after int, sub subject) (objs []int, proposal bool, j int) {
	j = after
	if len(sub.relObj) > 0 {
		return sub.relObj, false, j
	}
	definite := false
	for ; j < s.b && j < after+8; j++ {
		if m := s.mentionAt(j); m != nil {
			if objs := d.labelledThing(s, m); len(objs) > 0 {
				return objs, false, m.to
			}
			if m.ent >= 0 && !m.place {
				e := m.ent
				if m.pron && isPossPron(d.low[m.from]) {
					e = d.otherActor(s, m, sub.ents)
				}
				if e >= 0 {
					objs = []int{e}
				}
				return objs, false, m.to
			}
			j = m.to - 1
			continue
		}
		w := d.low[j]
		if w == "the" || w == "this" {
			definite = true
		}
		if c, ok := eventClass[w]; ok && definite {
			claim := c == "demand" || c == "offer" || c == "accusation"
			if claim && j+2 < s.b && (d.low[j+1] == "by" || d.low[j+1] == "from") {
				if objs, end, _, _ := d.objectNP(s, j+2, 3); len(objs) > 0 {
					return objs, true, end // "called the accusations by Uganda baseless"
				}
			}
			return d.ownerOf(c, sub.ents), claim, j + 1
		}
		if w == `"` || w == "\u201c" || w == "a" || w == "an" || w == "as" || w == "," || w == ";" {
			break
		}
	}
	return objs, false, j
}

// labelStart skips the rest of the object phrase from j ("its leaders",
// "'s remarks", "the American military drills in Guyana 'a
// provocation'": up to six words, none a verb or a clause boundary) and
// returns where the label starts; a hostile word right at j is itself
// the label. ok is false where no label follows.
func (d *doc) labelStart(s *sent, j int) (int, bool) {
	q := j
	for q < s.b && q < j+6 {
		w := d.low[q]
		if w == `"` || w == "\u201c" || w == "a" || w == "an" || w == "as" || q > j && (hostileWords[w] || falseWords[w]) && d.claimBefore(q) {
			break // "called Uganda's accusations baseless": a bare adjective
		}
		if _, ev := eventClass[w]; w == "," || w == ";" || boundaryWords[w] || (q > j && !ev && d.verbLike(q)) {
			q = j + 6
			break
		}
		q++
	}
	if q >= s.b || q >= j+6 {
		if !(j < s.b && (hostileWords[d.low[j]] || falseWords[d.low[j]] && d.claimBefore(j))) {
			return q, false
		}
		q = j
	}
	return q, true
}

func isQuoteTok(w string) bool { return w == `"` || w == "\u201d" || w == "\u201c" }

// claimBefore reports a demand, offer or accusation noun right before
// token q, past a quotation mark: what a bare adjective after it judges.
func (d *doc) claimBefore(q int) bool {
	k := q - 1
	if k >= 0 && scareQuote(d.low[k]) {
		k--
	}
	if k < 0 {
		return false
	}
	c := eventClass[d.low[k]]
	return c == "demand" || c == "offer" || c == "accusation"
}

// between handles "talks between A and B", "summits between A and B".
func (d *doc) between(s *sent, i int) {
	p := d.low[d.talksHead(s, i)]
	if d.mediationBefore(s, i) {
		d.mediator(s, i)
		return
	}
	if !talksNouns[p] || d.cancelledBefore(s, i) {
		return
	}
	if s.isContent(i) {
		return
	}
	for k := i - 2; k >= s.a && k > i-5; k-- {
		if negWords[d.low[k]] || d.low[k] == "any" || modalWords[d.low[k]] {
			return
		}
	}
	objs, end, _, _ := d.objectNP(s, d.partiesFrom(s, i+1), 3)
	if len(objs) < 2 {
		return
	}
	if len(objs) == 2 {
		// What a later "facilitated the negotiations" refers to.
		d.noteTalks(objs)
	}
	for x := 0; x < len(objs); x++ {
		for y := x + 1; y < len(objs); y++ {
			d.emit(s, Engages, []int{objs[x]}, []int{objs[y]}, 0.7, end)
		}
	}
}

var wrongVerbs = set("struck", "violated", "violates", "breached", "breaches", "attacked", "shelled", "bombed", "invaded", "sabotaged",
	"undermined", "provoked", "betrayed", "occupied", "killed", "massacred", "bomb", "shell", "attack", "violate", "wrecked",
	"derailed", "torpedoed", "looted", "stole", "sabotage", "wreck", "shot", "raided", "annexed", "abducted", "kidnapped",
	"infringed", "infringes", "infringe", "encroached", "encroaches", "encroach", "orchestrated", "masterminded", "staged", "plotted",
	// base forms after "is trying to", "seeks to": "said X is trying to derail the talks"
	"derail", "undermine", "undermines", "torpedo", "destabilise", "destabilize", "destabilises", "destabilizes", "provoke")

// reported handles reported speech at the reporting verb r: "X said Y
// must ...", "'Y must ...,' a spokesman said", "X said Y's offer was the
// most forward-leaning proposal", "X said the Y's provocations were to blame".
// The speaker and the span of what was said come first; each word of the
// span is then read by reportedAt.
func (d *doc) reported(s *sent, r int) {
	if s.isContent(r) {
		return
	}
	sub, cFrom, cTo := d.reportedSpeech(s, r)
	if len(sub.ents) == 0 || sub.neg {
		return
	}
	if !strings.HasSuffix(d.low[r], "ing") || len(s.prevSubj) == 0 {
		d.setSubject(s, sub)
	}
	// What an actor said is what "the statement" later refers to.
	d.owners["remarks"] = append([]int(nil), sub.ents...)
	conf := 0.7
	if sub.ref {
		conf -= 0.1
	}
	d.readReported(s, sub, cFrom, cTo, conf)
}

// readReported reads each word of what sub said, tokens [cFrom, cTo),
// until a reading is done with the span.
func (d *doc) readReported(s *sent, sub subject, cFrom, cTo int, conf float64) {
	for k := cFrom; k < cTo; k++ {
		if d.reportedAt(s, sub, k, cFrom, cTo, conf) {
			return
		}
	}
}

// reportedSpeech returns the speaker of the reporting verb at r and the
// span cFrom..cTo of what was said: the quote before the verb
// ('"...," a Taliban spokesman said'), else the clause after it.
func (d *doc) reportedSpeech(s *sent, r int) (sub subject, cFrom, cTo int) {
	q := -1
	for k := r - 1; k >= s.a && k > r-8; k-- {
		if isQuoteTok(d.low[k]) || d.tok(k) == "\u201d" {
			q = k
			break
		}
		if reportVerbs[d.low[k]] || boundaryWords[d.low[k]] {
			break
		}
	}
	if q >= 0 && s.quoteOpen >= 0 && q > s.quoteOpen {
		return d.quoteSpeaker(s, r, q), s.quoteOpen + 1, q
	}
	if q >= 0 && s.quoteOpen < 0 && d.quote.speaker >= 0 && d.quote.from == s.a && d.quote.to == q {
		// The closing sentence of a quotation opened sentences before:
		// '... So they have to show it," Mensah said.' A speaker named
		// only by a pronoun is a guess on a guess: left out.
		if !d.pronounBetween(s, q, r) {
			return d.quoteSpeaker(s, r, q), s.a, q
		}
		return subject{}, s.a, q
	}
	if p := d.frontedSpeech(s, r); p > s.a {
		// "X must withdraw its troops, a Y spokesman said": what was
		// said stands before the comma, as a quotation would.
		return d.frontedSpeaker(s, r, p), s.a, p
	}
	sub = d.subjectAt(s, r)
	cFrom, cTo = r+1, s.b
	// "told his cabinet that ...": the complement follows "that".
	for k := cFrom; k < s.b && k < cFrom+5; k++ {
		if d.low[k] == "that" {
			cFrom = k + 1
			break
		}
		if d.low[k] == "," || d.low[k] == ";" {
			break
		}
	}
	for k := cFrom; k < s.b; k++ {
		w := d.low[k]
		if w == ";" || w == "--" || w == "but" || w == "while" || w == "\u2014" {
			cTo = k
			break
		}
	}
	return sub, cFrom, cTo
}

// frontedReach bounds the speaker's words between the comma that ends
// fronted speech and its reporting verb: ", Taliban spokesman Ahmad
// Karimi said".
const frontedReach = 8

// frontedTail bounds the words after a reporting verb that ends a
// sentence of fronted speech: "said on Twitter", "said in a statement".
const frontedTail = 5

// frontedSpeech returns the comma that ends speech fronted without quote
// marks before the reporting verb at r ("X must leave, Y said on
// Monday."), or -1. The verb and the speaker's words before it end the
// sentence, no verb of saying stands before the comma and nothing after
// the verb is said: "After the talks, Y said X must leave" reports what
// follows.
func (d *doc) frontedSpeech(s *sent, r int) int {
	if s.quoteOpen >= 0 {
		return -1
	}
	p := r - 1
	for p > s.a && p >= r-frontedReach && d.low[p] != "," {
		if boundaryWords[d.low[p]] || reportVerbs[d.low[p]] || d.low[p] == "that" {
			return -1
		}
		p--
	}
	if p <= s.a || d.low[p] != "," || !d.frontedTailEnds(s, r, p) {
		return -1
	}
	for k := s.a; k < p; k++ {
		if reportVerbs[d.low[k]] || isQuoteTok(d.low[k]) {
			return -1
		}
	}
	return p
}

// sourcePreps place a source rather than name whom it speaks for:
// "diplomats in Pakistan said", "officials from the region said".
var sourcePreps = set("in", "at", "from", "near")

// frontedSpeaker returns the speaker of fronted speech ended by the comma
// at p, as quoteSpeaker does, unless the only actor named there is where
// the source was ("relief officials in Nairobi said", "diplomats in
// neighbouring X"): such a source speaks for no one named.
func (d *doc) frontedSpeaker(s *sent, r, p int) subject {
	for k := p + 1; k < s.b && k < r+frontedReach; k++ {
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
			if d.placedSource(s, p, m.from) {
				return subject{}
			}
			break
		}
	}
	return d.quoteSpeaker(s, r, p)
}

// placedSource reports a preposition of place before the actor named at
// from, past at most two lower-case words: "sources in neighbouring X".
func (d *doc) placedSource(s *sent, p, from int) bool {
	for t := from - 1; t > p && t >= from-3; t-- {
		if sourcePreps[d.low[t]] {
			return true
		}
		if !d.toks[t].word || d.toks[t].upper {
			return false
		}
	}
	return false
}

// frontedTailEnds reports whether the words after the reporting verb at r
// end the sentence without content of their own: a time or medium ("on
// Twitter"). A speaker stands between the comma at p and the verb: "X,
// who met Y last week, said Z must ..." is a subject and its speech.
func (d *doc) frontedTailEnds(s *sent, r, p int) bool {
	end := s.b
	for end > r+1 && !d.toks[end-1].word {
		end--
	}
	if r == p+1 || end-r-1 > frontedTail {
		return false
	}
	for k := r + 1; k < end; k++ {
		if w := d.low[k]; w == "that" || w == "," || reportVerbs[w] {
			return false
		}
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
			return false // "..., Y told X": X is told, not fronted speech
		}
	}
	return true
}

// pronounBetween reports whether a pronoun names someone between the
// quote mark at q and the reporting verb at r ('," he said').
func (d *doc) pronounBetween(s *sent, q, r int) bool {
	for k := q + 1; k < r; k++ {
		if m := s.mentionAt(k); m != nil && m.pron {
			return true
		}
	}
	return false
}

// quoteSpeaker returns who speaks the quote closed at q through the verb
// at r: an actor between them, else one after the verb ('"...," said
// Foreign Minister Sergei Lavrov'), else for an unnamed official the last
// actor named; negated with the reporting verb itself.
func (d *doc) quoteSpeaker(s *sent, r, q int) subject {
	var sub subject
	for k := q + 1; k < r; k++ {
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
			sub.ents, sub.person = []int{m.ent}, m.person
			break
		}
	}
	if len(sub.ents) == 0 && r <= q+2 {
		for k := r + 1; k < s.b && k < r+7; k++ {
			if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
				var last int
				sub.ents, last = d.listAt(s, s.at[k-s.a])
				sub.person = listPerson(s, s.at[k-s.a], last)
				break
			}
			if d.low[k] == "," || d.low[k] == "." {
				break
			}
		}
	}
	if len(sub.ents) == 0 {
		official := false
		for k := q + 1; k < s.b && k < r+5; k++ {
			if officeNouns[d.low[k]] {
				official = true
			}
		}
		if official && d.lastAny >= 0 {
			sub.ents, sub.ref = []int{d.lastAny}, true
		}
	}
	for k := q + 1; k < r; k++ {
		if negWords[d.low[k]] || modalWords[d.low[k]] {
			sub.neg = true
		}
	}
	return sub
}

// reportedAt reads the word at k of what sub said (cFrom..cTo): a role to
// play, "must" or "should" demand; blame and wrongdoing accuse; a form of
// "to be" labels. It reports whether the span is done with.
func (d *doc) reportedAt(s *sent, sub subject, k, cFrom, cTo int, conf float64) bool {
	w := d.low[k]
	if hypoWords[w] {
		return true
	}
	switch {
	case w == "role" && k+2 < cTo && d.low[k+1] == "to" && d.low[k+2] == "play":
		// "Islamabad had a crucial role to play in ...": a call on it.
		if objs := d.firstIn(s, cFrom, k); len(objs) > 0 && !modalIn(d, cFrom, k) {
			d.emit(s, Demands, sub.ents, objs, conf-0.1, k+3)
		}
	case beWords[w] && k+1 < cTo && d.low[k+1] == "up" || w == "up" && k > cFrom && isPossessive(d.low[k-1]):
		// "it's up to Iran to mend its behaviour": a call on Iran.
		if beWords[w] {
			k++
		}
		if objs, end := d.upToActor(s, k, cFrom, cTo); len(objs) > 0 {
			d.emit(s, Demands, sub.ents, objs, conf-0.1, end)
		}
	case w == "must" || obligedAt(d, k, cTo):
		// "has to show", "have to withdraw": as "must".
		if objs := d.modalSubject(s, k, cFrom); len(objs) > 0 {
			d.emit(s, Demands, sub.ents, objs, conf, k+1)
			d.markContent(s, k) // what X must do is demanded, not done
		}
	case w == "should" && k+1 < cTo && d.low[k+1] != "be" && d.low[k+1] != "not" && d.low[k+1] != "have":
		// "said Washington should return to dialogue": a weaker demand.
		if objs := d.modalSubject(s, k, cFrom); len(objs) > 0 {
			d.emit(s, Demands, sub.ents, objs, conf-0.15, k+1)
			d.markContent(s, k)
		}
	case beWords[w] && k+2 < cTo && ((d.low[k+1] == "to" && d.low[k+2] == "blame") || d.low[k+1] == "behind" ||
		(d.low[k+1] == "responsible" && d.low[k+2] == "for")) || bearsBlame(d, k, cTo):
		if objs := d.firstIn(s, cFrom, k); len(objs) > 0 && !modalIn(d, cFrom, k) {
			d.emit(s, Accuses, sub.ents, objs, conf, k+3)
		}
	case wrongVerbs[w]:
		if objs := d.before(s, k, cFrom); len(objs) > 0 && !modalIn(d, cFrom, k) {
			d.emit(s, Accuses, sub.ents, objs, conf-0.1, k+1)
		}
	case conductVerbs[w]:
		d.judgedConduct(s, sub, k, cFrom, cTo, conf)
	case beWords[w]:
		return d.reportedBe(s, sub, k, cFrom, cTo, conf)
	}
	return false
}

// reportedBe reads a form of "to be" at k in what sub said: "X's offer
// ... was the most forward-leaning proposal" judges X, "Guyana was acting
// as 'a puppet of ...'" labels it. It reports whether the span is done
// with.
func (d *doc) reportedBe(s *sent, sub subject, k, cFrom, cTo int, conf float64) bool {
	if d.gerundRefused(s, sub, k, cFrom, cTo, conf) {
		return true
	}
	mi := -1
	for t := cFrom; t < k && t < cFrom+4; t++ {
		if m := s.mentionAt(t); m != nil && m.ent >= 0 && !m.place {
			mi = s.at[t-s.a]
			break
		}
	}
	if mi < 0 {
		d.reportedLabel(s, sub, cFrom, k, cTo, conf)
		return true
	}
	m := s.ms[mi]
	_, last := d.listAt(s, mi)
	pe := s.ms[last].to
	if pe == k && d.quotedLabelAfter(s, k, cTo) && !modalIn(d, cFrom, k+1) {
		// "said Guyana was acting as 'a puppet of ...'": the
		// speaker labels the actor.
		if typ := d.labelPolarity(s, k+1, cTo); typ != "" {
			ents, _ := d.listBack(s, last)
			d.emit(s, typ, sub.ents, ents, conf-0.15, k+1)
		}
		return true
	}
	if pe >= s.b || k-pe > 12 || modalIn(d, pe, k+1) {
		return false
	}
	// "X's offer ... was", or "the X proposal was": the actor's act judged.
	class, named := eventClass[d.low[pe]]
	named = named && pe+1 == k
	poss := d.low[pe] == "'s" || d.low[pe] == "\u2019s"
	if !poss && !named {
		return false
	}
	if poss && pe+1 < k {
		class = eventClass[d.low[pe+1]]
	}
	hostile, friendly := d.judgement(k+1, min(cTo, k+9))
	if wordsAt(d.low, k+1, cTo, outOfTheQuestion) {
		hostile++
	}
	if class == "accusation" && friendly == 0 && (hostile > 0 || d.anyWord(k+1, min(cTo, k+6), falseWords)) {
		// "said the X claims were false": a denial, which rejects X.
		d.emit(s, Rejects, sub.ents, []int{m.ent}, conf-0.1, k+1)
	} else if hostile > 0 && friendly == 0 && (class == "offer" || class == "demand") {
		// "said the X proposal was unacceptable": a rejection of it.
		d.emit(s, Rejects, sub.ents, []int{m.ent}, conf-0.1, k+1)
	} else if hostile > 0 && friendly == 0 {
		d.emit(s, Accuses, sub.ents, []int{m.ent}, conf-0.1, k+1)
	} else if friendly > 0 && hostile == 0 {
		d.emit(s, Supports, sub.ents, []int{m.ent}, conf-0.1, k+1)
	}
	return true
}

// falseWords judge a claim untrue: "said the X allegations were false".
var falseWords = set("false", "untrue", "unfounded", "groundless", "fabricated", "baseless", "incorrect", "wrong", "propaganda",
	"lies", "fabrication", "fabrications", "nonsense", "absurd", "ridiculous")

// anyWord reports one of ws in [from, to), before a negation: "were not
// false" judges nothing.
func (d *doc) anyWord(from, to int, ws map[string]bool) bool {
	for t := from; t < to; t++ {
		if negWords[d.low[t]] || d.low[t] == "," {
			return false
		}
		if ws[d.low[t]] {
			return true
		}
	}
	return false
}

// gerundRefused reads "said that removing the sanctions on X is out of
// the question": an act of cooperation toward an actor (CAMEO 03-08),
// named by a gerund, said to be out of the question or unacceptable is
// refused, a rejection of the actor. It reports whether it emitted one.
func (d *doc) gerundRefused(s *sent, sub subject, k, cFrom, cTo int, conf float64) bool {
	g := d.low[cFrom]
	if k-cFrom > 10 || k <= cFrom+1 || d.toks[cFrom].upper || len(g) < 5 || !strings.HasSuffix(g, "ing") || modalIn(d, cFrom, k+1) {
		return false
	}
	j := k + 1
	for j < cTo && (adverb(d.low[j]) || d.low[j] == "still") {
		j++ // "is currently out of the question"
	}
	hostile, friendly := d.judgement(j, min(cTo, j+4))
	if !wordsAt(d.low, j, cTo, outOfTheQuestion) && (hostile == 0 || friendly > 0) {
		return false
	}
	if !d.cooperativeGerund(cFrom, k) {
		return false // "attacking X is unacceptable" takes X's side
	}
	objs := d.firstIn(s, cFrom+1, k)
	if len(objs) == 0 {
		return false
	}
	d.emit(s, Rejects, sub.ents, objs, conf-0.15, k+1)
	return true
}

// cooperativeGerund reports a gerund at g, in a phrase ending before k,
// that names an act of cooperation: coded CAMEO 03-08 by the verb
// dictionary, or lifting a restriction ("removing the sanctions on X").
func (d *doc) cooperativeGerund(g, k int) bool {
	if f, ok := d.lx.verbs.match(d.low, g, g, k); ok && len(f.code) >= 2 && cooperativeRoots[f.code[:2]] {
		return true
	}
	if !liftGerunds[d.low[g]] {
		return false
	}
	for j := g + 1; j < k && j < g+4; j++ {
		if restrictionNouns[d.low[j]] {
			return true
		}
	}
	return false
}

// liftGerunds end a restriction: "lifting the ban on X".
var liftGerunds = set("lifting", "removing", "easing", "ending", "relaxing", "scrapping", "suspending")

// outOfTheQuestion after "to be" refuses what it is said of.
var outOfTheQuestion = []string{"out", "of", "the", "question"}

// judgement counts the hostile and friendly words from..to, up to a comma
// or "if"; a negation among them cancels both.
func (d *doc) judgement(from, to int) (hostile, friendly int) {
	for t := from; t < to; t++ {
		if d.low[t] == "," || d.low[t] == "if" {
			break
		}
		if hostileWords[d.low[t]] {
			hostile++
		}
		if friendlyWords[d.low[t]] {
			friendly++
		}
		if negWords[d.low[t]] {
			return 0, 0
		}
	}
	return hostile, friendly
}

// quotedLabelAfter reports a quoted phrase or an "as a"/"a" label within
// a few words after the verb "to be" at k: the form of a label, not of a
// description ("was responsible for the attack").
func (d *doc) quotedLabelAfter(s *sent, k, to int) bool {
	for t := k + 1; t < to && t < k+5; t++ {
		if isQuoteTok(d.low[t]) || d.tok(t) == "\u201c" {
			return true
		}
	}
	return false
}

// labelPolarity reads the words from k to the end of the quote or clause:
// ACCUSES for hostile words alone, SUPPORTS for friendly ones alone.
func (d *doc) labelPolarity(s *sent, k, to int) string {
	hostile, friendly, quotes := 0, 0, 0
	for t := k; t < to && t < k+14; t++ {
		w := d.low[t]
		if negWords[w] || w == "if" {
			return ""
		}
		if isQuoteTok(w) || d.tok(t) == "\u201c" {
			quotes++
			if quotes == 2 {
				break
			}
		}
		if hostileWords[w] {
			hostile++
		}
		if friendlyWords[w] {
			friendly++
		}
	}
	switch {
	case hostile > 0 && friendly == 0:
		return Accuses
	case friendly > 0 && hostile == 0:
		return Supports
	}
	return ""
}

// reportedLabel handles "X said the strikes were 'a barbaric
// aggression'": a definite event noun opening the complement, owned by an
// actor of the text, labelled in hostile or friendly terms after the verb
// "to be" at k.
func (d *doc) reportedLabel(s *sent, sub subject, cFrom, k, cTo int, conf float64) {
	if k-cFrom > 3 || k-cFrom < 2 || d.low[cFrom] != "the" || modalIn(d, cFrom, k+1) {
		return
	}
	c, ok := eventClass[d.low[k-1]]
	if !ok {
		return
	}
	objs := d.ownerOf(c, sub.ents)
	if len(objs) == 0 {
		return
	}
	hostile, friendly := 0, 0
	for t := k + 1; t < cTo && t < k+9; t++ {
		w := d.low[t]
		if w == "," || w == "if" || negWords[w] {
			return
		}
		if hostileWords[w] || c == "accusation" && falseWords[w] {
			hostile++
		}
		if friendlyWords[w] {
			friendly++
		}
	}
	switch {
	case hostile > 0 && friendly == 0 && (c == "demand" || c == "offer" || c == "accusation"):
		// "said the accusations were baseless": a denial rejects the accuser.
		d.emit(s, Rejects, sub.ents, objs, conf-0.15, k+1)
	case hostile > 0 && friendly == 0:
		d.emit(s, Accuses, sub.ents, objs, conf-0.15, k+1)
	case friendly > 0 && hostile == 0:
		d.emit(s, Supports, sub.ents, objs, conf-0.15, k+1)
	}
}

func modalIn(d *doc, from, to int) bool {
	for k := from; k < to; k++ {
		if modalWords[d.low[k]] || negWords[d.low[k]] || strings.HasSuffix(d.low[k], "n't") {
			return true
		}
	}
	return false
}

// before returns the actor list that is the subject of the predicate at k
// ("U.S. and NATO forces must", "Kabul \"must").
func (d *doc) before(s *sent, k, from int) []int {
	j := k - 1
	for j >= from && j > k-7 {
		w := d.low[j]
		if w == "forces" || w == "troops" || w == "soldiers" || w == "army" || w == "drones" || w == "jets" || w == "warplanes" || w == "warships" || govWords[w] || officeNouns[w] || officeModifiers[w] || w == "leadership" || w == "rulers" || isQuoteTok(w) || w == "have" || w == "had" || w == "has" || w == "\u201c" ||
			(strings.HasSuffix(w, "ly") && d.toks[j].word && !d.toks[j].upper) || d.attemptAt(j, k) || isPossessive(w) || possActNouns[w] && j > from && isPossessive(d.low[j-1]) {
			j--
			continue
		}
		break
	}
	if j < from {
		return nil
	}
	if m := s.mentionAt(j); m != nil && m.ent >= 0 && !m.place {
		ents, _ := d.listBack(s, s.at[j-s.a])
		return ents
	}
	return nil
}

// attemptWords may stand between an actor and the wrong it attempts:
// "said X is trying to derail the talks".
var attemptWords = set("trying", "tried", "tries", "seeking", "sought", "seeks", "attempting", "attempted")

// attemptAt reports a word at j of an attempt before the wrong verb at k:
// the attempt's verb, its "to", or the "is" of "is trying"; not the "was"
// of a passive ("was bombed by") nor "unlikely to".
func (d *doc) attemptAt(j, k int) bool {
	w := d.low[j]
	switch {
	case attemptWords[w]:
		return true
	case w == "to":
		return j == k-1 && j > 0 && attemptWords[d.low[j-1]]
	case beWords[w]:
		return j+1 < k && attemptWords[d.low[j+1]]
	}
	return false
}

// possActNouns after an actor's possessive name its acts: "said X's moves
// undermine the process".
var possActNouns = set("moves", "actions", "steps", "policies", "policy", "activities", "conduct", "behaviour", "behavior")

// firstIn returns the first actor named in tokens [from, to).
func (d *doc) firstIn(s *sent, from, to int) []int {
	for k := from; k < to; k++ {
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place && !(m.pron && !m.gov && isPossPron(d.low[m.from])) {
			return []int{m.ent}
		}
	}
	return nil
}

// emit records one candidate per subject and object pair.
func (d *doc) emit(s *sent, typ string, subs, objs []int, conf float64, topicFrom int) {
	for _, sb := range subs {
		for _, ob := range objs {
			if sb == ob || sb < 0 || ob < 0 {
				continue
			}
			d.add(s, typ, sb, ob, conf, topicFrom)
		}
	}
	switch typ {
	case Offers:
		d.owners["offer"] = append([]int(nil), subs...)
	case Demands:
		d.owners["demand"] = append([]int(nil), subs...)
	case Accuses:
		s.accusers = append(s.accusers[:0:0], subs...)
		batch := len(d.accus)
		for _, sb := range subs {
			for _, ob := range objs {
				d.accus = append(d.accus, [3]int{sb, ob, batch})
			}
		}
	}
}

func (d *doc) add(s *sent, typ string, sb, ob int, conf float64, topicFrom int) {
	key := typ + "\x00"
	if typ == Engages && ob < sb {
		key += itoa(ob) + "\x00" + itoa(sb)
	} else {
		key += itoa(sb) + "\x00" + itoa(ob)
	}
	if conf > 0.95 {
		conf = 0.95
	}
	if conf < 0.3 {
		conf = 0.3
	}
	if k, ok := d.seen[key]; ok {
		if d.out[k].Confidence < conf {
			d.out[k].Confidence = conf
		}
		return
	}
	first, last := s.a, s.b-1
	c := Candidate{
		Subject:    d.actor(sb),
		Object:     d.actor(ob),
		Type:       typ,
		Topic:      d.topic(s, topicFrom),
		Date:       d.sentenceDate(s),
		Confidence: conf,
		Quote:      d.text[d.toks[first].bs:d.toks[last].be],
		Start:      d.toks[first].rs,
		End:        d.toks[last].re,
	}
	c.SubjectCode, c.ObjectCode = d.codeOf(s, sb), d.codeOf(s, ob)
	c.Subject.Aliases = append([]string(nil), c.Subject.Aliases...)
	c.Object.Aliases = append([]string(nil), c.Object.Aliases...)
	d.seen[key] = len(d.out)
	d.out = append(d.out, c)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

var stopTopic = set("and", "but", "or", "while", "which", "who", "that", "saying", "adding", "after", "before", "because", "if")

var topicSkip = set("of", "for", "to", "on", "that", "about", "over", "with", "in", "the", "a", "an", "its", "their", "his", "her", "as", "not", "by", "between", "from", "against")

// topic is a short phrase after the object: what the stance is about.
func (d *doc) topic(s *sent, from int) string {
	j := from
	for j < s.b && (topicSkip[d.low[j]] || d.low[j] == "'s" || d.low[j] == "\u2019s" || isQuoteTok(d.low[j]) || d.low[j] == "'" || d.low[j] == "\u2018" || s.mentionAt(j) != nil && j < from+3) {
		j++
	}
	k := j
	n := 0
	for k < s.b && n < 6 && d.toks[k].word && !reportVerbs[d.low[k]] && !stopTopic[d.low[k]] {
		if m := s.mentionAt(k); m != nil && n == 0 {
			break
		}
		k++
		n++
	}
	for k > j && topicSkip[d.low[k-1]] {
		k--
	}
	if k <= j {
		return d.topicBefore(s, from)
	}
	return d.text[d.toks[j].bs:d.toks[k-1].be]
}

// topicBefore is the fallback topic: the words between the cue and the
// object ("rejected direct peace talks with Kabul" -> "direct peace talks").
func (d *doc) topicBefore(s *sent, to int) string {
	from := d.cueEnd
	if from < s.a || from >= to || to-from > 12 {
		return ""
	}
	j := from
	for j < to && (topicSkip[d.low[j]] || nounDets[d.low[j]]) {
		j++
	}
	k := j
	for k < to && (d.toks[k].word || d.low[k] == "-" && k+1 < to && d.toks[k+1].word) && s.mentionAt(k) == nil &&
		!stopTopic[d.low[k]] && !topicSkip[d.low[k]] && k-j < 8 {
		k++
	}
	if k <= j {
		return ""
	}
	return d.text[d.toks[j].bs:d.toks[k-1].be]
}

// sentenceDate dates a stance by "on March 9", "on Sunday" in its sentence.
func (d *doc) sentenceDate(s *sent) stance.Date {
	var t time.Time
	if !d.date.IsZero() {
		t = d.date.Time()
	}
	for i := s.a; i < s.b; i++ {
		w := d.low[i]
		if mo, ok := months[w]; ok && d.toks[i].upper && i+1 < s.b {
			day := atoiSmall(d.low[i+1])
			if day < 1 || day > 31 || (w == "may" && i > s.a && d.low[i-1] != "on") {
				continue
			}
			if i+3 < s.b && d.low[i+2] == "," {
				if yy := atoiSmall(d.low[i+3]); yy > 1900 && yy < 2200 {
					return stance.NewDate(yy, timeMonth(mo), day)
				}
			}
			if d.date.IsZero() {
				return d.date
			}
			y := t.Year()
			dt := stance.NewDate(y, timeMonth(mo), day)
			if dt > d.date+1 {
				// "on December 30" in a January article is last year.
				dt = stance.NewDate(y-1, timeMonth(mo), day)
			}
			return dt
		}
		if wd, ok := weekdays[w]; ok && i > s.a && d.low[i-1] == "on" && !d.date.IsZero() {
			back := (int(t.Weekday()) - wd + 7) % 7
			return d.date - stance.Date(back)
		}
	}
	return d.date
}

func atoiSmall(s string) int {
	if len(s) == 0 || len(s) > 4 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func timeMonth(m int) time.Month { return time.Month(m) }

// actorWithin reports whether an actor is named within n tokens of from,
// articles aside.
func (d *doc) actorWithin(s *sent, from, n int) bool {
	for q := from; q < s.b && q < from+n+1; q++ {
		if m := s.mentionAt(q); m != nil && m.ent >= 0 && !m.place && !m.pron {
			return true
		}
		if w := d.low[q]; w != "the" && w != "a" && w != "an" && w != "both" {
			return false
		}
	}
	return false
}

var nounDets = set("a", "an", "the", "any", "its", "their", "his", "her", "this", "that", "these", "those", "no", "every",
	"our", "your", "such", "whose", "my", "another", "'s", "\u2019s", "of", "for", "new", "fresh", "repeated", "similar",
	"by", "via", "over", "in", "at", "with", "on", "from")

var irregularPast = set("froze", "frozen", "broke", "stood", "met", "held", "kept", "told", "spoke", "sat", "cut", "had", "gave", "given", "spoken", "made", "threw", "thrown", "hit", "began", "begun",
	"sought", "fought", "brought", "bought", "caught", "taught", "lent", "spent", "built", "dealt", "won", "lost",
	"struck", "sold", "paid", "took", "taken", "chose", "chosen", "drove", "withdrew", "withdrawn", "upheld", "withheld",
	"overthrew", "forgave", "undertook", "swore", "sworn", "wrote", "written", "drew", "drawn", "flew", "rose", "ran", "led", "fled",
	"sent", "went", "cast")

// nounUse reports whether the cue word at i is a noun here: "an offer by",
// "a Taliban demand", "the calls".
func (d *doc) nounUse(s *sent, i int) bool {
	w := d.low[i]
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || irregularPast[w] || i == s.a {
		return false
	}
	p := d.low[i-1]
	if p == "in" && (w == "touch" || w == "contact") {
		return false // "in touch with", used as a verb phrase
	}
	if nounDets[p] {
		return true
	}
	if strings.HasSuffix(w, "s") && strings.HasSuffix(p, "ed") && takesObject(p) {
		return true // "rejected calls for a truce from X": the calls are the object
	}
	if !strings.HasSuffix(w, "s") || w == "press" {
		// A base form is finite only after to, a modal, do, or a plural subject.
		if baseOK[p] || strings.HasSuffix(p, "n't") {
			return false
		}
		if m := s.mentionAt(i - 1); m != nil {
			k := s.at[i-1-s.a]
			ents, _ := d.listBack(s, k)
			if len(ents) >= 2 || (m.ent >= 0 && d.actor(m.ent).Kind == stance.KindArmedGroup) || m.ref {
				return false
			}
			return true
		}
		if d.toks[i-1].word && !d.toks[i-1].upper && strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") {
			return false // "officials urge"
		}
		return true
	}
	if m := s.mentionAt(i - 1); m != nil && m.from > s.a {
		if q := d.low[m.from-1]; q == "a" || q == "an" || q == "any" || q == "every" || q == "no" {
			return true
		}
	}
	return false
}

// takesObject reports a past form of a cue verb that rejects or supports
// a thing named after it ("rejected", "welcomed"): a word in -s after it
// is its object noun, not a verb. A verb that renews ("renewed calls for X
// to") carries the demand on.
func takesObject(p string) bool {
	for _, def := range cueTable[p] {
		if (def.typ == Rejects || def.typ == Supports) && def.mode != mPledge && len(def.words) == 1 {
			return true
		}
	}
	return false
}

func isPossPron(w string) bool { return w == "its" || w == "his" || w == "her" || w == "their" }

// otherActor resolves a possessive pronoun in object position ("called its
// leaders ...") to the nearest earlier actor of the sentence that is not
// the subject.
func (d *doc) otherActor(s *sent, m *mention, subs []int) int {
	if !contains(subs, m.ent) {
		return m.ent
	}
	for k := len(s.ms) - 1; k >= 0; k-- {
		o := s.ms[k]
		if o.from >= m.from || o.ent < 0 || o.place || o.pron {
			continue
		}
		if !contains(subs, o.ent) {
			return o.ent
		}
	}
	return -1
}

// upToActor reads "it is up to X to VERB" at "up" (k): the actors whose
// act it is. Only after "it": "up to 2,000 fighters" is an amount. A
// choice left to X ("up to Syria to decide") asks nothing of it.
func (d *doc) upToActor(s *sent, k, cFrom, cTo int) ([]int, int) {
	if k-2 < cFrom || d.low[k-2] != "it" || k+3 >= cTo || d.low[k+1] != "to" {
		return nil, 0
	}
	objs, end, _, _ := d.objectNP(s, k+2, 4)
	if len(objs) == 0 || end+1 >= cTo || d.low[end] != "to" || choiceVerbs[d.low[end+1]] {
		return nil, 0
	}
	return objs, end + 1
}

// choiceVerbs leave a choice to their subject.
var choiceVerbs = set("decide", "choose", "determine", "judge", "say", "define", "consider", "assess", "elect")

// obligedAt reports whether "has to" or "have to" at k puts an
// obligation on its subject ("they have to show"), not a possession ("has
// to do with"); so do "had to", "needs to" and "ought to" in what was
// said ("said X needed to withdraw").
func obligedAt(d *doc, k, cTo int) bool {
	return obligeWords[d.low[k]] && k+2 < cTo && d.low[k+1] == "to" && d.low[k+2] != "do" && d.low[k+2] != "be"
}

// obligeWords put an obligation on their subject before "to".
var obligeWords = set("has", "have", "had", "need", "needs", "needed", "ought")

// bearsBlame reports whether "bear(s) (full) responsibility for" at k
// lays blame on its subject, as "is responsible for" does.
func bearsBlame(d *doc, k, cTo int) bool {
	if d.low[k] != "bear" && d.low[k] != "bears" {
		return false
	}
	j := k + 1
	if j < cTo && (d.low[j] == "full" || d.low[j] == "the" || d.low[j] == "sole" || d.low[j] == "entire") {
		j++
	}
	return j+1 < cTo && d.low[j] == "responsibility" && d.low[j+1] == "for"
}

var gerundPreps = set("of", "for", "about", "by", "without", "from", "against", "on", "after", "before")

// obligation handles "In return, the militants would have to recognize
// ...": the condition of the offer the sentence before reported, a demand
// of whoever made it.
func (d *doc) obligation(s *sent) {
	if d.lastAny < 0 || s.b-s.a < 4 || d.low[s.a] != "in" || (d.low[s.a+1] != "return" && d.low[s.a+1] != "exchange") {
		return
	}
	for k := s.a + 2; k < s.b; k++ {
		w := d.low[k]
		if w != "must" && !(w == "to" && k > s.a && (d.low[k-1] == "have" || d.low[k-1] == "has")) {
			continue
		}
		j := k - 1
		for j > s.a && (d.low[j] == "have" || d.low[j] == "has" || d.low[j] == "would" || d.low[j] == "will" || d.low[j] == "also") {
			j--
		}
		if m := s.mentionAt(j); m != nil && m.ent >= 0 && !m.place {
			ents, _ := d.listBack(s, s.at[j-s.a])
			d.emit(s, Demands, []int{d.lastAny}, ents, 0.6, k+1)
		}
		return
	}
}

func isPairRef(d *doc, m *mention) bool {
	return d.low[m.from] == "both" || pairNouns[d.low[m.to-1]]
}

var baseOK = set("to", "will", "would", "could", "should", "may", "might", "must", "can", "not", "did", "do", "does", "and",
	"also", "they", "we", "i", "you", "jointly", "strongly", "firmly", "fully", "both", "all", "never", "repeatedly",
	"publicly", "openly", "cannot", "to", "or", "then", "still", "now")

// targetPreps introduce what a noun acts on rather than who owns it.
var targetPreps = set("on", "against", "over", "toward", "towards", "about", "upon", "into")

// assertingBeforeTo are verbs after which "to VERB" still states the
// stance, and the nouns of a decision made ("announced its decision to
// cut ties with X" cuts them as "decided to" does).
var assertingBeforeTo = set("decision", "decisions", "continued", "continues", "continue", "continuing", "agreed", "agrees", "moved", "moves", "vowed",
	"vows", "pledged", "pledges", "promised", "promises", "began", "begun", "begins", "started", "starts", "went", "proceeded",
	"sought", "seeks", "used", "chose", "chooses", "decided", "decides", "voted", "votes", "rushed", "hastened", "appeared",
	"appears", "seemed", "seems", "tended", "tends", "came", "comes", "refused", "declined", "failed", "stopped", "ceased")

// visitNouns after a welcomed actor make the welcome a reception.
var visitNouns = set("delegation", "delegations", "envoy", "envoys", "counterpart", "minister", "president", "leader",
	"leaders", "officials", "team", "negotiators", "prime", "foreign", "king", "emir")

// verbLike reports whether token j looks like a finite verb: a cue, a
// reporting verb or a lower-case -ed form.
func (d *doc) verbLike(j int) bool {
	w := d.low[j]
	if _, ok := cueTable[w]; ok && !d.toks[j].upper {
		return true
	}
	if reportVerbs[w] || irregularPast[w] {
		return true
	}
	return d.toks[j].word && !d.toks[j].upper && strings.HasSuffix(w, "ed") && len(w) > 4
}

// refusable verbs make "refused to VERB X" a rejection of X.
var refusable = set("approve", "recognise", "recognize", "meet", "accept", "endorse", "back", "support", "engage", "receive", "deal", "talk", "negotiate")
