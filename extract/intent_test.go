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

// TestNominalWillingness checks consent and intent named by a noun after
// a verb of expression, in sentences written for this test.
func TestNominalWillingness(t *testing.T) {
	runCases(t, []extractCase{
		{"expressed willingness", "Egypt expressed willingness to mediate between Ethiopia and Sudan.", []string{"Egypt OFFERS Ethiopia", "Egypt OFFERS Sudan"}},
		{"possessive", "Canada expressed its readiness to help Haiti.", []string{"Canada OFFERS Haiti"}},
		{"two modifiers", "Peru signalled its full readiness to resume talks with Bolivia.", []string{"Peru OFFERS Bolivia"}},
		{"intention of cooperation", "Japan announced its intention to send aid to Nepal.", []string{"Japan OFFERS Nepal"}},
		{"intention of a hostile act", "Chad announced its intention to expel diplomats from Niger.", nil},
		{"negated willingness is no offer", "Kenya did not express any willingness to help Somalia.", nil},
		{"willingness of another", "Kenya welcomed the willingness of Uganda to help Somalia.", []string{"Kenya SUPPORTS Uganda"}},
	})
}

// TestRefusedIntent checks a negated intent to cooperate or yield as a
// rejection, in sentences written for this test.
func TestRefusedIntent(t *testing.T) {
	runCases(t, []extractCase{
		{"vowed never to negotiate", "Chile vowed never to negotiate with Bolivia.", []string{"Chile REJECTS Bolivia"}},
		{"pledged not to cede", "Armenia pledged not to cede any territory to Azerbaijan.", []string{"Armenia REJECTS Azerbaijan"}},
		{"promised not to meet", "Kenya promised not to meet Somalia again.", []string{"Kenya REJECTS Somalia"}},
		{"a hostile act is no refusal", "Peru vowed never to bomb Ecuador.", nil},
		{"uncoded verb", "Chile vowed never to forget Bolivia.", nil},
	})
}

// TestMoreIntentMarkers checks decisions and plans stated as the
// subject's own, readiness for a meeting, money pledged and the intent
// of an actor its speaker reports, in sentences written for this test.
func TestMoreIntentMarkers(t *testing.T) {
	runCases(t, []extractCase{
		{"decided to", "Kenya has decided to send troops to Somalia.", []string{"Kenya OFFERS Somalia"}},
		{"intends to", "Qatar intends to provide aid to Yemen.", []string{"Qatar OFFERS Yemen"}},
		{"decided to, hostile", "Kenya has decided to expel diplomats from Somalia.", nil},
		{"ready for talks", "Kenya is ready for talks with Somalia.", []string{"Kenya OFFERS Somalia"}},
		{"open to dialogue", "Chile said it was open to dialogue with Bolivia.", []string{"Chile OFFERS Bolivia"}},
		{"not ready for talks", "Kenya is not ready for talks with Somalia.", []string{"Kenya REJECTS Somalia"}},
		{"ready for war", "Peru is ready for war with Chile.", nil},
		{"money pledged", "Norway pledged $10 million to Haiti.", []string{"Norway OFFERS Haiti"}},
		{"money in aid", "Norway pledged $10 million in aid to Haiti.", []string{"Norway OFFERS Haiti"}},
		{"reported intent of another", "Kenya said Uganda would send troops to Somalia.", []string{"Uganda OFFERS Somalia"}},
		{"reported intent, that", "Kenya said that Uganda would send troops to Somalia.", []string{"Uganda OFFERS Somalia"}},
		{"would without a speaker", "Uganda would send troops to Somalia.", nil},
	})
}

// TestReadyForHostileActs checks readiness for a hostile act as a threat,
// which no stance type names, while readiness to help or to fight beside
// another still offers, in sentences written for this test.
func TestReadyForHostileActs(t *testing.T) {
	runCases(t, []extractCase{
		{"ready to fight", "Sudan is ready to fight Chad.", nil},
		{"prepared to fight, reported", "Sudan said it was prepared to fight Chad.", nil},
		{"ready to attack", "Iraq is ready to attack Iran.", nil},
		{"ready to strike", "Iraq is ready to strike Iran.", nil},
		{"prepared to invade", "Iraq is prepared to invade Kuwait.", nil},
		{"ready to bomb", "Israel is ready to bomb Syria.", nil},
		{"ready to help still offers", "Sudan is ready to help Chad.", []string{"Sudan OFFERS Chad"}},
		{"fight alongside still offers", "Sudan is ready to fight alongside Chad.", []string{"Sudan OFFERS Chad"}},
		{"willing to talk still offers", "Iraq is willing to talk with Iran.", []string{"Iraq OFFERS Iran"}},
	})
}

// TestWithdrawnFromPart checks that troops withdrawn from a part of a
// country ("from southern Lebanon") are offered to no one, as troops
// withdrawn from the country are, in sentences written for this test.
func TestWithdrawnFromPart(t *testing.T) {
	runCases(t, []extractCase{
		{"from southern", "Syria said it will withdraw its troops from southern Lebanon.", nil},
		{"from northern", "Nigeria will withdraw its troops from northern Chad.", nil},
		{"from the occupied", "Morocco will withdraw its forces from the occupied parts of Mauritania.", nil},
		{"from the country still none", "Nigeria will withdraw its peacekeeping force from Chad.", nil},
		{"to a part still offers", "Nigeria will send troops to northern Chad.", []string{"Nigeria OFFERS Chad"}},
	})
}
