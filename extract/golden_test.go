package extract

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// TestSeedGolden pins the candidates of the seed article (seed/article.txt
// in this repository). Run go test ./extract -run SeedGolden -update after
// an intended change and review the diff.
func TestSeedGolden(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "seed", "article.txt"))
	if os.IsNotExist(err) {
		t.Skip("seed/article.txt not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	art, err := ParseArticle(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := New(nil).Extract(context.Background(), art.Body, stance.NewDate(2018, 3, 9))
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := WriteJSONL(&got, "seed", cs); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("candidates differ from %s (run with -update after review):\n got:\n%s\nwant:\n%s", golden, got.Bytes(), want)
	}
	runes := []rune(art.Body)
	for _, c := range cs {
		if string(runes[c.Start:c.End]) != c.Quote {
			t.Errorf("%s %s %s: offsets [%d,%d) do not hold the quote", c.Subject.Name, c.Type, c.Object.Name, c.Start, c.End)
		}
	}
}
