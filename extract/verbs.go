package extract

import (
	_ "embed"
	"sort"
	"strings"
	"sync"

	"github.com/stancegraph/stancegraph/stance"
)

// The verb table: PETRARCH2's CAMEO verb dictionary converted by
// internal/cameogen (verbs.cameo.txt, MIT, see verbs.cameo.NOTICE) and our
// own additions in the same format (verbs.ours.txt).
//
//go:generate go run ./internal/cameogen -in ../../shared/data/dictionaries/petrarch2/CAMEO.2.0.txt -out verbs.cameo.txt
var (
	//go:embed verbs.cameo.txt
	cameoVerbs string
	//go:embed verbs.ours.txt
	ourVerbs string
)

// defaultVerbs parses the embedded tables once; the table is immutable and
// shared by every Extractor.
var defaultVerbs = sync.OnceValue(func() *verbTable { return parseVerbs(cameoVerbs, ourVerbs) })

// verbForm is one inflection of a dictionary verb: its first word is the
// table key, rest are particles that must follow ("asked for").
type verbForm struct {
	rest  []string
	code  string // the verb's own code, or "" to take the block's
	block int
}

// verbBlock is a dictionary verb block: a default code and the phrase
// patterns that refine it.
type verbBlock struct {
	code     string
	patterns []verbPattern
	// addOnly marks a block of our additions ("b +") that only adds
	// patterns to its verbs: where none fits, the dictionary's entry for
	// the form codes it.
	addOnly bool
}

// verbPattern refines a block's code where its words stand around the
// verb in order: pre before it, post after it, within the clause.
type verbPattern struct {
	code      string
	pre, post []string
}

// verbTable maps a verb form to the CAMEO event its clause codes.
type verbTable struct {
	forms  map[string][]verbForm
	blocks []verbBlock
	sets   map[string]map[string]bool // &NAME synonym sets
}

// parseVerbs reads tables in the cameogen format; a later table's entry
// for a form wins over an earlier one's (our additions after the
// dictionary), since match takes a form's first entry that fits.
func parseVerbs(texts ...string) *verbTable {
	t := &verbTable{forms: map[string][]verbForm{}, sets: map[string]map[string]bool{}}
	for k := len(texts) - 1; k >= 0; k-- {
		for _, line := range strings.Split(texts[k], "\n") {
			t.parseLine(line)
		}
	}
	for i := range t.blocks {
		ps := t.blocks[i].patterns
		sort.SliceStable(ps, func(a, b int) bool { return len(ps[a].pre)+len(ps[a].post) > len(ps[b].pre)+len(ps[b].post) })
	}
	return t
}

func (t *verbTable) parseLine(line string) {
	f := strings.Fields(line)
	if len(f) < 2 || strings.HasPrefix(line, "#") {
		return
	}
	switch f[0] {
	case "b":
		if f[1] == "+" {
			t.blocks = append(t.blocks, verbBlock{addOnly: true})
			break
		}
		t.blocks = append(t.blocks, verbBlock{code: cleanCode(f[1])})
	case "s":
		t.sets[f[1]] = set(f[2:]...)
	case "v":
		if len(t.blocks) == 0 {
			return
		}
		for _, form := range f[2:] {
			ws := strings.Split(form, "_")
			t.forms[ws[0]] = append(t.forms[ws[0]], verbForm{rest: ws[1:], code: cleanCode(f[1]), block: len(t.blocks) - 1})
		}
	case "p":
		if len(t.blocks) == 0 {
			return
		}
		pre, post, _ := strings.Cut(strings.Join(f[2:], " "), "|")
		b := &t.blocks[len(t.blocks)-1]
		b.patterns = append(b.patterns, verbPattern{code: cleanCode(f[1]), pre: splitWords(pre), post: splitWords(post)})
	}
}

// cleanCode turns the dictionary's "no code" markers into "".
func cleanCode(c string) string {
	if strings.Trim(c, "-") == "" {
		return ""
	}
	return c
}

func splitWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if strings.HasPrefix(w, "&") {
			out = append(out, w)
			continue
		}
		// "to_" matches only "to": the marker stays on the last word.
		parts := strings.Split(strings.TrimSuffix(w, "_"), "_")
		if strings.HasSuffix(w, "_") {
			parts[len(parts)-1] += "_"
		}
		out = append(out, parts...)
	}
	return out
}

// frame is a verb of the table found in a clause with the event it codes.
type frame struct {
	code  string
	words int // tokens of the verb form, particles included
	post  int // the first token after the pattern's words after the verb
}

// match codes the verb at low[i] of the clause low[from:to]: the longest
// pattern of its block whose words stand around it, else the verb's code,
// else the block's. It reports false where the word is no dictionary verb
// or nothing codes it.
func (t *verbTable) match(low []string, from, i, to int) (frame, bool) {
	for _, vf := range t.forms[low[i]] {
		gap := 0
		if !wordsAt(low, i+1, to, vf.rest) {
			// "talked directly to X": an adverb of manner inside a
			// compound verb ("talk_to").
			if len(vf.rest) == 0 || i+1 >= to || !isMannerAdverb(low[i+1]) || !wordsAt(low, i+2, to, vf.rest) {
				continue
			}
			gap = 1
		}
		after := i + 1 + gap + len(vf.rest)
		b := t.blocks[vf.block]
		for _, p := range b.patterns {
			if end, ok := t.inOrder(low, after, min(to, after+8), p.post); ok && t.matchPre(low, max(from, i-6), i, p.pre) {
				return frame{code: p.code, words: after - i, post: end}, p.code != ""
			}
		}
		if b.addOnly {
			continue // the dictionary's entry for the form decides
		}
		code := vf.code
		if code == "" {
			code = b.code
		}
		return frame{code: code, words: after - i, post: after}, code != ""
	}
	return frame{}, false
}

func wordsAt(low []string, at, to int, ws []string) bool {
	if at+len(ws) > to {
		return false
	}
	for k, w := range ws {
		if low[at+k] != w {
			return false
		}
	}
	return true
}

// inOrder reports whether the pattern words stand in order in
// low[from:to], and the token after the last of them.
func (t *verbTable) inOrder(low []string, from, to int, ws []string) (int, bool) {
	j := from
	for _, w := range ws {
		for j < to && !t.wordIs(low[j], w) {
			j++
		}
		if j >= to {
			return 0, false
		}
		j++
	}
	return j, true
}

func (t *verbTable) matchPre(low []string, from, to int, ws []string) bool {
	_, ok := t.inOrder(low, from, to, ws)
	return ok
}

// framePreps introduce a frame's object after its pattern's words:
// "lodged a protest with X".
var framePreps = set("to", "with", "against", "toward", "towards", "at")

// wordIs matches a token to a pattern word: a synonym set by any member, a
// word ending in "_" exactly, others as a stem ("allegation" matches
// "allegations").
func (t *verbTable) wordIs(tok, w string) bool {
	if strings.HasPrefix(w, "&") {
		// Members match as stems too: try the token and its stems.
		m := t.sets[w[1:]]
		for k := 0; k <= 3 && k < len(tok); k++ {
			if m[tok[:len(tok)-k]] || k == 0 && m[tok+"_"] {
				return true
			}
		}
		return false
	}
	if strings.HasSuffix(w, "_") {
		return tok == strings.TrimSuffix(w, "_")
	}
	return strings.HasPrefix(tok, w) && len(tok)-len(w) <= 3
}

// typeOf maps a frame's CAMEO event code to a stance type of v.
func typeOf(v *stance.Vocabulary, f frame) (string, bool) { return frameType(v, f.code) }

