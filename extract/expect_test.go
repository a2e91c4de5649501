package extract

import "testing"

// TestExpectedActs checks that an actor expecting another to act demands
// it of the other, quoted with its speaker or not, that a passive
// expectation or one of no actor states nothing, and that South Korea's
// unification ministry speaks for it, in sentences written for this test.
func TestExpectedActs(t *testing.T) {
	runCases(t, []extractCase{
		{"expects X to", "Ghana expects Togo to take credible action.", []string{"Ghana DEMANDS Togo"}},
		{"quoted with its speaker", `"We expect Togo to reopen the border," the Ghanaian foreign ministry said.`, []string{"Ghana DEMANDS Togo"}},
		{"analysts expect", "Analysts expect Togo to win the vote.", nil},
		{"passive", "Ghana is expected to meet Togo next week.", nil},
		{"unification ministry", "The Unification Ministry called on North Korea to return to talks.", []string{"South Korea DEMANDS North Korea"}},
	})
}

// TestAskedToAct checks that persuading, reminding, instructing,
// prodding or lobbying an actor to act, or cautioning it against an act,
// demands of it, that seeking assurances from an actor asks them of it,
// and that these verbs without an act asked state nothing, in sentences
// written for this test.
func TestAskedToAct(t *testing.T) {
	runCases(t, []extractCase{
		{"persuaded", "Ghana persuaded Togo to withdraw its troops.", []string{"Ghana DEMANDS Togo"}},
		{"reminded", "Ghana reminded Togo to respect the truce.", []string{"Ghana DEMANDS Togo"}},
		{"instructed", "Ghana instructed Togo to withdraw its troops.", []string{"Ghana DEMANDS Togo"}},
		{"lobbying", "Ghana has been lobbying Togo to withdraw its troops.", []string{"Ghana DEMANDS Togo"}},
		{"cautioned against", "Ghana cautioned Togo against escalation.", []string{"Ghana DEMANDS Togo"}},
		{"sought assurances from", "Ghana sought assurances from Togo.", []string{"Ghana DEMANDS Togo"}},
		{"reminded of, no act", "Ghana reminded Togo of its history.", nil},
	})
}

// TestSaidObligations checks that "needed to", "had to" and "ought to"
// in what an actor said demand of their subject as "must" does, while "had
// to do with" and the speaker's own obligation demand nothing, and that
// seeking an explanation from an actor asks it of the actor, in sentences
// written for this test.
func TestSaidObligations(t *testing.T) {
	runCases(t, []extractCase{
		{"needed to", "Ghana said Togo needed to withdraw its troops.", []string{"Ghana DEMANDS Togo"}},
		{"had to", "Ghana said Togo had to withdraw its troops.", []string{"Ghana DEMANDS Togo"}},
		{"ought to", "Ghana said Togo ought to withdraw its troops.", []string{"Ghana DEMANDS Togo"}},
		{"had to do with", "Ghana said Togo had to do with the attack.", nil},
		{"its own obligation", "Ghana said it had to withdraw its troops.", nil},
		{"an explanation sought", "Ghana sought an explanation from Togo.", []string{"Ghana DEMANDS Togo"}},
	})
}

// TestDeadlinesAndUltimatums checks that time given to an actor to act
// and an ultimatum issued to it demand of it, and that a gift with an
// infinitive after it demands nothing, in sentences written for this
// test.
func TestDeadlinesAndUltimatums(t *testing.T) {
	runCases(t, []extractCase{
		{"hours to withdraw", "Ghana gave Togo 48 hours to withdraw its troops.", []string{"Ghana DEMANDS Togo"}},
		{"ultimatum alone", "Ghana issued an ultimatum to Togo.", []string{"Ghana DEMANDS Togo"}},
		{"a loan to build", "Ghana gave Togo a loan to build roads.", nil},
		{"weeks of aid", "Ghana gave Togo two weeks of aid to rebuild.", nil},
	})
}
