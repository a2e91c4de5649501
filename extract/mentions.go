package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// findMentions fills s.ms with the actors the sentence names, longest
// match first, resolving references against the discourse so far.
func (d *doc) findMentions(s *sent) {
	s.ms = s.ms[:0]
	for i := range s.at {
		s.at[i] = -1
	}
	for i := s.a; i < s.b; {
		if !d.toks[i].word {
			i++
			continue
		}
		m, ok := d.matchAt(s, i)
		if !ok {
			i++
			continue
		}
		if !m.ref && d.backs(s, m.to) {
			i = m.to + 2 // "the Iran-backed militias": Iran backs them (backers.go)
			continue
		}
		d.classify(s, &m)
		if d.postedTo(s, m) {
			m.place = true // "Kenya's UN ambassador": the UN is only where he serves
		}
		if m.to+1 < s.b && (d.low[m.to] == "'s" || d.low[m.to] == "\u2019s") {
			if part, ok := d.partOfState(s, m.from, m.to+1); ok {
				m = part // "Somalia's breakaway region of Somaliland": Somaliland
			}
		}
		idx := len(s.ms)
		s.ms = append(s.ms, m)
		for j := m.from; j < m.to; j++ {
			s.at[j-s.a] = idx
		}
		if m.ent >= 0 && !m.place && !m.ref {
			if len(m.group) > 0 {
				for _, e := range m.group {
					d.recent = append(d.recent, recentRef{ent: e})
				}
			} else {
				d.recent = append(d.recent, recentRef{ent: m.ent, gov: m.gov, army: m.army, person: m.person})
			}
		}
		if m.ent >= 0 && !m.ref && !m.pron {
			d.lastNamed = m.ent
		}
		if m.kind == formMember && m.to-m.from >= 2 {
			d.learnShort(m.from, m.to, m.ent)
		}
		i = m.to
	}
	// Lists of two or more named actors are what "both" refers to.
	for i := 0; i < len(s.ms); i++ {
		ents, last := d.listAt(s, i)
		if len(ents) >= 2 {
			d.lastPair = ents
			if len(d.lists) == 8 {
				d.lists = append(d.lists[:0], d.lists[1:]...)
			}
			d.lists = append(d.lists, ents)
		}
		i = last
	}
}

// matchAt finds the longest mention starting at token i.
func (d *doc) matchAt(s *sent, i int) (mention, bool) {
	key := d.low[i]
	if d.inPortfolio(s, i) {
		return mention{ent: -1}, false
	}
	if determiners[key] && i+1 < s.b && d.toks[i+1].upper && d.localGroupAt(s, i+1) {
		// "the Mediators", named as a group in this text: not a role noun.
		return mention{ent: -1}, false
	}
	// Names learned from this text come first: "Anna Wagner", introduced
	// as a minister, makes a later "Wagner" her and not the Wagner Group.
	best, bestLen := mention{ent: -1}, 0
	best, bestLen = d.longestMatch(s, i, d.local[key], best, bestLen)
	best, bestLen = d.longestMatch(s, i, d.lx.byFirst[key], best, bestLen)
	if m, n, ok := d.hyphenedName(s, i, d.lx.byFirst[key], bestLen); ok {
		best, bestLen = m, n
	}
	if m, ok := d.orgAt(s, i, best, bestLen); ok {
		return m, true
	}
	if bestLen > 0 {
		if best.ent < 0 {
			// A person of no known actor: the name is nobody we track.
			return mention{from: best.from, to: best.to, ent: -1, person: true}, true
		}
		return d.ownOffice(s, best), true
	}
	if m, ok := d.titledSurname(s, i); ok {
		return m, true
	}
	if m, ok := d.bareSurname(s, i); ok {
		return m, true
	}
	if m, ok := d.leaderGovernment(s, i); ok {
		return m, true
	}
	if m, ok := d.ethnicAt(s, i); ok {
		return m, true
	}
	if m, ok := d.modifiedRef(s, i); ok {
		return m, true
	}
	if m, ok := d.ministryRef(s, i); ok {
		return m, true
	}
	if m, ok := d.agentInState(s, i); ok {
		return m, true
	}
	return d.genericRef(s, i)
}

