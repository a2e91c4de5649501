package extract

import (
	"github.com/stancegraph/stancegraph/stance"
)

// Organizations no dictionary holds. News names many bodies once and
// never again ("the Third World Water Forum", "the Montenegro
// Municipality Association"), and no dictionary will list them all. A
// run of capitalised words ending in a noun that heads the names of
// organizations is one: an actor of this text alone, named by its words,
// of its state's country where a name or demonym of a state opens it
// (coded with the country alone: CAMEO gives it no role we could know).

// orgHeads end the names of organizations, with the kind of actor each
// names.
var orgHeads = map[string]stance.ActorKind{
	"forum": stance.KindOrganization, "association": stance.KindOrganization, "commission": stance.KindOrganization,
	"commision": stance.KindOrganization, "committee": stance.KindOrganization, "council": stance.KindOrganization,
	"party": stance.KindOrganization, "movement": stance.KindOrganization, "union": stance.KindOrganization,
	"organization": stance.KindOrganization, "organisation": stance.KindOrganization, "agency": stance.KindOrganization,
	"alliance": stance.KindOrganization, "league": stance.KindOrganization, "federation": stance.KindOrganization,
	"institute": stance.KindOrganization, "foundation": stance.KindOrganization, "society": stance.KindOrganization,
	"congress": stance.KindOrganization, "coalition": stance.KindOrganization, "network": stance.KindOrganization,
	"front": stance.KindOrganization, "bank": stance.KindOrganization, "fund": stance.KindOrganization,
	"tribunal": stance.KindOrganization, "confederation": stance.KindOrganization, "syndicate": stance.KindOrganization,
	"army": stance.KindArmedGroup, "brigade": stance.KindArmedGroup, "brigades": stance.KindArmedGroup,
	"militia": stance.KindArmedGroup,
}

// openingHeads may open a name before "of" or "for": an alliance or
// movement of others, where "Council of Ministers of Uganda" or "the
// Congress of Peru" is a state's own body.
var openingHeads = set("alliance", "coalition", "union", "league", "movement", "front", "organization", "organisation",
	"federation", "confederation", "association", "forum", "network")

// stateAfterOf reports an actor of the dictionary among the capitalised
// words after the head at i: "the Union of Comoros" names a state.
func (d *doc) stateAfterOf(s *sent, i int) bool {
	for j := i + 1; j < s.b && j <= i+orgMaxWords; j++ {
		if orgInner[d.low[j]] {
			continue
		}
		if !d.toks[j].word || !d.toks[j].upper {
			return false
		}
		if m, ok := d.matchAt(s, j); ok && m.ent >= 0 {
			return true
		}
	}
	return false
}

// orgInner are the lower-case words a name keeps inside: "Movement for
// the Liberation of X".
var orgInner = set("of", "for", "the", "and", "on", "-")

// orgMaxWords bounds the words of a name.
const orgMaxWords = 8

// orgChunk returns the end of a run of capitalised words from token i
// that ends in an organization's head noun, or that such a noun opens
// before "of" or "for" ("Alliance of Sahel States"), and the head; ok is
// false where there is none or the run has one word only.
func (d *doc) orgChunk(s *sent, i int) (end int, head string, ok bool) {
	if !d.toks[i].upper || determiners[d.low[i]] || !givenNameLike(d.low[i]) {
		return 0, "", false
	}
	words := 0
	headFirst := openingHeads[d.low[i]] && !d.stateAfterOf(s, i)
	joined := false // "Alliance of Sahel States": the head opens the name
	for j := i; j < s.b && j < i+2*orgMaxWords; j++ {
		switch {
		case d.toks[j].word && d.toks[j].upper:
			words++
			if _, isHead := orgHeads[d.low[j]]; isHead && words >= 2 {
				end, head, ok = j+1, d.low[j], true
			} else if headFirst && joined && !ok {
				end, head = j+1, d.low[i]
			}
		case orgInner[d.low[j]] && j+1 < s.b && d.toks[j+1].upper:
			joined = joined || d.low[j] == "of" || d.low[j] == "for"
		default:
			return end, head, ok || end > 0
		}
	}
	return end, head, ok || end > 0
}

