package extract

import "testing"

// TestLatterFormer checks "the latter" and "the former" in sentences
// written for this test: each points into the last list of two actors,
// in the sentence or before it; before a noun "former" is an adjective.
func TestLatterFormer(t *testing.T) {
	runCases(t, []extractCase{
		{"latter, same sentence", "Kenya and Uganda traded posts, with the latter accusing Sudan of cruelty.", []string{"Uganda ACCUSES Sudan"}},
		{"former, sentence before", "Kenya and Uganda met in Nairobi. The former accused Sudan of arming rebels.", []string{"Kenya ENGAGES Uganda", "Kenya ACCUSES Sudan"}},
		{"latter, then a comma", "Kenya and Uganda met in Nairobi. The latter, however, accused Sudan of arming rebels.", []string{"Kenya ENGAGES Uganda", "Uganda ACCUSES Sudan"}},
		{"former as adjective", "Kenya and Uganda met in Nairobi. The former minister accused Sudan of arming rebels.", []string{"Kenya ENGAGES Uganda"}},
	})
}
