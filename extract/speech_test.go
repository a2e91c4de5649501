package extract

import "testing"

// TestSpeakerOfCoordinatedVerb checks that a verb coordinated after
// reported speech takes the speaker as its subject, never an actor named
// inside what was said, in sentences written for this test.
func TestSpeakerOfCoordinatedVerb(t *testing.T) {
	runCases(t, []extractCase{
		{"unknown speaker", "Kenya and Uganda held drills. Mwangi said the Ugandan drills were reckless and accused Kenya of provocation.", []string{"Kenya ENGAGES Uganda"}},
		{"no actor speaks", "Analysts said Uganda was wrong and urged Ethiopia to mediate.", nil},
		{"actor speaks", "Kenya said Uganda was wrong and urged Ethiopia to mediate.", []string{"Kenya DEMANDS Ethiopia"}},
		{"titled speaker", "The Kenyan president said the drills by Uganda were reckless and urged Ethiopia to mediate.", []string{"Kenya DEMANDS Ethiopia"}},
		{"unnamed official", "A spokesman said the Kenyan government was informed of the talks and urged Uganda to act.", []string{"Kenya DEMANDS Uganda"}},
		{"no speech", "Uganda held drills on Monday and accused Kenya of provocation.", []string{"Uganda ACCUSES Kenya"}},
	})
}