// unknownOrg makes the mention of an organization no dictionary holds
// at token i; state is the state whose name or demonym opens the name,
// -1 if none.
func (d *doc) unknownOrg(s *sent, i, state int) (mention, bool) {
	end, head, ok := d.orgChunk(s, i)
	if !ok {
		end, head, ok = d.describedOrg(s, i, state)
	}
	if !ok || d.stateOffice(s, i, end, state) {
		return mention{}, false
	}
	if st, to := d.governingParty(s, i, end); st >= 0 {
		return mention{from: i, to: to, ent: st, kind: formAlias, gov: true}, true
	}
	name := d.text[d.toks[i].bs:d.toks[end-1].be]
	kind, named := orgHeads[head]
	if !named {
		kind = describedHeads[head]
	}
	a := stance.Actor{Name: name, ID: stance.ActorID(name), Kind: kind}
	if state >= 0 {
		a.Country = d.actor(state).Country
	}
	e := d.addExtra(a)
	return mention{from: i, to: end, ent: e, kind: formAlias, code: a.Country}, true
}

// governingParty returns the state whose government a party or
// coalition is named as after the state's possessive, and the end of
// the government's name: "the Solomon Islands' Democratic Coalition
// Government for Advancement" is the state's government. It returns -1
// for any other name.
func (d *doc) governingParty(s *sent, i, end int) (int, int) {
	if end >= s.b || d.low[end] != "government" || !d.toks[end].upper || i-2 < s.a {
		return -1, 0
	}
	p := d.low[i-1]
	if !isPossessive(p) && p != "'" && p != "\u2019" || !d.stateMentionAt(s, i-2) {
		return -1, 0
	}
	to := end + 1
	if to+1 < s.b && d.low[to] == "for" && d.toks[to+1].upper {
		for to += 2; to < s.b && d.toks[to].word && d.toks[to].upper; to++ {
		}
	}
	return s.mentionAt(i - 2).ent, to
}

// describedHeads end the description of a body that news names by its
// kind rather than its name: "an Israeli peace movement", "a Palestinian
// human rights group".
var describedHeads = map[string]stance.ActorKind{
	"movement": stance.KindOrganization, "group": stance.KindOrganization, "organization": stance.KindOrganization,
	"organisation": stance.KindOrganization, "association": stance.KindOrganization, "federation": stance.KindOrganization,
	"coalition": stance.KindOrganization, "league": stance.KindOrganization,
}

// describedOrg returns the end of a body described, not named, at
// token i: an article, the demonym or name of a state, at most three
// lower-case words and one of describedHeads, not followed by "of"
// ("the Israeli movement of troops" is an act), with no office word
// among them ("the Israeli army group" is the state's). Such a body is an actor
// of the text, of that state's country, as a capitalised name is.
func (d *doc) describedOrg(s *sent, i, state int) (end int, head string, ok bool) {
	if state < 0 || i == s.a || !articles[d.low[i-1]] {
		return 0, "", false
	}
	for j := i + 1; j < s.b && j <= i+4; j++ {
		w := d.low[j]
		if !d.toks[j].word || d.toks[j].upper || determiners[w] || officeNouns[w] || stateBodies[w] || s.mentionAt(j) != nil {
			return 0, "", false
		}
		if _, isHead := describedHeads[w]; isHead && j > i+1 {
			if j+1 < s.b && d.low[j+1] == "of" {
				return 0, "", false
			}
			return j + 1, w, true
		}
	}
	return 0, "", false
}

// articles open a noun phrase that describes a body.
var articles = set("a", "an", "the")

// stateOffice reports a name that is a state's own body: its state's
// name, then office words only ("Kenyan Foreign Ministry", "the
// Montenegro Assembly" are the state).
func (d *doc) stateOffice(s *sent, i, end, state int) bool {
	if state < 0 {
		return false
	}
	for j := i + 1; j < end; j++ {
		if w := d.low[j]; d.toks[j].word && !officeNouns[w] && !officeModifiers[w] && !stateBodies[w] && !orgInner[w] {
			return false
		}
	}
	return true
}

