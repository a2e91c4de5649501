package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/graph"
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
		d.classify(s, &m)
		idx := len(s.ms)
		s.ms = append(s.ms, m)
		for j := m.from; j < m.to; j++ {
			s.at[j-s.a] = idx
		}
		if m.ent >= 0 && !m.place && !m.ref {
			d.recent = append(d.recent, recentRef{ent: m.ent, gov: m.gov, army: m.army, person: m.person})
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
		}
		i = last
	}
}

// matchAt finds the longest mention starting at token i.
func (d *doc) matchAt(s *sent, i int) (mention, bool) {
	best := mention{ent: -1}
	bestLen := 0
	try := func(ps []*pattern) {
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
			m := mention{from: i, to: i + n, ent: -1, kind: p.kind, gov: p.gov, army: p.army}
			switch p.kind {
			case formMember:
				if !d.date.IsZero() && ((!p.from.IsZero() && d.date < p.from) || (!p.to.IsZero() && d.date > p.to)) {
					continue
				}
				if n == 1 && d.partOfLongerName(s, i) {
					continue
				}
				m.person = true
				m.ent = p.entries[0]
			case formDemonym:
				if !d.demonymHasOffice(s, i+n, 0) {
					continue
				}
				m.ent = p.entries[0]
				if j := i + n; j < s.b && govWords[d.low[j]] {
					m.gov = true
				}
			case formRef:
				m.ent = d.resolveRef(p.entries)
				if m.ent < 0 {
					continue
				}
				m.ref = true
			default:
				// "Victoria Nuland", "Washington Post": a longer name, not the actor.
				if n == 1 && !p.toks[0].caps && d.partOfLongerName(s, i) {
					continue
				}
				m.ent = p.entries[0]
			}
			best, bestLen = m, n
		}
	}
	key := d.low[i]
	try(d.lx.byFirst[key])
	try(d.local[key])
	if bestLen > 0 {
		return best, true
	}
	return d.genericRef(s, i)
}

