package extract

import "testing"

// TestSpokesmenTitles checks that a spokesman owned by a possessive speaks
// for its owner wherever the text places him ("X's spokesman in Y"), and
// that a name in apposition to a possessive's office and title ("Iran's
// foreign ministry spokesman") is learned for the possessive's actor, in
// sentences written for this test.
func TestSpokesmenTitles(t *testing.T) {
	runCases(t, []extractCase{
		{"spokesman in a place", "The Taliban's spokesman in Qatar, Ahmad Karimi, accused the United States of violating the deal.", []string{"Taliban ACCUSES United States"}},
		{"an owner unnamed", "The group's spokesman in Qatar accused the United States of violating the deal.", nil},
		{"ambassador in a place", "Kenya's ambassador in Ethiopia accused Uganda of lying.", []string{"Kenya ACCUSES Uganda"}},
		{"agents in a state", "Peru's students in Bolivia accused Chile of lying.", []string{"Peru ACCUSES Chile"}},
		{"ministry spokesman apposition", "Ahmad Karimi, Iran's foreign ministry spokesman, accused the United States of lying.", []string{"Iran ACCUSES United States"}},
		{"office spokesman apposition", "Omar Haidari, Kenya's foreign office spokesman, denied the Ugandan claims.", []string{"Kenya REJECTS Uganda"}},
		{"army spokesman apposition", "Omar Haidari, Kenya's army spokesman, blamed Uganda for the clashes.", []string{"Kenya ACCUSES Uganda"}},
	})
}
