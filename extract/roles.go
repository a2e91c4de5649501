package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// roleActor is a side of a country that is not its state: "Rwandan
// rebels", "the Zimbabwean opposition". CAMEO codes such a side with the
// country and a role (RWAREB, ZWEOPP), never as the state itself, so a
// demonym or country name before one of its nouns names an actor of its
// own rather than the state.
type roleActor struct {
	label string           // the canonical name's noun: "Rwandan rebels"
	role  string           // CAMEO role code
	kind  stance.ActorKind // the actor's kind
	nouns []string         // nouns after the demonym or country that name it
	refs  []string         // descriptions that refer back to it once named
}

// roleActors are the sides every state with a demonym gets.
var roleActors = []roleActor{
	{label: "rebels", role: "REB", kind: stance.KindArmedGroup,
		nouns: []string{"rebels", "rebel", "rebel groups", "rebel leaders", "rebel forces", "rebel fighters", "rebel commanders",
			"insurgents", "guerrillas", "guerrilla"},
		refs: []string{"the rebels", "the rebel group", "the insurgents", "the guerrillas"}},
	{label: "opposition", role: "OPP", kind: stance.KindOther,
		nouns: []string{"opposition", "opposition groups", "opposition parties", "opposition leaders", "opposition politicians"},
		refs:  []string{"the opposition"}},
	// A junta is not the state it seized: its neighbours and blocs
	// suspend the state and deal with the junta.
	{label: "junta", role: "MIL", kind: stance.KindGovernment,
		nouns: []string{"junta", "military junta", "putschists", "coup leaders", "coup plotters"},
		refs:  []string{"the junta", "the military junta", "the putschists", "the coup leaders", "the coup plotters"}},
}

// addRoleActors gives every state of the dictionary its role actors
// (before the forms are compiled, which compiles theirs too),
// unless the dictionary already holds one by that name ("Venezuelan
// opposition"). A form the dictionary already holds ("Houthi rebels")
// keeps its actor.
func (lx *lexicon) addRoleActors() {
	n := len(lx.entries)
	govDemonyms := lx.governmentDemonyms()
	for i := 0; i < n; i++ {
		e := lx.entries[i]
		if e.actor.Kind != stance.KindState || e.actor.Country == "" {
			continue
		}
		if len(e.demonyms) == 0 && len(govDemonyms[e.actor.Country]) > 0 {
			// "Afghan" belongs to the Kabul government, which ended; the
			// country's rebels and opposition are Afghan all the same.
			// Its agents are not added: its people out of office speak
			// for no side ("Ashraf Ghani" after 2021 names no one).
			c := *e
			c.demonyms = govDemonyms[e.actor.Country]
			for _, r := range roleActors {
				lx.addRoleActor(&c, r)
			}
			continue
		}
		if len(e.demonyms) == 0 {
			continue
		}
		for _, r := range roleActors {
			lx.addRoleActor(e, r)
		}
		for _, r := range agentRoleActors {
			lx.addRoleActor(e, r)
		}
	}
}

// governmentDemonyms returns by country the demonyms the dictionary
// gives a government rather than its state.
func (lx *lexicon) governmentDemonyms() map[string][]string {
	out := map[string][]string{}
	for _, e := range lx.entries {
		if e.actor.Kind == stance.KindGovernment && e.actor.Country != "" {
			out[e.actor.Country] = append(out[e.actor.Country], e.demonyms...)
		}
	}
	return out
}

// addRoleActor adds role r of state e as an actor with its forms.
func (lx *lexicon) addRoleActor(e *entry, r roleActor) {
	name := e.demonyms[0] + " " + r.label
	if _, taken := lx.names[stance.NormalizeName(name)]; taken {
		return
	}
	a := stance.Actor{ID: stance.ActorID(name), Name: name, Kind: r.kind, Country: e.actor.Country, Code: e.actor.Country + r.role}
	for _, form := range roleForms(e, r) {
		if _, taken := lx.names[stance.NormalizeName(form)]; !taken && form != name {
			a.Aliases = append(a.Aliases, form)
		}
	}
	lx.names[stance.NormalizeName(name)] = len(lx.entries)
	for _, form := range a.Aliases {
		// "Niger junta" in a gold file is the "Nigerien junta".
		lx.names[stance.NormalizeName(form)] = len(lx.entries)
	}
	lx.entries = append(lx.entries, &entry{actor: a, refs: r.refs})
	lx.next = append(lx.next, -1)
}

// roleForms are the names of role r of state e: its nouns after a
// demonym or a name of the state ("Rwandan rebels", "Ivory Coast
// rebels"), and before "in" and the state's name ("rebels in the Ivory
// Coast", "opposition groups in Zimbabwe").
func roleForms(e *entry, r roleActor) []string {
	names := append([]string{e.actor.Name}, e.actor.Aliases...)
	var out []string
	for _, noun := range r.nouns {
		for _, h := range e.demonyms {
			out = append(out, h+" "+noun)
		}
		for _, h := range names {
			out = append(out, h+" "+noun, noun+" in "+h, noun+" in the "+h)
		}
	}
	return out
}

// pluralDemonym is the plural of a demonym naming the people of a state,
// which CAMEO codes as the state ("the Palestinians" PSE): "Israeli" ->
// "Israelis", "Afghan" -> "Afghans". Demonyms whose plural is the same
// word or irregular ("Chinese", "French", "Swiss") have none.
func pluralDemonym(d string) string {
	switch {
	case strings.Contains(d, " "), strings.Contains(d, "-"):
		return ""
	case strings.HasSuffix(d, "an"), strings.HasSuffix(d, "i"), strings.HasSuffix(d, "ian"):
		return d + "s"
	}
	return ""
}