// longestMatch returns the mention of the longest pattern of ps that
// matches at token i and is longer than bestLen, else best.
func (d *doc) longestMatch(s *sent, i int, ps []*pattern, best mention, bestLen int) (mention, int) {
	for _, p := range ps {
		n := len(p.toks)
		if n <= bestLen || i+n > s.b {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			if !tokMatch(p.toks[k], d.tok(i+k), d.toks[i+k]) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if m, ok := d.patternMention(s, i, p); ok {
			best, bestLen = m, n
		}
	}
	return best, bestLen
}

// patternMention makes the mention of pattern p matched at token i, by
// the pattern's form; ok is false where the form does not hold there (a
// member out of office at the document's date, a demonym without an
// office noun, a reference to no one named yet, a word of a longer name).
func (d *doc) patternMention(s *sent, i int, p *pattern) (mention, bool) {
	n := len(p.toks)
	m := mention{from: i, to: i + n, ent: -1, kind: p.kind, gov: p.gov, army: p.army, code: p.code}
	if d.coordinatedSide(s, i) {
		// "Israeli and Lebanese parties": each demonym its state (sides.go).
		if p.kind != formDemonym || n != 1 {
			return m, false
		}
		m.ent = d.current(p.entries[0])
		return m, true
	}
	if p.fallback && d.titledByActor(s, i) {
		// "Bulgarian President X": the text makes X speak for the state,
		// whatever dates the table gives.
		return m, false
	}
	if p.fallback && d.inOfficeTitle(s, i) {
		return d.officeHolder(m, p)
	}
	switch p.kind {
	case formMember:
		if p.entries[0] < 0 {
			return m, true
		}
		if !p.heldAt(d.date) {
			return m, false
		}
		if n == 1 && d.partOfLongerName(s, i) {
			return m, false
		}
		m.person = true
		m.ent = p.entries[0]
	case formDemonym:
		if am, ok := d.agentMention(s, i, n, d.current(p.entries[0])); ok {
			return am, true
		}
		if !d.demonymHasOffice(s, i+n, 0) && !d.stateAgentAt(s, i+n) {
			return m, false
		}
		m.ent = d.current(p.entries[0])
		if j := i + n; j < s.b && govWords[d.low[j]] {
			m.gov = true
		}
		// "the Russian president", "the Turkish leader": a person,
		// whom "he" and "him" can mean.
		for j := i + n; j < s.b && j < i+n+3; j++ {
			if personTitles[d.low[j]] {
				m.person = true
				break
			}
			if !officeModifiers[d.low[j]] {
				break
			}
		}
	case formGroup:
		m.ent, m.group = p.entries[0], p.entries
	case formRef:
		if m.to+1 < s.b && d.low[m.to] == "of" && d.namesAt(m.to+1) {
			return m, false // "the fighters of al-Shabaab": named, not referred back to
		}
		m.ent = d.resolveRef(p.entries)
		if m.ent < 0 {
			m.ent = d.counterpartRef(p.entries) // "the South" after North Korea
		}
		if m.ent < 0 {
			return m, false
		}
		m.ref = true
	default:
		if !p.heldAt(d.date) {
			return m, false // a seat another held at the date
		}
		// "Victoria Nuland", "Washington Post": a longer name, not the actor.
		if n == 1 && !p.toks[0].caps && d.partOfLongerName(s, i) {
			return m, false
		}
		m.ent = d.current(p.entries[0])
	}
	return m, true
}

// current returns the actor entry e stands for at the document date: its
// successor once it has ceased to exist.
func (d *doc) current(e int) int {
	if e >= len(d.lx.next) {
		return e // an actor of this text alone
	}
	if n := d.lx.next[e]; n >= 0 && !d.date.IsZero() && d.date > d.lx.entries[e].until {
		return n
	}
	return e
}

// demonymHasOffice reports whether an office noun follows a demonym at j,
// possibly after other demonyms: "Armenian and Azerbaijani counterparts".
func (d *doc) demonymHasOffice(s *sent, j int, depth int) bool {
	for k := 0; k < 4 && j < s.b; k++ {
		w := d.low[j]
		if d.ownAllies(s, j) {
			return true
		}
		if w == "state" && j+1 < s.b && clauseVerbAfterPronoun[d.low[j+1]] && j-2 >= s.a && d.low[j-2] == "the" {
			// "the Russian state is behind the poisoning"; not "Russian
			// state media" nor "a Palestinian state must be established".
			return true
		}
		if _, ev := eventClass[w]; ev && w != "call" && w != "order" && w != "remarks" && w != "statement" && w != "behaviour" && w != "behavior" {
			return true
		}
		if officeNouns[w] && !(w == "foreign" && j+1 < s.b && !officeNouns[d.low[j+1]] && !officeModifiers[d.low[j+1]]) {
			if w == "foreign" || w == "chief" {
				// "foreign minister", "army chief": keep looking one further
				if j+1 < s.b && (officeNouns[d.low[j+1]] || officeModifiers[d.low[j+1]]) {
					return true
				}
			}
			return true
		}
		if (w == "and" || w == "," || (w == "-" && j+1 < s.b && d.isDemonym(s, j+1))) && depth < 4 && j+1 < s.b {
			// another demonym or actor, then the office noun
			for _, p := range append(d.lx.byFirst[d.low[j+1]], d.local[d.low[j+1]]...) {
				n := len(p.toks)
				if j+1+n > s.b {
					continue
				}
				ok := true
				for q := 0; q < n; q++ {
					if !tokMatch(p.toks[q], d.tok(j+1+q), d.toks[j+1+q]) {
						ok = false
						break
					}
				}
				if ok && (p.kind == formDemonym || p.kind == formAlias) && d.demonymHasOffice(s, j+1+n, depth+1) {
					return true
				}
			}
			return false
		}
		if actionNouns[w] {
			// "the Russian strikes": the demonym's state carried them out.
			return true
		}
		if w == "-" && j+1 < s.b && authorWords[d.low[j+1]] {
			// "a French-drafted resolution": the demonym's state wrote it.
			return true
		}
		if !officeModifiers[w] && w != "-" && w != "led" && w != "backed" && w != "installed" && w != "appointed" {
			return false
		}
		j++
	}
	return false
}

// resolveRef returns the most recently named actor among ents, or -1.
func (d *doc) resolveRef(ents []int) int {
	for k := len(d.recent) - 1; k >= 0 && k >= len(d.recent)-200; k-- {
		for _, e := range ents {
			if d.recent[k].ent == e {
				return e
			}
		}
	}
	return -1
}

var determiners = set("the", "a", "an", "its", "his", "her", "their", "this", "that")

// genericRef resolves descriptions and pronouns that no dictionary entry
// carries: "the government", "the delegation", "he", "it", "both". Each
// kind of reference is one step, tried in this order.
func (d *doc) genericRef(s *sent, i int) (mention, bool) {
	w := d.low[i]
	m := mention{from: i, to: i + 1, ent: -1, ref: true, kind: formRef}
	switch {
	case d.neighbourRef(s, i, &m):
		return m, m.ent >= 0
	case d.pronounRef(s, i, &m):
		return m, m.ent >= 0
	case d.statementRef(s, i, &m):
		return m, true
	case determiners[w] && i+1 < s.b:
		if rm, ok := d.regionRef(s, i, m); ok {
			return rm, true
		}
		return d.describedRef(s, i, m)
	case w == "each":
		return d.eachRef(s, i, m)
	case w == "both":
		return d.bothRef(s, i, m)
	}
	return m, false
}

// pronounRef resolves a personal or possessive pronoun into m and reports
// whether the word at i is one.
func (d *doc) pronounRef(s *sent, i int, m *mention) bool {
	w := d.low[i]
	switch {
	case w == "he" || w == "she" || w == "his" || w == "her":
		m.pron, m.person = true, true
		m.ent = d.pronoun(s, i, true)
	case w == "him" || (w == "her" && i > s.a && d.isCueVerb(i-1)):
		// An object pronoun: the person named last who is not an actor
		// of this sentence so far ("Xi urged him to ...").
		m.pron, m.person = true, true
		m.ent = d.lastOtherPerson(s, i)
	case w == "it" || w == "its":
		m.pron = true
		m.ent = d.pronoun(s, i, false)
	case w == "they" || w == "their":
		m.pron = true
		m.ent, m.group = d.theyRef(s, i)
	case d.quotedSelf(i):
		m.pron, m.person, m.code = true, d.quote.person, d.quote.code
		m.ent = d.quote.speaker
	default:
		return false
	}
	// "his government" is the government he leads.
	if i+1 < s.b && govWords[d.low[i+1]] {
		m.to = i + 2
		m.gov = true
	}
	return true
}

// theyRef returns what "they" or "their" at i means: for "they", the list
// of this sentence, a plural or armed group named earlier in it, or the
// last subject that was several actors; else the last actor if an armed
// group.
func (d *doc) theyRef(s *sent, i int) (int, []int) {
	w := d.low[i]
	if list := d.listBefore(s, i); w == "they" && len(list) >= 2 {
		// "Mali, Burkina Faso and Niger said they would ...": the list
		// of this sentence.
		return list[0], list
	} else if e := d.pluralBefore(s, i); w == "they" && e >= 0 {
		// "Ethiopian officials said ..., and they urged": the plural
		// named earlier in this sentence.
		return e, nil
	} else if e := d.groupBefore(s, i); w == "they" && e >= 0 {
		// "The Taliban ..., which they call": an armed group of this
		// sentence.
		return e, nil
	} else if w == "they" && len(d.lastSubjs) >= 1 {
		// "Egypt and Qatar proposed a truce. They urged ...": the last
		// subject that was several actors.
		return d.lastSubjs[0], d.lastSubjs
	} else if d.lastAny >= 0 && d.actor(d.lastAny).Kind == stance.KindArmedGroup {
		return d.lastAny, nil
	} else if e := d.quotedOther(s, i); w == "they" && e >= 0 {
		// '"We have no trust in X. They have to show ...," he said':
		// inside a speaker's quotation, the other side named last.
		return e, nil
	}
	return -1, nil
}

// quotedOther returns, for a word at i inside the current sentence's
// attributed quotation, the actor other than its speaker named last
// before it, in the quotation or in the sentence before, or -1.
func (d *doc) quotedOther(s *sent, i int) int {
	q := d.quote
	if q.speaker < 0 || i < q.from || i >= q.to {
		return -1
	}
	for k := len(s.ms) - 1; k >= 0; k-- {
		if m := s.ms[k]; m.from >= q.from && m.to <= i && m.ent >= 0 && !m.pron && !m.ref {
			if m.ent == q.speaker {
				return -1
			}
			return m.ent
		}
	}
	if d.namedBefore != q.speaker {
		return d.namedBefore
	}
	return -1
}

// govModifiers may stand between a determiner and a government noun.
var govModifiers = set("elected", "federal", "central", "national", "interim", "transitional")

// describedRef resolves a determiner's description at i: a ruler, a
// government, a role, a counted pair ("the two sides") or "the sides".
func (d *doc) describedRef(s *sent, i int, m mention) (mention, bool) {
	if lm, ok := d.latterRef(s, i, m); ok {
		return lm, true
	}
	w := d.low[i]
	j := i + 1
	for j < s.b && j < i+3 && govModifiers[d.low[j]] {
		j++
	}
	if j < s.b && w == "the" && rulerRefs[d.low[j]] && !(j+1 < s.b && d.low[j+1] == "in") {
		if e := d.lastRuler(d.low[j]); e >= 0 {
			m.to, m.ent, m.gov, m.army = j+1, e, true, true
			if j+1 < s.b && (d.low[j+1] == "rulers" || d.low[j+1] == "leaders" || d.low[j+1] == "government") {
				m.to = j + 2
			}
			return m, true
		}
	}
	if j < s.b && (d.low[j] == "government" || d.low[j] == "administration" || d.low[j] == "authorities") {
		if om, ok := d.governmentOf(s, j+1); ok {
			m.to, m.ent, m.gov = om.to, om.ent, true
			return m, true
		}
		if !d.regionAfterOf(s, j+1) {
			return d.governmentRef(s, j, m)
		}
	}
	r := j
	for r < s.b && r < j+3 && officeModifiers[d.low[r]] && !roleNouns[d.low[r]] {
		r++
	}
	if r < s.b && roleNouns[d.low[r]] && (w == "the" || w == "this") {
		j = r
		if e, ok := d.roles[d.low[j]]; ok && !d.ofActor(s, j+1) {
			m.to, m.ent = j+1, e
			return m, true
		}
	}
	return d.countedRef(s, w, j, m)
}

// governmentOf returns the actor after "of" at j that a government or
// administration before it is of: "the administration of South Korean
// President Lee" is South Korea's, not the government named last.
func (d *doc) governmentOf(s *sent, j int) (mention, bool) {
	if !d.ofActor(s, j) && !d.regionAfterOf(s, j) {
		return mention{}, false
	}
	k := j + 1
	if d.low[k] == "the" {
		k++
	}
	om, ok := d.matchAt(s, k)
	return om, ok && om.ent >= 0 && !om.place
}

// ofActor reports "of" and an actor at j: "the president of Peru" names
// Peru's president, not the president named last.
func (d *doc) ofActor(s *sent, j int) bool {
	if j+1 >= s.b || d.low[j] != "of" {
		return false
	}
	k := j + 1
	if d.low[k] == "the" && k+1 < s.b {
		k++
	}
	for _, p := range d.lx.byFirst[d.low[k]] {
		if p.kind != formRef && len(p.toks) > 0 && tokMatch(p.toks[0], d.tok(k), d.toks[k]) {
			return true
		}
	}
	return d.isDemonym(s, k)
}

// lastRuler returns whoever was last named as governing, for "the junta"
// or "the military" (ruler, the noun): an army, or for a noun other than
// army or military a government that is not a person; -1 if none.
func (d *doc) lastRuler(ruler string) int {
	for k := len(d.recent) - 1; k >= 0 && k >= len(d.recent)-200; k-- {
		r := d.recent[k]
		if (r.army || (ruler != "army" && ruler != "military" && r.gov && !r.person)) && r.ent >= 0 {
			return r.ent
		}
	}
	return -1
}

// governmentRef resolves "the government" with its noun at j: of the
// metonym after "in" ("the elected government in Kabul"), else the
// government last named as such before one merely led by a person named
// since.
func (d *doc) governmentRef(s *sent, j int, m mention) (mention, bool) {
	if j+2 < s.b && d.low[j+1] == "in" {
		for _, p := range d.lx.byFirst[d.low[j+2]] {
			if p.kind == formMetonym && len(p.toks) == 1 && p.heldAt(d.date) && tokMatch(p.toks[0], d.tok(j+2), d.toks[j+2]) {
				m.to, m.ent, m.gov, m.ref = j+3, p.entries[0], true, false
				return m, true
			}
		}
	}
	for pass := 0; pass < 2; pass++ {
		for k := len(d.recent) - 1; k >= 0 && k >= len(d.recent)-200; k-- {
			if r := d.recent[k]; r.gov && (pass == 1 || !r.person) {
				m.to, m.ent, m.gov = j+1, r.ent, true
				return m, true
			}
		}
	}
	return m, false
}

// countedRef resolves "the two sides", "the three states" (a number at
// j) and "the sides" after the determiner w.
func (d *doc) countedRef(s *sent, w string, j int, m mention) (mention, bool) {
	if n := numberWords[d.low[j]]; w == "the" && j+1 < s.b && n > 0 {
		h := d.countedHead(s, j+1)
		if pairNouns[d.low[h]] {
			if pair := d.twoRef(s, d.low[h], n); len(pair) == n {
				m.to, m.ent, m.group, m.pron = h+1, pair[0], pair, true
				return m, true
			}
		}
	}
	if lm, ok := d.leadersRef(s, w, j, m); ok {
		return lm, true
	}
	if w == "the" && len(d.lastPair) >= 2 {
		if h := d.sidesHead(s, j); h > 0 {
			// The pair as it stands here, not as later mentions change it.
			m.to, m.ent, m.group, m.pron = h+1, d.lastPair[0], d.lastPair, true
			return m, true
		}
	}
	return m, false
}

// warSides name the sides of a conflict after a word of war: "the
// warring parties". "All parties" alone is left out: a call on all
// parties is made to whoever is concerned, which annotators do not code.
var warSides = set("sides", "parties")

// sidesHead returns the token of "sides" after "the" at j, or of "sides"
// or "parties" after a word of war ("the warring parties", "the rival
// sides"); 0 where the words name no sides.
func (d *doc) sidesHead(s *sent, j int) int {
	if j < s.b && d.low[j] == "sides" {
		return j
	}
	if j+1 < s.b && warringWords[d.low[j]] && warSides[d.low[j+1]] {
		return j + 1
	}
	return 0
}

// eachRef resolves "each side accused the other": the two sides, each of
// them.
func (d *doc) eachRef(s *sent, i int, m mention) (mention, bool) {
	if i+1 >= s.b || !eachNouns[d.low[i+1]] {
		return m, false
	}
	pair := d.sidesBefore(s, i)
	if len(pair) != 2 {
		pair = d.lastPair
	}
	if len(pair) == 2 {
		m.to, m.ent, m.group, m.pron = i+2, pair[0], pair, true
		return m, true
	}
	return m, false
}

// bothRef resolves "both" at i: "both governments" the last two states
// named before this clause, "both" alone the last pair named or the last
// two actors the text has had act.
func (d *doc) bothRef(s *sent, i int, m mention) (mention, bool) {
	subjPair := d.notePairs(s, i)
	if i+1 < s.b && stateNouns[d.low[i+1]] && (len(d.lastPair) < 2 || (subjPair && d.pairInClause(s, d.lastPair, i))) {
		// "urged both governments": the last two states named before
		// this clause.
		if pair := d.twoRef(s, d.low[i+1], 2); len(pair) == 2 && !d.pairInClause(s, pair, i) {
			m.to, m.ent, m.group, m.pron = i+2, pair[0], pair, true
			return m, true
		}
		return m, false
	}
	if i+1 > s.b {
		return m, false
	}
	next := ""
	if i+1 < s.b {
		next = d.low[i+1]
	}
	if !(next == "to" || pairNouns[next] || next == "of" || next == "" || !d.toks[min(i+1, s.b-1)].word) {
		return m, false
	}
	pair := d.lastPair
	if len(pair) != 2 || (subjPair && d.pairInClause(s, pair, i)) {
		pair = nil
		if p := d.twoRef(s, next, 2); len(p) == 2 && !d.pairInClause(s, p, i) {
			pair = p
		}
	}
	if len(pair) != 2 {
		return m, false
	}
	m.ent, m.group = pair[0], pair
	m.pron = true
	if pairNouns[next] {
		m.to = i + 2
	}
	return m, true
}

// notePairs records as d.lastPair each two-actor list of this sentence
// before "both" at i that is not the subject of the verb "both" follows,
// and reports whether a list of two or more is that subject ("the US and
// the EU welcomed the move and urged both governments").
func (d *doc) notePairs(s *sent, i int) (subjPair bool) {
	for k := 0; k < len(s.ms); k++ {
		ents, last := d.listAt(s, k)
		end := s.ms[last].to
		subj := d.subjectOfVerbBefore(s, end, i) || (d.clauseVerbAfter(s, end) && !d.actorBetween(s, end, i))
		if len(ents) >= 2 && subj {
			subjPair = true
		}
		if len(ents) == 2 && !s.ms[k].pron && !subj {
			// A reference ("the two mediators blamed both parties") or
			// the subject of the verb ("Brazil and Colombia urged both
			// governments") is not the pair "both" means.
			d.lastPair = ents
		}
		k = last
	}
	return subjPair
}

// isCueVerb reports whether token j is a cue verb in use as a verb, so
// that "her" after it is an object: "thanked her", "urged her".
func (d *doc) isCueVerb(j int) bool {
	_, ok := cueTable[d.low[j]]
	return ok && !d.toks[j].upper
}

// lastOtherPerson returns the actor of the person named last in the text
// whose actor is not named earlier in this sentence, or -1.
func (d *doc) lastOtherPerson(s *sent, i int) int {
	// The sentence's first actor is the likely subject, whom "him" is not.
	subj := -1
	for _, m := range s.ms {
		if m.from < i && m.ent >= 0 && !m.place {
			subj = m.ent
			break
		}
	}
	// A bounded window keeps a text of nothing but pronouns linear.
	for k := len(d.recent) - 1; k >= 0 && k >= len(d.recent)-50; k-- {
		if r := d.recent[k]; r.person && r.ent != subj {
			return r.ent
		}
	}
	return -1
}

// actorBetween reports an actor named in tokens [from, to) or a clause
// boundary there.
func (d *doc) actorBetween(s *sent, from, to int) bool {
	for k := from; k < to; k++ {
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
			return true
		}
		if w := d.low[k]; w == ";" || w == "," || boundaryWords[w] {
			return true
		}
	}
	return false
}

