package extract

import "testing"

// TestCompoundActors covers subject lists that act with each other when
// the verb names no object, and object lists of demonyms before an office
// noun, in sentences written for this test.
func TestCompoundActors(t *testing.T) {
	runCases(t, []extractCase{
		{"agreed on, no object", "Kenya and Uganda agreed on a new border treaty on Monday.", []string{"Kenya OFFERS Uganda", "Uganda OFFERS Kenya"}},
		{"agreed to a noun, no object", "Ghana and Togo agreed to a truce after a week of clashes.", []string{"Ghana OFFERS Togo", "Togo OFFERS Ghana"}},
		{"agreed to an act, no object", "Norway and Sweden agreed to share weather data.", []string{"Norway OFFERS Sweden", "Sweden OFFERS Norway"}},
		{"demonym list before office noun", "Senior Finnish and Estonian officials agreed on Tuesday that their countries should work together.", []string{"Estonia OFFERS Finland", "Finland OFFERS Estonia"}},
		{"signed an accord", "Ghana and Togo signed an accord on fishing rights.", []string{"Ghana ENGAGES Togo", "Ghana SUPPORTS Togo", "Togo SUPPORTS Ghana"}},
		{"renewed negotiations", "Chile and Peru renewed negotiations today on fishing.", []string{"Chile ENGAGES Peru"}},
		{"hostile act is not reciprocal", "Chile and Peru condemned the attack on the embassy.", nil},
		{"one subject, no object", "Norway agreed to share weather data.", nil},
		{"negated agreement", "Chile and Peru have not agreed to a truce.", nil},
		{"agreed to a hostile act", "Chile and Peru agreed to attack the rebels.", nil},
		{"request to a demonym list", "Ethiopia asked Kenyan, Ugandan and Tanzanian officials to explain the delay.", []string{"Ethiopia DEMANDS Kenya", "Ethiopia DEMANDS Tanzania", "Ethiopia DEMANDS Uganda"}},
		{"three targets", "Ethiopia asked Iraqi, U.S. and NATO officials to explain the raid.", []string{"Ethiopia DEMANDS Iraq", "Ethiopia DEMANDS NATO", "Ethiopia DEMANDS United States"}},
		{"ready to, an uncoded act", "Chile is ready to ferry supplies to Haiti.", []string{"Chile OFFERS Haiti"}},
		{"left the bloc is done alone", "Mali, Niger and Chad left the bloc.", nil},
	})
}
