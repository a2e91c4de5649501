package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// Ethnic and religious groups. CAMEO codes a people of a country as that
// country ("Iraqi Kurds" IRQ, "Hausa politicians" NGA), but no dictionary
// of ours names them: the Phoenix agents hold religions as roles only, and
// a group is not its state ("Bosnian Serbs" are not Serbia). A group is an
// actor of the text alone, named by its words, in three forms:
//
//   - a demonym before a group's name or another state's plural demonym:
//     "Iraqi Kurds", "Bosnian Serbs", "Sri Lankan Tamils", of the
//     demonym's country;
//   - a group's name before an agent or group noun: "Hausa politicians",
//     "Kurdish fighters", "Tamil rebels", of the group's home country
//     where it has one;
//   - a group's plural name alone: "the Kurds", "Shiites".

// ethnicGroup is one people or faith: the forms that name it, its name as
// an actor, and the country it lives in where it is one country's only.
type ethnicGroup struct {
	forms []string // lower-case adjective, singular and plural forms
	label string   // the actor's name: the plural
	home  string   // CAMEO country code, "" where several
}

// ethnicGroups are the peoples and faiths news names as sides of a
// conflict. A form that is also a state's demonym ("Tajik", "Uzbek") is
// left out: the demonym names the state.
var ethnicGroups = []ethnicGroup{
	{forms: []string{"kurd", "kurds", "kurdish"}, label: "Kurds"},
	{forms: []string{"serb", "serbs"}, label: "Serbs"},
	{forms: []string{"croat", "croats"}, label: "Croats"},
	{forms: []string{"hausa", "hausas"}, label: "Hausa", home: "NGA"},
	{forms: []string{"ibo", "ibos", "igbo", "igbos"}, label: "Igbo", home: "NGA"},
	{forms: []string{"yoruba", "yorubas"}, label: "Yoruba", home: "NGA"},
	{forms: []string{"fulani", "fulanis"}, label: "Fulani"},
	{forms: []string{"tutsi", "tutsis"}, label: "Tutsis"},
	{forms: []string{"hutu", "hutus"}, label: "Hutus"},
	{forms: []string{"tamil", "tamils"}, label: "Tamils"},
	{forms: []string{"sinhalese"}, label: "Sinhalese", home: "LKA"},
	{forms: []string{"pashtun", "pashtuns", "pushtun", "pushtuns"}, label: "Pashtuns"},
	{forms: []string{"hazara", "hazaras"}, label: "Hazaras", home: "AFG"},
	{forms: []string{"baluch", "baloch", "baluchis", "balochs"}, label: "Baluch"},
	{forms: []string{"uighur", "uighurs", "uyghur", "uyghurs"}, label: "Uighurs", home: "CHN"},
	{forms: []string{"rohingya", "rohingyas"}, label: "Rohingya", home: "MMR"},
	{forms: []string{"chechen", "chechens"}, label: "Chechens", home: "RUS"},
	{forms: []string{"abkhaz", "abkhazians"}, label: "Abkhaz", home: "GEO"},
	{forms: []string{"ossetian", "ossetians"}, label: "Ossetians"},
	{forms: []string{"berber", "berbers"}, label: "Berbers"},
	{forms: []string{"tuareg", "tuaregs"}, label: "Tuareg"},
	{forms: []string{"kikuyu", "kikuyus"}, label: "Kikuyu", home: "KEN"},
	{forms: []string{"kalenjin", "kalenjins"}, label: "Kalenjin", home: "KEN"},
	{forms: []string{"zulu", "zulus"}, label: "Zulus", home: "ZAF"},
	{forms: []string{"ndebele"}, label: "Ndebele", home: "ZWE"},
	{forms: []string{"shona"}, label: "Shona", home: "ZWE"},
	{forms: []string{"dinka", "dinkas"}, label: "Dinka"},
	{forms: []string{"nuer", "nuers"}, label: "Nuer"},
	{forms: []string{"copt", "copts", "coptic"}, label: "Copts", home: "EGY"},
	{forms: []string{"maronite", "maronites"}, label: "Maronites", home: "LBN"},
	{forms: []string{"druze"}, label: "Druze"},
	{forms: []string{"alawite", "alawites"}, label: "Alawites", home: "SYR"},
	{forms: []string{"shiite", "shiites", "shia", "shias", "shi'ite", "shi'ites"}, label: "Shiites"},
	{forms: []string{"sunni", "sunnis"}, label: "Sunnis"},
	{forms: []string{"moslem", "moslems", "muslim", "muslims"}, label: "Muslims"},
	{forms: []string{"christian", "christians"}, label: "Christians"},
	{forms: []string{"hindu", "hindus"}, label: "Hindus"},
	{forms: []string{"buddhist", "buddhists"}, label: "Buddhists"},
	{forms: []string{"jew", "jews", "jewish"}, label: "Jews"},
}

