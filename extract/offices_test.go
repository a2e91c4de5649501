package extract

import "testing"

// TestSharedOffices checks that "the Foreign Office", a name several
// states give their foreign ministry, is the state the text gives it and
// the United Kingdom's only when the text gives it none, in sentences
// written for this test.
func TestSharedOffices(t *testing.T) {
	runCases(t, []extractCase{
		{"dateline city", "ISLAMABAD: The Foreign Office on Monday rejected the remarks of Indian officials.", []string{"Pakistan REJECTS India"}},
		{"dateline with agency", "BERLIN (dpa) - The Foreign Office summoned the Russian ambassador on Friday.", []string{"Germany ENGAGES Russia"}},
		{"acronym keeps the state", "LAHORE: The Foreign Office (FO) spoke on Monday. The FO urged India to end the curfew.", []string{"Pakistan DEMANDS India"}},
		{"spokesperson after a dateline", "ISLAMABAD: Foreign Office Spokesperson Amna Qureshi said India must end the curfew.", []string{"Pakistan DEMANDS India"}},
		{"possessive names it", "Pakistan's Foreign Office spoke on Monday. Later the Foreign Office rejected the remarks of Indian officials.", []string{"Pakistan REJECTS India"}},
		{"demonym names it", "The German Foreign Office summoned the Russian ambassador.", []string{"Germany ENGAGES Russia"}},
		{"the state named later", "The Foreign Office rejected the remarks of Indian officials about the talks. Pakistan has long sought them.", []string{"Pakistan REJECTS India"}},
		{"Britain named too", "The Foreign Office rejected the remarks of Indian officials that Pakistan and Britain want to end.", []string{"United Kingdom REJECTS India"}},
		{"nothing else there", "The Foreign Office rejected the remarks of Indian officials.", []string{"United Kingdom REJECTS India"}},
		{"a seat of government as dateline, after 2021", "KABUL: The foreign ministry condemned the Pakistani shelling.", []string{"Taliban ACCUSES Pakistan"}},
		{"unnamed ministry after a dateline", "ANKARA: The foreign ministry condemned the Greek naval drills.", []string{"Turkey ACCUSES Greece"}},
	})
}

// TestForeignOfficeAbbreviated checks that "the FO", as Pakistani papers
// abbreviate the Foreign Office, is the state the text gives it as the
// full name is, and Britain's without any, in sentences written for this
// test.
func TestForeignOfficeAbbreviated(t *testing.T) {
	runCases(t, []extractCase{
		{"dateline", "ISLAMABAD: The FO spokesperson said India must stop its propaganda.", []string{"Pakistan DEMANDS India"}},
		{"named before", "Pakistan rejected the Indian claims. The FO said India must stop its propaganda.", []string{"Pakistan DEMANDS India", "Pakistan REJECTS India"}},
		{"no state given", "The FO said Russia must withdraw.", []string{"United Kingdom DEMANDS Russia"}},
		{"lower case is no name", "The fo said Russia must withdraw.", nil},
	})
}
