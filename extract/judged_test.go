package extract

import "testing"

// TestJudgedProposals checks that a proposal or demand of an actor judged
// unworkable in the complement of a speaker's verb rejects that actor, in
// sentences written for this test.
func TestJudgedProposals(t *testing.T) {
	runCases(t, []extractCase{
		{"made plain that", "Kenya agreed to talks, though it made plain that many of Uganda's proposals are non-starters.",
			[]string{"Kenya REJECTS Uganda"}},
		{"said, no that", "The Kenyan foreign minister said Uganda's plan was unrealistic.", []string{"Kenya REJECTS Uganda"}},
		{"made it clear", "Kenya made it clear that Uganda's demands were unacceptable.", []string{"Kenya REJECTS Uganda"}},
		{"negated", "Kenya said Uganda's proposals were not unrealistic.", nil},
		{"a friendly judgement is no rejection", "Kenya said Uganda's plan was promising.", []string{"Kenya SUPPORTS Uganda"}},
		{"no speaker", "Uganda's plan was unrealistic, according to analysts.", nil},
		{"set by, an apposition and a purpose between", "Kenya said that conditions set by Yoweri Museveni, the Ugandan president, to restart talks are \"unacceptable.\"",
			[]string{"Kenya REJECTS Uganda"}},
		{"put forward by", "Kenya said the proposal put forward by Uganda was unrealistic.", []string{"Kenya REJECTS Uganda"}},
		{"null and void", "Kenya said the proposal put forward by Uganda was null and void.", []string{"Kenya REJECTS Uganda"}},
		{"welcome by", "Kenya said the proposal put forward by Uganda was welcome.", nil},
		{"conditions rejected", "Kenya rejected the conditions set by Uganda.", []string{"Kenya REJECTS Uganda"}},
	})
}

// TestActsJudgedUnfair checks, in sentences written for this test, that
// an actor's act called unfair or discriminatory in reported speech
// accuses the actor.
func TestActsJudgedUnfair(t *testing.T) {
	runCases(t, []extractCase{
		{"unfair, reported", "South Korea said Japan's export restrictions were unfair.", []string{"South Korea ACCUSES Japan"}},
		{"discriminatory, quoted first", "\"Japan's export restrictions are an unfair and discriminatory measure,\" South Korea said.", []string{"South Korea ACCUSES Japan"}},
	})
}
