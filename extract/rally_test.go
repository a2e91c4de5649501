package extract

import "testing"

// TestRallyOpposition checks that asking others to rise against an actor
// accuses it (CAMEO 113), whether or not the addressee is an actor, in
// sentences written for this test.
func TestRallyOpposition(t *testing.T) {
	runCases(t, []extractCase{
		{"addressee no actor", "Syria called on Arabs to unite against Israel.", []string{"Syria ACCUSES Israel"}},
		{"addressee an actor", "Kenya urged Uganda to stand firmly against Sudan.", []string{"Kenya ACCUSES Sudan", "Kenya DEMANDS Uganda"}},
		{"two verbs in scare quotes", "Chad called on Arabs to unite and ``mobilize'' against Libya.", []string{"Chad ACCUSES Libya"}},
		{"adverb", "Peru urged Bolivians to act quickly against Chile.", []string{"Peru ACCUSES Chile", "Peru DEMANDS Bolivia"}},
		{"modifiers before the name", "Mali urged Africans to rise up against Libyan strongman Muammar Qaddafi.", []string{"Mali ACCUSES Libyan elites"}},
		{"against no actor", "Kenya urged Uganda to act against poverty.", []string{"Kenya DEMANDS Uganda"}},
		{"support asked of others", "Kenya urged Uganda to support Sudan.", []string{"Kenya DEMANDS Uganda", "Kenya SUPPORTS Sudan"}},
		{"another verb between", "Syria called on Arabs to unite and trade with Israel.", nil},
	})
}

// TestParticleAfterTime checks a time or adverb between a cue verb and
// its particle, in sentences written for this test.
func TestParticleAfterTime(t *testing.T) {
	runCases(t, []extractCase{
		{"weekday", "Japan called Thursday on North Korea to halt its missile tests.", []string{"Japan DEMANDS North Korea"}},
		{"again", "Japan called again on Nepal to free the prisoners.", []string{"Japan DEMANDS Nepal"}},
		{"today out", "Chile ruled today out talks with Peru.", []string{"Chile REJECTS Peru"}},
		{"no particle after", "Japan called Thursday a meeting of its cabinet.", nil},
	})
}
