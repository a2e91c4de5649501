package graph

import (
	"context"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// Counter names.
const (
	cntActors    = "actors"
	cntStances   = "stances"
	cntRetracted = "retracted"
	cntDocuments = "documents"
)

// Stats counts actors, live and retracted stances, and documents. It reads
// counters maintained by every write, so it does not scan.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		for _, c := range []struct {
			name string
			dst  *int
		}{{cntActors, &st.Actors}, {cntStances, &st.Stances}, {cntRetracted, &st.Retracted}, {cntDocuments, &st.Documents}} {
			if *c.dst, err = readCounter(txn, keys.CounterKey(c.name)); err != nil {
				return err
			}
		}
		return nil
	})
	return st, err
}
