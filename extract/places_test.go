package extract

import "testing"

// TestPlaceTargets checks that the country of a place is the object of a
// visit, of troops or aid sent there and of an embassy opened there, and
// of nothing else, in sentences written for this test.
func TestPlaceTargets(t *testing.T) {
	runCases(t, []extractCase{
		{"arrival on a visit", "The Ugandan envoy arrived in Nairobi on a two-day visit.", []string{"Uganda ENGAGES Kenya"}},
		{"arrival for talks", "The Ugandan envoy arrived in Nairobi for talks.", []string{"Uganda ENGAGES Kenya"}},
		{"arrival alone engages no one", "The Ugandan envoy arrived in Nairobi.", nil},
		{"a meeting place is a venue", "Chad and Niger met in Nairobi.", []string{"Chad ENGAGES Niger"}},
		{"troops to a force in", "Ghana is ready to send troops to a regional force in Mali.", []string{"Ghana OFFERS Mali"}},
		{"asylum sought in", "Some Malian families sought asylum in Ghana.", nil},
		{"asylum sought by an actor in", "Mali sought asylum in Ghana for its ministers.", []string{"Mali DEMANDS Ghana"}},
		{"a demand of what is in a place", "Mali demanded troops in Ghana.", nil},
		{"an irregular past is a verb", "Mali sought talks with Ghana.", []string{"Mali DEMANDS Ghana"}},
		{"a long phrase before the place", "Ghana is ready to commit up to 2,000 soldiers to an international peace-keeping force in Mali.", []string{"Ghana OFFERS Mali"}},
		{"observers sent to", "Nigeria agreed to send observers to Liberia.", []string{"Nigeria OFFERS Liberia"}},
		{"refused deployment", "Pakistan refused to deploy peacekeepers in Somalia.", []string{"Pakistan REJECTS Somalia"}},
		{"embassy opened", "Canada opened an embassy in Hanoi.", []string{"Canada ENGAGES Vietnam"}},
		{"an actor object wins", "The Kenyan president held talks with Ugandan officials in Kampala.", []string{"Kenya ENGAGES Uganda"}},
		{"venue of talks is no target", "Kenya praised the talks in Kampala.", nil},
		{"accusation about a place is no target", "Pakistan condemned the deployment of troops in Somalia.", nil},
		{"people received are no sent noun", "Kenya welcomed refugees in Nairobi.", nil},
		{"own country is no target", "Kenya will send more troops to Kenya.", nil},
	})
}

// TestRefusedTogether checks that a subject list failing or refusing to
// do an act done together rejects each other, and not where a third party
// is named, the act is not done together or the parties merely failed to
// agree, in sentences written for this test.
func TestRefusedTogether(t *testing.T) {
	runCases(t, []extractCase{
		{"failed to reach agreement", "Kenya and Somalia failed to reach agreement on the border.", []string{"Kenya REJECTS Somalia", "Somalia REJECTS Kenya"}},
		{"failed to agree is a disagreement", "The Kenyans and Somalis failed to agree on the border.", nil},
		{"failed to agree, leaders", "The leaders of Kenya and Somalia failed to agree on ways to end the dispute.", nil},
		{"refused to agree", "Kenya and Somalia refused to agree on the border.", []string{"Kenya REJECTS Somalia", "Somalia REJECTS Kenya"}},
		{"own demonym in the act", "Kenya and Somalia failed to reach agreement on Kenyan fishing rights.", []string{"Kenya REJECTS Somalia", "Somalia REJECTS Kenya"}},
		{"third party", "Kenya and Somalia failed to reach a deal with Ethiopia.", nil},
		{"not an act together", "Kenya and Somalia refused to condemn the attack.", nil},
		{"single subject", "Kenya failed to reach agreement on the border.", nil},
	})
}

// TestMediationAndAmounts checks that a mediator engages the parties it
// mediates between, that a number with a thousands comma is one token
// and that aid "for" a country offers it, in sentences written for this
// test.
func TestMediationAndAmounts(t *testing.T) {
	runCases(t, []extractCase{
		{"mediation effort between", "Kenya launched a mediation effort between Ethiopia and Eritrea.", []string{"Kenya ENGAGES Eritrea", "Kenya ENGAGES Ethiopia"}},
		{"mediation effort, a time, between", "Kenya launched a mediation effort on Sunday between Ethiopia and Eritrea.", []string{"Kenya ENGAGES Eritrea", "Kenya ENGAGES Ethiopia"}},
		{"the Emirates", "Kenya launched a mediation effort between the Emirates and Oman.", []string{"Kenya ENGAGES Oman", "Kenya ENGAGES United Arab Emirates"}},
		{"talks, a time, between", "Uganda announced talks next week between Ethiopia and Eritrea.", []string{"Ethiopia ENGAGES Eritrea"}},
		{"mediation between", "Kenya offered mediation between Ethiopia and Eritrea.", []string{"Kenya ENGAGES Eritrea", "Kenya ENGAGES Ethiopia", "Kenya OFFERS Eritrea", "Kenya OFFERS Ethiopia"}},
		{"negated mediation", "Kenya will not launch a mediation effort between Ethiopia and Eritrea.", nil},
		{"thousands comma", "Kenya is ready to contribute 4,000 troops to a force in Chad.", []string{"Kenya OFFERS Chad"}},
		{"aid for", "Kenya agreed on Tuesday to give 12 million dollars of aid for Chad and Niger.", []string{"Kenya OFFERS Chad", "Kenya OFFERS Niger"}},
		{"for after no sent noun", "Kenya agreed to provide a large new meeting hall for Chad.", nil},
	})
}
