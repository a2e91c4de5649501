package extract

import "testing"

// TestLodgedComplaints checks that a complaint lodged accuses its target
// after "against", "over" or "regarding", never the body it is lodged
// with, in sentences written for this test.
func TestLodgedComplaints(t *testing.T) {
	runCases(t, []extractCase{
		{"decided to submit, regarding", "Ghana decided to submit a complaint to the UN Security Council regarding Togo's attack.", []string{"Ghana ACCUSES Togo"}},
		{"filed with, over", "Ghana filed a complaint with the United Nations over Togo's raid.", []string{"Ghana ACCUSES Togo"}},
		{"lodged with a body, against", "Ghana will file a complaint with the African Union against Togo.", []string{"Ghana ACCUSES Togo"}},
		{"protest with X over Y", "Ghana lodged a protest with Benin over Togo's raid.", []string{"Ghana ACCUSES Togo"}},
		{"target names no actor", "Ghana lodged a formal protest with Togo over the arrests.", []string{"Ghana ACCUSES Togo"}},
		{"negated", "Ghana did not file a complaint with the United Nations against Togo.", nil},
	})
}

// TestRepresentations checks that representations lodged with an actor
// protest to it, in sentences written for this test.
func TestRepresentations(t *testing.T) {
	runCases(t, []extractCase{
		{"stern representations", "Beijing lodged stern representations with Hanoi.", []string{"China ACCUSES Vietnam"}},
		{"solemn, over an act", "China has lodged solemn representations with Japan over the visit.", []string{"China ACCUSES Japan"}},
		{"negated", "China did not lodge representations with Japan.", nil},
	})
}
