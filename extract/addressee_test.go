package extract

import "testing"

// TestAddresseeParticiples checks that a participle after the addressee
// of a verb is the writer's act toward the addressee its pronoun names,
// while a participle after a subject stays that subject's, in sentences
// written for this test.
func TestAddresseeParticiples(t *testing.T) {
	runCases(t, []extractCase{
		{"wrote to a counterpart inviting him", "Norway's foreign minister wrote to his Swedish counterpart inviting him to visit Oslo.", []string{"Norway OFFERS Sweden"}},
		{"wrote to a minister urging her", "Kenya wrote to the Ugandan foreign minister urging her to reopen the border.", []string{"Kenya DEMANDS Uganda"}},
		{"wrote to a state urging it", "Kenya wrote to Uganda urging it to reopen the border.", []string{"Kenya DEMANDS Uganda"}},
		{"a participle after the subject", "Sweden, inviting Norway to talks, named an envoy.", []string{"Sweden OFFERS Norway"}},
		{"no pronoun after it", "Norway wrote to Sweden inviting talks.", nil},
	})
}
