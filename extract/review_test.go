package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestRoundReviewFaults holds the faults an independent review of the
// sixth round found in its new rules, each written for the review: every
// row failed on the round's build before its fix.
func TestRoundReviewFaults(t *testing.T) {
	runCases(t, []extractCase{
		{"a passive victim is not accused", "Russia said Syria was bombed by Israel overnight.", nil},
		{"unlikely to is no attempt", "Armenia said Azerbaijan is unlikely to derail the talks.", nil},
		{"a dispute's party is not consulted", "Egypt and Sudan discussed their dispute with Ethiopia over the dam.", []string{"Egypt ENGAGES Sudan"}},
		{"tensions with", "Greece's cabinet discussed the tensions with Turkey on Monday.", nil},
		{"installed officials are the installer's", "Moscow-installed officials accused Ukraine of shelling the power plant.", []string{"Russia ACCUSES Ukraine"}},
		{"appointed envoy", "The UN-appointed envoy urged the Houthis to release the prisoners.", []string{"United Nations DEMANDS Houthis"}},
		{"a description of a group named after it", "The Taliban met US envoys in Doha. The jihadist fighters of al-Shabaab accused Kenya of killing civilians.",
			[]string{"Taliban ENGAGES United States", "al-Shabaab ACCUSES Kenya"}},
		{"the absence of wrongs", "Armenia spoke of the absence of violations by Azerbaijan since the summit.", nil},
		{"the need to avoid wrongs", "Georgia spoke of the need to avoid provocations by Russia.", nil},
		{"refrained from citing", "Greece refrained from citing Turkey's violations in its statement.", nil},
		{"an envoy invited to visit", "Pakistan invited the US special envoy to visit Islamabad for talks.", []string{"Pakistan OFFERS United States"}},
		{"consulting one's lawyers", "Greece and Turkey consulted their lawyers before the hearing.", nil},
		{"discussed internally", "Greece and Turkey discussed the proposal internally before replying.", nil},
		{"responsibility as a duty", "The African Union placed responsibility on Sudan for protecting aid workers in Darfur.", nil},
		{"responsibility to act", "Kenya put the responsibility on Uganda to secure the border crossings.", nil},
		{"a judgement on a condition", "Kenya said a plan put forward by Uganda would be unworkable if it excluded the rebels.", nil},
		{"another's judgement", "Kenya said the plan put forward by Uganda was unacceptable to Tanzania.", nil},
		{"conditions of detention", "The UN said Uganda's conditions for detainees were unacceptable.", []string{"United Nations ACCUSES Uganda"}},
		{"a state to be founded", "France said a Palestinian state must be established alongside Israel.", nil},
		{"a denial of a fact of one's own", "Kenya accused Uganda of arming the rebels. Uganda denied being invited to the talks.", []string{"Kenya ACCUSES Uganda"}},
		{"fears unfounded", "Kenya said Uganda's fears of a border closure were unfounded.", nil},
	})
}

// TestSecondReviewFaults holds the faults a second independent review
// found in the round after the first review's fixes, each written for
// the review.
func TestSecondReviewFaults(t *testing.T) {
	in2019 := stance.NewDate(2019, 5, 8)
	runDatedCases(t, []datedCase{
		{"an opponent after a state's government", in2019, "Turkey backed Libya's government against Khalifa Haftar.", []string{"Turkey SUPPORTS Libya"}},
		{"a victim after a demonym's act", in2019, "The US condemned Venezuelan attacks on Juan Guaido.", []string{"United States ACCUSES Venezuela"}},
		{"a dispute discussed with a counterpart", in2019, "Egypt's foreign minister discussed the dam dispute with his Ethiopian counterpart.",
			[]string{"Egypt ENGAGES Ethiopia"}},
		{"discussed privately", in2019, "Egypt and Israel discussed the issue privately.", []string{"Egypt ENGAGES Israel"}},
		{"among other issues", in2019, "Greece and Turkey discussed energy among other issues.", []string{"Greece ENGAGES Turkey"}},
		{"consulted closely", in2019, "Greece and Turkey consulted closely on the migration deal.", []string{"Greece ENGAGES Turkey"}},
		{"a series of violations", in2019, "Armenia pointed to a series of violations by Azerbaijan.", []string{"Armenia ACCUSES Azerbaijan"}},
		{"avoided citing", in2019, "Greece avoided citing Turkey's violations in its statement.", nil},
		{"responsibility for a wrong", in2019, "The UN placed responsibility on Hamas for starting the war.", []string{"United Nations ACCUSES Hamas"}},
		{"denied playing a role", in2019, "Kenya accused Uganda of arming the rebels. Uganda denied playing any role.",
			[]string{"Kenya ACCUSES Uganda", "Uganda REJECTS Kenya"}},
		{"denied having links", in2019, "Kenya accused Uganda of arming the rebels. Uganda denied having links to the rebels.",
			[]string{"Kenya ACCUSES Uganda", "Uganda REJECTS Kenya"}},
		{"a threat to the speaker's sovereignty", in2019, "Kenya said the conditions set by Uganda were a threat to Kenya's sovereignty.",
			[]string{"Kenya REJECTS Uganda"}},
		{"unworkable if", in2019, "Kenya said the plan put forward by Uganda was unworkable if it excluded the rebels.", nil},
		{"an envoy invited to explain", in2019, "Iran invited the Swiss ambassador to explain the remarks.", []string{"Iran ENGAGES Switzerland"}},
		{"a demonym-installed official", stance.NewDate(2022, 5, 8), "A Russian-appointed official accused Ukraine of shelling the plant.",
			[]string{"Russia ACCUSES Ukraine"}},
		{"accusations called false", in2019, "Kinshasa accused Kigali of backing the M23. Rwanda called the accusations false.",
			[]string{"DR Congo ACCUSES Rwanda", "Rwanda REJECTS DR Congo"}},
		{"direct talks called for between", in2019, "Indonesia called for direct talks between Russia and Ukraine.",
			[]string{"Indonesia DEMANDS Russia", "Indonesia DEMANDS Ukraine"}},
		{"persecution in a place names no persecutor", in2019, "Hungary condemned the persecution of minorities in Nigeria.", nil},
	})
}