// demonymHasOffice reports whether an office noun follows a demonym at j,
// possibly after other demonyms: "Armenian and Azerbaijani counterparts".
func (d *doc) demonymHasOffice(s *sent, j int, depth int) bool {
	for k := 0; k < 4 && j < s.b; k++ {
		w := d.low[j]
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
		if (w == "and" || w == ",") && depth < 4 && j+1 < s.b {
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
		if !officeModifiers[w] && w != "-" && w != "led" && w != "backed" {
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
// carries: "the government", "the delegation", "he", "it", "both".
func (d *doc) genericRef(s *sent, i int) (mention, bool) {
	w := d.low[i]
	m := mention{from: i, to: i + 1, ent: -1, ref: true, kind: formRef}
	switch {
	case w == "he" || w == "she" || w == "his" || w == "her":
		m.pron, m.person = true, true
		m.ent = d.pronoun(s, i, true)
	case w == "it" || w == "its":
		m.pron = true
		m.ent = d.pronoun(s, i, false)
	case w == "they" || w == "their":
		m.pron = true
		if d.lastAny >= 0 && d.lx.entries[d.lastAny].actor.Kind == graph.KindArmedGroup {
			m.ent = d.lastAny
		}
	}
	if m.pron {
		// "his government" is the government he leads.
		if i+1 < s.b && govWords[d.low[i+1]] {
			m.to = i + 2
			m.gov = true
		}
		return m, m.ent >= 0
	}
	if determiners[w] && i+1 < s.b {
		j := i + 1
		for j < s.b && j < i+3 && (d.low[j] == "elected" || d.low[j] == "federal" || d.low[j] == "central" ||
			d.low[j] == "national" || d.low[j] == "interim" || d.low[j] == "transitional") {
			j++
		}
		if j < s.b && w == "the" && rulerRefs[d.low[j]] && !(j+1 < s.b && d.low[j+1] == "in") {
			// "the junta", "the military": whoever was last named as governing.
			e := -1
			for k := len(d.recent) - 1; k >= 0 && k >= len(d.recent)-200 && e < 0; k-- {
				if d.recent[k].army || (d.low[j] != "army" && d.low[j] != "military" && d.recent[k].gov && !d.recent[k].person) {
					e = d.recent[k].ent
				}
			}
			if e >= 0 {
				m.to, m.ent, m.gov, m.army = j+1, e, true, true
				if j+1 < s.b && (d.low[j+1] == "rulers" || d.low[j+1] == "leaders" || d.low[j+1] == "government") {
					m.to = j + 2
				}
				return m, true
			}
		}
		if j < s.b && (d.low[j] == "government" || d.low[j] == "administration" || d.low[j] == "authorities") {
			// "the elected government in Kabul" names the metonym's government.
			if j+2 < s.b && d.low[j+1] == "in" {
				if ps := d.lx.byFirst[d.low[j+2]]; len(ps) > 0 {
					for _, p := range ps {
						if p.kind == formMetonym && len(p.toks) == 1 && tokMatch(p.toks[0], d.tok(j+2), d.toks[j+2]) {
							m.to, m.ent, m.gov, m.ref = j+3, p.entries[0], true, false
							return m, true
						}
					}
				}
			}
			// A government named as such ("the Afghan government") before
			// one merely led by a person named since.
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
		r := j
		for r < s.b && r < j+3 && officeModifiers[d.low[r]] && !roleNouns[d.low[r]] {
			r++
		}
		if r < s.b && roleNouns[d.low[r]] && (w == "the" || w == "this") {
			j = r
			if e, ok := d.roles[d.low[j]]; ok {
				m.to, m.ent = j+1, e
				return m, true
			}
		}
		if w == "the" && j+1 < s.b && (d.low[j] == "two" || d.low[j] == "sides") {
			if d.low[j] == "sides" || pairNouns[d.low[j+1]] {
				if len(d.lastPair) >= 2 {
					m.to = j + 1
					if d.low[j] == "two" {
						m.to = j + 2
					}
					m.ent = d.lastPair[0]
					m.pron = true
					return m, true
				}
			}
		}
	}
	if w == "both" {
		// A list earlier in this sentence is what "both" means.
		for k := 0; k < len(s.ms); k++ {
			ents, last := d.listAt(s, k)
			if len(ents) >= 2 {
				d.lastPair = ents
			}
			k = last
		}
	}
	if w == "both" && len(d.lastPair) >= 2 && i+1 <= s.b {
		next := ""
		if i+1 < s.b {
			next = d.low[i+1]
		}
		if next == "to" || pairNouns[next] || next == "of" || next == "" || !d.toks[min(i+1, s.b-1)].word {
			m.ent = d.lastPair[0]
			m.pron = true
			if pairNouns[next] {
				m.to = i + 2
			}
			return m, true
		}
	}
	return m, false
}

// pronoun resolves he/she (person) or it to the subject it continues: an
// earlier mention of this sentence, else the last subject of the text.
func (d *doc) pronoun(s *sent, i int, person bool) int {
	for _, m := range s.ms {
		if m.from >= i {
			break
		}
		if m.ent >= 0 && !m.place && m.person == person && !m.pron {
			return m.ent
		}
	}
	if person {
		return d.lastPerson
	}
	return d.lastOther
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
		if rulerWords[d.low[j]] {
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
	k := d.lx.entries[m.ent].actor.Kind
	if m.kind != formMetonym && !(m.kind == formAlias && k == graph.KindState) {
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
		if p-1 >= s.a && (govWords[d.low[p-1]] || d.low[p-1] == "officials" || (w == "at" && (d.low[p-1] == "out" || d.low[p-1] == "aimed" || d.low[p-1] == "directed"))) {
			return
		}
		m.place = true
	case w == "to" && p-1 >= s.a && travelWords[d.low[p-1]]:
		m.place = true
	case w == "from" && m.kind == formAlias && p-1 >= s.a && (d.low[p-1] == "troops" || d.low[p-1] == "forces" || d.low[p-1] == "withdrawal" || d.low[p-1] == "out"):
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
	m := s.ms[i]
	if m.ent >= 0 && !m.place {
		if m.pron && len(d.lastPair) >= 2 && (d.low[m.from] == "both" || pairNouns[d.low[m.to-1]]) {
			for _, e := range d.lastPair {
				add(e)
			}
		} else {
			add(m.ent)
		}
	}
	last := i
	commaOnly := -1 // ents and last before the first join by comma alone
	var saved []int
	for j := i + 1; j < len(s.ms); j++ {
		prev, next := s.ms[last], s.ms[j]
		if next.place || !d.listGap(s, prev.to, next.from, prev.ent == next.ent) {
			break
		}
		if d.commaJoin(prev.to, next.from) {
			if commaOnly < 0 {
				commaOnly, saved = last, append([]int(nil), ents...)
			}
		} else if prev.ent != next.ent || d.hasConj(prev.to, next.from) {
			commaOnly, saved = -1, nil
		}
		if next.ent >= 0 && !next.place {
			add(next.ent)
		}
		last = j
	}
	// "A, B" without a closing "and C" is an apposition or two clauses,
	// not a list.
	if commaOnly >= 0 {
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
	conj := 0
	for j := from; j < to; j++ {
		w := d.low[j]
		switch {
		case w == "," || w == "and" || w == "or":
			conj++
		case w == "as" || w == "well":
		case listFiller[w] || officeNouns[w] || officeModifiers[w] || titleWords[w]:
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
			} else if !(officeModifiers[w] || w == "of" || w == "-" || w == "state" || w == "general" || w == "defence") {
				break
			}
			j++
		}
		if titles == 0 {
			continue
		}
		if j < s.b && d.low[j] == "," {
			j++
		}
		if n := d.nameAt(s, j); n > 0 {
			learned = d.learn(s, j, j+n, m.ent) || learned
		}
	}
	// Apposition: "Alice Wells, a U.S. principal deputy ..., said".
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
		if w := d.low[i+1]; w != "a" && w != "an" && w != "the" {
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
		ts = append(ts, ptok{s: d.tok(k), upper: d.toks[k].upper, caps: d.toks[k].caps})
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
	k := d.lx.entries[ent].actor.Kind
	p := &pattern{toks: ts, entries: []int{ent}, kind: formMember, gov: k == graph.KindState || k == graph.KindGovernment}
	d.local[key] = append(d.local[key], p)
	sortPatterns(d.local[key])
	return true
}

// registerRoles notes whose delegation, spokesman or envoy the sentence
// names, for "the delegation" later, and who owns an offer, demand or
// ceasefire it names ("an offer by South Korea", "Ghani's call").
func (d *doc) registerRoles(s *sent) {
	for _, m := range s.ms {
		if m.ent < 0 || m.place {
			continue
		}
		if w := d.low[m.to-1]; roleNouns[w] && !m.pron {
			d.roles[w] = m.ent
		}
		j := m.to
		if j < s.b && (d.low[j] == "'s" || d.low[j] == "\u2019s") {
			j++
		}
		for k := 0; k < 3 && j < s.b; k, j = k+1, j+1 {
			w := d.low[j]
			if roleNouns[w] {
				d.roles[w] = m.ent
				break
			}
			if c, ok := eventClass[w]; ok {
				d.owners[c] = []int{m.ent}
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
					d.owners[c] = []int{m.ent}
				}
			}
		}
	}
}

// pairNouns make "both ..." and "the two ..." refer to the last pair named.
var pairNouns = set("sides", "countries", "parties", "governments", "leaders", "nations", "states", "neighbours", "neighbors", "rivals", "groups", "factions")

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
		!notNames[d.low[n]] && !titleWords[d.low[n]] && !officeNouns[d.low[n]] {
		return true
	}
	if p := i - 1; p > s.a && d.toks[p].word && d.toks[p].upper && !d.toks[p].caps && d.toks[i].bs == d.toks[p].be+1 &&
		!titleWords[d.low[p]] && !officeNouns[d.low[p]] && !officeModifiers[d.low[p]] && s.at[p-s.a] < 0 && !notNames[d.low[p]] {
		return true
	}
	return false
}

// rulerWords after an actor make it the governing side: "Niger's military rulers".
var rulerWords = set("government", "junta", "rulers", "regime", "authorities", "administration", "leadership", "generals", "army", "military")

// rulerRefs are descriptions of whoever governs or fights for a state.
var rulerRefs = set("junta", "regime", "generals", "army", "military", "coup", "rulers")

// venueNouns after a capital make it the name of an event, not an actor.
var venueNouns = set("roadmap", "process", "format", "conference", "summit", "talks", "meeting", "agreement", "accord",
	"declaration", "deal", "protocol", "framework", "group", "court", "tribunal", "communique", "peace", "ceasefire",
	"truce", "negotiations", "dialogue", "initiative", "plan", "consensus", "memorandum", "statement")
