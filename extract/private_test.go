package extract

import "testing"

// TestPrivateForces checks that a demonym before "military group" or
// "military contractor" is no state's army, so that a later "the military
// junta" keeps the state that has one, in sentences written for this test.
func TestPrivateForces(t *testing.T) {
	runCases(t, []extractCase{
		{"military group", "Guinea's junta expelled the envoy. Links between the Turkish military group Sadat and Guinean officers worry Paris. The military junta also accused France of lying.", []string{"Guinea ACCUSES France"}},
		{"military contractor", "Guinea's junta expelled the envoy. A Turkish military contractor trains its guards. The junta accused France of lying.", []string{"Guinea ACCUSES France"}},
	})
}
