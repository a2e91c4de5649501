package extract

import "testing"

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
