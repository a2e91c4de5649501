package extract

import "testing"

// TestNewsPhrasings checks cue phrasings of foreign ministries'
// statements, in sentences written for this test: taking exception to an
// actor's words rejects it, and asking others to condemn or reject an
// actor's act is the speaker's own accusation or rejection.
func TestNewsPhrasings(t *testing.T) {
	runCases(t, []extractCase{
		{"took exception", "Ghana took exception to Togo's remarks on the border.", []string{"Ghana REJECTS Togo"}},
		{"took strong exception", "Ghana took strong exception to the remarks of Togolese officials.", []string{"Ghana REJECTS Togo"}},
		{"takes exception", "Ghana takes exception to the Togolese statement.", []string{"Ghana REJECTS Togo"}},
		{"negated exception", "Ghana did not take exception to Togo's remarks.", nil},
		{"urged others to condemn", "Ghana urged African states to condemn the Togolese government's move.", []string{"Ghana ACCUSES Togo"}},
		{"called on the world to denounce", "Ghana called on the world to denounce Togo's annexation of the islands.", []string{"Ghana ACCUSES Togo"}},
		{"called upon others to hold accountable", "Ghana called upon the international community to hold Togo accountable.", []string{"Ghana ACCUSES Togo"}},
		{"urged a body to hold responsible", "Ghana urged the UN to hold Togo responsible for the raids.", []string{"Ghana ACCUSES Togo", "Ghana DEMANDS United Nations"}},
		{"hold talks is no charge", "Ghana urged the UN to hold talks with Togo.", []string{"Ghana DEMANDS United Nations"}},
		{"urged others to reject", "Ghana urged its neighbours to reject the Togolese plan.", []string{"Ghana REJECTS Togo"}},
	})
}
