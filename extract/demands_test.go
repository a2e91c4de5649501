package extract

import "testing"

// TestOwnedDemand checks a demand named by a noun its owner repeats or
// renews, in sentences written for this test.
func TestOwnedDemand(t *testing.T) {
	runCases(t, []extractCase{
		{"demand that", "Kenya reiterated its demand that Uganda ease restrictions.", []string{"Kenya DEMANDS Uganda"}},
		{"call for to", "Kenya renewed its call for Uganda to hold elections.", []string{"Kenya DEMANDS Uganda"}},
		{"appeal to to", "Kenya repeated its appeal to Uganda to release the prisoners.", []string{"Kenya DEMANDS Uganda"}},
		{"negated", "Kenya did not repeat its demand that Uganda ease restrictions.", nil},
		{"call for without infinitive", "Kenya renewed its call for Ugandan support.", nil},
		{"demands as a subject", "Kenya said its demands were clear.", nil},
	})
}

// TestParticipleAfterArticle checks that a participle after an article
// is an adjective, not a cue, in sentences written for this test.
func TestParticipleAfterArticle(t *testing.T) {
	runCases(t, []extractCase{
		{"the proposed plan", "Kenya rejected the proposed Ugandan plan.", []string{"Kenya REJECTS Uganda"}},
		{"a proposed plan", "Kenya backed a proposed Ugandan plan.", []string{"Kenya SUPPORTS Uganda"}},
		{"verb after subject", "Uganda proposed a truce to Kenya.", []string{"Uganda OFFERS Kenya"}},
	})
}

// TestDemandedControl checks that a demand that control of an actor's
// body be given up addresses the holder, in sentences written for this
// test.
func TestDemandedControl(t *testing.T) {
	runCases(t, []extractCase{
		{"control of a body", "Iraqi Kurds demanded that control of the Ugandan ministry be handed to Kenya.", []string{"Iraqi Kurds DEMANDS Uganda"}},
		{"custody of an actor", "Chile demanded that custody of the Peruvian envoy be transferred.", []string{"Chile DEMANDS Peru"}},
		{"control of no actor", "Kenya demanded that control of the border be handed over.", nil},
		{"control demanded of its holder", "Kenya demanded control of the Ugandan ministry.", []string{"Kenya DEMANDS Uganda"}},
	})
}

// TestHyphenedUltimatum checks a demand noun issued with a hyphened
// adjective between ("a seven-day ultimatum"), in sentences written for
// this test.
func TestHyphenedUltimatum(t *testing.T) {
	runCases(t, []extractCase{
		{"seven-day ultimatum", "ECOWAS issued a seven-day ultimatum to the Malian junta to free the president.", []string{"ECOWAS DEMANDS Malian junta"}},
		{"three-day warning", "Kenya sent a stern three-day warning to Uganda to withdraw its troops.", []string{"Kenya DEMANDS Uganda"}},
		{"no addressee", "Kenya issued a seven-day ultimatum on Monday.", nil},
	})
}

// TestCalledForOwnActs checks that calling for an act only its doer can do
// ("the withdrawal of X"), alone or in a list of things called for, is a
// demand of X, while the release of X or a withdrawal after a comma that
// opens no list asks nothing of X, in sentences written for this test.
func TestCalledForOwnActs(t *testing.T) {
	runCases(t, []extractCase{
		{"withdrawal of", "The Security Council called for the withdrawal of the Taliban from the occupied areas.", []string{"United Nations DEMANDS Taliban"}},
		{"withdrawal of troops", "Kenya called for the withdrawal of Ugandan troops from the border.", []string{"Kenya DEMANDS Uganda"}},
		{"resignation of", "Kenya called for the resignation of the Ugandan government.", []string{"Kenya DEMANDS Uganda"}},
		{"in a list", "Kenya called for a ceasefire, the withdrawal of Ugandan troops from the border and an end to the fighting.", []string{"Kenya DEMANDS Uganda"}},
		{"in a longer list", "Kenya called for a ceasefire, a return to talks, the withdrawal of Ugandan troops and an end to the fighting.", []string{"Kenya DEMANDS Uganda"}},
		{"release of", "Kenya called for the release of Ugandan prisoners.", nil},
		{"no list", "Kenya called for calm, saying the withdrawal of Ugandan troops had ended the fighting.", nil},
	})
}
