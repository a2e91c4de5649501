package extract

import "testing"

// TestRoleActorsMore checks role actors of a state whose demonym the
// dictionary gives its government, rebel and opposition leaders, walking
// out of talks and a time between a verb of saying and its pronoun, in
// sentences written for this test.
func TestRoleActorsMore(t *testing.T) {
	runCases(t, []extractCase{
		{"demonym of a government", "Afghan rebels criticized Pakistan.", []string{"Afghan rebels ACCUSES Pakistan"}},
		{"rebel leaders", "Sudanese rebel leaders criticized Chad.", []string{"Sudanese rebels ACCUSES Chad"}},
		{"rebel leaders in", "Rebel leaders in Sudan rejected the Chadian plan.", []string{"Sudanese rebels REJECTS Chad"}},
		{"opposition politicians", "Chilean opposition politicians criticized Peru.", []string{"Chilean opposition ACCUSES Peru"}},
		{"walked out of talks", "The Kenyan delegation walked out of talks with Uganda.", []string{"Kenya REJECTS Uganda"}},
		{"said on a weekday they would", "Sudanese rebel leaders said on Wednesday they would meet Chad.", []string{"Sudanese rebels ENGAGES Chad", "Sudanese rebels OFFERS Chad"}},
		{"said on a weekday it would", "Kenya said on Wednesday it would send aid to Somalia.", []string{"Kenya OFFERS Somalia"}},
	})
}