// subjectOfVerbBefore reports whether tokens [from, i) are just a verb
// group: the list ending at from is the subject of the verb whose object
// starts at i.
func (d *doc) subjectOfVerbBefore(s *sent, from, i int) bool {
	if i-from > 4 {
		return false
	}
	for k := from; k < i; k++ {
		if w := d.low[k]; w == "," || w == "and" || w == ";" || boundaryWords[w] {
			return false
		}
	}
	return true
}

// pairInClause reports whether an actor of pair is named in this sentence
// before token i: such a pair is the clause's own subject, not "both".
func (d *doc) pairInClause(s *sent, pair []int, i int) bool {
	for _, m := range s.ms {
		if m.from < i && m.ent >= 0 && contains(pair, m.ent) && !d.possessive(s, m) {
			return true
		}
	}
	return false
}

// namedInSentence reports whether e is named, other than as a possessive
// modifier ("Pakistan's closest ally"), among the last mentions of s.
func (d *doc) namedInSentence(s *sent, e int) bool {
	for _, m := range s.ms[max(0, len(s.ms)-12):] {
		if m.ent == e && !d.possessive(s, m) {
			return true
		}
	}
	return false
}

// possessive reports a mention followed by 's.
func (d *doc) possessive(s *sent, m mention) bool {
	return m.to < s.b && (d.low[m.to] == "'s" || d.low[m.to] == "\u2019s")
}