// frameCue codes a verb the hand cue table lacks with the verb dictionary
// and handles it as a cue whose object is an actor right after it. Only a
// verb in predicate position counts: an actor or pronoun, then at most
// auxiliaries and adverbs, then the verb ("Serbia flatly rejected", "they
// have agreed"), so that nouns and gerunds of the same spelling ("peace
// talks", "accusations of sheltering") code nothing.
func (d *doc) frameCue(s *sent, i int) {
	// An auxiliary ("continued to reject talks with X") codes nothing of
	// its own: the verb it carries does.
	if auxWords[d.low[i]] || !d.predicate(s, i) || d.ownAllies(s, i) || d.markerBeforeVerb(s, i) {
		return
	}
	if standWords[d.low[i]] && i+1 < s.b && isParticiple(d.low[i+1]) {
		// "stands accused by X": a passive's copula, not standing by X.
		return
	}
	if d.lodgedComplaint(s, i, i) {
		return
	}
	if _, _, ok := d.encouragedAct(s, i); ok {
		return // a demand, encouragedTo's
	}
	f, ok := d.lx.verbs.match(d.low, s.a, i, s.b)
	if !ok {
		return
	}
	typ, ok := typeOf(d.lx.vocab, f)
	if !ok {
		return
	}
	// The object is the actor of the verb's own noun phrase ("visited
	// Moscow", "backed Turkey's bid"), never one deeper in its complement
	// ("adopted a resolution condemning Russia").
	recip := ""
	if reciprocal(f.code) || discussVerbs[d.low[i]] && !d.wordWithin(s, i+1, 8, "internally", "separately") || d.consultedTogether(s, i) {
		recip = typ
	}
	// The object follows the pattern's words and a preposition: "lodged
	// an official protest with X".
	end := i + f.words
	if end+1 < s.b && isMannerAdverb(d.low[end]) && framePreps[d.low[end+1]] {
		end++ // "talked directly to X", "spoke directly with X"
	}
	post := d.ofPhraseEnd(s, f.post)
	if post > end && post < s.b && framePreps[d.low[post]] {
		end = post + 1
	} else if f.post > end && d.low[f.post-1] == "of" && strings.HasPrefix(f.code, "02") {
		end = f.post // a pattern ending in "of" names its object next: "requested a meeting of X"
	} else if end < s.b && framePreps[d.low[end]] && (d.low[end] != "to" || len(f.code) >= 2 && cooperativeRoots[f.code[:2]]) {
		// "apologized to X", "met with X"; but "complained to X" names
		// whom a complaint is addressed to, not its target.
		end++
	} else if strings.HasPrefix(f.code, "04") && s.mentionAt(end) == nil {
		end = d.consultPartner(s, end)
	} else if strings.HasPrefix(f.code, "11") && end < s.b && d.low[end] == "to" {
		end = d.protestTarget(s, end)
	} else if strings.HasPrefix(f.code, "11") && end < s.b && (d.low[end] == "about" || d.low[end] == "over") {
		end++ // "complained about X's arrests", "protested over X's decision"
	}
	d.cue(s, i, []cueDef{{words: d.low[i:end], typ: typ, mode: mNear, recip: recip}})
}

// protestTarget returns where the target of a complaint or protest
// addressed "to" an actor (at to) starts: the owner of what it is "over"
// ("protested to the UN over Japan's textbook"), else a state or
// government addressed ("Seoul protested to Tokyo over the textbook"); a
// body addressed is no target, and to is returned.
func (d *doc) protestTarget(s *sent, to int) int {
	addressed, end, _, _ := d.objectNP(s, to+1, 4)
	if len(addressed) == 0 {
		return to
	}
	if end < s.b && (d.low[end] == "over" || d.low[end] == "about") {
		if objs, _, _, _ := d.objectNP(s, end+1, 5); len(objs) > 0 {
			return end + 1
		}
	}
	for _, e := range addressed {
		if e >= len(d.lx.entries) || d.lx.entries[e].actor.Kind == stance.KindOrganization {
			return to
		}
	}
	return to + 1
}

// consultReach bounds the words between a consultation verb and the
// "with" that names its partner.
const consultReach = 9

// consultStops end the verb's clause before any partner.
var consultStops = set(",", ";", ":", "and", "but", "that", "which", "who", "while", "after", "before", "when", "as",
	"\"", "\u201c", "\u201d", "(")

// withNouns take "with" themselves: "the dispute with X", "tensions with
// X", "talks with X" name X as a party to the noun, not whom the subject
// consulted.
var withNouns = set("dispute", "disputes", "tensions", "tension", "relations", "ties", "talks", "conflict", "row", "border",
	"agreement", "deal", "cooperation", "negotiations", "rift", "standoff", "feud", "differences", "problems", "issues", "trade",
	"war", "clashes", "rapprochement", "normalisation", "normalization", "reconciliation", "partnership", "alliance")

