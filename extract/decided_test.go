package extract

import "testing"

// TestCutTiesDecided checks that ties cut with modifiers ("all",
// "diplomatic") reject the other side, and that "decided to" before an
// act states the act, not an offer coded from "decide", in sentences
// written for this test.
func TestCutTiesDecided(t *testing.T) {
	runCases(t, []extractCase{
		{"cut all ties", "Ghana cut all ties with Togo.", []string{"Ghana REJECTS Togo"}},
		{"cut diplomatic relations", "Ghana cut diplomatic relations with Togo in May.", []string{"Ghana REJECTS Togo"}},
		{"negated", "Ghana did not cut all ties with Togo.", nil},
		{"cut aid is no ties", "Ghana cut all aid to Togo.", nil},
		{"decided to reject", "Ghana decided to reject Togo's plan.", []string{"Ghana REJECTS Togo"}},
		{"decided to cut ties", "Ghana decided to cut ties with Togo.", []string{"Ghana REJECTS Togo"}},
		{"decided to break off", "Ghana has decided to break off relations with Togo.", []string{"Ghana REJECTS Togo"}},
		{"decided to send troops", "Ghana decided to send troops to Mali.", []string{"Ghana OFFERS Mali"}},
	})
}

// TestDecisionAnnounced checks that a decision announced before an act
// ("announced its decision to cut ties with X") states the act as
// "decided to" does, and that relations a subject says it will cut are
// cut, while a threat to cut them and a cut of aid state nothing, in
// sentences written for this test.
func TestDecisionAnnounced(t *testing.T) {
	runCases(t, []extractCase{
		{"announced its decision to cut ties", "Ghana announced its decision to cut ties with Togo.", []string{"Ghana REJECTS Togo"}},
		{"the decision's owner", "Ghana's decision to cut ties with Togo surprised Benin.", []string{"Ghana REJECTS Togo"}},
		{"announced its decision to reject", "Ghana announced its decision to reject Togo's plan.", []string{"Ghana REJECTS Togo"}},
		{"will cut ties", "Ghana will cut ties with Togo.", []string{"Ghana REJECTS Togo"}},
		{"said it would sever relations", "Ghana said it would sever relations with Togo.", []string{"Ghana REJECTS Togo"}},
		{"threatened to cut ties", "Ghana threatened to cut ties with Togo.", nil},
		{"would cut aid", "Ghana said it would cut aid to Togo.", nil},
	})
}
