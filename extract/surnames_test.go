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