// twoRef resolves "the two countries", "the two mediators": the last
// subject that was a pair, else the last pair named, else the last two
// actors named (states or governments for "countries", "governments").
func (d *doc) twoRef(s *sent, noun string, n int) []int {
	states := stateNouns[noun]
	if roleGroupNouns[noun] {
		// "the two mediators", "the two allies": a role only a subject
		// of the text has held.
		if len(d.lastSubjList) == n {
			return d.lastSubjList
		}
		return nil
	}
	for k := len(s.ms) - 1; k >= 0 && k >= len(s.ms)-12; k-- {
		// "urged both governments ..., and offered to host the two
		// presidents": the pair this sentence already referred to.
		if m := s.ms[k]; m.pron && len(m.group) == n {
			return m.group
		}
	}
	fits := func(ents []int) bool {
		if len(ents) != n {
			return false
		}
		for _, e := range ents {
			if k := d.actor(e).Kind; states && k != stance.KindState && k != stance.KindGovernment {
				return false
			}
		}
		return true
	}
	if fits(d.lastSubjList) {
		return d.lastSubjList
	}
	if fits(d.lastPair) {
		return d.lastPair
	}
	if n != 2 {
		// "the three countries": the last list of three named.
		for k := len(d.lists) - 1; k >= 0; k-- {
			if fits(d.lists[k]) {
				return d.lists[k]
			}
		}
		if !states {
			return nil
		}
	}
	if personTitles[strings.TrimSuffix(noun, "s")] || noun == "leaders" {
		// "both leaders": too loose to guess from who acted last.
		return nil
	}
	var out []int
	// Those the text has had act are likelier than any actor named in
	// passing ("a puppet of the Pentagon").
	for k := len(d.subjHist) - 1; k >= 0 && len(out) < n; k-- {
		e := d.subjHist[k]
		if kind := d.actor(e).Kind; (states && kind != stance.KindState && kind != stance.KindGovernment) || contains(out, e) {
			continue
		}
		if !d.namedInSentence(s, e) {
			out = append(out, e)
		}
	}
	if len(out) == n || n != 2 {
		return out
	}
	out = out[:0]
	for k := len(d.recent) - 1; k >= 0 && k >= len(d.recent)-30 && len(out) < 2; k-- {
		e := d.recent[k].ent
		kind := d.actor(e).Kind
		if states && kind != stance.KindState && kind != stance.KindGovernment {
			continue
		}
		// Not "Angola" in "Angola hosted talks between the two governments".
		if !d.namedInSentence(s, e) && !contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// stateNouns in "the two countries" refer to states or governments only.
var stateNouns = set("presidents", "ministers", "countries", "governments", "states", "nations", "neighbours", "neighbors", "capitals", "leaders")

// roleGroupNouns in "the two mediators" name a role, which only a subject
// of the text has been seen in.
var roleGroupNouns = set("mediators", "allies", "powers", "partners", "backers", "guarantors")

var numberWords = map[string]int{"two": 2, "three": 3, "four": 4}

// sidesBefore returns the last pair named in this sentence before token i
// that is not the speaker of a reporting verb: in "A and B agreed to a
// truce, C and D said, even as each side accused the other" the sides are
// A and B.
func (d *doc) sidesBefore(s *sent, i int) []int {
	var out []int
	for k := max(0, len(s.ms)-12); k < len(s.ms) && s.ms[k].to <= i; k++ {
		ents, last := d.listAt(s, k)
		end := s.ms[last].to
		speaker := false
		for q := end; q < s.b && q < end+3; q++ {
			if reportVerbs[d.low[q]] {
				speaker = true
			}
		}
		if len(ents) == 2 && end <= i && !speaker {
			out = ents
		}
		k = last
	}
	return out
}

// groupBefore returns the last armed group named in this sentence before
// token i, or -1.
func (d *doc) groupBefore(s *sent, i int) int {
	for k := len(s.ms) - 1; k >= 0; k-- {
		m := s.ms[k]
		if m.from < i && m.ent >= 0 && !m.place && !m.pron && d.actor(m.ent).Kind == stance.KindArmedGroup {
			return m.ent
		}
	}
	return -1
}

// pluralBefore returns the actor of the last "X officials" (an actor
// before a plural noun) in this sentence before token i, or -1.
func (d *doc) pluralBefore(s *sent, i int) int {
	for k := len(s.ms) - 1; k >= 0; k-- {
		m := s.ms[k]
		if m.from >= i || m.ent < 0 || m.place || m.pron {
			continue
		}
		if m.to < s.b && pluralNouns[d.low[m.to]] {
			return m.ent
		}
	}
	return -1
}

// listBefore returns the last list of two or more actors named in this
// sentence before token i.
func (d *doc) listBefore(s *sent, i int) []int {
	var out []int
	// The last dozen mentions: a list further back is not what "they" means.
	for k := max(0, len(s.ms)-12); k < len(s.ms) && s.ms[k].to <= i; k++ {
		ents, last := d.listAt(s, k)
		if len(ents) >= 2 && s.ms[last].to <= i {
			out = ents
		}
		k = last
	}
	return out
}

// pronoun resolves he/she (person) or it to the subject it continues: an
// earlier mention of this sentence, else the last subject of the text.
func (d *doc) pronoun(s *sent, i int, person bool) int {
	if e := d.speakerBefore(s, i); e >= 0 {
		return e
	}
	if e := d.relativeOwner(s, i); e >= 0 {
		return e
	}
	for _, m := range s.ms {
		if m.from >= i {
			break
		}
		if m.ent >= 0 && !m.place && m.person == person && !m.pron && !d.hyphenedModifier(s, m) {
			return m.ent
		}
	}
	if person {
		return d.lastPerson
	}
	return d.lastOther
}

// relativeOwner resolves a pronoun opening a relative clause on a
// possessed noun to its owner: "Guterres' report against X, in which he
// called on Y" is Guterres' call, not the sentence subject's. It returns
// -1 elsewhere.
func (d *doc) relativeOwner(s *sent, i int) int {
	if i-3 < s.a || d.low[i-1] != "which" || d.low[i-2] != "in" && d.low[i-2] != "with" {
		return -1
	}
	j := i - 3
	if d.low[j] == "," {
		j-- // "the UN report, in which it ..."
	}
	noun := false
	for stop := j - 5; j > s.a && j >= stop; j-- {
		w := d.low[j]
		m := s.mentionAt(j)
		switch {
		case isPossessive(w) || w == "'" || w == "\u2019":
			m = s.mentionAt(j - 1) // "Guterres' report"
		case m == nil && d.toks[j].word && !d.toks[j].upper:
			noun = true
			continue // the noun and its modifiers
		case !noun || m != nil && m.from > s.a && nounDets[d.low[m.from-1]] && d.low[m.from-1] != "the":
			return -1 // "a meeting with Sudan, in which it": the actor is no owner
		}
		if m != nil && m.ent >= 0 && !m.place && !m.pron && m.person == (d.low[i] == "he" || d.low[i] == "she") {
			return m.ent
		}
		return -1 // the noun's owner is no actor of the pronoun's kind
	}
	return -1
}

// hyphenedModifier reports a name hyphened to the word after it: a
// modifier of another noun ("NATO-member Norway", "the Saudi-led
// coalition"), never what a later pronoun continues.
func (d *doc) hyphenedModifier(s *sent, m mention) bool {
	return m.to+1 < s.b && d.low[m.to] == "-" && d.toks[m.to+1].word
}

// speakerBefore resolves a pronoun right after a reporting verb ("Britain,
// a guarantor power, said it supported ...", "the AU said its chairperson
// ...") to the speaker: the nearest actor before the verb, or -1.
func (d *doc) speakerBefore(s *sent, i int) int {
	r := i - 1
	if r > s.a && d.low[r] == "that" {
		r--
	}
	if r <= s.a || !reportVerbs[d.low[r]] {
		return -1
	}
	// The subject of the reporting verb, past relative clauses: "the US,
	// which lists the ELN as a terrorist group, said it supported ...".
	// Only near the start of a sentence, which keeps run-on text linear.
	if r-s.a > 60 {
		return -1
	}
	if sub := d.subjectAt(s, r); len(sub.ents) == 1 && !sub.neg {
		return sub.ents[0]
	}
	return -1
}

// classify marks places and links a mention's flags.
func (d *doc) classify(s *sent, m *mention) {
	if m.ent < 0 || m.ref {
		return
	}
	// "Niger's military rulers", "Myanmar's junta": the mention names who governs.
	j := m.to
	if j < s.b && (d.low[j] == "'s" || d.low[j] == "\u2019s") {
		j++
	}
	for k := 0; k < 3 && j < s.b; k, j = k+1, j+1 {
		if rulerWords[d.low[j]] && !d.privateForce(s, j) {
			m.gov = true
			if d.low[j] == "army" || d.low[j] == "military" || d.low[j] == "generals" || d.low[j] == "junta" {
				m.army = true
			}
			break
		}
		if !officeModifiers[d.low[j]] {
			break
		}
	}
	if m.to+1 < s.b && d.low[m.to] == "-" && (d.low[m.to+1] == "based" || d.low[m.to+1] == "administered" || d.low[m.to+1] == "controlled" || d.low[m.to+1] == "held") {
		// "Pakistan-based Lashkar-e-Taiba": where the group is, not an actor.
		m.place = true
		return
	}
	k := d.actor(m.ent).Kind
	if m.kind != formMetonym && !(m.kind == formAlias && k == stance.KindState) {
		return
	}
	// "Syria talks", "the Ukraine war": a country naming a topic.
	if m.kind == formAlias && m.to < s.b && topicNouns[d.low[m.to]] && m.to-m.from == 1 {
		m.place = true
		return
	}
	// "the Luanda roadmap", "the Istanbul conference": a capital naming an event.
	if m.kind == formMetonym && m.to < s.b && venueNouns[d.low[m.to]] && m.from > s.a && determiners[d.low[m.from-1]] {
		m.place = true
		return
	}
	p := m.from - 1
	if p < s.a {
		return
	}
	w := d.low[p]
	switch {
	case locPreps[w]:
		if p-1 >= s.a && (govWords[d.low[p-1]] || d.low[p-1] == "officials" || (w == "at" && atTargets[d.low[p-1]])) {
			return
		}
		m.place = true
	case w == "to" && p-1 >= s.a && travelWords[d.low[p-1]]:
		m.place = true
	case w == "from" && m.kind == formAlias && p-1 >= s.a && (d.low[p-1] == "troops" || d.low[p-1] == "forces" || d.low[p-1] == "withdrawal" || d.low[p-1] == "out"):
		m.place = true
	case w == "of" && m.kind == formMetonym && p-1 >= s.a && settlementNouns[d.low[p-1]]:
		// "the Rwandan capital of Kigali", "the city of Mosul": a place.
		m.place = true
	}
	// "the Uzbek capital", "Afghanistan's future" are not actors speaking;
	// a mention followed by a hyphenated modifier ("U.S.-led") still is.
}

// listAt returns the actors of the list starting at mention index i
// ("Russia, the United States, China and Pakistan") and the index of its
// last mention.
func (d *doc) listAt(s *sent, i int) ([]int, int) {
	var ents []int
	add := func(e int) {
		for _, x := range ents {
			if x == e {
				return
			}
		}
		ents = append(ents, e)
	}
	addMention := func(m mention) {
		if m.ent < 0 || m.place {
			return
		}
		switch {
		case len(m.group) > 0:
			for _, e := range m.group {
				add(e)
			}
		case m.pron && len(d.lastPair) >= 2 && (d.low[m.from] == "both" || pairNouns[d.low[m.to-1]]):
			for _, e := range d.lastPair {
				add(e)
			}
		default:
			add(m.ent)
		}
	}
	addMention(s.ms[i])
	last := i
	commaSeen := false // a join by comma alone: "A, B, and C" is a list
	commaOnly := -1    // ents and last before the first join by comma alone
	closed := false    // "A, B and C": joined by comma, then closed by "and"
	var saved []int
	for j := i + 1; j < len(s.ms); j++ {
		prev, next := s.ms[last], s.ms[j]
		hyph := prev.kind == formDemonym && next.kind == formDemonym && next.from == prev.to+1 && d.low[prev.to] == "-"
		if next.place || !(hyph || d.listGap(s, prev.to, next.from, prev.ent == next.ent)) {
			break
		}
		if !commaSeen && next.from >= prev.to+2 && d.low[prev.to] == "," && d.low[prev.to+1] == "and" {
			// "A, and B ..." after no comma-joined list: two clauses, not
			// a list ("talks between the two neighbours, and Ankara ...").
			break
		}
		if closed && d.low[prev.to] == "," {
			// "A, B and C, and D": the list closed at its "and"; D is
			// another conjunct ("backed by A, B and C, and D, who ...").
			break
		}
		if d.commaJoin(prev.to, next.from) {
			commaSeen = true
		} else if commaSeen && d.low[prev.to] != "," && d.hasConj(prev.to, next.from) {
			closed = true
		}
		if d.commaJoin(prev.to, next.from) {
			if commaOnly < 0 {
				commaOnly, saved = last, append([]int(nil), ents...)
			}
		} else if prev.ent != next.ent || d.hasConj(prev.to, next.from) {
			commaOnly, saved = -1, nil
		}
		addMention(next)
		last = j
	}
	// "A, B" without a closing "and C" is an apposition or two clauses,
	// not a list, unless "and other parties" closes it.
	if commaOnly >= 0 && !d.closedByOthers(s, s.ms[last].to) {
		return saved, commaOnly
	}
	return ents, last
}

// commaJoin reports whether tokens [from, to) join by a comma and no "and"/"or".
func (d *doc) commaJoin(from, to int) bool {
	comma := false
	for j := from; j < to; j++ {
		switch d.low[j] {
		case ",":
			comma = true
		case "and", "or":
			return false
		}
	}
	return comma
}

func (d *doc) hasConj(from, to int) bool {
	for j := from; j < to; j++ {
		if w := d.low[j]; w == "and" || w == "or" || w == "," {
			return true
		}
	}
	return false
}

var listFiller = set("the", "a", "an", "both", "its", "their", "his", "her", "from", "of", "'s", "\u2019s")

// listGap reports whether the tokens [from, to) join two mentions into one
// list or one noun phrase.
func (d *doc) listGap(s *sent, from, to int, same bool) bool {
	if to-from > 6 {
		return false
	}
	if d.alliesIncluding(from, to) {
		return true
	}
	conj := 0
	for j := from; j < to; j++ {
		w := d.low[j]
		switch {
		case w == "," || w == "and" || w == "or":
			conj++
		case (w == "(" || w == ")") && same:
			// "the National Liberation Army (ELN)": one actor, two names.
		case w == "as" && j+2 < to && d.low[j+1] == "well" && d.low[j+2] == "as":
			// "the Taliban as well as the government": a conjunction.
			conj++
			j += 2
		case w == "as" || w == "well":
		case listFiller[w] || officeNouns[w] || officeModifiers[w] || titleWords[w] || partOfNouns[w]:
		case d.toks[j].word && d.toks[j].upper && same:
		default:
			return false
		}
	}
	if conj == 0 {
		return same || to == from
	}
	return conj <= 2
}

// listBack extends the mention at index i leftwards through a list and
// returns all its actors and the index of its first mention.
func (d *doc) listBack(s *sent, i int) ([]int, int) {
	first := i
	for j := i - 1; j >= 0; j-- {
		if s.ms[j].place || !d.listGap(s, s.ms[j].to, s.ms[first].from, s.ms[j].ent == s.ms[first].ent) {
			break
		}
		first = j
	}
	for first < i {
		// The list from first must reach i; a comma-only join stops it short.
		if ents, last := d.listAt(s, first); last >= i {
			return ents, first
		}
		first++
	}
	ents, _ := d.listAt(s, i)
	return ents, i
}

// registerPeople learns, for this document, the people a title or an
// apposition ties to an actor: "Chinese Foreign Minister Wang Yi", "Alice
// Wells, a U.S. official", "Kosovo's prime minister, Albin Kurti". It
// reports whether it learned anyone.
func (d *doc) registerPeople(s *sent) bool {
	groups := d.registerGroups(s)
	titled := d.registerTitled(s)
	appos := d.registerAppositions(s)
	bare := d.registerDatelineTitled(s) // before a titled name is learned as no one's
	named := d.registerTitledNames(s)
	acronyms := d.registerAcronyms(s)
	return groups || titled || appos || bare || named || acronyms
}

// registerTitled learns the names after an actor and its title:
// "Chinese Foreign Minister Wang Yi", "Kosovo's prime minister, Albin
// Kurti".
func (d *doc) registerTitled(s *sent) bool {
	learned := false
	for _, m := range s.ms {
		if m.ent < 0 || m.place || m.pron {
			continue
		}
		j := m.to
		if j < s.b && (d.low[j] == "'s" || d.low[j] == "\u2019s") {
			j++
		}
		titles := 0
		for j < s.b && j < m.to+7 {
			w := d.low[j]
			if titleWords[w] || officeNouns[w] {
				titles++
			} else if n := d.titleScope(s, j); n > 0 && (titles > 0 || titleWords[d.low[m.to-1]]) {
				j += n // "UN Special Envoy for Yemen Martin Griffiths"
				continue
			} else if !(officeModifiers[w] || w == "of" || w == "-" || w == "state" || w == "general" || w == "defence") {
				break
			}
			j++
		}
		if titles == 0 && !d.titledForm(m) && !titleWords[d.low[m.to-1]] {
			continue
		}
		if j < s.b && d.low[j] == "," {
			j++
		}
		if n := d.nameAt(s, j); n > 0 {
			learned = d.learn(s, j, j+n, m.ent) || learned
		}
	}
	return d.registerTitleOf(s) || learned
}

// titleScope returns the length of "for X" at j, the place or actor a
// title is for ("Special Envoy for Yemen"), or 0. Run into the name that
// follows ("for Yemen Martin Griffiths"), the place matched no mention:
// the name is then the run's last two words.
func (d *doc) titleScope(s *sent, j int) int {
	if j+1 >= s.b || d.low[j] != "for" {
		return 0
	}
	if m := s.mentionAt(j + 1); m != nil && m.ent >= 0 {
		return m.to - j
	}
	// A place of several words ("for the Horn of Africa Name Surname"):
	// capitalised words joined by "the", "of" or "and", the last two the
	// name.
	k, upper := j+1, 0
	for k < s.b && (d.toks[k].word && d.toks[k].upper || scopeJoiners[d.low[k]] && k+1 < s.b && d.toks[k+1].upper) {
		if d.toks[k].upper {
			upper++
		}
		k++
	}
	if upper >= 3 && d.toks[k-1].upper && d.toks[k-2].upper && !scopeJoiners[d.low[k-3]] {
		return k - 2 - j
	}
	return 0
}

// scopeJoiners join the words of a place a title is for.
var scopeJoiners = set("the", "of", "and")

// registerAppositions learns a name from the actor of its apposition:
// "Alice Wells, a U.S. principal deputy ..., said", "Anna Wagner,
// Austria's foreign minister, said".
func (d *doc) registerAppositions(s *sent) bool {
	learned := false
	for i := s.a + 1; i+2 < s.b; i++ {
		if d.low[i] != "," || s.at[i-1-s.a] >= 0 {
			continue
		}
		st := i - 1
		for st > s.a && d.toks[st-1].word && d.toks[st-1].upper && s.at[st-1-s.a] < 0 && i-st < 4 {
			st--
		}
		if i-st < 2 || !d.toks[st].upper || (st > s.a && d.toks[st-1].word && d.toks[st-1].upper) {
			continue
		}
		if w := d.low[i+1]; w != "a" && w != "an" && w != "the" && !d.appositionTitle(s, i+1) {
			// "Anna Wagner, Austria's foreign minister, said"
			if m := s.mentionAt(i + 1); m != nil && m.ent >= 0 && !m.place && !m.ref && len(m.group) == 0 && m.to+1 < s.b &&
				(d.low[m.to] == "'s" || d.low[m.to] == "\u2019s") && d.titleWithin(s, m.to+1, 4) {
				learned = d.learn(s, st, i, m.ent) || learned
			}
			continue
		}
		for j := i + 2; j < s.b && j < i+10 && d.low[j] != ","; j++ {
			if m := s.mentionAt(j); m != nil && m.ent >= 0 && !m.place && !m.ref {
				learned = d.learn(s, st, i, m.ent) || learned
				break
			}
		}
	}
	return learned
}

// registerTitledNames learns a name after a title with no actor before it
// ("Foreign Minister Anna Wagner"): the person speaks for the actor an "of
// X" after the name gives, else for nobody we know, and the name is kept
// from matching an actor it resembles (the Wagner Group).
func (d *doc) registerTitledNames(s *sent) bool {
	learned := false
	for j := s.a; j+1 < s.b; j++ {
		if !d.toks[j].upper || !titleWords[d.low[j]] || s.at[j-s.a] >= 0 {
			continue
		}
		st := j
		for st > s.a && (titleWords[d.low[st-1]] || officeModifiers[d.low[st-1]] || officeNouns[d.low[st-1]]) && d.toks[st-1].upper {
			st--
		}
		if st > s.a && (s.at[st-1-s.a] >= 0 || d.low[st-1] == "'s" || d.low[st-1] == "\u2019s") {
			continue
		}
		n := d.nameAt(s, j+1)
		if n < 2 {
			continue
		}
		from, to := j+1, j+1+n
		ent := -1
		if to+1 < s.b && d.low[to] == "of" {
			if m := s.mentionAt(to + 1); m != nil && m.ent >= 0 && !m.place && !m.ref && len(m.group) == 0 {
				ent = m.ent
			}
		}
		if ent >= 0 {
			learned = d.learn(s, from, to, ent) || learned
		} else if d.unknownPerson(from, to) {
			learned = true
		}
		j = to - 1
	}
	return learned
}

// titleWithin reports whether a title word follows within n tokens of j,
// past modifiers and the office it serves: "foreign ministry spokesman".
func (d *doc) titleWithin(s *sent, j, n int) bool {
	for k := j; k < s.b && k < j+n; k++ {
		if titleWords[d.low[k]] {
			return true
		}
		if !officeModifiers[d.low[k]] && !officeNouns[d.low[k]] {
			return false
		}
	}
	return false
}

// unknownPerson registers a person who speaks for no known actor, so that
// neither the full name nor the surname matches an actor later. It does
// not overwrite a name already learned.
func (d *doc) unknownPerson(from, to int) bool {
	got := false
	if _, ok := d.local[d.low[from]]; !ok {
		got = d.addLocal(from, to, -1) || got
	}
	for k := to - 1; k > from; k-- {
		if d.toks[k].word && d.toks[k].upper && len(d.tok(k)) > 2 {
			if _, ok := d.local[d.low[k]]; !ok {
				got = d.addLocal(k, k+1, -1) || got
			}
			break
		}
	}
	return got
}

var notNames = set("the", "a", "an", "on", "in", "at", "and", "of", "said", "says", "who", "which", "was", "has", "had",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// nameAt returns the length of a run of one to four capitalised words at j
// that names no known actor.
func (d *doc) nameAt(s *sent, j int) int {
	n := 0
	for j+n < s.b && n < 5 {
		t := d.toks[j+n]
		w := d.low[j+n]
		if t.word && (t.upper || w == "al" || w == "bin" || w == "el") && !notNames[w] && s.at[j+n-s.a] < 0 {
			n++
			continue
		}
		if w == "-" && n > 0 && j+n+1 < s.b && d.toks[j+n+1].word {
			n++
			continue
		}
		break
	}
	if n > 0 && d.low[j+n-1] == "-" {
		n--
	}
	return n
}

// learn registers text tokens [from, to) and their last word as names of
// ent for the rest of the document.
func (d *doc) learn(s *sent, from, to, ent int) bool {
	if to <= from {
		return false
	}
	got := d.addLocal(from, to, ent)
	return d.learnShort(from, to, ent) || got
}

// learnShort registers the surname of a full name seen in the text: its
// last capitalised word, and a short first word as East Asian names put
// the family name first ("Wang Yi", "Moon Jae-in").
func (d *doc) learnShort(from, to, ent int) bool {
	got := false
	for k := to - 1; k > from; k-- {
		if d.toks[k].word && d.toks[k].upper && len(d.tok(k)) > 2 {
			got = d.addLocal(k, k+1, ent) || got
			break
		}
	}
	if n := len(d.tok(from)); n >= 2 && n <= 4 && d.toks[from].upper && !d.toks[from].caps && to-from >= 2 {
		got = d.addLocal(from, from+1, ent) || got
	}
	return got
}

// addLocal registers tokens [a, b) as a name of ent for this document.
func (d *doc) addLocal(a, b, ent int) bool {
	var ts []ptok
	for k := a; k < b; k++ {
		ts = append(ts, ptok{s: foldWord(d.tok(k)), upper: d.toks[k].upper, caps: d.toks[k].caps})
	}
	key := strings.ToLower(ts[0].s)
	if notNames[key] {
		return false
	}
	for _, p := range d.local[key] {
		if len(p.toks) == len(ts) && p.toks[len(ts)-1].s == ts[len(ts)-1].s {
			return false
		}
	}
	p := &pattern{toks: ts, entries: []int{ent}, kind: formMember, gov: ent >= 0 && d.isStateLike(ent)}
	d.local[key] = append(d.local[key], p)
	sortPatterns(d.local[key])
	return true
}

// registerAcronyms learns, for this document, the acronym a text gives an
// actor in parentheses after its name: "the National Resistance Front
// (NRF)" makes a later "the NRF" that actor. Written in capitals, the
// acronym matches only in capitals.
func (d *doc) registerAcronyms(s *sent) bool {
	learned := false
	for _, m := range s.ms {
		j := m.to
		if m.ent < 0 || m.place || m.pron || m.ref || j+2 >= s.b || d.tok(j) != "(" || d.tok(j+2) != ")" || !d.toks[j+1].caps {
			continue
		}
		key := d.low[j+1]
		if len(d.lx.byFirst[key]) > 0 || len(d.local[key]) > 0 {
			continue // the dictionary's or the text's already
		}
		p := &pattern{toks: []ptok{{s: d.tok(j + 1), caps: true, upper: true}}, entries: []int{m.ent}, kind: formAlias, gov: m.gov, code: m.code}
		d.local[key] = append(d.local[key], p)
		learned = true
	}
	return learned
}

// registerGroups learns group names the text defines: "the Quartet (the
// UN, the US, the EU and Russia)", "the Troika -- Norway, Britain and the
// United States --", "Egypt, Qatar and the US, known as the mediators'
// Trio". Later mentions of the name stand for every member.
func (d *doc) registerGroups(s *sent) bool {
	learned := false
	for i := s.a; i+4 < s.b; i++ {
		if from, to, ents, ok := d.groupDefinedAt(s, i); ok {
			learned = d.addGroup(from, to, ents) || learned
		}
	}
	for i := s.a; i+4 < s.b; i++ {
		// "..., known as the Quartet"
		if !(d.low[i] == "known" && d.low[i+1] == "as" && d.low[i+2] == "the") && !(d.low[i] == "dubbed" && d.low[i+1] == "the") {
			continue
		}
		q := i + 3
		if d.low[i] == "dubbed" {
			q = i + 2
		}
		if q >= s.b || !d.toks[q].upper || s.at[q-s.a] >= 0 || i-2 < s.a || d.low[i-1] != "," {
			continue
		}
		if m := s.mentionAt(i - 2); m != nil && m.ent >= 0 && !m.place {
			ents, _ := d.listBack(s, s.at[i-2-s.a])
			n := 1
			for n < 3 && q+n < s.b && d.toks[q+n].word && d.toks[q+n].upper && s.at[q+n-s.a] < 0 {
				n++
			}
			if len(ents) >= 2 {
				learned = d.addGroup(q, q+n, ents) || learned
			}
		}
	}
	return learned
}

// localGroupAt reports whether a group name learned from this text starts
// at token i.
func (d *doc) localGroupAt(s *sent, i int) bool {
	for _, p := range d.local[d.low[i]] {
		if p.kind != formGroup || i+len(p.toks) > s.b {
			continue
		}
		ok := true
		for k := range p.toks {
			if !tokMatch(p.toks[k], d.tok(i+k), d.toks[i+k]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// addGroup registers text tokens [a, b) as a name of the actors ents.
func (d *doc) addGroup(a, b int, ents []int) bool {
	var ts []ptok
	for k := a; k < b; k++ {
		ts = append(ts, ptok{s: foldWord(d.tok(k)), upper: d.toks[k].upper, caps: d.toks[k].caps})
	}
	key := strings.ToLower(ts[0].s)
	for _, p := range d.local[key] {
		if len(p.toks) == len(ts) && p.toks[len(ts)-1].s == ts[len(ts)-1].s {
			return false
		}
	}
	d.local[key] = append(d.local[key], &pattern{toks: ts, entries: append([]int(nil), ents...), kind: formGroup})
	sortPatterns(d.local[key])
	return true
}

// registerRoles notes whose delegation, spokesman or envoy the sentence
// names, for "the delegation" later, and who owns an offer, demand or
// ceasefire it names ("an offer by South Korea", "Ghani's call").
func (d *doc) registerRoles(s *sent) {
	for mi, m := range s.ms {
		if m.ent < 0 || m.place {
			continue
		}
		if w := d.low[m.to-1]; roleNouns[w] && !m.pron {
			d.roles[w] = m.ent
		}
		j := m.to
		poss := false
		if j < s.b && (d.low[j] == "'s" || d.low[j] == "\u2019s") {
			j++
			poss = true
		}
		for k := 0; k < 3 && j < s.b; k, j = k+1, j+1 {
			w := d.low[j]
			if roleNouns[w] {
				d.roles[w] = m.ent
				break
			}
			if poss && k < 2 && d.toks[j].word && !d.toks[j].upper && !officeModifiers[w] && eventClass[w] == "" && j+1 < s.b {
				if _, ok := eventClass[d.low[j+1]]; ok {
					continue // "Azerbaijan's lightning offensive"
				}
			}
			if c, ok := eventClass[w]; ok {
				// "the American and British raids": every actor of the list.
				ents, _ := d.listBack(s, mi)
				if len(ents) == 0 {
					ents = []int{m.ent}
				}
				d.owners[c] = ents
				break
			}
			if !officeModifiers[w] {
				break
			}
		}
		// "delegation from the Taliban", "an offer by South Korea", "a ceasefire declared by X"
		p := m.from - 1
		if p > s.a && (d.low[p] == "the" || d.low[p] == "a") {
			p--
		}
		if p > s.a && (d.low[p] == "from" || d.low[p] == "by" || d.low[p] == "of" || d.low[p] == "for") {
			q := p - 1
			if q > s.a && d.toks[q].word && strings.HasSuffix(d.low[q], "ed") && d.low[p] == "by" {
				q--
			}
			if q >= s.a {
				if roleNouns[d.low[q]] {
					d.roles[d.low[q]] = m.ent
				}
				if c, ok := eventClass[d.low[q]]; ok && d.low[p] != "for" {
					// "a resolution drafted by France, Germany and Britain"
					ents, _ := d.listAt(s, mi)
					if len(ents) == 0 {
						ents = []int{m.ent}
					}
					d.owners[c] = ents
				}
			}
		}
	}
}

// groupOpeners set off the members of a group named just before them.
var groupOpeners = set("(", "--", "\u2014", "\u2013", ",")

// groupDefinedAt reads a group's definition at "the" (i): "the Quartet
// (the UN, the US, the EU and Russia)", "the Quartet, made up of ...,",
// "the \u201cQuad\u201d \u2013 comprising the US, the UAE, Saudi Arabia
// and Egypt \u2013". It returns the name's tokens and the members.
func (d *doc) groupDefinedAt(s *sent, i int) (from, to int, ents []int, ok bool) {
	if d.low[i] != "the" {
		return 0, 0, nil, false
	}
	from = i + 1
	if from < s.b && isQuoteTok(d.tok(from)) {
		from++ // the name in quotation marks
	}
	n := 0
	for n < 3 && from+n < s.b && d.toks[from+n].word && d.toks[from+n].upper && s.at[from+n-s.a] < 0 && !notNames[d.low[from+n]] {
		n++
	}
	to = from + n
	k := to
	if k < s.b && isQuoteTok(d.tok(k)) {
		k++
	}
	if n == 0 || k+1 >= s.b || !groupOpeners[d.low[k]] {
		return 0, 0, nil, false
	}
	first, introduced := d.pastGroupIntro(s, k+1)
	m := s.mentionAt(first)
	if m == nil || m.ent < 0 || m.place || m.pron {
		return 0, 0, nil, false
	}
	ents, last := d.listAt(s, s.at[first-s.a])
	if len(ents) < 2 || !groupClosed(d.low[k], d.tokAt(s, s.ms[last].to), introduced) {
		return 0, 0, nil, false
	}
	return from, to, ents, true
}

// pastGroupIntro returns the first member's token after an opener at j,
// past "made up of", "consisting of", "comprising" and "the", and
// whether such words introduced the members.
func (d *doc) pastGroupIntro(s *sent, j int) (int, bool) {
	introduced := true
	switch {
	case j+2 < s.b && d.low[j] == "made" && d.low[j+1] == "up" && d.low[j+2] == "of":
		j += 3
	case j+1 < s.b && d.low[j] == "consisting" && d.low[j+1] == "of":
		j += 2
	case j < s.b && (d.low[j] == "comprising" || d.low[j] == "grouping"):
		j++
	default:
		introduced = false
	}
	if j+1 < s.b && d.low[j] == "the" {
		j++
	}
	return min(j, s.b-1), introduced
}

// groupClosed reports whether the token after a group's members closes
// what the opener opened; a comma's list introduced as members may end
// its sentence ("the Trio, comprising A, B and C."), where "invited the
// Pope, Uganda and Rwanda." is a list of three.
func groupClosed(open, cl string, introduced bool) bool {
	switch open {
	case "(":
		return cl == ")"
	case ",":
		return cl == "," || introduced && (cl == "." || cl == "")
	}
	return cl == "--" || cl == "\u2014" || cl == "\u2013"
}

// tokAt is the lower-case token at j, or "" past the sentence.
func (d *doc) tokAt(s *sent, j int) string {
	if j >= s.b {
		return ""
	}
	return d.low[j]
}

// pairNouns make "both ..." and "the two ..." refer to the last pair named.
var pairNouns = set("presidents", "ministers", "delegations", "mediators", "powers", "allies", "capitals", "sides", "countries", "parties", "governments", "leaders", "nations", "states", "neighbours", "neighbors", "rivals", "groups", "factions")

// listPerson reports whether any mention of the list from mention index
// first to last names a person: "Afghan President Ashraf Ghani" is a he.
func listPerson(s *sent, first, last int) bool {
	for k := first; k <= last && k < len(s.ms); k++ {
		if s.ms[k].person {
			return true
		}
	}
	return false
}

// partOfLongerName reports whether the single word at i continues or
// starts a longer capitalised name, so that a surname alias ("Abbas")
// does not claim "Abbas Araghchi".
func (d *doc) partOfLongerName(s *sent, i int) bool {
	if n := i + 1; n < s.b && d.toks[n].word && d.toks[n].upper && !d.toks[n].caps && d.toks[n].bs == d.toks[i].be+1 &&
		!notNames[d.low[n]] && !titleWords[d.low[n]] && !officeNouns[d.low[n]] && !stateBodies[d.low[n]] && !d.afterTitleOf(s, i) {
		return true
	}
	if p := i - 1; p >= s.a && d.toks[p].word && d.toks[p].upper && !d.toks[p].caps && d.toks[i].bs == d.toks[p].be+1 &&
		!titleWords[d.low[p]] && !officeNouns[d.low[p]] && !officeModifiers[d.low[p]] && !honorifics[d.low[p]] && s.at[p-s.a] < 0 && !notNames[d.low[p]] &&
		!(p == s.a && !givenNameLike(d.tok(p))) && !d.isDemonym(s, p) {
		return true
	}
	return false
}

// honorifics before a surname make no longer name: "Mr Kumar" is Kumar.
var honorifics = set("mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.")

// atTargets make the actor after "at" a target, not a place: "lashed
// out at X", "aimed at X", "took aim at X", "pointed the finger at X",
// "scoffed at X's proposal".
var atTargets = set("out", "back", "aimed", "directed", "aim", "finger", "scoff", "scoffs", "scoffed", "scoffing", "balk", "balks", "balked",
	"balking")

// givenNameLike reports whether a sentence-initial capitalised word may be
// a given name rather than a capitalised function word: "Anna Wagner said"
// but "Yesterday Wagner fighters".
func givenNameLike(w string) bool {
	return !notNames[strings.ToLower(w)] && !sentenceStarters[strings.ToLower(w)]
}

var sentenceStarters = set("yesterday", "today", "meanwhile", "however", "later", "earlier", "separately", "still", "now",
	"then", "also", "but", "and", "so", "since", "after", "before", "when", "while", "as", "with", "without", "for", "from",
	"by", "under", "over", "during", "last", "this", "these", "those", "some", "many", "several", "both", "all", "most",
	"pro", "anti", "if", "although", "though", "because", "once", "until", "unless", "despite", "amid", "among",
	"his", "her", "its", "their", "our", "one", "two", "three", "it", "they", "he", "she", "we", "i", "you", "such", "other")

// isDemonym reports whether the word at j is a demonym of the dictionary:
// "Russian Wagner fighters" names the group.
func (d *doc) isDemonym(s *sent, j int) bool {
	_, ok := d.demonymAt(j)
	return ok
}

// demonymAt returns the entry of the one-word demonym at j.
func (d *doc) demonymAt(j int) (int, bool) {
	for _, p := range d.lx.byFirst[d.low[j]] {
		if p.kind == formDemonym && len(p.toks) == 1 && tokMatch(p.toks[0], d.tok(j), d.toks[j]) {
			return p.entries[0], true
		}
	}
	return -1, false
}

// rulerWords after an actor make it the governing side: "Niger's military rulers".
var rulerWords = set("government", "junta", "rulers", "regime", "authorities", "administration", "leadership", "generals", "army", "military")

// rulerRefs are descriptions of whoever governs or fights for a state.
var rulerRefs = set("junta", "regime", "generals", "army", "military", "coup", "rulers")

// actionNouns after a demonym name an act of its state's forces.
var actionNouns = set("actions", "conduct", "activities", "moves", "intervention", "deployment", "campaign", "raid", "raids", "operation", "operations", "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "offensive", "shelling",
	"bombardment", "bombing", "invasion", "blockade", "incursion", "incursions", "occupation", "annexation", "crackdown")

// authorWords after a hyphen make the demonym before it the author of what
// follows: "a French-drafted text", "the Qatari-brokered deal".
var authorWords = set("drafted", "sponsored", "proposed", "authored", "written", "penned", "tabled")

// personTitles after a demonym name one person.
var personTitles = set("president", "minister", "leader", "king", "premier", "chancellor", "envoy", "spokesman",
	"spokeswoman", "ambassador", "emir", "monarch", "counterpart", "prince", "sultan", "sheikh")

// topicNouns after a country's name make it the topic: "Syria talks".
var topicNouns = set("talks", "war", "crisis", "conflict", "issue", "question", "file", "dossier", "negotiations")

// settlementNouns before "of" and a capital make it a place: "the
// Cambodian capital of Phnom Penh".
var settlementNouns = set("capital", "city", "town", "port", "seat")

// venueNouns after a capital make it the name of an event, not an actor.
var venueNouns = set("roadmap", "process", "format", "conference", "summit", "talks", "meeting", "agreement", "accord",
	"declaration", "deal", "protocol", "framework", "group", "court", "tribunal", "communique", "peace", "ceasefire",
	"truce", "negotiations", "dialogue", "initiative", "plan", "consensus", "memorandum", "statement")
