package extract

import "testing"

// TestPressureResisted checks that acting despite another's pressure,
// resisting, ignoring or refusing to bow to it rejects the presser, in
// sentences written for this test.
func TestPressureResisted(t *testing.T) {
	runCases(t, []extractCase{
		{"despite pressure from", "Kenya kept its border closed despite pressure from Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"declined despite pressure by", "Kenya has declined to resign despite growing pressure by Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"despite a demonym's objections", "Kenya went ahead with the vote despite Ugandan objections.", []string{"Kenya REJECTS Uganda"}},
		{"despite no pressure", "Kenya won the match despite the rain.", nil},
		{"despite an actor's act", "Kenya won the match despite a Ugandan goal.", nil},
		{"resisted", "Kenya resisted Ugandan pressure.", []string{"Kenya REJECTS Uganda"}},
		{"refused to bow", "Kenya refused to bow to Ugandan pressure.", []string{"Kenya REJECTS Uganda"}},
		{"ignored calls by", "Kenya ignored calls by Uganda for a truce.", []string{"Kenya REJECTS Uganda"}},
		{"resisted no actor", "Kenya resisted the temptation.", nil},
		{"content of an accusation", "Uganda accused Kenya of keeping troops in Somalia despite calls from Ethiopia.", []string{"Uganda ACCUSES Kenya"}},
	})
}
