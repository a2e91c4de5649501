package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/internal/funclen"
)

// TestFunctionsAreShort holds the extractor's functions to 80 lines: a
// longer one is stages or steps that want names of their own.
func TestFunctionsAreShort(t *testing.T) {
	for _, dir := range []string{".", "eval", "internal/cameogen", "internal/phoenixgen"} {
		long, err := funclen.Over(dir, 80)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range long {
			t.Errorf("%v: split it into named steps (at most 80 lines)", f)
		}
	}
}
