package funclen

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// limits are the longest a function may be, by the first matching folder
// of the repository (slash-separated, "" matches all). The extractor is
// held tighter: its functions are stages of a pipeline a reader follows.
var limits = []struct {
	dir string
	max int
}{
	{"extract", 80},
	{"", 100},
}

// skipped folders hold no Go of ours: fixtures, JavaScript, Git.
var skipped = map[string]bool{"testdata": true, "node_modules": true, ".git": true}

// limitFor returns the limit of the folder dir (relative, slash-separated).
func limitFor(dir string) int {
	for _, l := range limits {
		if l.dir == "" || dir == l.dir || strings.HasPrefix(dir, l.dir+"/") {
			return l.max
		}
	}
	return 0
}

// TestRepositoryFunctionsAreShort holds every non-test function of the
// repository to its folder's limit: a longer one is steps that want names
// of their own.
func TestRepositoryFunctionsAreShort(t *testing.T) {
	root := filepath.Join("..", "..")
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if skipped[d.Name()] {
			return filepath.SkipDir
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		max := limitFor(rel)
		long, err := Over(path, max)
		if err != nil {
			return err
		}
		checked++
		for _, f := range long {
			t.Errorf("%s/%v: split it into named steps (at most %d lines in %s)", rel, f, max, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("checked %d folders: the walk did not find the repository", checked)
	}
}

func TestLimitFor(t *testing.T) {
	for dir, want := range map[string]int{
		"extract":           80,
		"extract/eval":      80,
		"extractor":         100,
		"graph":             100,
		"cmd/graphd":        100,
		".":                 100,
		"dgraphstore/tools": 100,
	} {
		if got := limitFor(dir); got != want {
			t.Errorf("limitFor(%q) = %d, want %d", dir, got, want)
		}
	}
}
