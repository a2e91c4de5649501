package graph

import (
	"testing"

	"github.com/stancegraph/stancegraph/internal/funclen"
)

// TestFunctionsAreShort holds the package's functions to 100 lines: a
// longer one is steps that want names of their own.
func TestFunctionsAreShort(t *testing.T) {
	long, err := funclen.Over(".", 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range long {
		t.Errorf("%v: split it into named steps (at most 100 lines)", f)
	}
}
