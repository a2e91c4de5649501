package extract

import "testing"

// TestSeventhRound covers the seventh round's phrasings, in sentences
// written for this test: meetings of a body requested, objections lodged
// and reservations voiced, claims to land that accuse nobody, and envoys
// titled "for" a place and named later by surname.
func TestSeventhRound(t *testing.T) {
	runCases(t, []extractCase{
		{"a body's meeting requested", "Kenya requested an emergency session of the African Union over the raids.",
			[]string{"Kenya DEMANDS African Union"}},
		{"an objection lodged", "Peru has lodged a formal objection to Chile's fishing decree.",
			[]string{"Peru REJECTS Chile"}},
		{"objections raised", "Greece raised objections to Turkey's survey plans.",
			[]string{"Greece REJECTS Turkey"}},
		{"reservations voiced", "Oman voiced reservations about the Saudi proposal.",
			[]string{"Oman REJECTS Saudi Arabia"}},
		{"a claim to land accuses nobody", "Malaysia dismissed the territorial claims by the Philippines.",
			[]string{"Malaysia REJECTS Philippines"}},
		{"a charge denied still accuses", "Malaysia dismissed the claims by the Philippines.",
			[]string{"Malaysia REJECTS Philippines", "Philippines ACCUSES Malaysia"}},
		{"an envoy for a place, by surname", "UN Special Envoy for Libya Karl Ostberg arrived on Monday. Ostberg later met with Egypt.",
			[]string{"United Nations ENGAGES Egypt"}},
		{"an envoy titled by a role mention", "UN envoy Karl Ostberg arrived on Monday. Ostberg later met with Egypt.",
			[]string{"United Nations ENGAGES Egypt"}},
		{"talks at a venue", "Peru held talks in Lima with Chile on Monday.",
			[]string{"Peru ENGAGES Chile"}},
		{"a meeting at a venue as a setting", "Peru said after a meeting in Quito with Ecuador that the border would open.",
			[]string{"Peru ENGAGES Ecuador"}},
		{"calls as the means", "Japan said its concern was conveyed through separate telephone conversations with Vietnam and Laos.",
			[]string{"Japan ENGAGES Vietnam", "Japan ENGAGES Laos"}},
		{"talks begun", "Ghana said it had begun talks with Togo.",
			[]string{"Ghana ENGAGES Togo"}},
		{"a wrong opening what is said", "Greece said Turkey's illegal drilling had to be met with sanctions.",
			[]string{"Greece ACCUSES Turkey"}},
		{"an act that is no wrong", "Greece said Turkey's drilling plan was late.",
			nil},
		{"a claim to land judged", "Peru described Chile's maritime claim as absurd.",
			[]string{"Peru REJECTS Chile"}},
		{"a deadline set by a list", "The deadline set by Egypt, the United Arab Emirates (UAE) and Bahrain for Qatar to comply passed.",
			[]string{"Egypt DEMANDS Qatar", "United Arab Emirates DEMANDS Qatar", "Bahrain DEMANDS Qatar"}},
		{"a deadline set by the subject", "Kenya set a 48-hour deadline for Somalia to withdraw its troops.",
			[]string{"Kenya DEMANDS Somalia"}},
		{"a deadline for no actor", "Kenya set a deadline for the talks to end.",
			nil},
		{"a UN mission by its acronym", "Haftar accused UNSMIL of bias.",
			[]string{"Libyan National Army ACCUSES United Nations"}},
		{"a splinter group and its parent", "The Renamo Military Junta called Renamo a party of traitors.",
			[]string{"Renamo Military Junta ACCUSES Renamo"}},
	})
}
