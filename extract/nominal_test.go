package extract

import "testing"

// TestNominalStances checks stances named by a noun of attitude after a
// verb of expression, in sentences written for this test.
func TestNominalStances(t *testing.T) {
	runCases(t, []extractCase{
		{"absolute rejection of", "Peru expressed its absolute rejection of Chile's declaration.", []string{"Peru REJECTS Chile"}},
		{"total opposition to", "Peru voiced its total opposition to the Chilean plan.", []string{"Peru REJECTS Chile"}},
		{"dismay at", "Peru expressed dismay at Chile.", []string{"Peru ACCUSES Chile"}},
		{"displeasure with", "Kenya expressed displeasure with Uganda.", []string{"Kenya ACCUSES Uganda"}},
		{"anger at a state", "Kenya voiced anger at Uganda.", []string{"Kenya ACCUSES Uganda"}},
		{"modifiers", "Chile expressed its deep disapproval of the Peruvian decision.", []string{"Chile ACCUSES Peru"}},
		{"opposition to a plan", "Kenya expressed opposition to Uganda's plan.", []string{"Kenya REJECTS Uganda"}},
		{"gratitude", "Nepal expressed gratitude to India for its help.", []string{"Nepal SUPPORTS India"}},
		{"paid tribute", "Kenya paid tribute to Uganda.", []string{"Kenya SUPPORTS Uganda"}},
		{"negated", "Kenya did not express anger at Uganda.", nil},
		{"no actor", "Kenya expressed anger at the weather.", nil},
		{"a noun of no attitude", "Kenya expressed interest in Uganda.", nil},
	})
}

// TestNominalContempt checks contempt, disdain and scorn expressed for an
// actor, in sentences written for this test.
func TestNominalContempt(t *testing.T) {
	runCases(t, []extractCase{
		{"contempt for", "Kenya has expressed contempt for Uganda.", []string{"Kenya ACCUSES Uganda"}},
		{"open disdain for", "Kenya's president voiced his disdain for the Ugandan government.", []string{"Kenya ACCUSES Uganda"}},
		{"contempt not expressed", "Kenya denied any contempt for Uganda.", nil},
	})
}

// TestNominalDisappointment checks disappointment and shock voiced at an
// actor's act, and degrees a shared stance takes, in sentences written
// for this test.
func TestNominalDisappointment(t *testing.T) {
	runCases(t, []extractCase{
		{"disappointment at a demonym's act", "Chile voiced disappointment at recent Peruvian airstrikes.", []string{"Chile ACCUSES Peru"}},
		{"shock at", "Chile expressed shock at Peru's declaration.", []string{"Chile ACCUSES Peru"}},
		{"shared opposition", "Chile and Bolivia reiterated their shared opposition to the Peruvian plan.", []string{"Chile REJECTS Peru", "Bolivia REJECTS Peru"}},
		{"shock at the killing of", "Chile expressed shock at the killing of Peruvian soldiers.", nil},
		{"opposition with a partner", "Chile expressed its shared opposition with Bolivia to the plan.", nil},
	})
}
