package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/stance"
)

// TestBatchFailed: a batch that did not load is named with its lines,
// with what of the file is stored and how to finish; a file sent whole
// keeps its error as it was.
func TestBatchFailed(t *testing.T) {
	down := errors.Join(stance.ErrUnavailable, errors.New("connection reset"))
	part := &jsonl.File{StanceLines: []int{301, 350, 400}}
	tests := []struct {
		i, total int
		want     string
	}{
		{0, 5, "f.jsonl: batch 1 of 5 (lines 301-400) is not stored, none of the file is stored; run the same load again"},
		{1, 5, "f.jsonl: batch 2 of 5 (lines 301-400) is not stored, batch 1 is stored; run the same load again"},
		{3, 5, "f.jsonl: batch 4 of 5 (lines 301-400) is not stored, batches 1-3 are stored; run the same load again"},
		{0, 1, down.Error()},
	}
	for _, tt := range tests {
		bp := batchProgress{w: io.Discard, name: "f.jsonl", total: tt.total}
		err := bp.failed(tt.i, part, down)
		if !strings.Contains(err.Error(), tt.want) || !errors.Is(err, stance.ErrUnavailable) {
			t.Errorf("batch %d of %d: %v\nwant it to contain %q and wrap the cause", tt.i+1, tt.total, err, tt.want)
		}
	}
}
