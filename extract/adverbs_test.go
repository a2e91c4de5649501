package extract

import "testing"

// TestAdverbBeforeParticle checks that an adverb of manner between a
// verb and its particle or preposition keeps the cue and its object
// ("talked directly to X", "negotiated directly with X", "met briefly
// with X"), also after an intent marker, in sentences written for this
// test.
func TestAdverbBeforeParticle(t *testing.T) {
	runCases(t, []extractCase{
		{"talked directly to", "Ghana talked directly to Togo for the first time.", []string{"Ghana ENGAGES Togo"}},
		{"negotiated directly with", "Ghana negotiated directly with Togo.", []string{"Ghana ENGAGES Togo"}},
		{"spoke directly with", "Ghana's president spoke directly with Togo's president.", []string{"Ghana ENGAGES Togo"}},
		{"agreed to talk directly to", "Ghana agreed to talk directly to Togo.", []string{"Ghana ENGAGES Togo", "Ghana OFFERS Togo"}},
		{"ready to talk directly to", "Ghana is ready to talk directly to Togo.", []string{"Ghana OFFERS Togo"}},
		{"agreed to negotiate directly with", "Ghana agreed to negotiate directly with Togo.", []string{"Ghana ENGAGES Togo", "Ghana OFFERS Togo"}},
	})
}
