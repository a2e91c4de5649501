package extract

import "testing"

// TestCalledTo checks that "called X to VERB" asks X to act, and a call
// to discuss asks nothing, the infinitive being no act of X either way,
// in sentences written for this test.
func TestCalledTo(t *testing.T) {
	runCases(t, []extractCase{
		{"called a titled leader with a name", "Kenya's president called the Ugandan leader, Amos Okello, to support the Ethiopian proposal.", []string{"Kenya DEMANDS Uganda", "Kenya SUPPORTS Ethiopia"}},
		{"called a state", "Kenya called Uganda to support the plan.", []string{"Kenya DEMANDS Uganda"}},
		{"called to discuss", "Kenya called the Ugandan president to discuss the Ethiopian proposal.", nil},
		{"negated", "Kenya did not call Uganda to support the plan.", nil},
		{"a label stays a label", "Kenya called Uganda a rogue state.", []string{"Kenya ACCUSES Uganda"}},
	})
}
