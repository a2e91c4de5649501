package extract

import "testing"

// TestDeliveredDemands checks that a list of demands or a note of protest
// handed over demands of or accuses its addressee, after "to" or as the
// indirect object, with a participle of demand after the note read as
// the deliverer's, and that another act's demands and a passive state
// nothing, in sentences written for this test.
func TestDeliveredDemands(t *testing.T) {
	runCases(t, []extractCase{
		{"list of demands to", "Benin delivered a list of demands to Ghana.", []string{"Benin DEMANDS Ghana"}},
		{"indirect object", "Togo handed Ghana a list of demands.", []string{"Togo DEMANDS Ghana"}},
		{"demands through a mediator", "Benin delivered its demands to Ghana through Togo on Monday.", []string{"Benin DEMANDS Ghana"}},
		{"protest note", "Togo sent a protest note to Ghana.", []string{"Togo ACCUSES Ghana"}},
		{"note of protest to the envoy", "Togo handed the Ghanaian ambassador a note of protest.", []string{"Togo ACCUSES Ghana"}},
		{"participle of demand after the note", `Togo handed Ghanaian envoy Kofi Mensah Boateng a "strongly worded note of protest" urging its neighbour to end the raids.`,
			[]string{"Togo ACCUSES Ghana", "Togo DEMANDS Ghana"}},
		{"another act's demands", "Togo sent troops to Ghana to press its demands.", nil},
		{"passive, no deliverer", "The Ghanaian ambassador was handed a note of protest.", nil},
	})
}

// TestPassiveSummons checks that an envoy summoned or called in to a
// ministry engages the ministry's state with the envoy's, that a note of
// protest handed to the envoy there accuses it, and that a summons to
// anything else states nothing, in sentences written for this test.
func TestPassiveSummons(t *testing.T) {
	runCases(t, []extractCase{
		{"demonym envoy, ministry's demonym", "The Ghanaian ambassador was summoned to the Togolese foreign ministry.", []string{"Togo ENGAGES Ghana"}},
		{"possessive envoy, called in", "Ghana's ambassador was called in to the Togolese foreign ministry.", []string{"Togo ENGAGES Ghana"}},
		{"envoy of, ministry of", "The ambassador of Ghana to Togo was summoned to the Ministry of Foreign Affairs of Togo.", []string{"Togo ENGAGES Ghana"}},
		{"called into, note handed", "The ambassador of Ghana to Togo was called into the Ministry of Foreign Affairs of Togo, where he was handed a note of protest.",
			[]string{"Togo ACCUSES Ghana", "Togo ENGAGES Ghana"}},
		{"the Kyrgyz Republic", "The ambassador of Ghana was summoned to the Ministry of Foreign Affairs of the Kyrgyz Republic.", []string{"Kyrgyzstan ENGAGES Ghana"}},
		{"a meeting, no ministry", "The Ghanaian ambassador was summoned to a meeting in Togo.", nil},
		{"called to something else", "The Ghanaian ambassador was called to the bar.", nil},
	})
}
