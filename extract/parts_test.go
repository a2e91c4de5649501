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
