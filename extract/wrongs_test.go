package extract

import "testing"

// TestReportedEncroachment checks that a speaker reporting an actor's
// infringement or encroachment accuses it, as a reported violation does,
// in sentences written for this test.
func TestReportedEncroachment(t *testing.T) {
	runCases(t, []extractCase{
		{"said X infringed upon", "Peru said Chile infringed upon its territorial waters.", []string{"Peru ACCUSES Chile"}},
		{"said X encroached on", "Kenya said Uganda encroached on its land.", []string{"Kenya ACCUSES Uganda"}},
		{"said X did not encroach", "Kenya said Uganda did not encroach on its land.", nil},
	})
}
