package extract

import "testing"

// TestLabelsByAuthor checks labels whose author follows "by": a passive
// label before or after the labelled actor, and "what S termed LABEL by
// Y", in sentences written for this test.
func TestLabelsByAuthor(t *testing.T) {
	runCases(t, []extractCase{
		{"fronted passive label", "Listed as a terrorist organisation by Kenya and its partners, the PKK has fought the Turkish state for years.",
			[]string{"Kenya ACCUSES Kurdistan Workers' Party"}},
		{"passive label after the actor", "Fighters of al-Shabaab, designated a terrorist group by Kenya, crossed the border.",
			[]string{"Kenya ACCUSES al-Shabaab"}},
		{"what it termed ... by", `Kenya recalled its envoy over what it termed a "flagrant violation of its borders" by Uganda.`,
			[]string{"Kenya ACCUSES Uganda"}},
		{"friendly label", "Kenya, regarded as a reliable partner by the United States, hosted the talks.", nil},
		{"no label", "Designated by Kenya as the venue, Nairobi hosted the talks.", nil},
		{"an act by, no label", "Kenya reported what it termed a routine visit by Uganda.", nil},
	})
}
