package extract

// "The five leaders met", "talks between the two presidents": a count of
// people refers to the people the text named last, each for the actor he
// or she stands for, when no list of that size is at hand. Persons are
// what such a noun counts; states merely mentioned are not.

// leaderNouns are the plural nouns of people that a count may refer to.
var leaderNouns = set("leaders", "presidents", "premiers", "chancellors", "heads")

// leaderCounts are the counts "the N leaders" may hold.
var leaderCounts = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

// leadersReach bounds how far back the people are looked for: a count
// refers to people of the last sentences, not of the whole text.
const leadersReach = 40

// leadersRef resolves "the N leaders" with the count at j after the
// determiner w: the last N distinct actors named through a person.
func (d *doc) leadersRef(s *sent, w string, j int, m mention) (mention, bool) {
	if w != "the" || j+1 >= s.b || !leaderNouns[d.low[j+1]] {
		return m, false
	}
	n := leaderCounts[d.low[j]]
	if n == 0 {
		return m, false
	}
	ents := d.namedLeaders(s, n)
	if len(ents) != n {
		return m, false
	}
	m.to, m.ent, m.group, m.pron = j+2, ents[0], ents, true
	return m, true
}

// namedLeaders returns the last n distinct actors of people named before
// this sentence within leadersReach, nearest first; fewer if the text
// has not named that many. One named in this sentence is not among them:
// "Chile offered to host the two presidents" does not count Chile's.
func (d *doc) namedLeaders(s *sent, n int) []int {
	var out []int
	for k := len(d.recent) - 1; k >= 0 && k >= len(d.recent)-leadersReach && len(out) < n; k-- {
		r := d.recent[k]
		if !r.person || r.ent < 0 || contains(out, r.ent) || d.namedInSentence(s, r.ent) {
			continue
		}
		out = append(out, r.ent)
	}
	return out
}

// countedLeaders reports whether ents are the people of "the N leaders"
// in this sentence: people counted so are the parties of the meeting
// they hold, however many, where a list of three or more named states
// more likely convenes it.
func (d *doc) countedLeaders(s *sent, ents []int) bool {
	for _, m := range s.ms {
		if m.pron && m.to-m.from == 3 && leaderNouns[d.low[m.to-1]] && leaderCounts[d.low[m.from+1]] == len(ents) &&
			len(m.group) == len(ents) && overlaps(m.group, ents) {
			return true
		}
	}
	return false
}

// countedMods bounds the modifiers between a count and its noun.
const countedMods = 2

// countedHead returns the noun of a count at j+1 past up to countedMods
// modifiers, lower-case or capitalised words that start no actor's name:
// "the two downstream states", "the two Central Asian nations"; j+1 if
// none stand there.
func (d *doc) countedHead(s *sent, h int) int {
	for k := h; k < s.b && k <= h+countedMods; k++ {
		if pairNouns[d.low[k]] {
			return k
		}
		if !d.toks[k].word || (d.toks[k].upper && !d.refModifier(s, k)) {
			break
		}
	}
	return h
}
