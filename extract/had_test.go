package extract

import "testing"

// TestAuxiliaryHad checks that "had" of a perfect finds no talks further
// on while "had talks" still engages, in sentences written for this test.
func TestAuxiliaryHad(t *testing.T) {
	runCases(t, []extractCase{
		{"had rejected a proposal", "Ghana had also rejected a Togolese proposal to resume talks with Benin.", []string{"Ghana REJECTS Togo", "Togo OFFERS Ghana"}},
		{"had been told of talks", "Ghana had been told of talks with Benin.", nil},
		{"had talks", "Ghana had talks with Togo on Monday.", []string{"Ghana ENGAGES Togo"}},
		{"had held talks", "Ghana had held talks with Togo.", []string{"Ghana ENGAGES Togo"}},
	})
}
