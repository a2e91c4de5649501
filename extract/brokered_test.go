package extract

import "testing"

// TestBrokeredDeals checks that the broker of a deal engages each of its
// parties, the list that is the sentence's subject, in sentences written
// for this test.
func TestBrokeredDeals(t *testing.T) {
	runCases(t, []extractCase{
		{"a deal brokered by", "Kenya and Uganda signed a deal brokered by Qatar.", []string{"Kenya ENGAGES Uganda", "Qatar ENGAGES Kenya", "Qatar ENGAGES Uganda"}},
		{"an accord mediated by", "Chile and Peru ended their quarrel in an accord mediated by Brazil.", []string{"Brazil ENGAGES Chile", "Brazil ENGAGES Peru"}},
		{"which brokered the agreement", "Kenya and Uganda issued a communique on the pact with Qatar, which brokered the agreement.", []string{"Qatar ENGAGES Kenya", "Qatar ENGAGES Uganda"}},
		{"one party is no list", "Kenya signed a deal brokered by Qatar.", nil},
		{"negated", "Kenya and Uganda issued a communique on the pact with Qatar, which had not brokered the agreement.", nil},
	})
}
