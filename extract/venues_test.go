package extract

import "testing"

// TestTalksVenues checks that a venue between a talks noun and its
// "between" keeps the parties, in sentences written for this test.
func TestTalksVenues(t *testing.T) {
	runCases(t, []extractCase{
		{"a city", "After six hours of talks in Geneva between Kenya and Uganda, the parties did not agree.", []string{"Kenya ENGAGES Uganda"}},
		{"titled parties", "Talks in Geneva between Kenyan President William Ruto and Ugandan Prime Minister John Okello ended late.", []string{"Kenya ENGAGES Uganda"}},
		{"a described city", "A summit in the Swiss city of Geneva between Kenya and Uganda was held.", []string{"Kenya ENGAGES Uganda"}},
		{"a time and a city", "Talks on Monday in Nairobi between Ghana and Togo were brief.", []string{"Ghana ENGAGES Togo"}},
		{"no talks noun", "The border in Geneva between Kenya and Uganda is long.", nil},
		{"a lower-case place", "Talks in the hills between Kenya and Uganda, he said, were invented.", nil},
	})
}
