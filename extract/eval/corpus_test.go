package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// devCorpus is the development corpus shipped in the repository.
var devCorpus = filepath.Join("..", "..", "testdata", "corpus", "dev")

// TestCorpusCopy keeps testdata/corpus equal to the shared corpus it was
// copied from, when the shared inputs sit beside the repository; a plain
// clone has only the copy, which is what its tests use.
func TestCorpusCopy(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("../shared/corpus is not beside the repository, so there is nothing to compare testdata/corpus with: %v", err)
	}
	local := filepath.Join("..", "..", "testdata", "corpus")
	names, err := filepath.Glob(filepath.Join(shared, "dev", "*"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no files in %s/dev: %v", shared, err)
	}
	names = append(names, filepath.Join(shared, "GUIDELINES.md"))
	for _, name := range names {
		rel, _ := filepath.Rel(shared, name)
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(local, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("testdata/corpus/%s differs from ../shared/corpus/%s (%v); copy it again", rel, rel, err)
		}
	}
}
