package extract

import "testing"

// TestTakingPartInTalks checks that taking part in, participating in,
// joining or attending talks with X engages X, that joining a body stays
// no stance, and that parties attending talks as observers offer each
// other nothing, in sentences written for this test.
func TestTakingPartInTalks(t *testing.T) {
	runCases(t, []extractCase{
		{"took part in talks with", "Chile took part in talks with Peru.", []string{"Chile ENGAGES Peru"}},
		{"participated in talks with", "Chile participated in talks with Peru.", []string{"Chile ENGAGES Peru"}},
		{"has taken part in", "Chile has taken part in the talks with Peru since May.", []string{"Chile ENGAGES Peru"}},
		{"joined talks with", "Chile joined talks with Peru.", []string{"Chile ENGAGES Peru"}},
		{"joined negotiations", "Chile joined the negotiations with Peru in Lima.", []string{"Chile ENGAGES Peru"}},
		{"attended modified talks", "Chile attended the direct talks with Peru.", []string{"Chile ENGAGES Peru"}},
		{"refused to take part", "Chile refused to take part in talks with Peru.", []string{"Chile REJECTS Peru"}},
		{"joined a body", "Chile joined NATO.", nil},
		{"observers", "Chile and Peru will also attend the talks as observers.", nil},
	})
}

// TestTalkingToActors checks that talking or speaking to X engages X and
// that readiness for it offers, or declining it rejects, in sentences
// written for this test.
func TestTalkingToActors(t *testing.T) {
	runCases(t, []extractCase{
		{"spoke to by telephone", "Chile spoke to Peru by telephone.", []string{"Chile ENGAGES Peru"}},
		{"ready to talk to", "The Taliban are ready to talk to the United States.", []string{"Taliban OFFERS United States"}},
		{"willing to talk to", "The Taliban said they were willing to talk to the United States.", []string{"Taliban OFFERS United States"}},
		{"declined to talk to", "Chile declined to talk to Peru.", []string{"Chile REJECTS Peru"}},
		{"spoke to reporters", "Chile spoke to reporters about Peru.", nil},
	})
}

// TestAttendedHosts checks that attending, joining or taking part in a
// meeting "hosted by X" engages X, while a meeting not attended or only
// named engages no one, in sentences written for this test.
func TestAttendedHosts(t *testing.T) {
	runCases(t, []extractCase{
		{"took part in a conference hosted by", "A Taliban delegation took part in a conference hosted by Russia.", []string{"Taliban ENGAGES Russia"}},
		{"attended a conference hosted by", "The Taliban attended a conference hosted by Russia.", []string{"Taliban ENGAGES Russia"}},
		{"modifiers before the noun", "Chile has taken part in a regional security conference hosted by Peru.", []string{"Chile ENGAGES Peru"}},
		{"participated in talks convened by", "Chile participated in the talks convened by Peru.", []string{"Chile ENGAGES Peru"}},
		{"joined a forum hosted by", "Chile joined a forum hosted by Peru.", []string{"Chile ENGAGES Peru"}},
		{"did not attend", "Chile did not attend the conference hosted by Peru.", nil},
		{"a conference named only", "The conference hosted by Peru ended on Monday.", nil},
	})
}

// TestTopicsAttended checks that the topic of a meeting attended or
// hosted ("a conference on X attended by Y") is not what Y attended, in
// sentences written for this test.
func TestTopicsAttended(t *testing.T) {
	runCases(t, []extractCase{
		{"a conference on a state", "Russia hosted a conference on Afghanistan attended by the Taliban.", []string{"Russia ENGAGES Taliban"}},
		{"talks on a state, commas", "The talks on Somalia, attended by Kenya and Uganda, ended.", nil},
		{"a state visited", "Kenya was visited by Uganda's president.", []string{"Uganda ENGAGES Kenya"}},
	})
}