// personAfterWith open a person after "with", whom one discusses a
// dispute with: "discussed the dam dispute with his Ethiopian
// counterpart".
var personAfterWith = set("his", "her", "their", "the", "its")

// consultPartner returns the token after the "with" that names whom a
// consultation verb's subject consulted, past the verb's object:
// "discussed the crisis with X", "discussed over the phone regional
// developments with X". It returns end where no such "with" follows.
func (d *doc) consultPartner(s *sent, end int) int {
	for k := end; k < s.b && k < end+consultReach; k++ {
		switch {
		case d.low[k] == "with" && k > end && withNouns[d.low[k-1]] && !personAfterWith[d.low[k+1]]:
			return end // "discussed their dispute with X": the dispute's
		case d.low[k] == "with":
			return k + 1
		case consultStops[d.low[k]]:
			return end
		}
	}
	return end
}

// ofPhraseReach bounds the words of an of-phrase after a pattern's noun.
const ofPhraseReach = 6

// ofPhraseEnd skips an of-phrase after a frame pattern's words to the
// preposition of its object: "dispatched a delegation of senior diplomats
// to X". It returns post itself where no such preposition follows.
func (d *doc) ofPhraseEnd(s *sent, post int) int {
	if post >= s.b || d.low[post] != "of" {
		return post
	}
	for k := post + 1; k < s.b && k <= post+ofPhraseReach; k++ {
		if framePreps[d.low[k]] {
			return k
		}
		if offerStops[d.low[k]] {
			break
		}
	}
	return post
}

var subjectPronouns = set("he", "she", "it", "they", "we", "i")

// predicateGap are words that may stand between a subject's name and its
// verb besides auxiliaries: its title and office ("Taiwan's vice foreign
// minister visited"), a time ("Kenya on Tuesday expelled").
var predicateGap = set("'s", "\u2019s", "-", "on", "today", "yesterday", "tonight", "last", "late")

// predicate reports whether the word at i stands where a verb of its
// subject does: after an actor or pronoun, its title, office and name, an
// apposition ("Pakistan, a key ally, has refused"), and auxiliaries,
// adverbs or a time.
func (d *doc) predicate(s *sent, i int) bool {
	k := i - 1
	for k >= s.a && k > i-10 && d.gapWord(s, k) {
		if m := s.mentionAt(k); m != nil && !m.place && m.ent >= 0 {
			return true
		}
		k--
	}
	if k < s.a {
		return false
	}
	if m := s.mentionAt(k); m != nil {
		return !m.place
	}
	if d.low[k] == "," {
		// An apposition: the subject stands before it.
		return len(d.subjectAt(s, i).ents) > 0
	}
	return subjectPronouns[d.low[k]]
}

// gapWord reports a word of the gap between a subject and its verb.
func (d *doc) gapWord(s *sent, k int) bool {
	w := d.low[k]
	if w == "to" || w == "in" {
		return false
	}
	if _, ok := weekdays[w]; ok {
		return true
	}
	return auxWords[w] || officeNouns[w] || officeModifiers[w] || titleWords[w] || timeNouns[w] || predicateGap[w] ||
		d.toks[k].upper && s.mentionAt(k) == nil && !reportVerbs[w]
}

// intentMarker states a future act of the subject. Followed by a verb of
// cooperation it makes the clause an offer (CAMEO 03, express intent to
// cooperate): "will support", "pledged to provide". Markers of consent
// (open) make an offer of any act that is not hostile, coded or not:
// "agreed to undertake joint exercises", "is ready to contribute troops".
type intentMarker struct {
	words    []string
	open     bool
	reported bool // only after a speaker's verb of saying: "said it would"
	// acts, where set, are the only acts the marker offers, nouns that
	// follow it: "ready for talks".
	acts map[string]bool
	// nouns, where set, makes the marker a verb of expression, an
	// optional possessive and one of these nouns before "to": "expressed
	// its willingness to", "signalled readiness to". words is then empty.
	nouns map[string]bool
}

