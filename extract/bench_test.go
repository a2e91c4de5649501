package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// BenchmarkExtract measures extraction speed on the seed article; MB/s is
// what the speed target refers to.
func BenchmarkExtract(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "seed", "article.txt"))
	if err != nil {
		b.Skip("seed/article.txt not present")
	}
	art, err := ParseArticle(string(raw))
	if err != nil {
		b.Fatal(err)
	}
	ex := New(nil)
	ctx := context.Background()
	date := stance.NewDate(2018, 3, 9)
	b.SetBytes(int64(len(art.Body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ex.Extract(ctx, art.Body, date); err != nil {
			b.Fatal(err)
		}
	}
}
