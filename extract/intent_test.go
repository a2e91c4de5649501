package extract

import "testing"

// TestReportedIntentAndMeasures checks the future of reported speech as
// an offer, intent markers with a time before "to" or an act continued,
// offers whose object stands deeper in the act, the addressee of a
// refusal and demands for measures against an actor, in sentences
// written for this test.
func TestReportedIntentAndMeasures(t *testing.T) {
	runCases(t, []extractCase{
		{"said it would", "Kenya said it would provide aid to Somalia.", []string{"Kenya OFFERS Somalia"}},
		{"said it would, object deeper", "Sudan said it would allow the return of U.N. monitors.", []string{"Sudan OFFERS United Nations"}},
		{"would without a speaker is no intent", "Kenya would provide aid to Somalia.", nil},
		{"would in a condition", "Kenya said it would provide aid to Somalia if the rains fail.", nil},
		{"will under a condition", "Nigeria will keep its troops in Chad unless Chad holds elections.", nil},
		{"modifier before the recipient", "France will provide aid to war-torn Chad.", []string{"France OFFERS Chad"}},
		{"from is no recipient", "Nigeria will withdraw its peacekeeping force from Chad.", nil},
		{"from then to", "Nigeria will provide aid from Japan to Chad.", []string{"Nigeria OFFERS Chad"}},
		{"time between agreed and to", "Kenya agreed in principle on Tuesday to send aid to Somalia.", []string{"Kenya OFFERS Somalia"}},
		{"continue aid", "Kenya has promised to continue its military aid to Somalia.", []string{"Kenya OFFERS Somalia"}},
		{"continue to provide", "Kenya promised to continue to provide aid to Somalia.", []string{"Kenya OFFERS Somalia"}},
		{"continue a hostile act", "Kenya promised to continue strikes on Somalia.", nil},
		{"refused to whom", "Togo refused entry to Nigerians.", []string{"Togo REJECTS Nigeria"}},
		{"sanctions against", "Japan called for sanctions against Burma.", []string{"Japan ACCUSES Myanmar"}},
		{"embargo on", "Japan urged an embargo on Burma.", []string{"Japan ACCUSES Myanmar"}},
		{"sanctions asked of another", "Japan urged the UN to impose sanctions on Burma.", []string{"Japan DEMANDS United Nations"}},
	})
}
