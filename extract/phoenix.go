package extract

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"github.com/stancegraph/stancegraph/stance"
)

// The Phoenix actor table: PETRARCH2's country, international and armed
// non-state actor dictionaries and its agents, converted by
// internal/phoenixgen (actors.phoenix.txt, MIT, see actors.phoenix.NOTICE).
// It adds to actors.jsonl, never overrides it: a name actors.jsonl holds
// keeps its actor, and the table's names of that actor give it its CAMEO
// code.
//
//go:generate go run ./internal/phoenixgen -dir ../../shared/data/dictionaries/petrarch2 -out actors.phoenix.txt
//go:embed actors.phoenix.txt
var phoenixText string

// phoenixRecord is one actor of the table: its phrases (the first is its
// primary name) and its codes, each with an optional date range.
type phoenixRecord struct {
	kind    byte // 'c' country file, 'i' international, 'm' armed non-state
	phrases []phoenixPhrase
	codes   []phoenixCode
}

// phoenixPhrase is a name of the table, tokenized once when the table is
// parsed so that each New only builds patterns.
type phoenixPhrase struct {
	text  string
	norm  string // stance.NormalizeName(text)
	words []string
}

func newPhoenixPhrase(text string) phoenixPhrase {
	p := phoenixPhrase{text: text, norm: stance.NormalizeName(text)}
	for _, t := range tokenize(text) {
		p.words = append(p.words, text[t.bs:t.be])
	}
	if len(p.words) > 1 && p.words[0] == "the" {
		p.words = p.words[1:]
	}
	return p
}

type phoenixCode struct {
	code     string
	from, to stance.Date
	ranged   bool
}

// phoenixTable is the parsed table: records, and agent nouns with the
// role code they add after a country's code ("police" -> COP).
type phoenixTable struct {
	records []phoenixRecord
	agents  map[string]string
	// agentFirst holds the first words of the agent nouns.
	agentFirst map[string]bool
	maxAg      int // words of the longest agent phrase
}

var defaultPhoenix = sync.OnceValue(func() *phoenixTable { return parsePhoenix(phoenixText) })

func parsePhoenix(text string) *phoenixTable {
	t := &phoenixTable{agents: map[string]string{}, agentFirst: map[string]bool{}}
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] == "#" {
			continue
		}
		n := len(t.records)
		switch f[0] {
		case "r":
			if len(f) >= 3 && len(f[1]) == 1 {
				t.records = append(t.records, phoenixRecord{kind: f[1][0], phrases: []phoenixPhrase{newPhoenixPhrase(strings.Join(f[2:], " "))}})
			}
		case "n":
			if n > 0 {
				t.records[n-1].phrases = append(t.records[n-1].phrases, newPhoenixPhrase(strings.Join(f[1:], " ")))
			}
		case "c":
			if n > 0 {
				t.records[n-1].codes = append(t.records[n-1].codes, parsePhoenixCode(f[1:]))
			}
		case "g":
			if len(f) >= 3 {
				p := strings.Join(f[2:], " ")
				t.agents[p] = f[1]
				t.agentFirst[f[2]] = true
				t.maxAg = max(t.maxAg, len(f)-2)
			}
		}
	}
	return t
}

func parsePhoenixCode(f []string) phoenixCode {
	c := phoenixCode{code: f[0]}
	if len(f) == 3 {
		c.ranged = true
		c.from, _ = stance.ParseDate(strings.Trim(f[1], "-"))
		c.to, _ = stance.ParseDate(strings.Trim(f[2], "-"))
	}
	return c
}

// phoenixRoles are the roles of a country code whose holders speak for
// the state: its government and its military. Opposition, rebels,
// business and the rest are other actors, which the table does not name.
var phoenixRoles = []string{"GOV", "MIL"}

