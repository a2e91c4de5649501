package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestUnknownOrganizations checks organizations no dictionary holds, in
// sentences written for this test: a run of capitalised words ending in
// an organization's head noun is an actor of the text, of the country a
// state's name or demonym opening it names; a state's own bodies stay
// the state.
func TestUnknownOrganizations(t *testing.T) {
	d := graph.NewDate(2010, 1, 1)
	runCodedCases(t, []codedCase{
		{"forum as subject", d, "The Global Rivers Forum said that Kenya must stop the dam.", "Global Rivers Forum/ DEMANDS Kenya/KEN"},
		{"opened by a state's name", d, "Uganda praised the Kenya Anti-Corruption Commission.", "Uganda/UGA SUPPORTS Kenya Anti-Corruption Commission/KEN"},
		{"opened by a demonym", d, "Kenya accused the Rwandan Patriotic Front of shelling the border.", "Kenya/KEN ACCUSES Rwandan Patriotic Front/RWA"},
		{"its officials are its own", d, "Kenya Farmers Association officials urged Uganda to open the market.", "Kenya Farmers Association/KEN DEMANDS Uganda/UGA"},
		{"armed group", d, "The Ogoni Liberation Army accused Nigeria of shelling the villages.", "Ogoni Liberation Army/ ACCUSES Nigeria/NGA"},
		{"a state's ministry is the state", d, "The Kenyan Foreign Ministry accused Uganda of fraud.", "Kenya/KENGOV ACCUSES Uganda/UGA"},
		{"one word is no name", d, "The Forum accused Uganda of fraud.", ""},
		{"a sentence opener is no name", d, "Under the Nile Basin Commission, Uganda accused Kenya of fraud.", "Uganda/UGA ACCUSES Kenya/KEN"},
		{"a state's name before a body of the state", d, "Kenya praised the Uganda Assembly.", "Kenya/KEN SUPPORTS Uganda/UGA"},
	})
}

// TestReportVerbsConclude checks more verbs of reported speech carrying a
// demand, in sentences written for this test.
func TestReportVerbsConclude(t *testing.T) {
	runCases(t, []extractCase{
		{"head opens the name", "The Alliance of Coastal States blamed Ghana.", []string{"Alliance of Coastal States ACCUSES Ghana"}},
		{"a state's council", "The Council of Ministers of Togo condemned Ghana.", []string{"Togo ACCUSES Ghana"}},
		{"a state's congress", "The Congress of Peru condemned Chile.", []string{"Peru ACCUSES Chile"}},
		{"head opens, then for", "The Coalition for Democratic Change praised Ghana.", []string{"Coalition for Democratic Change SUPPORTS Ghana"}},
		{"concluded that must", "Kenya concluded on Saturday that Uganda must withdraw its troops.", []string{"Kenya DEMANDS Uganda"}},
		{"reaffirmed that must", "Kenya reaffirmed that Uganda must withdraw its troops.", []string{"Kenya DEMANDS Uganda"}},
	})
}

// TestOfPhraseSubject checks a subject whose noun phrase an "of" phrase
// follows, in sentences written for this test: the actor before "of"
// speaks, unless the noun before "of" is no actor's.
func TestOfPhraseSubject(t *testing.T) {
	runCases(t, []extractCase{
		{"sides of a region of a state", "The Kenyan and Ugandan sides of the divided Lake Victoria region of Tanzania agreed to share intelligence.",
			[]string{"Kenya OFFERS Uganda", "Uganda OFFERS Kenya"}},
		{"president of a state", "The president of Kenya accused Uganda of fraud.", []string{"Kenya ACCUSES Uganda"}},
		{"an apposition is no of phrase", "Kenya, a neighbour of Tanzania, accused Uganda of fraud.", []string{"Kenya ACCUSES Uganda"}},
	})
}

// TestDefinedAcronyms checks an acronym the text gives an actor in
// parentheses, and a name longer than a dictionary alias it opens, in
// sentences written for this test.
func TestDefinedAcronyms(t *testing.T) {
	d := graph.NewDate(2010, 1, 1)
	runCodedCases(t, []codedCase{
		{"acronym of a text's organization", d, "The Kenya Dairy Forum (KDF) met on Monday. Later the KDF urged Uganda to open the market.",
			"Kenya Dairy Forum/KEN DEMANDS Uganda/UGA"},
		{"acronym of a dictionary actor", d, "The Armed Forces of National Resistance (AFNR) met. The AFNR urged Peru to free the prisoners.",
			"Armed Forces of National Resistance/SLVREB DEMANDS Peru/PER"},
		{"lower case is no acronym", d, "The Kenya Dairy Forum (KDF) met on Monday. Later the Kdf urged Uganda to open the market.", ""},
		{"our acronym in title case", d, "Nato urged Serbia to withdraw.", "NATO/IGOWSTNAT DEMANDS Serbia/SRB"},
		{"a short acronym in title case is a word", d, "Who urged Serbia to withdraw?", ""},
		{"a longer name than an armed group's alias", d, "The National Resistance Front accused Peru of torture.", "National Resistance Front/ ACCUSES Peru/PER"},
	})
}
