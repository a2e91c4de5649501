package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/stancegraph/stancegraph/dgraphstore"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/stance"
)

// defaultBatch is --batch's default: records of a JSON Lines file per
// Dgraph transaction.
const defaultBatch = dgraphstore.DefaultBatch

// loadInBatches loads a JSON Lines file into a cluster part by part (see
// jsonl.File.Split), each part one transaction, printing each part's
// progress. A failure names the part and its lines and says that the same
// load run again finishes it: the parts before are stored, and records
// already stored merge with themselves.
func loadInBatches(ctx context.Context, e *env, st stance.Loader, name string, opts importOptions) (graph.LoadResult, error) {
	return readJSONL(ctx, e, name, func(f *jsonl.File, label string) (graph.LoadResult, error) {
		f.Batch.Upsert = opts.upsert
		parts := f.Split(opts.batch)
		bp := batchProgress{w: e.stderr, name: label, total: len(parts), start: time.Now()}
		var res graph.LoadResult
		for i, p := range parts {
			r, err := p.Apply(ctx, st, label)
			if err != nil {
				return res, bp.failed(i, p, err)
			}
			res.Add(r)
			if len(parts) > 1 {
				bp.part(i, p, r)
			}
		}
		return res, nil
	})
}

// batchProgress reports the parts of one file.
type batchProgress struct {
	w       io.Writer
	name    string
	total   int
	start   time.Time
	records int
}

// part prints one stored part: what it added, the pace and the time left.
func (bp *batchProgress) part(i int, p *jsonl.File, r graph.LoadResult) {
	b := p.Batch
	bp.records += len(b.Actors) + len(b.Documents) + len(b.Stances)
	el := time.Since(bp.start)
	eta := time.Duration(float64(el) / float64(i+1) * float64(bp.total-i-1)).Round(time.Second)
	first, last := p.Lines()
	fmt.Fprintf(bp.w, "load: %s: batch %d/%d (lines %d-%d): +%d actors, +%d documents, +%d stances (%.0f records/s, eta %s)\n",
		bp.name, i+1, bp.total, first, last, r.Actors, r.Documents, r.Stances, float64(bp.records)/max(el.Seconds(), 1e-3), eta)
}

// failed explains a part that did not load: which, what is stored, and
// how to finish.
func (bp *batchProgress) failed(i int, p *jsonl.File, err error) error {
	if bp.total == 1 {
		return err // all-or-nothing, as a file sent whole
	}
	first, last := p.Lines()
	stored := "none of the file is stored"
	switch {
	case i == 1:
		stored = "batch 1 is stored"
	case i > 1:
		stored = fmt.Sprintf("batches 1-%d are stored", i)
	}
	return fmt.Errorf("%w\n%s: batch %d of %d (lines %d-%d) is not stored, %s; run the same load again (fixing the line first, if it is bad) to finish: what is stored merges with itself, nothing is stored twice",
		err, bp.name, i+1, bp.total, first, last, stored)
}
