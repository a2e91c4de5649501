package extract

import "testing"

// TestDatelineTitledOfficials checks that an official named by a bare
// state office in a text whose dateline names a state, named again in the
// text, speaks for that state, a later "Mr" and surname included, that a
// dateline in title case before a colon counts, that a title with its own
// state keeps it, and that without a dateline, or with one the text never
// names again (a venue), the official is no one's, in sentences written
// for this test.
func TestDatelineTitledOfficials(t *testing.T) {
	runCases(t, []extractCase{
		{"capitals dateline", "ACCRA: Ghana's Foreign Secretary Kofi Mensah said Togo must stop the raids.", []string{"Ghana DEMANDS Togo"}},
		{"title case dateline, Mr later", "Accra: Ghana has said Foreign Secretary Ram Kumar will meet Togo's envoy. Later, Mr Kumar criticised Togo.",
			[]string{"Ghana ACCUSES Togo", "Ghana ENGAGES Togo", "Ghana OFFERS Togo"}},
		{"deputy minister", "ACCRA: Ghana closed the border. Deputy Foreign Minister Kofi Mensah urged Togo to reopen it.", []string{"Ghana DEMANDS Togo"}},
		{"a venue's dateline", "ACCRA: Foreign Minister Kofi Mensah urged Togo to reopen the border.", nil},
		{"own state in the title", "ACCRA: Togolese Foreign Minister Kofi Mensah urged Ghana to reopen the border.", []string{"Togo DEMANDS Ghana"}},
		{"no dateline", "Foreign Minister Kofi Mensah urged Togo to reopen the border.", nil},
		{"a sentence, not a dateline", "Accra, the capital, was calm. Foreign Minister Kofi Mensah urged Togo to reopen the border.", nil},
	})
}

// TestHonorificSurnames checks that "Mr" before a surname the text has
// learned keeps the person's actor, in sentences written for this test.
func TestHonorificSurnames(t *testing.T) {
	runCases(t, []extractCase{
		{"Mr and surname", "Ghanaian Foreign Minister Ram Kumar met Togo's envoy. Later, Mr Kumar criticised Togo.",
			[]string{"Ghana ACCUSES Togo", "Ghana ENGAGES Togo"}},
		{"Dr and surname", "Ghanaian Foreign Minister Ram Kumar met Togo's envoy. Later, Dr Kumar criticised Togo.",
			[]string{"Ghana ACCUSES Togo", "Ghana ENGAGES Togo"}},
	})
}
