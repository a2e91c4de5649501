package extract

import "testing"

// TestPartsOfStates checks a state's part that another actor holds, in
// sentences written for this test: the holder is the actor named.
func TestPartsOfStates(t *testing.T) {
	runCases(t, []extractCase{
		{"breakaway region of", "Kenya criticized Georgia's breakaway region of Abkhazia.", []string{"Kenya ACCUSES Abkhazia"}},
		{"in a list", "Russia rejected a deal between Turkey and Cyprus's breakaway state of Northern Cyprus.", []string{"Russia REJECTS Turkey", "Russia REJECTS Northern Cyprus"}},
		{"a region no actor holds", "Kenya criticized Ethiopia's region of Tigray.", []string{"Kenya ACCUSES Ethiopia"}},
		{"a state's two-word name", "Kenya criticized South Korea's president.", []string{"Kenya ACCUSES South Korea"}},
	})
}

// TestObjectBeforeAs checks that a verb's object ends at "as", in
// sentences written for this test: what "as" introduces describes the
// object and is not it.
func TestObjectBeforeAs(t *testing.T) {
	runCases(t, []extractCase{
		{"a person as a state's leader", "Mexico recognized Pedro Castillo as Peru's lawful leader.", nil},
		{"an actor as", "Kenya recognized Somaliland as a state.", []string{"Kenya SUPPORTS Somaliland"}},
		{"as well as", "Kenya welcomed the plan as well as Uganda's offer.", []string{"Kenya SUPPORTS Uganda"}},
	})
}

// TestRecognizedAsHostile checks recognition with a hostile label, in
// sentences written for this test: it accuses, and a land labelled
// occupied accuses its occupier.
func TestRecognizedAsHostile(t *testing.T) {
	runCases(t, []extractCase{
		{"as a terrorist state", "Kenya recognized Uganda as a terrorist state.", []string{"Kenya ACCUSES Uganda"}},
		{"occupied by", "The African Union recognized Abkhazia as a territory occupied by Russia.", []string{"African Union ACCUSES Russia"}},
		{"as a partner", "Kenya recognized Uganda as a trusted partner.", []string{"Kenya SUPPORTS Uganda"}},
		{"as occupied territory", "Kenya recognized Abkhazia as occupied territory.", []string{"Kenya ACCUSES Abkhazia"}},
		{"as a victim", "Kenya recognized Uganda as a victim of aggression.", []string{"Kenya SUPPORTS Uganda"}},
	})
}

// TestConsideredLabels checks "considers X Y" as a label, in sentences
// written for this test: the dictionary's consultation it is not.
func TestConsideredLabels(t *testing.T) {
	runCases(t, []extractCase{
		{"considers X a threat", "Turkey considers Greece a threat.", []string{"Turkey ACCUSES Greece"}},
		{"which X considers terrorists", "Greece arrested Kurdish militants, which Ankara considers terrorists.", []string{"Turkey ACCUSES Kurds"}},
		{"considered a proposal", "Turkey considered Greece's proposal.", nil},
		{"considers a dispute with X", "Turkey considers the border dispute with Greece a dangerous distraction.", nil},
		{"considers X a victim", "Turkey considers Greece a victim of terrorism.", nil},
		{"considers X a friend", "Turkey considers Greece a friend.", nil},
	})
}
