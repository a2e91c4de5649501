package extract

import "testing"

// TestAdoptedText checks who owns a text adopted or unveiled, in
// sentences written for this test: the subject, unless another actor is
// named with the text.
func TestAdoptedText(t *testing.T) {
	runCases(t, []extractCase{
		{"adopted a resolution", "The African Union adopted a resolution on Monday. Sudan criticized the resolution.", []string{"Sudan ACCUSES African Union"}},
		{"unveiled a plan", "Kenya unveiled a peace plan on Monday. Sudan rejected the plan.", []string{"Sudan REJECTS Kenya"}},
		{"passed another's draft", "The African Union passed a resolution drafted by Kenya. Sudan criticized the resolution.", []string{"Sudan ACCUSES Kenya"}},
		{"approved another's plan", "Kenya approved a Ugandan plan on Monday. Sudan rejected the plan.", []string{"Kenya SUPPORTS Uganda", "Sudan REJECTS Uganda"}},
	})
}
