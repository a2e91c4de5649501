package extract

import "testing"

// TestSpokeOfWrongs checks, in sentences written for this test, that
// speaking of or pointing to an actor's wrongs accuses it, and that
// neutral acts, negation and the speaker's own acts do not.
func TestSpokeOfWrongs(t *testing.T) {
	runCases(t, []extractCase{
		{"possessive, quoted modifiers", "The Georgian delegation spoke of Russia\u2019s \u201cincreased provocations\u201d against Georgia.", []string{"Georgia ACCUSES Russia"}},
		{"by after an of-phrase", "Armenia pointed to violations of the ceasefire by Azerbaijan.", []string{"Armenia ACCUSES Azerbaijan"}},
		{"underlined, in a with-clause", "The migration was part of the talks, with Kyriakos Mitsotakis underlining Turkey's violations of the statement.", []string{"Greece ACCUSES Turkey"}},
		{"decried, its own airspace", "Greece decried violations of its airspace by Turkey.", []string{"Greece ACCUSES Turkey"}},
		{"not a wrong", "Georgia spoke of Russia's proposal.", nil},
		{"negated", "Georgia did not speak of Russia's provocations.", nil},
		{"its own", "Russia spoke of Russia's provocations.", nil},
		{"discontent", "Sudan expressed its discontent with Egypt.", []string{"Sudan ACCUSES Egypt"}},
		{"a letter after a hyphen ends a name", "The Sudanese government criticised the SPLM-N. Egypt agreed.", []string{"Sudan ACCUSES SPLM-N"}},
	})
}

// TestStateAsActor checks, in sentences written for this test, that "the
// Russian state" before its verb is Russia and "Russian state media" is
// no actor.
func TestStateAsActor(t *testing.T) {
	runCases(t, []extractCase{
		{"the state is behind", "Britain says the Russian state is behind the poisoning.", []string{"United Kingdom ACCUSES Russia"}},
		{"state media", "Russian state media said the drills were a provocation.", nil},
	})
}

// TestReportedWrongs checks, in sentences written for this test, that a
// wrong an actor attempts or does through its moves, in what a speaker
// says, accuses the actor, and that a modal or negated act does not.
func TestReportedWrongs(t *testing.T) {
	runCases(t, []extractCase{
		{"trying to derail", "Armenia said Azerbaijan is trying to derail the talks.", []string{"Armenia ACCUSES Azerbaijan"}},
		{"its moves undermine", "Armenia said Azerbaijan's moves undermine the peace process.", []string{"Armenia ACCUSES Azerbaijan"}},
		{"its forces attacked", "Armenia said Azerbaijan's forces attacked the villages.", []string{"Armenia ACCUSES Azerbaijan"}},
		{"steps taken by", "Armenia said the steps taken by Azerbaijan undermine stability in the region.", []string{"Armenia ACCUSES Azerbaijan"}},
		{"its own, negated", "Armenia said it would not undermine the talks.", nil},
	})
}

// TestRebukesAndDegrees checks, in sentences written for this test,
// rebukes in return ("hit back at X"), a degree of manner between a verb
// and its object, and what the accused said after "for saying".
func TestRebukesAndDegrees(t *testing.T) {
	runCases(t, []extractCase{
		{"hit back at a capital", "Beijing hit back at Washington over the tariffs.", []string{"China ACCUSES United States"}},
		{"lashed back at", "Beijing lashed back at Washington over the tariffs.", []string{"China ACCUSES United States"}},
		{"in strong terms", "Qatar condemned in strong terms Israel's raid on Jenin.", []string{"Qatar ACCUSES Israel"}},
		{"in the strongest possible terms, commas", "Qatar condemned, in the strongest possible terms, the Israeli raid.", []string{"Qatar ACCUSES Israel"}},
		{"in terms of is no degree", "Qatar spoke in terms of peace with Israel.", nil},
		{"for saying", "Kenya criticised Uganda for saying Tanzania must close the border.", []string{"Kenya ACCUSES Uganda", "Uganda DEMANDS Tanzania"}},
	})
}

// TestStateActsInPlace checks, in sentences written for this test, that a
// crackdown condemned "in" a state is its rulers' act, and that an attack
// or violence there is nobody's named act.
func TestStateActsInPlace(t *testing.T) {
	runCases(t, []extractCase{
		{"the crackdown in", "The Organization of American States condemned the crackdown in Nicaragua.",
			[]string{"Organization of American States ACCUSES Nicaragua"}},
		{"violence in", "The EU condemned the violence in Nicaragua.", nil},
		{"an attack in a capital", "The UN condemned the attack in Kabul.", nil},
	})
}
