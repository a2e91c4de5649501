package extract

import "testing"

// TestAfterGerunds checks a gerund after "after" or "before" that follows
// a clause with its verb, in sentences written for this test: the act is
// the clause subject's, with or without a comma.
func TestAfterGerunds(t *testing.T) {
	runCases(t, []extractCase{
		{"after accusing, no comma", "Mali recalled its envoy after accusing Algeria of interference.", []string{"Mali ACCUSES Algeria"}},
		{"after criticizing, a passive before", "Mali was accused of lying after criticizing Algeria.", []string{"Mali ACCUSES Algeria"}},
		{"no verb before", "The talks after accusing Algeria of interference.", nil},
		{"accused of supporting", "Mali accused Algeria of supporting rebels.", []string{"Mali ACCUSES Algeria"}},
	})
}
