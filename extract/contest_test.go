package extract

import "testing"

// TestContestedClaims checks that challenging, disputing or questioning
// an actor's claim or account, and casting doubt on it, reject the actor
// who made it, while challenging an actor to act still demands it, in
// sentences written for this test.
func TestContestedClaims(t *testing.T) {
	runCases(t, []extractCase{
		{"challenged X's account", "Ghana challenged Togo's account of the clash.", []string{"Ghana REJECTS Togo"}},
		{"disputed X's claims", "Bolivia disputed Paraguay's claims about the border.", []string{"Bolivia REJECTS Paraguay"}},
		{"questioned X's version", "Norway questioned Sweden's version of events.", []string{"Norway REJECTS Sweden"}},
		{"cast doubt on X's", "Canada cast doubt on Cuba's figures.", []string{"Canada REJECTS Cuba"}},
		{"challenged X to act", "Spain challenged Portugal to prove its allegations.", []string{"Spain DEMANDS Portugal"}},
		{"coordinated challenge to act", "Chad's foreign ministry called the claims false and challenged Mali to take its case to court.",
			[]string{"Chad DEMANDS Mali"}},
		{"questioned X's officials is no claim", "Brazil questioned Venezuela's officials at length.", nil},
		{"challenged X's ruling is no claim", "Ghana challenged Togo's ruling on the fishing quota.", nil},
	})
}
