package events

import (
	"context"

	"github.com/stancegraph/stancegraph/stance"
)

// ConvertFile opens an event file (plain or zipped, see Open) and
// converts it with ConvertEach: the one path of graphd load's import and
// of the benchmark that times it.
func ConvertFile(ctx context.Context, look Lookup, name, format string, opts Options, chunk int, load func(stance.Batch) error) (Summary, error) {
	f, err := Open(name)
	if err != nil {
		return Summary{}, err
	}
	defer f.Close()
	r, err := NewReader(format, f)
	if err != nil {
		return Summary{}, err
	}
	return ConvertEach(ctx, r, look, opts, chunk, load)
}
