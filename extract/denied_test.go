package extract

import "testing"

// TestDeniedAccusations checks that an accusation an actor rejects or
// denies accuses it, or the actor its "that" clause names, in sentences
// written for this test.
func TestDeniedAccusations(t *testing.T) {
	runCases(t, []extractCase{
		{"accusations by a titled person", "Ghana rejected accusations by Nigerian President Bola Tinubu that it was harbouring pirates.",
			[]string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Ghana"}},
		{"rubbished", "Ghana rubbished allegations by Nigeria that it was harbouring pirates.", []string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Ghana"}},
		{"rubbished, owner before", "Ghana rubbished Nigeria's allegations as baseless.", []string{"Ghana REJECTS Nigeria"}},
		{"about", "Ghana dismissed accusations by Nigeria about the treatment of fishermen.", []string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Ghana"}},
		{"another accused", "Ghana rejected claims from Nigeria that Togo shelters smugglers.", []string{"Ghana REJECTS Nigeria", "Nigeria ACCUSES Togo"}},
		{"not denied", "Ghana did not deny allegations by Nigeria.", nil},
		{"no denial", "Ghana repeated accusations by Nigeria.", nil},
	})
}

// TestChargeJustMade checks that "a charge X denies" after an accusation
// rejects its accusers whoever it named, in sentences written for this
// test.
func TestChargeJustMade(t *testing.T) {
	runCases(t, []extractCase{
		{"after a dash", "Kenya and Uganda accuse the Somali rebels of using Tanzanian airstrips — a charge Tanzania rejects.",
			[]string{"Kenya ACCUSES Somali rebels", "Uganda ACCUSES Somali rebels", "Tanzania REJECTS Kenya", "Tanzania REJECTS Uganda"}},
		{"the accused denies", "Kenya accused Uganda of smuggling weapons, a charge Uganda denies.", []string{"Kenya ACCUSES Uganda", "Uganda REJECTS Kenya"}},
		{"involvement in", "Kenya accused Uganda of the attack. Uganda denied any involvement in the attack.", []string{"Kenya ACCUSES Uganda", "Uganda REJECTS Kenya"}},
		{"denies being", "Kenya accused Uganda of the attack. Uganda denies being the source of the weapons.", []string{"Kenya ACCUSES Uganda", "Uganda REJECTS Kenya"}},
		{"denies being, no accuser", "Uganda denies being the source of the weapons.", nil},
		{"a pronoun subject is no object", "Kenya accused Uganda of the attack. Uganda denies being the source, suggesting it could have been another country, and has demanded Tanzania share samples.",
			[]string{"Kenya ACCUSES Uganda", "Uganda REJECTS Kenya", "Uganda DEMANDS Tanzania"}},
	})
}

// TestRefutedAndFalseClaims checks that refuting or rebutting X's claims
// rejects X as denying them does, and that saying X's claims were false
// or baseless rejects X rather than accusing it, while claims said to be
// not false, or another's act judged, stay as before, in sentences
// written for this test.
func TestRefutedAndFalseClaims(t *testing.T) {
	runCases(t, []extractCase{
		{"refuted", "The Taliban refuted the American claims.", []string{"Taliban REJECTS United States"}},
		{"refuted claims of", "The Taliban refuted the claims of the United States.", []string{"Taliban REJECTS United States"}},
		{"rebutted", "Kenya rebutted the Ugandan allegations.", []string{"Kenya REJECTS Uganda"}},
		{"said were baseless", "The Taliban said the American claims were baseless.", []string{"Taliban REJECTS United States"}},
		{"said were false", "The Taliban said the US allegations were false.", []string{"Taliban REJECTS United States"}},
		{"said were not false", "Kenya said the Ugandan claims were not false.", nil},
		{"refuted content", "Kenya refuted reports that it had armed rebels.", nil},
	})
}

// TestClaimsLabelled checks, in sentences written for this test, that a
// hostile adjective put on an actor's claim, demand or offer rejects its
// owner, whether after the claim ("called Uganda's accusations
// baseless") or before it ("termed as 'false' accusations by the UN").
func TestClaimsLabelled(t *testing.T) {
	runCases(t, []extractCase{
		{"possessive, bare adjective", "Rwanda called Uganda's accusations baseless.", []string{"Rwanda REJECTS Uganda"}},
		{"modifier, false", "Rwanda termed the UN accusations false.", []string{"Rwanda REJECTS United Nations"}},
		{"by, bare adjective", "Rwanda called the accusations by Uganda baseless.", []string{"Rwanda REJECTS Uganda"}},
		{"label first, by", "Rwanda on Monday termed as 'false' accusations by the UN that its forces took part in the killings.",
			[]string{"Rwanda REJECTS United Nations", "United Nations ACCUSES Rwanda"}},
		{"label first, possessive", "Rwanda dismissed as baseless Uganda's claims.", []string{"Rwanda REJECTS Uganda"}},
		{"a proposal", "Rwanda called Uganda's proposal unacceptable.", []string{"Rwanda REJECTS Uganda"}},
		{"a friendly word is no rejection", "Rwanda called Uganda's offer generous.", nil},
	})
}
