package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// Generic agents. A demonym before one of the Phoenix agent nouns names
// an actor with no dictionary entry of its own: "a Saudi businessman",
// "Moroccan diplomats", "Zambian farmers". The agent's role code says
// whose: a state's own roles (its government, military, police,
// intelligence, courts and legislature) speak for the state, as "Kenyan
// officials" always did; every other role is a side of the country that
// CAMEO codes apart from the state (SAUBUS, ZMBAGR), an actor of its own
// like "Rwandan rebels" (roles.go).

// stateRoles are the Phoenix role codes whose agents speak for their state.
var stateRoles = set("GOV", "MIL", "COP", "SPY", "JUD", "LEG")

// agentRoleActors are the other roles of the Phoenix agents, each an
// actor of every state with a demonym ("Saudi business"). They have no
// forms: a demonym and an agent noun of the role name them (agentMention).
var agentRoleActors = []roleActor{
	{kind: stance.KindOther, label: "business", role: "BUS"}, {kind: stance.KindOther, label: "civilians", role: "CVL"}, {kind: stance.KindOther, label: "people", role: "PPL"},
	{kind: stance.KindOther, label: "media", role: "MED"}, {kind: stance.KindOther, label: "health sector", role: "HLH"}, {kind: stance.KindOther, label: "education sector", role: "EDU"},
	{kind: stance.KindOther, label: "farmers", role: "AGR"}, {kind: stance.KindOther, label: "labour", role: "LAB"}, {kind: stance.KindOther, label: "clergy", role: "REL"},
	{kind: stance.KindOther, label: "Christians", role: "CHR"}, {kind: stance.KindOther, label: "Muslims", role: "MUS"}, {kind: stance.KindOther, label: "Hindus", role: "HIN"},
	{kind: stance.KindOther, label: "Buddhists", role: "BUD"}, {kind: stance.KindOther, label: "Jews", role: "JEW"}, {kind: stance.KindOther, label: "criminals", role: "CRM"},
	{kind: stance.KindOther, label: "armed groups", role: "UAF"}, {kind: stance.KindOther, label: "refugees", role: "REF"}, {kind: stance.KindOther, label: "NGOs", role: "NGO"},
	{kind: stance.KindOther, label: "elites", role: "ELI"}, {kind: stance.KindOther, label: "environmental groups", role: "ENV"}, {kind: stance.KindOther, label: "human rights groups", role: "HRI"},
	{kind: stance.KindOther, label: "parties", role: "PTY"}, {kind: stance.KindOther, label: "radicals", role: "RAD"}, {kind: stance.KindOther, label: "migrants", role: "IMG"},
}

// agentsNoActors are agent nouns of the table that news uses in another
// sense: "Libyan actors" are political sides, not film actors (ELI).
var agentsNoActors = set("actor", "actors")

// agentAt returns the role code of the longest Phoenix agent phrase at
// token j, after at most two office modifiers ("senior Saudi
// businessmen", "Kenyan dairy farmers"), and the token after it; "" where
// there is none.
func (d *doc) agentAt(s *sent, j int) (role string, end int) {
	for k := 0; k < 2 && j < s.b && officeModifiers[d.low[j]] && !d.agentStarts(s, j); k++ {
		j++
	}
	var words []string
	for q := j; q < s.b && q < j+d.lx.maxAgent && d.toks[q].word; q++ {
		words = append(words, d.low[q])
	}
	for n := len(words); n > 0; n-- {
		if r, ok := d.lx.agents[strings.Join(words[:n], " ")]; ok {
			return r, j + n
		}
	}
	return "", j
}

// agentStarts reports whether a one-word agent stands at j: "military" is
// a modifier of "military officers" but an agent on its own.
func (d *doc) agentStarts(s *sent, j int) bool {
	_, ok := d.lx.agents[d.low[j]]
	return ok && (j+1 >= s.b || !d.toks[j+1].word || officeNouns[d.low[j]])
}

// agentMention makes the mention of a demonym of state ent at [i, i+n)
// followed by an agent noun of a role that is not the state's: the role
// actor of that state, spanning the agent noun, coded with the agent's
// role. ok is false where no such agent follows.
func (d *doc) agentMention(s *sent, i, n, ent int) (mention, bool) {
	role, end := d.agentAt(s, i+n)
	if len(role) < 3 || stateRoles[role[:3]] || officeNouns[d.low[end-1]] {
		// "a Peruvian spokesman" speaks for Peru, whatever role the
		// agent table gives the word.
		return mention{}, false
	}
	a := d.actor(ent)
	r, ok := d.lx.roleEnts[a.Country+role[:3]]
	if agentsNoActors[d.low[end-1]] {
		return mention{}, false
	}
	if !ok {
		return mention{}, false
	}
	return mention{from: i, to: end, ent: r, kind: formAlias, code: a.Country + role}, true
}

// stateAgentAt reports whether a Phoenix agent of one of the state's own
// roles follows a demonym at j ("Kenyan judges", "Zambian lawmakers").
func (d *doc) stateAgentAt(s *sent, j int) bool {
	role, _ := d.agentAt(s, j)
	return len(role) >= 3 && stateRoles[role[:3]]
}

// indexRoleEnts maps country code + role code to the role actors, both
// those of roles.go and of the agents.
func (lx *lexicon) indexRoleEnts() {
	lx.roleEnts = map[string]int{}
	for i, e := range lx.entries {
		a := e.actor
		if a.Country != "" && len(a.Code) == 6 && a.Code[:3] == a.Country && a.Kind != stance.KindState {
			if _, taken := lx.roleEnts[a.Code]; !taken {
				lx.roleEnts[a.Code] = i
			}
		}
	}
}

