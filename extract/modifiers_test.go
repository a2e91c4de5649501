package extract

import "testing"

// TestParticiplePhraseSubjects checks that an actor in a participle
// phrase after a subject noun is not the subject, in sentences written
// for this test.
func TestParticiplePhraseSubjects(t *testing.T) {
	runCases(t, []extractCase{
		{"a coalition fighting", "Kenya and the Ugandan-led coalition fighting the Somali rebels accuse them of smuggling weapons.",
			[]string{"Kenya ACCUSES Somali rebels", "Uganda ACCUSES Somali rebels"}},
		{"a gerund's object", "The Somali rebels accused Kenyan troops of backing Ethiopia.", []string{"Somali rebels ACCUSES Kenya"}},
	})
}
