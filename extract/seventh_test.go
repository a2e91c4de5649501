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
	})
}