// addPhoenix compiles the table into lx after the dictionary's own forms.
// States are found by country code, organizations and armed groups by a
// name both hold, else added as actors of their own named by their primary
// phrase. Only phrases of two or more words become forms: single words of
// the table ("Karzai", "Bush") are too often someone else; a person named
// in full teaches the text its surname, as people of actors.jsonl do.
func (lx *lexicon) addPhoenix(t *phoenixTable) {
	lx.agents, lx.agentFirst, lx.maxAgent, lx.dictLen = t.agents, t.agentFirst, t.maxAg, len(lx.entries)
	states := map[string]int{}
	for i, e := range lx.entries {
		if e.actor.Kind == stance.KindState && e.actor.Country != "" {
			states[e.actor.Country] = i
		}
	}
	lx.states = states
	byCode := lx.linkCodes(t)
	for _, r := range t.records {
		for _, c := range r.codes {
			ent, member, gov := lx.phoenixEntry(r, c, states, byCode)
			fallback := false
			if ent < 0 && r.kind == 'c' {
				ent, member, fallback = lx.phoenixRoleEntry(c), c.ranged, true
			}
			if ent < 0 {
				continue
			}
			for _, p := range r.phrases {
				lx.addPhoenixForm(p, ent, c, member, gov, fallback)
				if r.kind != 'c' {
					lx.addPhoenixAcronym(p, ent, c)
				}
			}
		}
		lx.addOutOfOffice(r)
	}
	lx.addVariants(t, states)
}

// linkCodes maps the code of each organization or armed group record to
// the dictionary actor one of its names denotes ("United Nations" gives
// IGOUNO to the United Nations), and gives that actor the code.
func (lx *lexicon) linkCodes(t *phoenixTable) codeIndex {
	byCode := codeIndex{ents: map[string]int{}, generic: genericCodes(t), names: map[string]string{}}
	for _, r := range t.records {
		if r.kind == 'c' || len(r.codes) == 0 || r.codes[0].ranged {
			continue
		}
		byCode.nameFrom(r)
		for _, p := range r.phrases {
			if i, ok := lx.names[p.norm]; ok {
				code := r.codes[0].code
				if byCode.generic[code] {
					lx.sectorCode(i, code)
					break
				}
				if _, taken := byCode.get(code); !taken {
					byCode.put(code, i)
					if lx.codes[i] == "" {
						lx.codes[i] = code
					}
				}
				break
			}
		}
	}
	return byCode
}

// sectorCode gives dictionary actor i a sector's code its record names
// it by ("Taliban" AFGREB) where it has none yet and the code is of the
// actor's own country: a record of another country's sector that shares a
// word with it is not it.
func (lx *lexicon) sectorCode(i int, code string) {
	if c := lx.entries[i].actor.Country; lx.codes[i] == "" && c != "" && strings.HasPrefix(code, c) {
		lx.codes[i] = code
	}
}

// codeIndex maps the code of an organization or armed group of the table
// to its actor. A code several records share is a sector, not an actor
// ("NGOHRI" human rights groups, "MNCUSA" American companies, "ITAREB"
// Italian armed groups): its records stay actors of their own, named by
// their phrases, rather than one actor for all. IGO codes name one
// organization each, however many records spell it ("IGOUNOHLHWHO"),
// except the bare "IGO".
type codeIndex struct {
	ents    map[string]int
	generic map[string]bool
	// names holds the first phrase of two or more words that records of
	// one organization's code give: "ICJ" heads the first record of
	// IGOUNOJUDICJ, and an actor is named in full.
	names map[string]string
}

// name returns the name an organization of the table is shown by: its
// code's first name in words, else the record's first phrase.
func (x codeIndex) name(code, first string) string {
	if n, ok := x.names[code]; ok {
		return n
	}
	return first
}

func (x codeIndex) get(code string) (int, bool) {
	i, ok := x.ents[code]
	return i, ok
}

func (x codeIndex) put(code string, i int) {
	if !x.generic[code] {
		x.ents[code] = i
	}
}

// nameFrom notes the first phrase of two or more words of record r as
// the name of its organization's code, where none is noted yet.
func (x codeIndex) nameFrom(r phoenixRecord) {
	code := r.codes[0].code
	if _, ok := x.names[code]; ok || x.generic[code] {
		return
	}
	for _, p := range r.phrases {
		if strings.Contains(p.text, " ") {
			x.names[code] = titleCase(p.text)
			return
		}
	}
}

// genericCodes are the codes of organizations and armed groups that more
// than one record of t carries first, but for the IGO codes of one
// organization.
func genericCodes(t *phoenixTable) map[string]bool {
	n := map[string]int{}
	for _, r := range t.records {
		if r.kind != 'c' && len(r.codes) > 0 && !r.codes[0].ranged {
			n[r.codes[0].code]++
		}
	}
	out := map[string]bool{}
	for code, k := range n {
		if k > 1 && (!strings.HasPrefix(code, "IGO") || code == "IGO") {
			out[code] = true
		}
	}
	return out
}

