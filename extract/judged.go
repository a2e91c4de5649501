package extract

// Proposals judged unworkable. "X made plain that many of Y's proposals
// are non-starters" and "X said Y's plan was unrealistic" reject Y as
// "X rejected Y's proposals" does: a proposal or demand, owned by the
// actor before it, judged in hostile terms after the verb "to be", in
// the complement of the speaker's verb.

// unworkableWords judge a proposal unfit, beside the hostile words.
// "non-starter" is three tokens, matched by its last (nonStarter).
var unworkableWords = set("nonstarter", "nonstarters", "unworkable", "unrealistic",
	"impractical", "unfeasible", "infeasible", "unviable", "unacceptable", "untenable", "dead", "ridiculous", "absurd", "void")

// quantifiers may open the complement before the owner: "many of Y's".
var quantifiers = set("many", "some", "most", "all", "several", "one", "none", "both", "each", "much", "part", "parts", "of")

// judgedProposal emits the rejection of a proposal or demand at i owned
// by a possessive actor ("Y's proposals") and judged unworkable after a
// form of "to be", or owned by the actor after its participle of making
// ("conditions set by Y to restart talks are unacceptable").
func (d *doc) judgedProposal(s *sent, i int) {
	if i < s.a+2 || i+2 >= s.b {
		return
	}
	if c := eventClass[d.low[i]]; c != "offer" && c != "demand" && !(conditionNouns[d.low[i]] && (madeByWords[d.low[i+1]] || d.conditionsFor(s, i))) {
		return
	}
	if p := d.low[i-1]; p != "'s" && p != "\u2019s" {
		d.judgedMadeBy(s, i)
		return
	}
	m := s.mentionAt(i - 2)
	if m == nil || m.ent < 0 || m.place || m.pron || !beWords[d.low[i+1]] || !d.judgedUnworkable(i+2) {
		return
	}
	d.judgedBy(s, m.from-1, m.ent, i+1)
}

// conditionNouns are demands only where made by an actor: "conditions
// set by X", not "conditions for detainees".
var conditionNouns = set("conditions", "condition", "terms")

// conditionsFor reports conditions at i "for" a pact or talks: "Uganda's
// conditions for a ceasefire", not "conditions for detainees".
func (d *doc) conditionsFor(s *sent, i int) bool {
	if i+2 >= s.b || d.low[i+1] != "for" {
		return false
	}
	for k := i + 2; k < s.b && k < i+5; k++ {
		if pactNouns[d.low[k]] || meetingNouns[d.low[k]] {
			return true
		}
	}
	return false
}

// madeByWords join a proposal or demand to its author after "by".
var madeByWords = set("set", "made", "put", "proposed", "imposed", "laid", "drawn", "tabled", "presented", "submitted", "issued")

// judgedReach bounds the words from the author to the judging "to be":
// an apposition and a purpose may stand between.
const judgedReach = 20

// madeByParticles complete a participle of making: "put forward by".
var madeByParticles = set("forward", "down", "up", "out")

// judgedMadeBy handles the author after the noun at i: "conditions set by
// Y, the new president, to restart talks are unacceptable".
func (d *doc) judgedMadeBy(s *sent, i int) {
	b := i + 2
	if b < s.b && madeByParticles[d.low[b]] {
		b++
	}
	if b+1 >= s.b || !madeByWords[d.low[i+1]] || d.low[b] != "by" {
		return
	}
	objs, end, _, _ := d.objectNP(s, b+1, 3)
	if len(objs) != 1 {
		return
	}
	for q := end; q < s.b && q < end+judgedReach; q++ {
		w := d.low[q]
		if w == ";" || w == "that" || reportVerbs[w] {
			return
		}
		if beWords[w] && d.judgedUnworkable(q+1) {
			if !modalWords[d.low[q-1]] && !d.judgeNamedAfter(s, q+1) && !d.wordWithin(s, q+1, 8, "if", "unless") {
				d.judgedBy(s, i-1, objs[0], q)
			}
			return
		}
	}
}

// judgedBy emits the rejection of owner by the speaker whose verb's
// complement opens before token k.
func (d *doc) judgedBy(s *sent, k, owner, topicFrom int) {
	for k > s.a && quantifiers[d.low[k]] {
		k--
	}
	if k < s.a {
		return
	}
	if d.low[k] == "that" {
		k--
	}
	v := d.speakerVerb(s, k)
	if v < 0 {
		return
	}
	d.subjectStance(s, v, Rejects, []int{owner}, 0.7, topicFrom)
}

// judgedUnworkable reports an unworkable or hostile judgement in the few
// words from j, none negated: "are non-starters", "was 'a ploy'".
func (d *doc) judgedUnworkable(j int) bool {
	for t := j; t < len(d.low) && t < j+5; t++ {
		w := d.low[t]
		if negWords[w] || w == "," || w == "if" {
			return false
		}
		if unworkableWords[w] || hostileWords[w] || d.nonStarter(t) {
			return true
		}
	}
	return false
}

// speakerVerb returns the verb of saying whose complement opens after
// token k ("said", "made plain", "made it clear"), or -1.
func (d *doc) speakerVerb(s *sent, k int) int {
	for v := k; v >= s.a && v > k-4; v-- {
		if d.actorMention(s, v) || d.low[v] == "," {
			return -1
		}
		if reportVerbs[d.low[v]] || d.verbLike(v) || irregularPast[d.low[v]] {
			return v
		}
	}
	return -1
}

// nonStarter reports "non-starter(s)" ending at token t.
func (d *doc) nonStarter(t int) bool {
	w := d.low[t]
	return (w == "starter" || w == "starters") && t >= 2 && d.low[t-1] == "-" && d.low[t-2] == "non"
}

// judgeNamedAfter reports "to X" right after the judging word from j:
// "was unacceptable to Tanzania" is Tanzania's view, not the speaker's;
// "a threat to Kenya's sovereignty" is not.
func (d *doc) judgeNamedAfter(s *sent, j int) bool {
	for k := j; k+1 < s.b && k < j+4; k++ {
		if d.low[k] == "," || d.low[k] == ";" {
			return false
		}
		if d.low[k] != "to" || !unworkableWords[d.low[k-1]] && !hostileWords[d.low[k-1]] {
			continue
		}
		m := s.mentionAt(k + 1)
		return m != nil && m.ent >= 0 && !(m.to < s.b && isPossessive(d.low[m.to]))
	}
	return false
}
