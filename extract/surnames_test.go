package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestLeaderGovernments checks a leader's surname before "administration",
// "government" or "regime" as the leader's state, at any date, in
// sentences written for this test.
func TestLeaderGovernments(t *testing.T) {
	in, after := graph.NewDate(2005, 1, 1), graph.NewDate(2019, 1, 1)
	runCodedCases(t, []codedCase{
		{"administration in office", in, "Kenya praised the Blair government.", "Kenya/KEN SUPPORTS United Kingdom/GBRGOV"},
		{"administration as subject", in, "The Mugabe government accused Zambia of meddling.", "Zimbabwe/ZWEGOV ACCUSES Zambia/ZMB"},
		{"a past leader's government is still the state's", after, "Kenya praised the Blair government.", "Kenya/KEN SUPPORTS United Kingdom/GBRGOV"},
		{"no government noun", in, "Kenya praised Blair.", ""},
		{"a first name of no leader before the surname", in, "Kenya praised the Anna Blair government.", ""},
	})
}

// TestBareSurnames checks a surname standing alone, in sentences written
// for this test: it names the dictionary's person when every person of
// that surname is of one country, in office as the state and out of it as
// a side of the country, and nothing when it may be part of another name
// or is a common given name.
func TestBareSurnames(t *testing.T) {
	d := graph.NewDate(2005, 1, 1)
	runCodedCases(t, []codedCase{
		{"in office", d, "Mugabe praised Zambia.", "Zimbabwe/ZWEGOV SUPPORTS Zambia/ZMB"},
		{"out of office", d, "Yeltsin praised Japan.", "Russian elites/RUSELI SUPPORTS Japan/JPN"},
		{"as object", d, "Zambia criticised Mugabe.", "Zambia/ZMB ACCUSES Zimbabwe/ZWEGOV"},
		{"another name's part", d, "Zambia criticised Anna Mugabe.", ""},
		{"a common given name", d, "Zambia criticised Ahmed.", ""},
	})
}

// TestBodyNamesAreNoSurnames checks that the last word of a body's name
// in the people's tables ("an Assembly of Experts") is no surname, in
// sentences written for this test.
func TestBodyNamesAreNoSurnames(t *testing.T) {
	runCases(t, []extractCase{
		{"a plural at a sentence's start", "Experts met Kenya.", nil},
		{"after whether", "Experts doubt that the United States will agree.", nil},
	})
}
