package extract

import "testing"

// TestQuotedObligations checks that an obligation or blame put on an
// actor in reported or quoted speech ("has to", "bears full
// responsibility for") demands of or accuses it, that "they" inside a
// speaker's quotation is the other side it named, and that a quotation
// closed sentences after it opened is its named speaker's, in sentences
// written for this test.
func TestQuotedObligations(t *testing.T) {
	runCases(t, []extractCase{
		{"has to", "Kenya said Uganda has to return the boat.", []string{"Kenya DEMANDS Uganda"}},
		{"has to do with", "Kenya said the dispute has to do with Uganda.", nil},
		{"bears full responsibility", "Kenya said Uganda bears full responsibility for the attack.", []string{"Kenya ACCUSES Uganda"}},
		{"they in a quotation", `"We have no trust in Uganda, so they have to show that they are sincere," Kenya said.`, []string{"Kenya DEMANDS Uganda"}},
		{"they bear responsibility", `"Uganda's army crossed the border. They bear full responsibility for the deaths," Kenya said.`, []string{"Kenya ACCUSES Uganda"}},
		{"a quotation closed later", "Kenyan Foreign Minister John Mwangi spoke in Nairobi.\n\n\"We have no trust in Uganda. So they must show that they are sincere,\" Mwangi said.", []string{"Kenya DEMANDS Uganda"}},
		{"closed later by a pronoun", "Kenyan Foreign Minister John Mwangi spoke in Nairobi.\n\n\"We have no trust in Uganda. So they must show that they are sincere,\" he said.", nil},
		{"they is the speaker's own list", `"Kenya and Tanzania met, and they have to act," Uganda said.`, []string{"Kenya ENGAGES Tanzania", "Uganda DEMANDS Kenya", "Uganda DEMANDS Tanzania"}},
	})
}
