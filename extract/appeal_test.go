package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestAppealsAreDemands checks verbs the CAMEO dictionary codes as an
// appeal or request (root 02), which PLOVER folds into DEMAND, in
// sentences written for this test; the vocabulary's own codes are
// unchanged.
func TestAppealsAreDemands(t *testing.T) {
	d := graph.NewDate(2005, 1, 1)
	runCodedCases(t, []codedCase{
		{"requested", d, "Kenya requested Uganda to send food.", "Kenya/KEN DEMANDS Uganda/UGA"},
		{"petitioned", d, "Kenya petitioned Uganda for grain.", "Kenya/KEN DEMANDS Uganda/UGA"},
		{"solicited from", d, "Kenya solicited aid from Uganda.", "Kenya/KEN DEMANDS Uganda/UGA"},
		{"negated", d, "Kenya never petitioned Uganda for grain.", ""},
	})
	for code, want := range map[string]string{"0233": Demands, "02": Demands, "10": Demands, "051": Supports, "01": ""} {
		if got, _ := frameType(nil, code); got != want {
			t.Errorf("frameType(%q) = %q, want %q", code, got, want)
		}
	}
}
