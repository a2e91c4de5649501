package extract

import "slices"

// An organization is often referred back to by its description with
// modifiers the dictionary's reference lacks: "the West African bloc",
// "the 15-nation bloc", "the regional alliance" for "the bloc", "the
// alliance" of the organization named last.

// modifiedRefHeads are the heads of organizations' descriptions that
// modifiers may precede.
var modifiedRefHeads = set("bloc", "alliance", "union", "organisation", "organization", "community", "grouping")

// orgHeadSynonyms name an organization alike: "the 22-nation regional
// organization" is the bloc whose reference is "the bloc".
var orgHeadSynonyms = set("bloc", "organisation", "organization", "grouping")

// refModifiers are the lower-case words such a description may hold.
var refModifiers = set("regional", "continental", "economic", "political", "military", "trade", "-", "nation", "member",
	"western", "african", "asian", "european", "american", "arab", "gulf")

// refModMax bounds the modifiers.
const refModMax = 4

// armedRefHeads are the heads of an armed group's descriptions: "the
// Iran-backed group", "the rebel movement", "the Islamist fighters" are
// the armed group named last whose bare reference is any of them.
var armedRefHeads = set("group", "movement", "militia", "outfit", "faction", "rebels", "militants", "insurgents",
	"fighters", "guerrillas", "jihadists", "extremists", "separatists")

// armedRefModifiers are the lower-case words an armed group's
// description may hold besides those of refModifiers.
var armedRefModifiers = set("armed", "militant", "rebel", "insurgent", "islamist", "jihadist", "separatist", "extremist",
	"terrorist", "radical", "shiite", "shia", "sunni", "paramilitary", "hardline", "powerful", "outlawed", "banned",
	"proscribed", "secessionist", "guerrilla", "militia")

// modifiedRef matches "the" at i, modifiers and a head whose bare
// reference ("the bloc", "the group") the dictionary gives an actor named
// earlier in the text. A demonym among an armed group's modifiers must be
// the group's country: "the Palestinian militant group" is not the
// Houthis.
func (d *doc) modifiedRef(s *sent, i int) (mention, bool) {
	none := mention{ent: -1}
	if d.low[i] != "the" {
		return none, false
	}
	j, countries := d.skipRefModifiers(s, i+1)
	if j == i+1 || j >= s.b {
		return none, false
	}
	head := d.low[j]
	if j+2 < s.b && d.low[j+1] == "of" && d.namesAt(j+2) {
		return none, false // "the jihadist fighters of al-Shabaab": named here
	}
	var ents []int
	switch {
	case modifiedRefHeads[head] && len(countries) == 0:
		ents = d.refEntries(func(h string) bool { return h == head || orgHeadSynonyms[h] && orgHeadSynonyms[head] })
	case armedRefHeads[head]:
		for _, e := range d.refEntries(func(h string) bool { return armedRefHeads[h] }) {
			if len(countries) == 0 || slices.Contains(countries, d.lx.entries[e].actor.Country) {
				ents = append(ents, e)
			}
		}
	}
	if e := d.resolveRef(ents); e >= 0 {
		return mention{from: i, to: j + 1, ent: e, kind: formRef, ref: true}, true
	}
	return none, false
}

// skipRefModifiers returns the first token from j that is no modifier of
// a description, and the countries of the demonyms among them. A name
// joined to a backing word ("Iran-backed") is a modifier too.
func (d *doc) skipRefModifiers(s *sent, j int) (int, []string) {
	var countries []string
	for n := 0; j < s.b && n < refModMax; n++ {
		if k := d.backerEnd(s, j); k > j {
			j = k
			continue
		}
		if d.refModifier(s, j) || armedRefModifiers[d.low[j]] {
			j++
			continue
		}
		c, ok := d.demonymCountry(s, j)
		if !ok {
			break
		}
		countries = append(countries, c)
		j++
	}
	return j, countries
}

// refEntries returns the entries whose bare reference "the X" has a head X
// that head accepts.
func (d *doc) refEntries(head func(string) bool) []int {
	var ents []int
	for _, p := range d.lx.byFirst["the"] {
		if p.kind == formRef && len(p.toks) == 2 && head(p.toks[1].s) {
			ents = append(ents, p.entries...)
		}
	}
	return ents
}

// demonymCountry returns the country of the one-word demonym at j.
func (d *doc) demonymCountry(s *sent, j int) (string, bool) {
	if !d.toks[j].upper {
		return "", false
	}
	if e, ok := d.demonymAt(j); ok {
		return d.lx.entries[e].actor.Country, true
	}
	return "", false
}

// refModifier reports a word at j that may modify an organization's
// description: a number, a word of refModifiers, or a capitalised word
// that starts no actor's name here ("West", not "Russian").
func (d *doc) refModifier(s *sent, j int) bool {
	w := d.low[j]
	switch {
	case refModifiers[w]:
		return true
	case w != "" && w[0] >= '0' && w[0] <= '9':
		return true
	case d.toks[j].word && d.toks[j].upper:
		_, n := d.longestMatch(s, j, d.lx.byFirst[w], mention{ent: -1}, 0)
		return n == 0 && !d.isDemonym(s, j)
	}
	return false
}

// namesAt reports a word at j that may start a name: capitalised, the
// first word of a dictionary form ("al-Shabaab"), or "the" before a
// capitalised word ("the Islamic State").
func (d *doc) namesAt(j int) bool {
	if d.low[j] == "the" {
		return j+1 < len(d.toks) && d.toks[j+1].upper
	}
	return d.toks[j].upper || len(d.lx.byFirst[d.low[j]]) > 0
}
