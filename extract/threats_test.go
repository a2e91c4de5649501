package extract

import "testing"

// TestThreatsOwned checks that threats are their maker's, as attacks
// are, in sentences written for this test.
func TestThreatsOwned(t *testing.T) {
	runCases(t, []extractCase{
		{"threats from", "Peru slammed the threats from Chile.", []string{"Peru ACCUSES Chile"}},
		{"threats by, rejected", "Peru rejected threats by Chile.", []string{"Peru REJECTS Chile"}},
		{"threats faced", "Peru faced threats from Chile.", nil},
	})
}