// phoenixEntry returns the actor a record's code names, whether its
// phrases name a person speaking for it, and whether for its government.
func (lx *lexicon) phoenixEntry(r phoenixRecord, c phoenixCode, states map[string]int, byCode codeIndex) (ent int, member, gov bool) {
	if r.kind == 'c' {
		if len(c.code) < 3 {
			return -1, false, false
		}
		i, ok := states[c.code[:3]]
		role := c.code[3:]
		switch {
		case !ok:
			return -1, false, false
		case role == "" && !c.ranged:
			return i, false, false
		}
		for _, pr := range phoenixRoles {
			if strings.HasPrefix(role, pr) {
				return i, true, pr == "GOV"
			}
		}
		return -1, false, false
	}
	if i, ok := byCode.get(c.code); ok {
		return i, c.ranged, false
	}
	if c.ranged || len(r.phrases) == 0 {
		return -1, false, false
	}
	kind := stance.KindOrganization
	if r.kind == 'm' {
		kind = stance.KindArmedGroup
	}
	name := byCode.name(c.code, titleCase(r.phrases[0].text))
	if i, ok := lx.names[stance.NormalizeName(name)]; ok {
		byCode.put(c.code, i)
		return i, false, false
	}
	i := len(lx.entries)
	a := stance.Actor{ID: stance.ActorID(name), Name: name, Kind: kind, Code: c.code}
	if len(c.code) >= 3 && isAlpha3(c.code[:3]) {
		if _, ok := states[c.code[:3]]; ok {
			a.Country = c.code[:3]
		}
	}
	lx.entries = append(lx.entries, &entry{actor: a})
	lx.next = append(lx.next, -1)
	lx.codes = append(lx.codes, c.code)
	lx.names[stance.NormalizeName(name)] = i
	byCode.put(c.code, i)
	return i, false, false
}

// phoenixRoleEntry returns the role actor a country record's code names
// where it does not speak for the state ("ZMBELI": the Zambian elites,
// "KENOPP": the Kenyan opposition), or -1. A person of the table is
// someone of the country at any date: before and after an office, and
// in the ranges where the table codes them with such a role, they are of
// that side of the country rather than nobody we track.
func (lx *lexicon) phoenixRoleEntry(c phoenixCode) int {
	if len(c.code) < 6 {
		return -1
	}
	if i, ok := lx.roleEnts[c.code[:6]]; ok {
		return i
	}
	return -1
}

// addOutOfOffice names a country record whose codes all have dates
// (a person in office: "ZMBGOV 2002-01-02 -") outside them too: such a
// person is of the country's elites (CAMEO's ELI) before and after
// office, as the table codes many others.
func (lx *lexicon) addOutOfOffice(r phoenixRecord) {
	if r.kind != 'c' || len(r.codes) == 0 || len(r.codes[0].code) < 3 {
		return
	}
	for _, c := range r.codes {
		if !c.ranged {
			return
		}
	}
	c := phoenixCode{code: r.codes[0].code[:3] + "ELI"}
	if ent := lx.phoenixRoleEntry(c); ent >= 0 {
		for _, p := range r.phrases {
			lx.addPhoenixForm(p, ent, c, false, false, true)
		}
	}
}

// addPhoenixForm adds one phrase of the table as a form of actor ent,
// unless it is a single word or a name the dictionary already holds.
// Its words match text case-insensitively but only capitalised.
func (lx *lexicon) addPhoenixForm(p phoenixPhrase, ent int, c phoenixCode, member, gov, fallback bool) {
	words := p.words
	if len(words) < 2 {
		return
	}
	if i, ok := lx.names[p.norm]; ok && (i != ent || ent < lx.dictLen) {
		// The dictionary's own name, or another actor's: ours win.
		return
	}
	kind := formAlias
	pt := &pattern{entries: []int{ent}, kind: kind, gov: gov, code: c.code, fallback: fallback}
	if member {
		pt.kind, pt.from, pt.to = formMember, c.from, c.to
	}
	for _, w := range words {
		// Function words stand in lower case inside a name ("Movement
		// for the ..."); the name's other words are capitalised in text.
		pt.toks = append(pt.toks, ptok{s: foldWord(w), upper: !nameFunctionWords[w] && isWordRune([]rune(w)[0])})
	}
	k := firstKey(words[0])
	lx.byFirst[k] = append(lx.byFirst[k], pt)
}

// acronymMin is the fewest letters of an acronym the table's one-word
// names give: shorter ones ("UN", "AU") are the dictionary's own.
const acronymMin = 3

