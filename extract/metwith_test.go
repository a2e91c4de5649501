package extract

import "testing"

// TestStandAccused checks that "stands accused by X" is a passive whose
// agent accuses, not standing by X, while "stood by X" still supports,
// in sentences written for this test.
func TestStandAccused(t *testing.T) {
	runCases(t, []extractCase{
		{"stands accused by", "Peru stands accused by Chile of harbouring rebels.", []string{"Chile ACCUSES Peru"}},
		{"stood condemned by", "Peru stood condemned by Chile.", []string{"Chile ACCUSES Peru"}},
		{"agent after the content", "Peru stood accused of harbouring rebels by Chile.", []string{"Chile ACCUSES Peru"}},
		{"stood by", "Peru stood by Chile.", []string{"Peru SUPPORTS Chile"}},
	})
}

// TestReactionsMet checks that criticism an actor faced or came under
// from another accuses it as criticism it drew does, and that fire or an
// attack come under is no accusation, in sentences written for this test.
func TestReactionsMet(t *testing.T) {
	runCases(t, []extractCase{
		{"came under criticism from", "Peru came under sharp criticism from Chile for its treatment of prisoners.", []string{"Chile ACCUSES Peru"}},
		{"faced criticism from", "Peru faced criticism from Chile over its treatment of prisoners.", []string{"Chile ACCUSES Peru"}},
		{"faces condemnation from", "Peru's government faces strong condemnation from Chile.", []string{"Chile ACCUSES Peru"}},
		{"came under fire", "Peruvian troops came under fire from Chile.", nil},
		{"under criticism without coming", "The plan was under criticism from Chile.", nil},
	})
}

// TestTalksBetweenRanks checks that talks between officers, commanders
// or ministers of two states, a rank before the noun included, engage
// the states, in sentences written for this test.
func TestTalksBetweenRanks(t *testing.T) {
	runCases(t, []extractCase{
		{"major generals", "Talks between Major Generals of Ghana and Togo at the border were inconclusive.", []string{"Ghana ENGAGES Togo"}},
		{"corps commanders", "Talks between corps commanders of Ghana and Togo ended on Sunday.", []string{"Ghana ENGAGES Togo"}},
		{"chiefs", "A meeting between the chiefs of Ghana and Togo took place in Lome.", []string{"Ghana ENGAGES Togo"}},
	})
}
