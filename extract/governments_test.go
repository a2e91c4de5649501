package extract

import "testing"

// TestGovernmentOf checks "the government (administration) of X" in
// sentences written for this test: the actor after "of" is whose it is,
// even where another government was named before.
func TestGovernmentOf(t *testing.T) {
	runCases(t, []extractCase{
		{"administration of a titled leader", "Chile accused the administration of Peruvian President Juan Torres of lying.", []string{"Chile ACCUSES Peru"}},
		{"government of a state", "Ghana held talks with Benin. Chile condemned the government of Peru.", []string{"Ghana ENGAGES Benin", "Chile ACCUSES Peru"}},
		{"the government, named before", "Peru's government held talks. Chile condemned the government.", []string{"Chile ACCUSES Peru"}},
	})
}

// TestRegionReferences checks states referred back to by their region,
// in sentences written for this test.
func TestRegionReferences(t *testing.T) {
	runCases(t, []extractCase{
		{"government of the region's nation", "Cuba held elections. Spain urged the government of the Caribbean nation to free prisoners.", []string{"Spain DEMANDS Cuba"}},
		{"a Central American country", "Honduras held elections. Spain criticized the Central American country.", []string{"Spain ACCUSES Honduras"}},
		{"a Pacific nation", "Fiji met China. Australia criticized the Pacific nation.", []string{"Fiji ENGAGES China", "Australia ACCUSES Fiji"}},
		{"interventionist", "Nicaragua described Washington's actions as interventionist.", []string{"Nicaragua ACCUSES United States"}},
	})
}

// TestGroupsDefined checks groups whose members the text lists after
// their name, in sentences written for this test.
func TestGroupsDefined(t *testing.T) {
	runCases(t, []extractCase{
		{"comprising, to the sentence's end", "The plan came from the Trio, comprising Ghana, Togo and Benin. Mali rejected the Trio's plan.",
			[]string{"Mali REJECTS Ghana", "Mali REJECTS Togo", "Mali REJECTS Benin"}},
		{"quoted name, en dashes", "The plan, presented by the \u201cTrio\u201d \u2013 comprising Ghana, Togo and Benin \u2013 was new. Mali rejected the Trio's plan.",
			[]string{"Mali REJECTS Ghana", "Mali REJECTS Togo", "Mali REJECTS Benin"}},
		{"a list of three is no group", "Kenya invited the Pope, Uganda and Rwanda. The Pope urged Kenya to free prisoners.", nil},
		{"one member is no group", "The plan came from the Trio, comprising Ghana. Mali rejected the Trio's plan.", nil},
	})
}
