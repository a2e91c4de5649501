package extract

import "testing"

// TestBlameIdioms checks idioms of blame ("took aim at X", "pointed the
// finger at X") and acts of planning an attack in what was said ("said X
// orchestrated the attack") as accusations of X, and that staging an act
// of one's own accuses no one, in sentences written for this test.
func TestBlameIdioms(t *testing.T) {
	runCases(t, []extractCase{
		{"took aim at", "Ghana took aim at Togo over the raids.", []string{"Ghana ACCUSES Togo"}},
		{"pointed the finger at", "Ghana pointed the finger at Togo.", []string{"Ghana ACCUSES Togo"}},
		{"claimed X had staged", "Ghana claimed Togo had staged the raids.", []string{"Ghana ACCUSES Togo"}},
		{"said X orchestrated", "Ghana said Togo orchestrated the attack.", []string{"Ghana ACCUSES Togo"}},
		{"took aim at no actor", "Ghana took aim at the rules.", nil},
		{"staged its own protest", "Ghana staged a protest against the law.", nil},
	})
}

// TestSupportPhrasings checks phrasings of support and invitation the
// cues lacked or typed otherwise ("stands with X", "threw its support
// behind X's bid", "commended X for", "extended an invitation to X"), in
// sentences written for this test.
func TestSupportPhrasings(t *testing.T) {
	runCases(t, []extractCase{
		{"stands with", "Ghana stands with Togo.", []string{"Ghana SUPPORTS Togo"}},
		{"threw its support behind", "Ghana threw its support behind Togo's bid.", []string{"Ghana SUPPORTS Togo"}},
		{"commended for", "Ghana commended Togo for its restraint.", []string{"Ghana SUPPORTS Togo"}},
		{"extended an invitation", "Ghana extended an invitation to Togo.", []string{"Ghana OFFERS Togo"}},
		{"stood with its back", "Ghana stood with its back to Togo.", nil},
	})
}

// TestMovesOwned checks that a release, a reopening or a deployment is
// its actor's move, which a later "the move" or "the decision" refers to,
// in sentences written for this test.
func TestMovesOwned(t *testing.T) {
	runCases(t, []extractCase{
		{"released", "Ghana released 400 Togolese prisoners. Togo welcomed the move.", []string{"Togo SUPPORTS Ghana"}},
		{"reopened", "Ghana reopened the border crossing. Togo welcomed the decision.", []string{"Togo SUPPORTS Ghana"}},
		{"deployed", "Ghana deployed troops along the border. Togo condemned the move.", []string{"Togo ACCUSES Ghana"}},
	})
}
