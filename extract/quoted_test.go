package extract

import "testing"

// TestQuotedPassive checks that a passive participle in quotation marks
// is still passive, in sentences written for this test.
func TestQuotedPassive(t *testing.T) {
	runCases(t, []extractCase{
		{"single quotes", "Kenya's proposal was 'rejected' by the Ugandan side.", []string{"Uganda REJECTS Kenya"}},
		{"double quotes", "Kenya's plan was \u201crejected\u201d by Uganda.", []string{"Uganda REJECTS Kenya"}},
		{"active, quoted", "Kenya 'rejected' Uganda's plan.", []string{"Kenya REJECTS Uganda"}},
	})
}