// expressionVerbs state the subject's own disposition before a noun of
// willingness: "Egypt expressed its readiness to mediate".
var expressionVerbs = set("expressed", "expresses", "expressing", "signalled", "signaled", "signals", "signalling", "signaling",
	"announced", "announces", "reaffirmed", "reaffirms", "reiterated", "reiterates", "confirmed", "confirms",
	"declared", "declares", "indicated", "indicates", "showed", "shows", "voiced", "voices")

// intentPossessives may stand between a verb of expression and its noun.
var intentPossessives = set("its", "his", "her", "their", "our", "a", "the", "full", "strong")

var intentMarkers = []intentMarker{
	{words: []string{"will"}},
	{words: []string{"promised", "to"}}, {words: []string{"promises", "to"}},
	{words: []string{"pledged", "to"}}, {words: []string{"pledges", "to"}}, {words: []string{"vowed", "to"}},
	{words: []string{"agreed", "to"}, open: true}, {words: []string{"agree", "to"}, open: true}, {words: []string{"agrees", "to"}, open: true},
	{words: []string{"ready", "to"}, open: true}, {words: []string{"willing", "to"}, open: true},
	{words: []string{"prepared", "to"}, open: true}, {words: []string{"committed", "to"}, open: true},
	// "Iraq said it would allow ...": the future of reported speech, not
	// a condition.
	{words: []string{"would"}, reported: true},
	// A decision or plan stated as the subject's own.
	{words: []string{"decided", "to"}}, {words: []string{"decides", "to"}},
	{words: []string{"intends", "to"}}, {words: []string{"intend", "to"}},
	// "is ready for talks with X": consent to meet, CAMEO 036.
	{words: []string{"ready", "for"}, acts: readyActs}, {words: []string{"willing", "for"}, acts: readyActs},
	{words: []string{"prepared", "for"}, acts: meetingNouns}, {words: []string{"open", "to"}, acts: meetingNouns},
	// "expressed its willingness to mediate": consent named by a noun.
	{open: true, nouns: set("willingness", "readiness", "preparedness")},
	// "expressed its readiness for joint cooperation with X".
	{nouns: set("willingness", "readiness", "preparedness"), acts: meetingNouns},
	// "announced its intention to send troops": intent, not consent.
	{nouns: set("intention", "intent", "commitment", "determination")},
}

// reciprocalCodes are the CAMEO code prefixes of acts parties do with
// each other: intent to cooperate (03), meeting at a third place (044), negotiating (046), diplomatic cooperation (050) and
// formal agreements (057), material cooperation (06). Travel, praise or
// recognition are done to someone, not together.
var reciprocalCodes = []string{"03", "044", "046", "050", "057", "06"}

// discussVerbs are done together too ("A and B discussed the crisis"),
// though their CAMEO block (040) also holds travel ("A and B went"), and
// a discussion "internally" or "separately" is no meeting.
var discussVerbs = set("discuss", "discussed", "discusses", "discussing")

// consultForms consult someone ("consulted their lawyers"), or each
// other where no one follows ("consulted closely on the deal").
var consultForms = set("consult", "consulted", "consults", "consulting", "confer", "conferred", "confers", "conferring")

// consultedTogether reports a consultation verb at i with no one after
// it: a manner adverb, then "on", "over", "about" or the clause's end.
func (d *doc) consultedTogether(s *sent, i int) bool {
	if !consultForms[d.low[i]] {
		return false
	}
	j := i + 1
	for j < s.b && (isMannerAdverb(d.low[j]) || adverb(d.low[j])) {
		j++
	}
	return j >= s.b || d.low[j] == "on" || d.low[j] == "over" || d.low[j] == "about" || d.low[j] == "," || d.low[j] == "."
}