// stateBodies name a state's institutions after its name.
var stateBodies = set("assembly", "senate", "council", "congress", "court", "bank", "agency", "commission", "army")

// addExtra returns the number of actor a of this text, adding it on its
// first mention; numbers follow the lexicon's entries.
func (d *doc) addExtra(a stance.Actor) int {
	key := stance.NormalizeName(a.Name)
	for k, x := range d.extra {
		if stance.NormalizeName(x.Name) == key {
			return len(d.lx.entries) + k
		}
	}
	d.extra = append(d.extra, a)
	return len(d.lx.entries) + len(d.extra) - 1
}

// actor is actor e: of the lexicon, or of this text alone.
func (d *doc) actor(e int) stance.Actor {
	if e < len(d.lx.entries) {
		return d.lx.entries[e].actor
	}
	return d.extra[e-len(d.lx.entries)]
}

// orgAt makes the mention of an organization no dictionary holds at
// token i, where best (of bestLen tokens, 0 for none) is what the
// dictionary matched there: a state's name or demonym may open the
// organization's name ("Kenya Anti-Corruption Commission"), any longer
// match of the dictionary wins.
func (d *doc) orgAt(s *sent, i int, best mention, bestLen int) (mention, bool) {
	if m, ok := d.groupBody(s, i, best, bestLen); ok {
		return m, true
	}
	if m, ok := d.definedBody(s, i, best, bestLen); ok {
		return m, true
	}
	state := -1
	switch {
	case bestLen == 0:
		state = d.stateWordAt(s, i)
	case best.ent >= 0 && bestLen == 1 && !best.ref && d.actor(best.ent).Kind == stance.KindState:
		state = best.ent
	case d.orgLonger(s, i, best, bestLen):
		// "the National Resistance Front": a longer name than the
		// dictionary's "National Resistance" is another body.
	default:
		return mention{}, false
	}
	return d.unknownOrg(s, i, state)
}

// orgLonger reports an organization's name at token i longer than the n
// tokens of best, the dictionary's match there, where best is no
// organization or state whose body the longer name may be ("the United
// Nations Human Rights Council" stays the United Nations).
func (d *doc) orgLonger(s *sent, i int, best mention, n int) bool {
	if best.ent < 0 || best.person {
		return false
	}
	if k := d.actor(best.ent).Kind; k == stance.KindOrganization || k == stance.KindState || k == stance.KindGovernment {
		return false
	}
	end, _, ok := d.orgChunk(s, i)
	return ok && end-i > n
}

// stateWordAt returns the state whose one-word name or demonym stands at
// token i, else -1.
func (d *doc) stateWordAt(s *sent, i int) int {
	for _, p := range d.lx.byFirst[d.low[i]] {
		if len(p.toks) == 1 && len(p.entries) == 1 && p.entries[0] >= 0 && tokMatch(p.toks[0], d.tok(i), d.toks[i]) &&
			(p.kind == formDemonym || p.kind == formAlias) && d.actor(p.entries[0]).Kind == stance.KindState {
			return p.entries[0]
		}
	}
	return -1
}

// ofHolder returns the last token of an actor's mention whose noun
// phrase an "of" phrase before token from hangs on ("the Kenyan sides of
// the divided Red Sea region of X"), through any chain of "of" phrases;
// -1 where the phrase hangs on a noun of no actor ("the president of X"
// is X's) or there is no "of".
func (d *doc) ofHolder(s *sent, from int) int {
	sawOf := false
	for p, steps := from-1, 0; p > s.a && steps < ofHolderSpan; p, steps = p-1, steps+1 {
		if m := s.mentionAt(p); m != nil {
			if !sawOf || m.ent < 0 || m.place {
				return -1
			}
			return p
		}
		w := d.low[p]
		if w == "of" {
			sawOf = true
			continue
		}
		if !d.toks[p].word || boundaryWords[w] || auxWords[w] || reportVerbs[w] {
			return -1
		}
	}
	return -1
}

// ofHolderSpan bounds the words an "of" chain may span.
const ofHolderSpan = 10
