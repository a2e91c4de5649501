package extract

import "testing"

// TestConditionalRefusals checks that refusing to go to talks with X
// until or unless X acts refuses now (only a change of mind waits on the
// condition), while a promise under a condition states nothing, in
// sentences written for this test.
func TestConditionalRefusals(t *testing.T) {
	runCases(t, []extractCase{
		{"sit down for talks until", "On Friday, Ghana said it would not sit down for talks with Togo until the army withdrew from the border.", []string{"Ghana REJECTS Togo"}},
		{"return to negotiations unless", "Kenya said it will not return to negotiations with Uganda unless the troops leave.", []string{"Kenya REJECTS Uganda"}},
		{"sit down to talks", "Chile refused to sit down to talks with Peru.", []string{"Chile REJECTS Peru"}},
		{"sat down for talks", "Ghana sat down for talks with Togo on Monday.", []string{"Ghana ENGAGES Togo"}},
		{"returned to negotiations", "Kenya returned to negotiations with Uganda in May.", []string{"Kenya ENGAGES Uganda"}},
		{"a promise under a condition", "Kenya will send aid to Uganda if the rains fail.", nil},
		{"a return to a place", "Kenya's envoy returned to Nairobi with Uganda's reply.", nil},
	})
}

// TestFutureRefusals checks that a refusal "will" or "would" announces
// ("said it would ignore X's offer ... unless") refuses now, while a
// refusal of "any" offer to come is a condition, in sentences written
// for this test.
func TestFutureRefusals(t *testing.T) {
	runCases(t, []extractCase{
		{"would ignore an offer unless", "Kenya said it would ignore a Ugandan offer for talks unless Uganda withdraws its troops.", []string{"Kenya REJECTS Uganda", "Uganda OFFERS Kenya"}},
		{"would reject an offer", "Kenya said it would reject a Ugandan offer for talks.", []string{"Kenya REJECTS Uganda", "Uganda OFFERS Kenya"}},
		{"will dismiss", "Ghana will dismiss the Togolese proposal.", []string{"Ghana REJECTS Togo", "Togo OFFERS Ghana"}},
		{"any offer to come", "A Kenyan spokesman said Kenya would reject any Ugandan offer that did not begin with a truce.", nil},
		{"would meet stays an offer", "Kenya said it would meet Uganda.", []string{"Kenya ENGAGES Uganda", "Kenya OFFERS Uganda"}},
	})
}

// TestDeclinedActs checks that declining an act of cooperation with X,
// or having no intention or plans of one, rejects X as refusing it does,
// while declining a hostile act, a comment or a criticism refuses no one,
// in sentences written for this test.
func TestDeclinedActs(t *testing.T) {
	runCases(t, []extractCase{
		{"declined to meet", "Chile declined to meet Peru.", []string{"Chile REJECTS Peru"}},
		{"declined to meet envoys", "The Taliban declined to meet American envoys.", []string{"Taliban REJECTS United States"}},
		{"declined to meet a possessive's negotiators", "Ghana declined to meet Togo's negotiators.", []string{"Ghana REJECTS Togo"}},
		{"no intention of", "Chile has no intention of meeting Peru.", []string{"Chile REJECTS Peru"}},
		{"no plans to", "Chile has no plans to negotiate with Peru.", []string{"Chile REJECTS Peru"}},
		{"declined to criticise", "Denmark declined to criticise China.", nil},
		{"declined to comment", "Chile declined to comment on Peru.", nil},
		{"no intention of a hostile act", "Chile has no intention of attacking Peru.", nil},
		{"a fall is no refusal", "Exports from Chile to Peru declined to a low.", nil},
		{"content of an accusation", "Peru accused Chile of declining to meet Bolivia.", []string{"Peru ACCUSES Chile"}},
	})
}

// TestNegatedWillingness checks that willingness negated ("no longer
// willing", "unwilling", "does not want to", "not interested in", "no
// interest in", "no readiness for") refuses an act of cooperation or a
// meeting with X, while a hostile act or a criticism so negated refuses no
// one, in sentences written for this test.
func TestNegatedWillingness(t *testing.T) {
	runCases(t, []extractCase{
		{"no longer willing", "Chile said it was no longer willing to talk to Peru.", []string{"Chile REJECTS Peru"}},
		{"unwilling to meet", "Chile is unwilling to meet Peruvian officials.", []string{"Chile REJECTS Peru"}},
		{"does not want to", "Chile does not want to talk to Peru.", []string{"Chile REJECTS Peru"}},
		{"not interested in talks", "Chile said it was not interested in talks with Peru.", []string{"Chile REJECTS Peru"}},
		{"no willingness to", "Chile has shown no willingness to negotiate with Peru.", []string{"Chile REJECTS Peru"}},
		{"no interest in talking", "Chile has no interest in talking to Peru.", []string{"Chile REJECTS Peru"}},
		{"no readiness for talks", "Chile has shown no readiness for direct talks with Peru.", []string{"Chile REJECTS Peru"}},
		{"does not want to attack", "Chile does not want to attack Peru.", nil},
		{"not interested in fighting", "Chile is not interested in fighting Peru.", nil},
		{"reluctant to criticise", "Chile is reluctant to criticise Peru.", nil},
		{"does not want X to", "Chile does not want Peru to withdraw.", nil},
	})
}

// TestRefusedWithAdverb checks that an adverb between a refused verb of
// talks and its preposition keeps the object ("refused to talk directly
// to X"), in sentences written for this test.
func TestRefusedWithAdverb(t *testing.T) {
	runCases(t, []extractCase{
		{"talk directly to", "The Taliban have refused to talk directly to Ghana.", []string{"Taliban REJECTS Ghana"}},
		{"and a label after", "Togo refused to talk directly to Ghana, calling it a puppet.", []string{"Togo ACCUSES Ghana", "Togo REJECTS Ghana"}},
	})
}

// TestRejectedCallsAreNouns checks that a word in -s after a verb that
// rejects or supports a thing is its object, not a verb ("rejected calls
// for a truce from X" demanded nothing of X), while a renewed call still
// demands, in sentences written for this test.
func TestRejectedCallsAreNouns(t *testing.T) {
	runCases(t, []extractCase{
		{"rejected calls from", "Togo rejected calls for a truce from Ghana.", []string{"Togo REJECTS Ghana"}},
		{"welcomed calls by", "Togo welcomed calls by Ghana for talks.", []string{"Togo SUPPORTS Ghana"}},
		{"renewed calls still demand", "Ghana renewed calls for Togo to free the prisoners.", []string{"Ghana DEMANDS Togo"}},
		{"a verb in -s", "Ghana calls for Togo to free the prisoners.", []string{"Ghana DEMANDS Togo"}},
	})
}
