// Package seed holds the graph graphd starts with: a March 2018 RFE/RL
// report on the Afghan peace process (article.txt, shipped unmodified as
// data) and the actors and stances an analyst curated from it
// (seed.jsonl, in the jsonl format), each stance with its exact quote.
package seed

import (
	"bytes"
	"context"
	"embed"

	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/stance"
)

//go:embed article.txt seed.jsonl
var files embed.FS

// Article returns the seed article's text.
func Article() string {
	b, _ := files.ReadFile("article.txt")
	return string(b)
}

// Data returns the curated seed records in the jsonl format.
func Data() []byte {
	b, _ := files.ReadFile("seed.jsonl")
	return b
}

// Load adds the seed graph to store, whichever kind of store it is. It is
// idempotent: every record is merged with what is already there, so
// loading twice adds nothing.
func Load(ctx context.Context, store stance.Loader) (stance.LoadResult, error) {
	f, err := files.Open("seed.jsonl")
	if err != nil {
		return stance.LoadResult{}, err
	}
	defer f.Close()
	return jsonl.Load(ctx, store, f, "seed/seed.jsonl", files)
}

// Inline returns the seed records with each document's text_file replaced
// by its text, so the seed can be sent to a server (POST /load), which has
// no folder to read files from.
func Inline() ([]byte, error) {
	var out bytes.Buffer
	err := jsonl.Inline(&out, bytes.NewReader(Data()), "seed/seed.jsonl", files)
	return out.Bytes(), err
}
