package extract

import "testing"

// TestSignedAgreements checks agreements signed or reached, in sentences
// written for this test: the parties engage each other; a refusal to
// sign does not.
func TestSignedAgreements(t *testing.T) {
	runCases(t, []extractCase{
		{"signed a deal with", "Kenya signed a trade deal with Uganda on Monday.", []string{"Kenya ENGAGES Uganda"}},
		{"signed a memorandum of understanding, a time, with", "Kenya signed a memorandum of understanding last month with Ugandan President Yoweri Museveni.", []string{"Kenya ENGAGES Uganda", "Kenya SUPPORTS Uganda"}},
		{"a declaration signed by two", "Kenya and Uganda signed a declaration of principles in Nairobi.",
			[]string{"Kenya ENGAGES Uganda", "Kenya SUPPORTS Uganda", "Uganda SUPPORTS Kenya"}},
		{"passive, between", "A deal was signed on Monday between Kenya and Uganda.", []string{"Kenya ENGAGES Uganda"}},
		{"reached an agreement with", "Kenya has reached an agreement with Uganda to reopen the border.", []string{"Kenya OFFERS Uganda", "Kenya ENGAGES Uganda"}},
		{"refused to sign", "Kenya refused to sign an agreement with Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"a pair before a relative", "Sudan spoke amid a row between Kenya and Uganda, which signed a deal.", nil},
		{"a signing denied", "Kenya denied reports that it had signed a deal with Uganda.", nil},
		{"will sign", "Kenya will sign a deal with Uganda.", nil},
		{"de facto government", "Ethiopia signed a port deal with Somaliland.", []string{"Ethiopia ENGAGES Somaliland"}},
	})
}

// TestReadyForPacts checks, in sentences written for this test, that
// readiness for a pact with an actor offers it one, as readiness for
// talks does, and that its negation rejects.
func TestReadyForPacts(t *testing.T) {
	runCases(t, []extractCase{
		{"ready for a ceasefire with", "Hamas said it was ready for a ceasefire with Israel.", []string{"Hamas OFFERS Israel"}},
		{"ready for a prisoner exchange", "Hamas is ready for a prisoner exchange with Israel.", []string{"Hamas OFFERS Israel"}},
		{"proposed a swap with", "Hamas proposed a prisoner swap with Israel.", []string{"Hamas OFFERS Israel"}},
		{"not ready", "Israel said it was not ready for a ceasefire with Hamas.", []string{"Israel REJECTS Hamas"}},
		{"ready for war is no offer", "Hamas said it was ready for war with Israel.", nil},
	})
}

// TestPactsCalledForBetween checks, in sentences written for this test,
// that a pact called for between two actors is asked of both and engages
// neither, and that an accusation said to be baseless rejects its accuser.
func TestPactsCalledForBetween(t *testing.T) {
	runCases(t, []extractCase{
		{"dialogue between", "South Africa called for dialogue between Russia and Ukraine.",
			[]string{"South Africa DEMANDS Russia", "South Africa DEMANDS Ukraine"}},
		{"a ceasefire between", "South Africa called for a ceasefire between Russia and Ukraine.",
			[]string{"South Africa DEMANDS Russia", "South Africa DEMANDS Ukraine"}},
		{"the accusations were baseless", "Kinshasa accused Kigali of backing the M23. Rwanda said the accusations were baseless.",
			[]string{"DR Congo ACCUSES Rwanda", "Rwanda REJECTS DR Congo"}},
	})
}