// titledByActor reports whether an office title right before token i
// follows an actor's mention: "Bulgarian President", "Kenya's foreign
// minister".
func (d *doc) titledByActor(s *sent, i int) bool {
	k := i - 1
	for ; k >= s.a && k > i-5 && (titleWords[d.low[k]] || officeNouns[d.low[k]] || officeModifiers[d.low[k]]); k-- {
	}
	if k == i-1 || k < s.a {
		return false
	}
	if d.low[k] == "'s" || d.low[k] == "\u2019s" {
		k--
	}
	m := s.mentionAt(k)
	return m != nil && m.ent >= 0
}

// officeTitles before a person's name say the person holds the office at
// the time of writing: "President X", "Vice-President X".
var officeTitles = set("president", "minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "ambassador")

// formerWords before a title say the office is held no longer.
var formerWords = set("former", "ex", "ousted", "late", "deposed", "exiled", "toppled", "retired", "then")

// inOfficeTitle reports an office title right before token i with no
// word before it saying the office is past: "Prime Minister X", not
// "former Prime Minister X".
func (d *doc) inOfficeTitle(s *sent, i int) bool {
	if i == s.a || !officeTitles[d.low[i-1]] {
		return false
	}
	for k := i - 2; k >= s.a && k > i-5; k-- {
		if formerWords[d.low[k]] {
			return false
		}
		if !titleWords[d.low[k]] && !officeModifiers[d.low[k]] && d.low[k] != "-" && d.low[k] != "vice" {
			break
		}
	}
	return true
}

// officeHolder makes mention m of fallback pattern p, titled in office
// by the text, the state's: the table's dates of the person's offices
// end before the text's (or do not reach back to it), and the text's
// title is the better witness.
func (d *doc) officeHolder(m mention, p *pattern) (mention, bool) {
	st, ok := d.lx.states[p.code[:3]]
	if !ok {
		return m, false
	}
	m.ent, m.kind, m.person, m.gov, m.code = d.current(st), formMember, true, true, p.code[:3]+"GOV"
	return m, true
}

// agentPlacePreps put a state after an agent noun: "police in Kenya",
// "the farmers of Chad".
var agentPlacePreps = set("in", "of")

// agentsAbroad are agents found in a country that are seldom its own
// ("diplomats in Kenya", "troops in Somalia"); their role codes and
// nouns name no side of the country after "in".
var (
	agentsAbroadRoles = set("MIL", "UAF", "REF", "IMG")
	agentsAbroad      = set("diplomat", "diplomats", "ambassador", "ambassadors", "envoy", "envoys", "foreigners", "journalists",
		"correspondents", "tourists", "aid", "workers")
)

// agentInState makes an agent noun at i before "in" or "of" and a
// state's name a mention of that state's side ("students in Nigeria"
// NGAEDU) or of the state for its own roles ("police in Kenya" KENCOP),
// where no actor stands right before the agent ("UN officials in
// Kenya" are the UN's) and no possessive owns it ("the group's spokesman
// in Qatar" speaks for the group, wherever it sits).
func (d *doc) agentInState(s *sent, i int) (mention, bool) {
	if !d.lx.agentFirst[d.low[i]] && !officeModifiers[d.low[i]] {
		return mention{}, false
	}
	if i > s.a && (s.at[i-1-s.a] >= 0 || d.toks[i-1].upper && d.toks[i-1].word || d.low[i-1] == "'s" || d.low[i-1] == "\u2019s") ||
		!d.placePrepAhead(s, i) {
		return mention{}, false
	}
	role, end := d.agentAt(s, i)
	if len(role) < 3 || agentsAbroadRoles[role[:3]] || agentsAbroad[d.low[end-1]] || agentsNoActors[d.low[end-1]] ||
		end+1 >= s.b || !agentPlacePreps[d.low[end]] {
		return mention{}, false
	}
	k := end + 1
	if d.low[k] == "the" {
		k++
	}
	st, stEnd, ok := d.stateNameAt(s, k)
	if !ok || stEnd < s.b && (d.low[stEnd] == "'s" || d.low[stEnd] == "\u2019s") {
		// "representatives of Sudan's army": of the army, not the state.
		return mention{}, false
	}
	country := d.actor(st).Country
	m := mention{from: i, to: stEnd, ent: st, kind: formAlias, code: country + role, gov: stateRoles[role[:3]]}
	if !m.gov {
		r, ok := d.lx.roleEnts[country+role[:3]]
		if !ok {
			return mention{}, false
		}
		m.ent = r
	}
	return m, true
}

// placePrepAhead reports "in" or "of" and a capitalised word within an
// agent phrase's reach of i, a cheap test before agentAt.
func (d *doc) placePrepAhead(s *sent, i int) bool {
	for k := i + 1; k+1 < s.b && k <= i+d.lx.maxAgent+2; k++ {
		if agentPlacePreps[d.low[k]] && (d.toks[k+1].upper || k+2 < s.b && d.low[k+1] == "the" && d.toks[k+2].upper) {
			return true
		}
	}
	return false
}

// stateNameAt reports a state named by its name (not a demonym) at k,
// the actor it stands for at the document's date and the token after.
func (d *doc) stateNameAt(s *sent, k int) (int, int, bool) {
	if k >= s.b {
		return 0, 0, false
	}
	best, n := d.longestMatch(s, k, d.lx.byFirst[d.low[k]], mention{ent: -1}, 0)
	if n == 0 || best.ent < 0 || best.kind != formAlias || d.actor(best.ent).Kind != stance.KindState {
		return 0, 0, false
	}
	return best.ent, k + n, true
}
