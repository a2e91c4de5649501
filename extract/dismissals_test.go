package extract

import "testing"

// TestPhrasalDismissals checks phrasal verbs of dismissal ("brushed
// aside", "shrugged off", "scoffed at", "balked at", "pushed back
// against"), a snub and relations or talks suspended, frozen or
// downgraded as rejections of the actor, and that aid suspended or assets
// frozen reject no one, in sentences written for this test.
func TestPhrasalDismissals(t *testing.T) {
	runCases(t, []extractCase{
		{"brushed aside", "Ghana brushed aside Togo's proposal.", []string{"Ghana REJECTS Togo", "Togo OFFERS Ghana"}},
		{"shrugged off", "Ghana shrugged off Togo's criticism.", []string{"Ghana REJECTS Togo"}},
		{"scoffed at", "Ghana scoffed at Togo's proposal.", []string{"Ghana REJECTS Togo", "Togo OFFERS Ghana"}},
		{"balked at", "Ghana balked at Togo's demands.", []string{"Ghana REJECTS Togo", "Togo DEMANDS Ghana"}},
		{"pushed back against", "Ghana pushed back against Togo's demands.", []string{"Ghana REJECTS Togo", "Togo DEMANDS Ghana"}},
		{"snubbed", "Ghana snubbed Togo's invitation.", []string{"Ghana REJECTS Togo", "Togo OFFERS Ghana"}},
		{"suspended talks with", "Ghana suspended talks with Togo.", []string{"Ghana REJECTS Togo"}},
		{"froze relations with", "Ghana froze relations with Togo.", []string{"Ghana REJECTS Togo"}},
		{"downgraded relations with", "Ghana downgraded relations with Togo.", []string{"Ghana REJECTS Togo"}},
		{"aid suspended", "Ghana suspended aid to Togo.", nil},
		{"assets frozen", "Ghana froze the assets of Togolese officials.", nil},
	})
}