// addPhoenixAcronym adds a one-word name of an organization or armed
// group of the table as a form matched only in capitals ("UNITA",
// "FARC"): written so, the word is the acronym and no one's surname, which
// is why single words of the table are otherwise left out.
func (lx *lexicon) addPhoenixAcronym(p phoenixPhrase, ent int, c phoenixCode) {
	if len(p.words) != 1 || len(p.words[0]) < acronymMin || acronymNoActor(c.code) {
		return
	}
	w := p.words[0]
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return
		}
	}
	if i, ok := lx.names[p.norm]; ok && i != ent {
		return // another actor's name
	}
	pt := &pattern{entries: []int{ent}, kind: formAlias, code: c.code, toks: []ptok{{s: strings.ToUpper(w), caps: true, upper: true}}}
	lx.byFirst[firstKey(w)] = append(lx.byFirst[firstKey(w)], pt)
	if _, ok := lx.acronyms[p.norm]; !ok {
		lx.acronyms[p.norm] = ent
	}
}

// acronymNoActor reports the codes of bodies that report news or do
// business rather than take sides, whose acronyms stand in datelines and
// credits ("(AFP)"): media, business and multinational companies.
func acronymNoActor(code string) bool {
	return strings.Contains(code, "MED") || strings.Contains(code, "BUS") || strings.HasPrefix(code, "MNC")
}

// nameFunctionWords are written in lower case inside names.
var nameFunctionWords = set("of", "the", "for", "and", "in", "on", "de", "al", "bin", "el", "du", "la", "des", "to")

// titleCase capitalises each word of a lower-case phrase: a name for an
// actor the table adds.
func titleCase(p string) string {
	ws := strings.Fields(p)
	for i, w := range ws {
		if len(ws) > 1 && i > 0 && (w == "of" || w == "the" || w == "for" || w == "and") {
			continue
		}
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// mentionCode is the CAMEO code of a mention: its form's code, else its
// actor's, with the role of an agent noun right after it ("Nigerian
// police" NGACOP, "Afghan officials" AFGGOV) where the code has none.
func (d *doc) mentionCode(s *sent, m *mention) string {
	code := m.code
	if m.ent >= len(d.lx.entries) {
		// An organization of this text alone: its officials are its own.
		return code
	}
	if code == "" {
		code = d.lx.code(m.ent)
	}
	if len(code) == 3 && m.kind == formMember && m.gov {
		// A head of state or government of actors.jsonl speaks for it.
		return code + "GOV"
	}
	if len(code) != 3 {
		return code
	}
	var words []string
	for j := m.to; j < s.b && j < m.to+d.lx.maxAgent && d.toks[j].word; j++ {
		words = append(words, d.low[j])
	}
	for n := len(words); n > 0; n-- {
		if role, ok := d.lx.agents[strings.Join(words[:n], " ")]; ok {
			return code + role
		}
	}
	if len(words) > 0 && ourAgents[words[0]] != "" {
		return code + ourAgents[words[0]]
	}
	return code
}

// ourAgents are office nouns the Phoenix agents lack ("officials" is
// there only as "government official"), with their role codes.
var ourAgents = map[string]string{
	"official": "GOV", "officials": "GOV", "minister": "GOV", "ministers": "GOV", "ministry": "GOV",
	"president": "GOV", "diplomat": "GOV", "diplomats": "GOV", "envoy": "GOV", "negotiators": "GOV",
	"troops": "MIL", "soldiers": "MIL", "forces": "MIL", "army": "MIL", "military": "MIL",
}

// codeOf is the CAMEO code of actor e as this sentence names it: through
// its first mention here, else through the actor.
func (d *doc) codeOf(s *sent, e int) string {
	for k := range s.ms {
		if m := &s.ms[k]; m.ent == e && len(m.group) == 0 {
			return d.mentionCode(s, m)
		}
	}
	return d.lx.code(e)
}

// code is the CAMEO code of actor e: the one the table links to it, its
// own, else its country's.
func (lx *lexicon) code(e int) string {
	if e < 0 || e >= len(lx.entries) {
		return ""
	}
	if e < len(lx.codes) && lx.codes[e] != "" {
		return lx.codes[e]
	}
	a := lx.entries[e].actor
	switch {
	case a.Code != "":
		return a.Code
	case a.Kind == stance.KindGovernment && a.Country != "":
		return a.Country + "GOV"
	}
	return a.Country
}
