package extract

// Standing relations told by "in ... with". "Hungary is in constant
// consultation with the Commission" holds talks with it, and "the EU will
// respond in full solidarity with Cyprus" backs Cyprus: the relation is
// the subject's, as the verb "consult" or "side with" would state it.

// standingNouns name the relation after "in", with its stance type.
var standingNouns = map[string]string{
	"consultation": Engages, "consultations": Engages, "contact": Engages, "touch": Engages,
	"talks": Engages, "dialogue": Engages, "negotiations": Engages, "solidarity": Supports,
}

// standingMods may stand between "in" and the noun.
var standingMods = set("constant", "close", "regular", "permanent", "continuous", "ongoing", "direct", "full", "complete",
	"total", "firm", "deep", "frequent", "daily", "intensive")

// standingVerbs hold the relation: "is in", "remains in", "stands in";
// "interested in talks with X" holds none yet.
var standingVerbs = union(beWords, set("remain", "remains", "remained", "stay", "stays", "stayed", "keep", "keeps", "kept",
	"stand", "stands", "stood", "standing", "respond", "responds", "responded", "act", "acts", "acted"))

// standingWith is the phrase rule at "in" (i).
func (d *doc) standingWith(s *sent, i int) {
	if d.low[i] != "in" || i == s.a || !standingVerbs[d.low[i-1]] {
		return
	}
	j := i + 1
	for j < s.b && j <= i+3 && standingMods[d.low[j]] {
		j++
	}
	if j+2 >= s.b || d.low[j+1] != "with" {
		return
	}
	typ, ok := standingNouns[d.low[j]]
	if !ok {
		return
	}
	objs, end, _, _ := d.objectNP(s, j+2, 5)
	if len(objs) == 0 || !d.relationHeld(s, i, end) || i-2 >= s.a && (d.low[i-2] == "to" || d.low[i-1] == "being") {
		return // "urged X to remain in contact with Y", "denied being in contact"
	}
	d.subjectStance(s, i, typ, objs, 0.65, end)
}

// relationUndone after a relation told unmake it or put it off: "its
// talks with X had been called off", "would act in solidarity with X
// if". Talks that "collapsed" were held, unlike a meeting (undoneWords).
var relationUndone = set("called", "cancelled", "canceled", "suspended", "postponed", "scrapped", "would", "will", "never",
	"if", "unless", "begin", "start", "resume")

// relationHeld reports whether a relation told from token i to end holds
// as the sentence tells it: not denied ("denied that its talks ..."), not
// the content of another stance ("accused X of being in contact with Y"),
// and not undone or put off within a few words after it.
func (d *doc) relationHeld(s *sent, i, end int) bool {
	if s.isContent(i) || d.deniedBefore(s, i) {
		return false
	}
	for k := end; k < s.b && k < end+8; k++ {
		if relationUndone[d.low[k]] {
			return false
		}
	}
	for k := s.a; k < i; k++ {
		if d.low[k] == "if" || d.low[k] == "unless" {
			return false
		}
	}
	return true
}

// ownTalkNouns are talks an actor holds "with" another.
var ownTalkNouns = set("talks", "negotiations", "dialogue", "contacts", "consultations")

// ownTalkMods may stand between the owner and the noun: "Kenya's direct
// talks".
var ownTalkMods = set("direct", "indirect", "bilateral", "peace", "ongoing", "secret", "recent", "latest", "previous",
	"earlier", "months-long", "lengthy", "first", "second", "third", "last")

// ownedTalks is the phrase rule at a noun of talks (i) that an actor's
// possessive owns at the head of a clause: "Kenya's talks with Somalia
// collapsed", "said its negotiations with the government had lasted a
// year" engage the two as "held talks" would. As a verb's object ("did
// not cancel its talks with X") or another noun's ("Ghani's offer of
// talks with X") they are the verb's or noun's business.
func (d *doc) ownedTalks(s *sent, i int) {
	if !ownTalkNouns[d.low[i]] || i+2 >= s.b || i == s.a || d.low[i+1] != "with" {
		return
	}
	j := i - 1
	for j > s.a && ownTalkMods[d.low[j]] {
		j--
	}
	owner, start := -1, j
	if m := s.mentionAt(j); m != nil && m.pron && isPossPron(d.low[j]) {
		owner = m.ent // "its negotiations"
	} else if isPossessive(d.low[j]) && j > s.a {
		if m := s.mentionAt(j - 1); m != nil && m.ent >= 0 && !m.place && !m.pron {
			owner, start = m.ent, m.from // "Kenya's talks"
		}
	}
	if start > s.a && d.low[start-1] == "the" {
		start--
	}
	if owner < 0 || start > s.a && !clauseOpeners[d.low[start-1]] {
		return
	}
	objs, end, _, _ := d.objectNP(s, i+2, 5)
	if len(objs) == 0 || contains(objs, owner) || !d.relationHeld(s, start, end) {
		return
	}
	d.emit(s, Engages, []int{owner}, objs, 0.6, end)
}

// clauseOpeners stand before a clause's subject.
var clauseOpeners = set("that", "said", "says", ",", "and", "but", "while", "as", "when", "after", "since")
