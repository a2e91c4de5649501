package extract

import "testing"

// TestPlacedBlameAndAssurances checks blame placed on an actor and
// guarantees demanded that actors act, in sentences written for this
// test.
func TestPlacedBlameAndAssurances(t *testing.T) {
	runCases(t, []extractCase{
		{"placed the blame on", "Kenya placed the blame on Uganda for the border closure.", []string{"Kenya ACCUSES Uganda"}},
		{"placing direct responsibility on", "Kenya denounced the raids, placing direct responsibility on Uganda.", []string{"Kenya ACCUSES Uganda"}},
		{"put the blame squarely on", "The Kenyan government put the blame squarely on the Somali rebels.", []string{"Kenya ACCUSES Somali rebels"}},
		{"no blame placed", "Kenya said the blame lies elsewhere.", nil},
		{"guarantees that", "Kenya wants written guarantees that Uganda will cut its army and that the US will close its base.",
			[]string{"Kenya DEMANDS Uganda", "Kenya DEMANDS United States"}},
		{"assurances sought", "Kenya sought assurances that Uganda would respect the border.", []string{"Kenya DEMANDS Uganda"}},
		{"assurances given", "Kenya gave assurances that Uganda would be consulted.", nil},
	})
}
