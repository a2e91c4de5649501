package extract

import "strings"

// Clause structure beyond the nearest actor: companions a subject takes
// along between commas or dashes, and descriptions of the name that
// follows them.

// companionWords open a parenthesis that adds actors to the subject
// before it: "X – along with Y and Z – accused ...".
var companionWords = map[string]string{"along": "with", "together": "with"}

// parenDelims close or open such a parenthesis.
var parenDelims = set(",", "\u2013", "\u2014", "--")

// parenMax bounds the tokens between the delimiters.
const parenMax = 16

// alongWithSubject reads a subject whose verb follows the closing
// delimiter at k of a companion parenthesis: the actors before the
// parenthesis and those it names, all of them.
func (d *doc) alongWithSubject(s *sent, k int, res *subject) bool {
	if k <= s.a || !parenDelims[d.low[k]] {
		return false
	}
	o := k - 1
	for o > s.a && o > k-parenMax && !parenDelims[d.low[o]] {
		o--
	}
	if o <= s.a || o+3 > k || !parenDelims[d.low[o]] || companionWords[d.low[o+1]] != d.low[o+2] {
		return false
	}
	head := s.mentionAt(o - 1)
	if head == nil || head.ent < 0 || head.place {
		return false
	}
	ents, _ := d.listBack(s, s.at[o-1-s.a])
	for j := o + 3; j < k; j++ {
		if m := s.mentionAt(j); m != nil && m.ent >= 0 && !m.place {
			more, last := d.listAt(s, s.at[j-s.a])
			for _, e := range more {
				if !contains(ents, e) {
					ents = append(ents, e)
				}
			}
			j = s.ms[last].to - 1
		}
	}
	res.ents = ents
	return true
}

// partNouns name a part of a state that another actor governs.
var partNouns = set("region", "province", "republic", "territory", "enclave", "state", "entity")

// partModifiers may stand before such a noun.
var partModifiers = set("breakaway", "separatist", "autonomous", "self-declared", "self-governing", "rebel", "semi-autonomous",
	"northern", "southern", "eastern", "western", "-", "self", "declared", "governing")

// partOfState reports, from the token after a possessive at j, a part
// of the state and the actor that holds it, and returns that actor's
// mention from the state's at from: "Somalia's breakaway region of
// Somaliland" is Somaliland.
func (d *doc) partOfState(s *sent, from, j int) (mention, bool) {
	k := j
	for k < s.b && k < j+4 && partModifiers[d.low[k]] {
		k++
	}
	if k+2 >= s.b || !partNouns[d.low[k]] || d.low[k+1] != "of" {
		return mention{}, false
	}
	next, ok := d.matchAt(s, k+2)
	if !ok || next.ent < 0 {
		return mention{}, false
	}
	d.classify(s, &next)
	next.from = from
	return next, !next.place
}

// relationNouns between two actors make the first a description of the
// second: "its Andean neighbour Ecuador", "its Gulf ally Qatar".
var relationNouns = set("neighbour", "neighbor", "ally", "partner", "rival", "foe", "neighbours", "neighbors", "allies",
	"partners", "rivals")

// describesNext reports a mention m that stands before a relation noun
// and another actor: that actor, not m, is the phrase's.
func (d *doc) describesNext(s *sent, m *mention) bool {
	n := m.to
	if n+1 >= s.b || !relationNouns[d.low[n]] {
		return false
	}
	next := s.mentionAt(n + 1)
	return next != nil && next.ent >= 0 && !next.place
}

// gerundSubordinators before a gerund make it the act of the clause's
// subject: "..., after accusing X of ...".
var gerundSubordinators = set("after", "before", "while", "since", "when", "by", "without", "despite")

// agentFrames are the words after an object pronoun that make it an
// agent, by the type of the cue: one is accused "of" a deed, urged "to"
// act; a thing is neither.
var agentFrames = map[string]map[string]bool{
	Accuses: set("of"),
	Demands: set("to"),
}

// agentPronoun resolves "it" or "them" after an accusation or demand to
// the nearest actor before the verb that is not its subject: "Peru said
// the Chilean navy was not helping, after accusing it of ramming".
func (d *doc) agentPronoun(s *sent, c *cueCall) []int {
	p := c.after
	if p+1 >= s.b || !agentFrames[c.def.typ][d.low[p+1]] {
		return nil
	}
	for k := len(s.ms) - 1; k >= 0; k-- {
		m := s.ms[k]
		if m.from >= c.i || m.ent < 0 || m.place || m.pron || contains(c.sub.ents, m.ent) {
			continue
		}
		return []int{m.ent}
	}
	return nil
}

// clauseGerund reports a gerund at i that opens a clause of its own after
// a comma (", after accusing X of ..."): an act its subject did, not the
// content of another verb ("accused of supporting").
func (d *doc) clauseGerund(s *sent, i int) bool {
	if i-2 >= s.a && d.low[i-1] == "by" && responseVerbs[d.low[i-2]] {
		return true // "Indonesia replied by accusing Vanuatu"
	}
	if i-1 <= s.a || (d.low[i-1] != "after" && d.low[i-1] != "before") {
		return false
	}
	// "Mali recalled its envoy after accusing Algeria": the subject's
	// own act, with or without a comma, where a verb precedes it.
	return d.low[i-2] == "," || d.pastVerbBefore(s, i-1)
}

