package extract

import "sort"

// A person the dictionaries name in full is often named by title and
// surname alone: "President Mugabe", "Prime Minister Netanyahu", "Mr.
// Kagame". The surname then means the dictionary's person of that surname
// in office at the document's date, when exactly one actor has such a
// person; a first name after the title ("President Juvenal X") is a full
// name the surname rule does not guess at.

// surnameTitles, capitalised right before a surname, make it a person's.
var surnameTitles = set("president", "minister", "premier", "chancellor", "king", "queen", "prince", "emir", "sultan",
	"sheikh", "general", "gen.", "secretary", "ambassador", "envoy", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.")

// indexSurnames indexes the dictionary's people of two or more words by
// their last word (in office: not the ranges the Phoenix table codes
// them as a side of their country), in a fixed order (code, then start date) so that the
// pattern chosen for a surname does not depend on map order.
func (lx *lexicon) indexSurnames() {
	lx.surnames, lx.bare = map[string][]*pattern{}, map[string][]*pattern{}
	for _, ps := range lx.byFirst {
		for _, p := range ps {
			if p.kind != formMember || len(p.toks) < 2 || len(p.entries) == 0 || p.entries[0] < 0 {
				continue
			}
			last := p.toks[len(p.toks)-1].s
			if len([]rune(last)) < 3 || nameFunctionWords[last] || bodyName(p) {
				continue
			}
			lx.bare[last] = append(lx.bare[last], p)
			if !p.fallback {
				lx.surnames[last] = append(lx.surnames[last], p)
			}
		}
	}
	sortSurnames(lx.surnames)
	sortSurnames(lx.bare)
}

// sortSurnames orders each surname's patterns by actor, code and start
// date.
func sortSurnames(index map[string][]*pattern) {
	for _, ps := range index {
		sort.Slice(ps, func(a, b int) bool {
			if ps[a].entries[0] != ps[b].entries[0] {
				return ps[a].entries[0] < ps[b].entries[0]
			}
			if ps[a].code != ps[b].code {
				return ps[a].code < ps[b].code
			}
			return ps[a].from < ps[b].from
		})
	}
}

// titledSurname resolves a capitalised word at i after a capitalised
// title ("President Mugabe") to the one actor whose person of that
// surname is in office at the document's date.
func (d *doc) titledSurname(s *sent, i int) (mention, bool) {
	none := mention{ent: -1}
	if i == s.a || !d.toks[i].word || !d.toks[i].upper || !d.toks[i-1].upper || !surnameTitles[d.low[i-1]] || bodyNoun(d.low[i]) {
		return none, false
	}
	if i+1 < s.b && d.toks[i+1].word && d.toks[i+1].upper {
		return none, false // "President Juvenal Habyarimana": a full name
	}
	var found *pattern
	for _, p := range d.lx.surnames[d.low[i]] {
		if !d.date.IsZero() && ((!p.from.IsZero() && d.date < p.from) || (!p.to.IsZero() && d.date > p.to)) {
			continue
		}
		if found != nil && found.entries[0] != p.entries[0] {
			return none, false // two actors' people share the surname
		}
		if found == nil {
			found = p
		}
	}
	if found == nil || d.titledForOther(s, i, found.entries[0]) {
		return none, false
	}
	m := mention{from: i, to: i + 1, ent: d.current(found.entries[0]), kind: formMember, person: true, gov: found.gov, army: found.army, code: found.code}
	return m, true
}

// titledForOther reports a title and surname at i that the text gives a
// state other than actor e's: "King Hussein of Jordan", "Jordan's King
// Hussein", "Jordanian King Hussein" are not Iraq's Saddam Hussein.
func (d *doc) titledForOther(s *sent, i, e int) bool {
	st := -1
	switch {
	case i+2 < s.b && d.low[i+1] == "of":
		k := i + 2
		if d.low[k] == "the" && k+1 < s.b {
			k++
		}
		st = d.stateWordAt(s, k)
	case i-3 >= s.a && (d.low[i-2] == "'s" || d.low[i-2] == "\u2019s"):
		st = d.stateWordAt(s, i-3)
	case i-2 >= s.a:
		st = d.stateWordAt(s, i-2)
	}
	return st >= 0 && d.actor(st).Country != d.actor(e).Country
}

// leaderGovNouns after a leader's surname name the leader's government:
// "the Clinton administration", "the Karzai government".
var leaderGovNouns = set("administration", "government", "cabinet", "regime")

// leaderGovernment resolves "<Surname> administration" at token i to the
// one actor whose people of that surname led or served it, at any date:
// the government of a leader no longer in office is still the state's
// ("the Bush administration" written in 2000 is the United States).
func (d *doc) leaderGovernment(s *sent, i int) (mention, bool) {
	none := mention{ent: -1}
	if i+1 >= s.b || !d.toks[i].upper || !leaderGovNouns[d.low[i+1]] || (i > s.a && d.toks[i-1].word && d.toks[i-1].upper && !determiners[d.low[i-1]]) {
		return none, false
	}
	found := -1
	for _, p := range d.lx.surnames[d.low[i]] {
		if !governs(p) {
			continue
		}
		if found >= 0 && p.entries[0] != found {
			return none, false // two actors' leaders share the surname
		}
		found = p.entries[0]
	}
	if found < 0 {
		return none, false
	}
	e := d.current(found)
	code := d.actor(e).Country
	if code != "" {
		code += "GOV"
	}
	return mention{from: i, to: i + 2, ent: e, kind: formAlias, gov: true, code: code}, true
}

// governs reports whether person pattern p is of a government: coded GOV
// by the Phoenix table, or a member of a government or state in ours.
func governs(p *pattern) bool {
	if p.code == "" {
		return p.gov
	}
	return len(p.code) == 6 && p.code[3:] == "GOV"
}

// bareSurnameMin is the shortest surname named without a title: shorter
// ones ("Kim", "Lee") are shared too widely.
const bareSurnameMin = 5

// bareSurname resolves a capitalised word at i that is no word of our
// tables to the dictionary's person of that surname ("Arafat urged",
// "talks with Milosevic"), where every person of that surname is of one
// country: the person's actor at the document's date, in office (the
// state) before out of it (a side of the country, as the full name is).
func (d *doc) bareSurname(s *sent, i int) (mention, bool) {
	none := mention{ent: -1}
	w := d.low[i]
	if !d.toks[i].word || !d.toks[i].upper || d.toks[i].caps || len([]rune(w)) < bareSurnameMin || d.commonWord(w) {
		return none, false
	}
	if d.partOfLongerName(s, i) || d.nameNeighbour(s, i-1) || d.nameNeighbour(s, i+1) || d.givenName(w) {
		return none, false
	}
	if i+2 < s.b && d.low[i+1] == "-" && !d.toks[i+2].upper {
		return none, false // "an English-language statement": a modifier, not Bill English
	}
	ps := d.lx.bare[w]
	if len(ps) == 0 {
		return none, false
	}
	country := d.actor(ps[0].entries[0]).Country
	var found *pattern
	for _, p := range ps {
		if d.actor(p.entries[0]).Country != country {
			return none, false // people of two countries share the surname
		}
		if d.inDates(p) && (found == nil || found.fallback && !p.fallback) {
			found = p
		}
	}
	if found == nil || country == "" {
		return none, false
	}
	m := mention{from: i, to: i + 1, ent: d.current(found.entries[0]), kind: formMember, person: true, gov: found.gov, army: found.army, code: found.code}
	return m, true
}

// inDates reports whether the document's date lies in p's range.
func (d *doc) inDates(p *pattern) bool {
	return d.date.IsZero() || (p.from.IsZero() || d.date >= p.from) && (p.to.IsZero() || d.date <= p.to)
}

// commonWord reports a word our tables use as other than a name: a cue,
// a verb of the CAMEO dictionary, an agent, office or title noun, the
// head noun of a body ("the General Assembly" is no person "Assembly").
func (d *doc) commonWord(w string) bool {
	_, cue := cueTable[w]
	_, verb := d.lx.verbs.forms[w]
	_, agent := d.lx.agents[w]
	return cue || verb || agent || bodyNoun(w) || reportVerbs[w] || officeNouns[w] || titleWords[w] || determiners[w] || notNames[w]
}

// nameNeighbour reports a capitalised word at j that may be another part
// of the name ("Abiy Ahmed"): not a title, office, determiner or the
// sentence's first word of no name.
func (d *doc) nameNeighbour(s *sent, j int) bool {
	if j < s.a || j >= s.b || !d.toks[j].word || !d.toks[j].upper {
		return false
	}
	w := d.low[j]
	if titleWords[w] || officeNouns[w] || surnameTitles[w] || determiners[w] || j == s.a && !givenNameLike(d.tok(j)) {
		return false
	}
	return s.mentionAt(j) == nil
}

// givenName reports a word that opens some person's name in the
// dictionaries ("Ahmed Shah ..."): a name too common to stand alone.
func (d *doc) givenName(w string) bool {
	for _, p := range d.lx.byFirst[w] {
		if p.kind == formMember && len(p.toks) > 1 {
			return true
		}
	}
	return false
}

// bodyNoun reports a word of the names of bodies and offices: "the
// General Assembly" is no General named Assembly, "the Defence Ministry"
// no person named Defence.
func bodyNoun(w string) bool {
	_, head := orgHeads[w]
	return head || stateBodies[w] || officeModifiers[w] || ministryNouns[w]
}

// bodyLinks join the words of a body's name, not a person's: "Assembly
// of Experts" names no one called Experts.
var bodyLinks = set("of", "the", "for", "and", "on")

// bodyName reports a member form whose words are a body's name.
func bodyName(p *pattern) bool {
	for _, t := range p.toks[:len(p.toks)-1] {
		if bodyLinks[t.s] {
			return true
		}
	}
	return false
}
