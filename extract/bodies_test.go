package extract

import "testing"

// TestGroupBodies checks that a group's name before words of its organs
// names the group, and a longer name with another head another body, in
// sentences written for this test.
func TestGroupBodies(t *testing.T) {
	runCases(t, []extractCase{
		{"a group's council", "The Houthi Supreme Political Council condemned Saudi Arabia on Sunday.", []string{"Houthis ACCUSES Saudi Arabia"}},
		{"a group's leadership council", "The Taliban Leadership Council rejected Qatar's offer.", []string{"Taliban REJECTS Qatar", "Qatar OFFERS Taliban"}},
		{"another head is another body", "The Taliban Veterans Association rejected Qatar's offer.", []string{"Taliban Veterans Association REJECTS Qatar", "Qatar OFFERS Taliban Veterans Association"}},
	})
}

// TestDefinedBodies checks that a state's possessive before capitalised
// words and the acronym of a body of that state names the body, also
// after people of it, in sentences written for this test.
func TestDefinedBodies(t *testing.T) {
	runCases(t, []extractCase{
		{"a body defined", "Kenya criticised Sudan's Armed Forces (SAF).", []string{"Kenya ACCUSES Sudanese Armed Forces"}},
		{"after representatives of", "Envoys met in Jeddah for talks between representatives of Sudan's Armed Forces (SAF) and the Rapid Support Forces.",
			[]string{"Sudanese Armed Forces ENGAGES Rapid Support Forces"}},
		{"no acronym", "Kenya criticised Uganda's Armed Forces.", []string{"Kenya ACCUSES Uganda"}},
	})
}
