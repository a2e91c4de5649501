package extract

import "testing"

// TestTitleOfNamedBody checks that a name after "Title of the X (XA)" is
// learned for X, past the article and the acronym, so that "he" or "she"
// later is X's, in sentences written for this test.
func TestTitleOfNamedBody(t *testing.T) {
	talks := "Talks between representatives of Peru and Bolivia began in Lima on Saturday. "
	runCases(t, []extractCase{
		{"article and acronym", talks + "The Executive Secretary of the Intergovernmental Authority on Development (IGAD) Maria Diaz " +
			"said she was following the talks. She urged \"the two sides to seize the opportunity.\"",
			[]string{"Peru ENGAGES Bolivia", "IGAD DEMANDS Peru", "IGAD DEMANDS Bolivia"}},
		{"article alone", "The Secretary-General of the African Union Juan Perez arrived in Lima. He urged Peru to hold talks with Bolivia.",
			[]string{"African Union DEMANDS Peru"}},
		{"no title before of", "A cousin of the Intergovernmental Authority on Development (IGAD) Maria Diaz arrived. She urged Peru to talk.", nil},
	})
}
