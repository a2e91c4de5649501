package extract

import "testing"

// TestCapitalsNameGovernments checks capitals and seats of government the
// dictionary lacked as names of their state or government, a capital
// after a locative preposition as a place, and Gaza, a territory whose
// administration is no state, as no actor, in sentences written for this
// test.
func TestCapitalsNameGovernments(t *testing.T) {
	runCases(t, []extractCase{
		{"Khartoum", "Khartoum accused Chad of backing the rebels.", []string{"Sudan ACCUSES Chad"}},
		{"Doha", "Doha urged Israel to accept the truce.", []string{"Qatar DEMANDS Israel"}},
		{"Ramallah", "Ramallah rejected the plan of the United States.", []string{"Palestinian Authority REJECTS United States"}},
		{"Bonn, seat of government until 1999", "Bonn urged Zagreb to end the fighting.", []string{"Germany DEMANDS Croatia"}},
		{"Rangoon", "Rangoon accused Thailand of sheltering the rebels.", []string{"Myanmar ACCUSES Thailand"}},
		{"a capital after in is a place", "Sudan and Chad met in Khartoum.", []string{"Sudan ENGAGES Chad"}},
		{"Gaza names no actor", "Gaza accused Israel of violating the truce.", nil},
	})
}
