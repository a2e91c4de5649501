package extract

import "testing"

// TestDescribedBodies checks that a body described by a state's demonym,
// lower-case words and a noun of bodies ("an Israeli peace movement") is
// an actor of the text, so a meeting offered between it and another
// keeps both parties, and that an act of movement, an office word or a
// bare demonym and head name none, in sentences written for this test.
func TestDescribedBodies(t *testing.T) {
	runCases(t, []extractCase{
		{"host a meeting between", "Jordan said it would be ready to host a meeting between a Syrian reform movement and Iraq.",
			[]string{"Jordan OFFERS Syrian reform movement", "Jordan OFFERS Iraq", "Syrian reform movement ENGAGES Iraq"}},
		{"a subject", "A Chilean consumer federation accused Peru of spying.", []string{"Chilean consumer federation ACCUSES Peru"}},
		{"an act of movement", "The Chilean movement of troops worried Peru.", nil},
		{"an office word", "Peru criticised the Chilean army group.", []string{"Peru ACCUSES Chile"}},
		{"no modifier", "A Chilean group accused Peru of spying.", nil},
	})
}
