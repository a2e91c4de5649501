package extract

import "testing"

// TestCoordinatedSides checks that demonyms joined before "parties" or
// "sides" name each its state, while one demonym before "parties" stays
// the country's political parties, in sentences written for this test.
func TestCoordinatedSides(t *testing.T) {
	runCases(t, []extractCase{
		{"two demonyms, parties", "The UN urged Kenyan and Ugandan parties to exercise restraint.", []string{"United Nations DEMANDS Kenya", "United Nations DEMANDS Uganda"}},
		{"three demonyms", "Norway urged Kenyan, Somali and Ugandan parties to respect the truce.", []string{"Norway DEMANDS Kenya", "Norway DEMANDS Somalia", "Norway DEMANDS Uganda"}},
		{"as subjects", "Kenyan and Ugandan parties accused each other of violations.", []string{"Kenya ACCUSES Uganda", "Uganda ACCUSES Kenya"}},
		{"sides already worked", "The UN urged the Kenyan and Ugandan sides to show restraint.", []string{"United Nations DEMANDS Kenya", "United Nations DEMANDS Uganda"}},
	})
}
