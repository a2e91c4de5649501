package extract

import "testing"

// TestReportedIntentThat checks that an intent reported with "that" or a
// time between the verb of saying and its subject is an offer as "said it
// would" is, and that a condition or a negation after it still states no
// offer, in sentences written for this test.
func TestReportedIntentThat(t *testing.T) {
	runCases(t, []extractCase{
		{"said that it would", "Ghana said that it would hold its first direct talks with Togo next month.", []string{"Ghana ENGAGES Togo", "Ghana OFFERS Togo"}},
		{"said Sunday that X would", "A Kenyan official said Sunday that Kenya would hold direct talks with Uganda within two weeks.",
			[]string{"Kenya ENGAGES Uganda", "Kenya OFFERS Uganda"}},
		{"said on Monday that X would never", "Ghana said on Monday that Togo would never hold talks with Benin.", []string{"Togo REJECTS Benin"}},
		{"said that X would, if", "Ghana said that Togo would hold talks with Benin if Benin withdrew.", nil},
	})
}

// TestLeavingIsNoOffer checks that an intent to leave an actor or a place
// offers nothing, while leaving for talks is still a visit, in sentences
// written for this test.
func TestLeavingIsNoOffer(t *testing.T) {
	runCases(t, []extractCase{
		{"said they would leave X", "Mali and Niger announced they would leave ECOWAS.", nil},
		{"said it would quit X", "Chad said it would quit the African Union.", nil},
	})
}

// TestReadinessForCooperation checks willingness named by a noun before
// "for" and a noun of meeting or cooperation ("its readiness for joint
// cooperation with X") as an offer, and not before a hostile noun, in
// sentences written for this test.
func TestReadinessForCooperation(t *testing.T) {
	runCases(t, []extractCase{
		{"readiness for joint cooperation with", "Norway expressed its readiness for joint cooperation with Sweden in patrolling the border.",
			[]string{"Norway OFFERS Sweden"}},
		{"readiness for talks with", "Ghana expressed readiness for talks with Togo.", []string{"Ghana OFFERS Togo"}},
		{"ready for direct talks with", "Kenya is ready for direct talks with Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"readiness for war is no offer", "Peru expressed its readiness for war with Chile.", nil},
	})
}
