package extract

import "testing"

// TestTalksVenues checks that a venue between a talks noun and its
// "between" keeps the parties, in sentences written for this test.
func TestTalksVenues(t *testing.T) {
	runCases(t, []extractCase{
		{"a city", "The talks in Geneva between Kenya and Uganda lasted six hours.", []string{"Kenya ENGAGES Uganda"}},
		{"titled parties", "Talks in Geneva between Kenyan President William Ruto and Ugandan Prime Minister John Okello ended late.", []string{"Kenya ENGAGES Uganda"}},
		{"a described city", "A summit in the Swiss city of Geneva between Kenya and Uganda was held.", []string{"Kenya ENGAGES Uganda"}},
		{"a time and a city", "Talks on Monday in Nairobi between Ghana and Togo were brief.", []string{"Ghana ENGAGES Togo"}},
		{"no talks noun", "The border in Geneva between Kenya and Uganda is long.", nil},
		{"a lower-case place", "Talks in the hills between Kenya and Uganda, he said, were invented.", nil},
	})
}

// TestTalksHostsAndTopics checks a topic between a talks noun and its
// "between", a host named after the talks, and a later facilitator of
// them, in sentences written for this test.
func TestTalksHostsAndTopics(t *testing.T) {
	runCases(t, []extractCase{
		{"a topic", "Talks over grazing rights between envoys of Kenya and Uganda opened on Monday.", []string{"Kenya ENGAGES Uganda"}},
		{"a time is no topic", "Talks on Monday between Kenya and Uganda ended.", []string{"Kenya ENGAGES Uganda"}},
		{"a host after a venue", "Last month's talks between the Kenyan and Ugandan trade ministers in Accra, hosted by Ghanaian President John Mahama, ended without a deal.",
			[]string{"Kenya ENGAGES Uganda", "Ghana ENGAGES Kenya", "Ghana ENGAGES Uganda"}},
		{"a later facilitator", "Talks between Kenya and Uganda began in Nairobi. Ghana and Togo have facilitated the current negotiations on a truce.",
			[]string{"Kenya ENGAGES Uganda", "Ghana ENGAGES Kenya", "Ghana ENGAGES Uganda", "Togo ENGAGES Kenya", "Togo ENGAGES Uganda"}},
		{"no talks", "The border between Kenya and Uganda, patrolled by Ghana, is long.", nil},
	})
}
