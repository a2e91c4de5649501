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

// TestQuotedDemand checks that a demand whose infinitive is quoted
// ("warned X \"not to ...\"") still demands of X, in sentences written
// for this test.
func TestQuotedDemand(t *testing.T) {
	runCases(t, []extractCase{
		{"warned, curly quotes", "Uganda warned Kenya \u201cnot to test our patience.\u201d", []string{"Uganda DEMANDS Kenya"}},
		{"warned, single quotes", "Uganda warned Kenya 'to stop the raids'.", []string{"Uganda DEMANDS Kenya"}},
		{"urged, straight quotes", "Uganda urged Kenya \"to stop the raids\".", []string{"Uganda DEMANDS Kenya"}},
		{"told, no demand", "Uganda told Kenya \"we are ready\".", nil},
	})
}
