package extract

import "testing"

// TestOrganizationSynonyms checks that an organization referred to as
// "the ... organization" is the bloc named last whose reference is "the
// bloc", in sentences written for this test.
func TestOrganizationSynonyms(t *testing.T) {
	runCases(t, []extractCase{
		{"numbered regional organization", "The Arab League backed Somalia. Ethiopia accused the 22-nation regional organization of meddling.", []string{"Arab League SUPPORTS Somalia", "Ethiopia ACCUSES Arab League"}},
		{"regional organization", "The Arab League backed Somalia. Ethiopia accused the regional organization of meddling.", []string{"Arab League SUPPORTS Somalia", "Ethiopia ACCUSES Arab League"}},
		{"an alliance is no organization here", "NATO backed Kyiv. Russia accused the regional organization of meddling.", []string{"NATO SUPPORTS Ukraine"}},
	})
}
