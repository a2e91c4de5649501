package extract

import "testing"

// TestRegionRefs checks that "the Caribbean nation" names the last state
// of that region and "the European leaders" the actors of the region's
// people named last, in sentences written for this test.
func TestRegionRefs(t *testing.T) {
	met := "Turkish President Ali Demir met French President Emmanuel Macron and German Chancellor Olaf Scholz in Ankara. "
	runCases(t, []extractCase{
		{"a state by its region", "Cuba rejected the report. Chile urged the Caribbean nation to respect human rights.", []string{"Chile DEMANDS Cuba"}},
		{"the government of a region's state", "Cuba rejected the report. Chile urged the government of the Caribbean nation to free the prisoners.",
			[]string{"Chile DEMANDS Cuba"}},
		{"a region's leaders", met + "Later Demir accused the European leaders of bias.",
			[]string{"Turkey ENGAGES France", "Turkey ENGAGES Germany", "Turkey ACCUSES France", "Turkey ACCUSES Germany"}},
		{"one person is no leaders", "French President Emmanuel Macron arrived. Kenya accused the European leaders of bias.", nil},
		{"no state of the region", "Peru rejected the report. Chile urged the Caribbean nation to act.", nil},
	})
}
