package dgraphtest

import (
	"os"
	"testing"
)

// TestSkipSetting: STANCEGRAPH_DGRAPH=skip skips a Dgraph test even where
// a binary is present, so that make test leaves the cluster tests to make
// test-dgraph.
func TestSkipSetting(t *testing.T) {
	t.Setenv("STANCEGRAPH_DGRAPH", "skip")
	t.Setenv("DGRAPH_BIN", os.Args[0]) // a file that exists: a binary is present
	skipped := false
	t.Run("dgraph test", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Available(t)
	})
	if !skipped {
		t.Error("Available did not skip under STANCEGRAPH_DGRAPH=skip")
	}
}