// groupNouns after a group's name make it a side acting as one, beside the
// Phoenix agent nouns: "Ibo elders", "Shiite leaders".
var groupNouns = set("elders", "leaders", "leader", "community", "communities", "groups", "militia", "militias",
	"fighters", "population", "minority", "villagers", "separatists", "clans", "tribes", "tribesmen",
	"parties", "politicians", "forces", "guerrillas", "insurgents", "representatives", "delegates")

// groupModifiers may stand between a group's name and its noun: "Ibo
// traditional elders".
var groupModifiers = set("traditional", "religious", "tribal", "community", "local", "armed", "political", "ethnic")

// ethnicForms indexes ethnicGroups by form.
var ethnicForms = func() map[string]*ethnicGroup {
	m := map[string]*ethnicGroup{}
	for i := range ethnicGroups {
		for _, f := range ethnicGroups[i].forms {
			m[f] = &ethnicGroups[i]
		}
	}
	return m
}()

// ethnicAt makes the mention of an ethnic or religious group at token i,
// where the dictionary matched nothing; ok is false where none stands
// there.
func (d *doc) ethnicAt(s *sent, i int) (mention, bool) {
	if !d.toks[i].upper {
		return mention{}, false
	}
	if st := d.stateWordAt(s, i); st >= 0 {
		return d.demonymGroup(s, i, st)
	}
	g, ok := ethnicForms[d.low[i]]
	if !ok {
		return mention{}, false
	}
	if end, ok := d.groupNounAfter(s, i+1); ok {
		return d.groupMention(i, end, g.label, g.home), true
	}
	if isPluralForm(g, d.low[i]) {
		return d.groupMention(i, i+1, g.label, g.home), true
	}
	return mention{}, false
}

// isPluralForm reports whether w names group g in the plural, as a noun
// of its own ("the Kurds", "Shiites"), not as an adjective ("Kurdish").
func isPluralForm(g *ethnicGroup, w string) bool {
	return strings.HasSuffix(w, "s") && w != g.forms[0]
}

// demonymGroup makes the mention of a group of state st's people at token
// i: a demonym before a group's name or another state's plural demonym
// ("Iraqi Kurds", "Bosnian Serbs").
func (d *doc) demonymGroup(s *sent, i, st int) (mention, bool) {
	j := i + 1
	if j < s.b && d.low[j] == "ethnic" {
		j++
	}
	if j >= s.b || !d.toks[j].upper {
		return mention{}, false
	}
	_, group := ethnicForms[d.low[j]]
	other := d.stateWordAt(s, j)
	if !group && (other < 0 || other == st || !strings.HasSuffix(d.low[j], "s")) {
		return mention{}, false
	}
	end := j + 1
	if e, ok := d.groupNounAfter(s, end); ok {
		end = e
	}
	label := d.tok(i) + " " + d.tok(j)
	if g, ok := ethnicForms[d.low[j]]; ok {
		label = d.tok(i) + " " + g.label
	}
	return d.groupMention(i, end, label, d.actor(st).Country), true
}

// groupNounAfter returns the end of an agent or group noun at token j,
// after at most one modifier.
func (d *doc) groupNounAfter(s *sent, j int) (int, bool) {
	if j < s.b && groupModifiers[d.low[j]] {
		j++
	}
	if j >= s.b {
		return 0, false
	}
	if groupNouns[d.low[j]] {
		return j + 1, true
	}
	if role, end := d.agentAt(s, j); role != "" {
		return end, true
	}
	return 0, false
}

// groupMention makes the mention of the group named label at tokens
// [from, to), an actor of this text of country home.
func (d *doc) groupMention(from, to int, label, home string) mention {
	a := stance.Actor{Name: label, ID: stance.ActorID(label), Kind: stance.KindOther, Country: home}
	return mention{from: from, to: to, ent: d.addExtra(a), kind: formAlias, code: home}
}