// reciprocal reports whether a CAMEO event code is done together.
func reciprocal(code string) bool {
	for _, p := range reciprocalCodes {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// cooperativeRoots are the CAMEO roots of acts an intent turns into an
// offer: consult, support, cooperate, aid, yield.
var cooperativeRoots = set("03", "04", "05", "06", "07", "08")

// hostileRoots are the CAMEO roots of hostile acts, from threats (13) to
// mass violence (20): readiness to do one threatens and offers nothing.
var hostileRoots = set("13", "14", "15", "16", "17", "18", "19", "20")

// intent handles an intent marker before a verb of cooperation as an
// OFFERS cue at the marker. It reports whether it did.
func (d *doc) intent(s *sent, i int) bool {
	if v, ok := d.declinedAct(s, i); ok && d.refusedIntent(s, i, v) {
		return true
	}
	for _, mk := range intentMarkers {
		if len(mk.words) == 2 && mk.words[1] == "to" && d.low[i] == mk.words[0] && i+1 < s.b && negWords[d.low[i+1]] {
			// "vowed never to negotiate with X": a refusal.
			return d.refusedIntent(s, i, i+1)
		}
		after, ok := d.markerEnd(s, i, mk)
		if !ok || mk.reported && !d.saidBefore(s, i) {
			continue
		}
		v := after
		for v < s.b && v < after+2 && (adverb(d.low[v]) || mk.acts != nil && actModifiers[d.low[v]]) {
			v++
		}
		if v >= s.b || negWords[d.low[v]] || d.low[v] == "only" {
			// "will only negotiate with X" states a condition, not an offer.
			return false
		}
		if d.lodgedComplaint(s, i, v) {
			return true // "decided to submit a complaint ... regarding X"
		}
		if d.encouragedNear(s, v) {
			return false // "would continue to encourage X to act": a demand
		}
		words, code, ok := d.offeredAct(s, v, mk.open)
		if mk.acts != nil {
			words, code, ok = 1, "036", mk.acts[d.low[v]]
		}
		if !ok {
			// "is ready to fight X" threatens (CAMEO 13), a stance no type
			// names; the marker must not code itself ("ready" is 030).
			return mk.open && len(mk.words) == 2 && len(code) >= 2 && hostileRoots[code[:2]]
		}
		if d.consentedTies(s, i, v, mk) {
			return true
		}
		// Consent ("agreed to") or an act done together ("will meet")
		// offers each other; "Mali and Niger said they would leave" not.
		recip := ""
		if mk.open || reciprocal(code) {
			recip = Offers
		}
		d.cue(s, i, []cueDef{{words: d.low[i : v+words], typ: Offers, mode: mOffer, verb: true, recip: recip, intent: true}})
		if strings.HasPrefix(code, "04") && plannedMeetings[d.low[v]] && len(mk.words) > 0 && plannedMarkers[mk.words[0]] {
			// A meeting planned ("will meet with X") is contact with X
			// as well as consent to it; an invitation is not yet contact.
			d.cue(s, i, []cueDef{{words: d.low[i : v+words], typ: Engages, mode: mOffer, verb: true, intent: true}})
		}
		return true
	}
	return false
}

// plannedMeetings are the verbs of meeting whose intent ("will meet
// with X", "agreed to hold talks with X") engages X.
var plannedMeetings = set("meet", "hold", "negotiate", "talk", "confer", "host")

// plannedMarkers state a meeting as planned or agreed; readiness ("ready
// to meet X", "willing to talk") offers one and plans none.
var plannedMarkers = set("will", "would", "agreed", "agree", "agrees", "decided", "decides")

// refusedIntent handles an intent marker at i negated at v before a verb
// of cooperation as a REJECTS cue (CAMEO 12, refuse to cooperate or
// yield): "vowed never to negotiate with X", "pledged not to cede land
// to X". A hostile act promised not to be done is no refusal.
func (d *doc) refusedIntent(s *sent, i, v int) bool {
	for v < s.b && (negWords[d.low[v]] || adverb(d.low[v]) || d.low[v] == "to") {
		v++
	}
	if v >= s.b {
		return false
	}
	words, _, ok := d.offeredAct(s, v, false)
	if !ok && d.meetingNounAt(s, v) {
		// "has no interest in talks with X": the meeting refused.
		for actModifiers[d.low[v]] {
			v++
		}
		words, ok = 1, true
	}
	if !ok {
		return false
	}
	d.cue(s, i, []cueDef{{words: d.low[i : v+words], typ: Rejects, mode: mOffer, verb: true}})
	return true
}

// meetingNounAt reports a meeting's noun at v, past at most two of its
// modifiers: "direct talks".
func (d *doc) meetingNounAt(s *sent, v int) bool {
	for k := v; k < s.b && k < v+3; k++ {
		if meetingNouns[d.low[k]] {
			return true
		}
		if !actModifiers[d.low[k]] {
			return false
		}
	}
	return false
}

// declineWords refuse the act after "to" as "refused to" does ("declined
// to meet X", "is unwilling to meet X"); the dictionary codes "decline"
// alone (120), whose object is never the refused act's.
var declineWords = set("decline", "declines", "declined", "declining", "unwilling", "reluctant")

// refusalNouns after "no" state a refusal of the act after "of", "to" or
// "in": "has no intention of meeting X", "showed no willingness to talk
// to X", "has no interest in talks with X".
var refusalNouns = set("intention", "plans", "plan", "desire", "wish", "willingness", "readiness", "interest")

// refusalPreps join a noun of refusal to the act refused ("no readiness
// for talks").
var refusalPreps = set("of", "to", "in", "for")

// wantWords, negated, refuse the act after "to": "does not want to talk
// to X". So does "not interested in" an act or a meeting.
var wantWords = set("want", "wants", "wanted")

// declinedAct reports a refusal marker at i and the token of the refused
// act after it: "declined to meet X", "has no intention of meeting X",
// "does not want to talk to X", "is not interested in talks with X". The
// act must be one of cooperation or a meeting (refusedIntent checks it):
// "declined to comment" or "declined to criticise X" refuses nothing of X.
func (d *doc) declinedAct(s *sent, i int) (int, bool) {
	w := d.low[i]
	switch {
	case i+2 >= s.b:
		return 0, false
	case declineWords[w] && d.low[i+1] == "to":
		return i + 2, true
	case w == "no" && refusalNouns[d.low[i+1]] && refusalPreps[d.low[i+2]]:
		return i + 3, true
	case w == "not" && wantWords[d.low[i+1]] && d.low[i+2] == "to":
		return i + 3, true
	case w == "not" && d.low[i+1] == "interested" && d.low[i+2] == "in":
		return i + 3, true
	}
	if v := d.noReasonEnd(s, i); v > 0 {
		return v, true // "sees no reason to meet X" (reasons.go)
	}
	return 0, false
}

// markerEnd returns the token after intent marker mk at i, which may
// have a time or manner between its verb and "to": "agreed in principle
// on Saturday to provide".
func (d *doc) markerEnd(s *sent, i int, mk intentMarker) (int, bool) {
	if mk.nouns != nil && mk.acts != nil {
		return d.nominalMarkerEnd(s, i, mk.nouns, "for")
	}
	if mk.nouns != nil {
		return d.nominalMarkerEnd(s, i, mk.nouns, "to")
	}
	if wordsAt(d.low, i, s.b, mk.words) {
		return i + len(mk.words), true
	}
	if len(mk.words) != 2 || mk.words[1] != "to" || d.low[i] != mk.words[0] {
		return 0, false
	}
	j := i + 1
	for j < s.b && j < i+6 && d.intentGap(j) {
		j++
	}
	if j > i+1 && j < s.b && d.low[j] == "to" {
		return j + 1, true
	}
	return 0, false
}

// nominalMarkerEnd returns the token after "expressed (its) willingness
// to" at i, a verb of expression, at most two possessives or modifiers,
// one of nouns and prep ("to" before an act, "for" before a meeting
// noun: "its readiness for talks").
func (d *doc) nominalMarkerEnd(s *sent, i int, nouns map[string]bool, prep string) (int, bool) {
	if !expressionVerbs[d.low[i]] {
		return 0, false
	}
	j := i + 1
	for j < s.b && j < i+3 && intentPossessives[d.low[j]] {
		j++
	}
	if j+1 < s.b && nouns[d.low[j]] && d.low[j+1] == prep {
		return j + 2, true
	}
	return 0, false
}

// intentGapWords may stand between an intent verb and its "to".
var intentGapWords = set("in", "principle", "on", "today", "yesterday", "tonight", "also", "again", "now", "last", "this",
	"week", "month", "earlier", "later", "finally", "formally", "unanimously", "tentatively")

func (d *doc) intentGap(j int) bool {
	w := d.low[j]
	return intentGapWords[w] || isWeekday(w) || adverb(w)
}

// saidBefore reports a verb of saying and a subject pronoun right before
// token i: "said it would", "says they would".
func (d *doc) saidBefore(s *sent, i int) bool {
	if i-2 >= s.a && subjectPronouns[d.low[i-1]] && sayVerbs[d.low[d.sayAt(s, i-2)]] {
		return true
	}
	// "Kenya said Uganda would send troops": the intent of the actor
	// named, as its speaker reports it.
	m := s.mentionAt(i - 1)
	if m == nil || m.place || m.pron || m.ent < 0 || m.from-1 < s.a {
		return false
	}
	k := d.sayAt(s, m.from-1)
	return sayVerbs[d.low[k]] && d.low[k] != "added"
}

// sayAt returns the token where a verb of saying ending at k would stand,
// past "that" and a time: "said that it would", "said Sunday that X
// would", "said on Wednesday it would".
func (d *doc) sayAt(s *sent, k int) int {
	if d.low[k] == "that" && k-1 >= s.a {
		k--
	}
	return d.timeBefore(s, k)
}

// timeBefore returns the token before a time that ends at k ("said on
// Wednesday it would"), or k where none does.
func (d *doc) timeBefore(s *sent, k int) int {
	j := k
	if j > s.a && (isWeekday(d.low[j]) || d.low[j] == "today" || d.low[j] == "yesterday") {
		j--
		if j > s.a && d.low[j] == "on" {
			j--
		}
	}
	return j
}

// sayVerbs report a speaker's own statement of intent.
var sayVerbs = set("said", "says", "saying", "announced", "stated", "declared", "added")

// offeredAct reports whether the verb at v is an act an intent offers,
// how many tokens it spans and its CAMEO code where the table has one: a verb of cooperation, or for an open marker
// any verb the dictionary does not code as hostile.
func (d *doc) offeredAct(s *sent, v int, open bool) (int, string, bool) {
	if carryVerbs[d.low[v]] {
		// "promised to continue to provide aid", "to resume military aid"
		if v+2 < s.b && d.low[v+1] == "to" {
			w, code, ok := d.offeredAct(s, v+2, open)
			return w + 2, code, ok
		}
		for k := v + 1; k < s.b && k <= v+3; k++ {
			if sentNouns[d.low[k]] {
				return 1, "", true
			}
		}
	}
	f, ok := d.lx.verbs.match(d.low, s.a, v, s.b)
	if ok && len(f.code) >= 2 {
		w := f.words
		if e := v + w; e+1 < s.b && isMannerAdverb(d.low[e]) && framePreps[d.low[e+1]] {
			w++ // "agreed to talk directly to X"
		}
		return w, f.code, cooperativeRoots[f.code[:2]]
	}
	if !open || !d.toks[v].word || d.toks[v].upper || nounDets[d.low[v]] || s.mentionAt(v) != nil || reportVerbs[d.low[v]] {
		return 0, "", false
	}
	return 1, "", true
}

// meetingNouns are meetings one may be ready for: "ready for talks".
var meetingNouns = set("talks", "negotiations", "dialogue", "discussions", "consultations", "meeting", "summit", "cooperation",
	"coordination", "partnership")

// actModifiers may stand before a meeting noun a marker offers: "its
// readiness for joint cooperation with X", "ready for direct talks".
var actModifiers = set("joint", "direct", "further", "closer", "new", "bilateral", "full", "more", "renewed", "broader", "a", "an",
	"prisoner", "permanent", "lasting", "comprehensive")

// readyActs are what one is ready for: a meeting, or a pact with the
// other side ("ready for a ceasefire with X", "a prisoner swap with X").
var readyActs = union(meetingNouns, set("ceasefire", "truce", "deal", "agreement", "swap", "exchange", "settlement", "accord"))

// carryVerbs continue an act named after them: "continue military aid".
var carryVerbs = set("continue", "resume", "maintain", "keep", "extend")

func adverb(w string) bool {
	return w != "only" && strings.HasSuffix(w, "ly") || w == "also" || w == "soon" || w == "now"
}
