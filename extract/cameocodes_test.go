package extract

import "testing"

// TestCAMEOCodeSentences runs a plain news sentence of our own for each
// CAMEO code under the roots that map to the stance types here (PLOVER's
// AGREE, CONSULT, SUPPORT, DEMAND, DISAPPROVE and REJECT: 03, 04, 05, 10,
// 11 and 12), named by code. A code whose act has no actor as its target
// in a plain sentence, or whose type GUIDELINES.md gives otherwise, is
// left out: rallying opposition (113), a court's verdict (116), defying
// norms (128).
func TestCAMEOCodeSentences(t *testing.T) {
	runCases(t, []extractCase{
		{"030", "Kenya said it would cooperate with Uganda on border security.", []string{"Kenya OFFERS Uganda"}},
		{"0311", "Kenya pledged to boost trade with Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"0312", "Kenya offered to hold joint military exercises with Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"0313", "Kenya promised to extradite the suspects to Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"0314", "Kenya agreed to share intelligence with Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"0331", "Kenya pledged $10 million in economic aid to Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"0332", "Kenya offered to supply weapons to Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"0333", "Kenya promised humanitarian assistance to Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"0334", "Kenya offered to send peacekeepers to Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"0351", "Kenya promised to lift sanctions on Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"0354", "Kenya offered to ease its trade embargo on Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"036", "Kenya said it was ready to negotiate with Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"036 proposed", "Kenya proposed talks with Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"037", "Kenya said it was willing to settle its dispute with Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"038", "Kenya said it would accept mediation by Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"039", "Kenya offered to mediate between Uganda and Rwanda.", []string{"Kenya OFFERS Rwanda", "Kenya OFFERS Uganda"}},
		{"040", "Kenya consulted Uganda on the crisis.", []string{"Kenya ENGAGES Uganda"}},
		{"041", "Kenya's president spoke by telephone with Uganda's president.", []string{"Kenya ENGAGES Uganda"}},
		{"041 phoned", "Kenya's president phoned his Ugandan counterpart.", []string{"Kenya ENGAGES Uganda"}},
		{"042", "Kenya's foreign minister visited Uganda.", []string{"Kenya ENGAGES Uganda"}},
		{"043", "Kenya hosted Uganda's president.", []string{"Kenya ENGAGES Uganda"}},
		{"044", "Kenyan and Ugandan officials met in Geneva.", []string{"Kenya ENGAGES Uganda"}},
		{"046", "Kenya negotiated with Uganda over the border.", []string{"Kenya ENGAGES Uganda"}},
		{"051", "Kenya praised Uganda for its efforts.", []string{"Kenya SUPPORTS Uganda"}},
		{"052", "Kenya defended Uganda against the charges.", []string{"Kenya SUPPORTS Uganda"}},
		{"054", "Kenya recognised Uganda's new government.", []string{"Kenya SUPPORTS Uganda"}},
		{"055", "Kenya apologised to Uganda.", []string{"Kenya SUPPORTS Uganda"}},
		{"056", "Kenya forgave Uganda.", []string{"Kenya SUPPORTS Uganda"}},
		{"101", "Kenya demanded an investigation by Uganda.", []string{"Kenya DEMANDS Uganda"}},
		{"1032", "Kenya asked Uganda to send troops.", []string{"Kenya DEMANDS Uganda"}},
		{"1041", "Kenya demanded the resignation of Uganda's president.", []string{"Kenya DEMANDS Uganda"}},
		{"1043", "Kenya demanded that Uganda respect human rights.", []string{"Kenya DEMANDS Uganda"}},
		{"1053", "Kenya demanded that Uganda free the Kenyan prisoners.", []string{"Kenya DEMANDS Uganda"}},
		{"1053 held by", "Kenya demanded the release of Kenyan prisoners held by Uganda.", []string{"Kenya DEMANDS Uganda"}},
		{"106", "Kenya demanded that Uganda withdraw its troops.", []string{"Kenya DEMANDS Uganda"}},
		{"107", "Kenya urged Uganda to agree to a ceasefire.", []string{"Kenya DEMANDS Uganda"}},
		{"108", "Kenya demanded talks with Uganda.", []string{"Kenya DEMANDS Uganda"}},
		{"110", "Kenya disapproved of Uganda's decision.", []string{"Kenya ACCUSES Uganda"}},
		{"111", "Kenya denounced Uganda's conduct.", []string{"Kenya ACCUSES Uganda"}},
		{"1121", "Kenya accused Uganda of corruption.", []string{"Kenya ACCUSES Uganda"}},
		{"1125", "Kenya accused Uganda of spying.", []string{"Kenya ACCUSES Uganda"}},
		{"114", "Kenya lodged a formal complaint with Uganda.", []string{"Kenya ACCUSES Uganda"}},
		{"115", "Kenya filed a lawsuit against Uganda.", []string{"Kenya ACCUSES Uganda"}},
		{"120", "Kenya rejected Uganda's proposal.", []string{"Kenya REJECTS Uganda", "Uganda OFFERS Kenya"}},
		{"121", "Kenya refused to cooperate with Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"1222", "Kenya rejected Uganda's request for military aid.", []string{"Kenya REJECTS Uganda"}},
		{"1223", "Kenya rejected Uganda's appeal for humanitarian aid.", []string{"Kenya REJECTS Uganda"}},
		{"123", "Kenya rejected Uganda's demand for reforms.", []string{"Kenya REJECTS Uganda", "Uganda DEMANDS Kenya"}},
		{"124", "Kenya refused to yield to Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"1241", "Kenya refused to lift sanctions on Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"125", "Kenya rejected Uganda's offer to negotiate.", []string{"Kenya REJECTS Uganda", "Uganda OFFERS Kenya"}},
		{"125 boycott", "Kenya boycotted the talks with Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"125 declined", "Kenya declined to meet Uganda's envoy.", []string{"Kenya REJECTS Uganda"}},
		{"126", "Kenya rejected mediation by Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"127", "Kenya rejected Uganda's peace plan.", []string{"Kenya REJECTS Uganda"}},
		{"129", "Kenya vetoed Uganda's resolution.", []string{"Kenya REJECTS Uganda"}},
	})
}
