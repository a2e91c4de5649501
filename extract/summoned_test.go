package extract

import "testing"

// TestSummonedInProtest checks that an envoy summoned "in protest" is
// still contact with the envoy's state, in sentences written for this
// test.
func TestSummonedInProtest(t *testing.T) {
	runCases(t, []extractCase{
		{"demonym, in protest", "Ghana summoned the Togolese charge d'affaires in protest.", []string{"Ghana ENGAGES Togo"}},
		{"possessive, in protest at", "Ghana summoned Togo's ambassador in protest at the arrests.", []string{"Ghana ENGAGES Togo"}},
		{"plain summons", "Ghana summoned Togo's ambassador.", []string{"Ghana ENGAGES Togo"}},
	})
}

// TestEnvoyTitles checks envoys named by the titles of the Commonwealth
// and of an embassy without an ambassador, in sentences written for this
// test.
func TestEnvoyTitles(t *testing.T) {
	runCases(t, []extractCase{
		{"high commissioner", "Kenya summoned the British High Commissioner on Monday.", []string{"Kenya ENGAGES United Kingdom"}},
		{"high commissioner by name", "Ghana's Foreign Ministry summoned Nigerian High Commissioner Ade Ola.", []string{"Ghana ENGAGES Nigeria"}},
		{"charge d'affaires, accented", "Peru summoned the Chilean chargé d’affaires.", []string{"Peru ENGAGES Chile"}},
		{"a high charge is no envoy", "Peru set a high charge on imports from Chile.", nil},
	})
}