// responseVerbs answer by an act: "replied by accusing X".
var responseVerbs = set("replied", "replies", "responded", "responds", "reacted", "reacts", "retaliated", "retaliates", "countered", "counters")

// pastVerbBefore reports a verb of the clause among the words before k: a
// word in -ed or a past form, after an actor.
func (d *doc) pastVerbBefore(s *sent, k int) bool {
	for j := k - 1; j > s.a && j >= k-12; j-- {
		w := d.low[j]
		if boundaryWords[w] || w == ";" {
			return false
		}
		if d.toks[j].word && !d.toks[j].upper && (strings.HasSuffix(w, "ed") || irregularPast[w]) && s.mentionAt(j) == nil {
			return d.actorBefore(s, j)
		}
	}
	return false
}

// actorBefore reports an actor mention before token j in the sentence.
func (d *doc) actorBefore(s *sent, j int) bool {
	for k := s.a; k < j; k++ {
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
			return true
		}
	}
	return false
}

// authorParticiples name the author of a proposal after "by": "a
// proposal for a ceasefire in the war put forward by X".
var authorParticiples = set("forward", "proposed", "drafted", "brokered", "submitted", "tabled", "presented", "floated")

// authorReach bounds the words from the object to the author's "by".
const authorReach = 18

// authorWindow widens an object window [from, from+lim) that holds a
// proposal noun to reach the author a participle names further on, so
// that a long description of the proposal does not hide its author.
func (d *doc) authorWindow(s *sent, from, lim int) int {
	proposal := false
	for q := from; q+1 < s.b && q < from+authorReach; q++ {
		w := d.low[q]
		if c := eventClass[w]; c == "offer" || c == "demand" {
			proposal = true
		}
		if w == "," || w == ";" || boundaryWords[w] && q > from {
			return lim
		}
		if proposal && authorParticiples[w] && d.low[q+1] == "by" {
			return max(lim, q+5-from)
		}
	}
	return lim
}

// onceSubjects after "once" open a clause of condition ("once the talks
// end", "once it signs"), as an actor does ("once Peru signs"); other
// words make it the adverb ("once again", "once a year", "was once").
var onceSubjects = set("the", "it", "they", "he", "she", "we", "its", "their", "both", "all")

// conditionalOnce reports "once" at i opening a clause of condition.
func (d *doc) conditionalOnce(s *sent, i int) bool {
	if d.low[i] != "once" || i+1 >= s.b || i > s.a && auxWords[d.low[i-1]] {
		return false
	}
	return onceSubjects[d.low[i+1]] || s.mentionAt(i+1) != nil
}

// conductVerbs in reported speech describe how an actor acted, judged by
// the words after them: "said X acted in a reckless manner".
var conductVerbs = set("acted", "behaved", "acting", "behaving", "acts", "behaves")

// conductReach bounds the words of the judgement after the verb.
const conductReach = 8

// judgedConduct emits the accusation of a hostile judgement of the
// conduct of the actors right before the verb at k, in what the speaker
// said from cFrom to cTo.
func (d *doc) judgedConduct(s *sent, sub subject, k, cFrom, cTo int, conf float64) {
	objs := d.before(s, k, cFrom)
	if len(objs) == 0 || modalIn(d, cFrom, k) || overlaps(objs, sub.ents) {
		return
	}
	hostile, friendly := d.judgement(k+1, min(cTo, k+conductReach))
	if hostile > 0 && friendly == 0 {
		d.emit(s, Accuses, sub.ents, objs, conf-0.1, k+1)
	}
}

// hostileAs reports "as" at j and a label after it with more hostile
// words than friendly ones (labelWords), and the actors after "occupied
// by" in it: "as an area occupied by Russia" labels the occupier, not
// the land.
func (d *doc) hostileAs(s *sent, j int) (bool, []int) {
	if j >= s.b || d.low[j] != "as" {
		return false, nil
	}
	hostile, friendly, victim := d.labelWords(s, j+1, 11)
	if victim {
		return false, nil // "as a victim of aggression"
	}
	for r := j + 1; r+1 < s.b && r < j+12; r++ {
		if d.low[r] == "," || d.low[r] == ";" {
			break
		}
		if !occupationWords[d.low[r]] {
			continue
		}
		if d.low[r+1] == "by" {
			occupiers, _, _, _ := d.objectNP(s, r+2, 4)
			return true, occupiers
		}
		hostile++ // "as occupied territory"
	}
	return hostile > friendly, nil
}

// occupationWords describe a land held by force.
var occupationWords = set("occupied", "annexed", "seized")

// asLabelVerbs label their object only with "as": "viewing it as a
// puppet", not "viewing the parade".
var asLabelVerbs = set("view", "views", "viewed", "viewing", "regard", "regards", "regarded", "regarding")

// labelledThing returns what a label's object "it" or "them" stands for:
// what the verb before was about ("refused to recognise X, viewing it as
// a puppet"), as for other verbs' objects.
func (d *doc) labelledThing(s *sent, m *mention) []int {
	if !m.pron || (d.low[m.from] != "it" && d.low[m.from] != "them") {
		return nil
	}
	return s.prevObjs
}
