package extract

import "testing"

// TestCalledTo checks that "called X to VERB" asks X to act, and a call
// to discuss asks nothing, the infinitive being no act of X either way,
// in sentences written for this test.
func TestCalledTo(t *testing.T) {
	runCases(t, []extractCase{
		{"called a titled leader with a name", "Kenya's president called the Ugandan leader, Amos Okello, to support the Ethiopian proposal.", []string{"Kenya DEMANDS Uganda", "Kenya SUPPORTS Ethiopia"}},
		{"called a state", "Kenya called Uganda to support the plan.", []string{"Kenya DEMANDS Uganda"}},
		{"called to discuss", "Kenya called the Ugandan president to discuss the Ethiopian proposal.", []string{"Kenya ENGAGES Uganda"}},
		{"negated", "Kenya did not call Uganda to support the plan.", nil},
		{"a label stays a label", "Kenya called Uganda a rogue state.", []string{"Kenya ACCUSES Uganda"}},
	})
}

// TestCalledForFrom checks that the doers of a thing called for after
// "from" or "by" are asked for it even where the thing's noun stands
// right before them ("called for restraint from X and Y"), and that an
// actor right after "called for" is asked only when "to" follows, in
// sentences written for this test.
func TestCalledForFrom(t *testing.T) {
	runCases(t, []extractCase{
		{"restraint from a pair", "Ghana called for restraint from Togo and Benin.", []string{"Ghana DEMANDS Benin", "Ghana DEMANDS Togo"}},
		{"restraint from one", "Ghana called for restraint from Togo.", []string{"Ghana DEMANDS Togo"}},
		{"restraint by a pair", "Ghana called for restraint by Togo and Benin.", []string{"Ghana DEMANDS Benin", "Ghana DEMANDS Togo"}},
		{"the actor asked to act", "Ghana called for Togo to reopen the border.", []string{"Ghana DEMANDS Togo"}},
		{"calm in a place", "Ghana called for calm in Togo.", nil},
	})
}

// TestEncouragedTo checks that encouraging an actor to act asks it of
// the actor, in sentences written for this test, while encouraging it
// with no act after it stays support.
func TestEncouragedTo(t *testing.T) {
	runCases(t, []extractCase{
		{"encouraged X to", "Ghana encouraged Togo to join the talks.", []string{"Ghana DEMANDS Togo"}},
		{"said it would continue to encourage", "Ghana said it would continue to encourage Togo to join the talks.", []string{"Ghana DEMANDS Togo"}},
		{"a country whose name starts with to", "Ghana encouraged Togo.", []string{"Ghana SUPPORTS Togo"}},
		{"encouraged X", "Ghana encouraged Benin.", []string{"Ghana SUPPORTS Benin"}},
		{"negated", "Ghana did not encourage Togo to attack Benin.", nil},
		{"a possessive's office", "Ghana encouraged Togo's president to join the talks.", []string{"Ghana DEMANDS Togo"}},
		{"efforts to", "Ghana encouraged Togo's efforts to restore peace.", []string{"Ghana SUPPORTS Togo"}},
		{"a relative clause with to", "Ghana encouraged Togo, which has sent troops to Mali.", []string{"Ghana SUPPORTS Togo"}},
		{"passive: the dictionary's support, from the agent", "Ghana was encouraged by Togo to join the talks.", []string{"Togo SUPPORTS Ghana"}},
	})
}
