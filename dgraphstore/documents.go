package dgraphstore

import (
	"context"
	"fmt"

	"github.com/dgraph-io/dgo/v250"

	"github.com/stancegraph/stancegraph/stance"
)

// Document returns the document with ID id.
func (s *Store) Document(ctx context.Context, id string) (stance.Document, error) {
	if err := checkID(id); err != nil {
		return stance.Document{}, err
	}
	var d stance.Document
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		ns, err := s.dg.nodesEq(ctx, txn, typeDocument, "sg.id", []string{id})
		if err != nil {
			return err
		}
		if len(ns) == 0 {
			return fmt.Errorf("%w: no document with id %s", stance.ErrNotFound, id)
		}
		d, err = decode[stance.Document](ns[0])
		return err
	})
	return d, err
}

// DocumentInfo returns the document with ID id without its text. A
// cluster stores the text whole, so this is Document with Text cleared.
func (s *Store) DocumentInfo(ctx context.Context, id string) (stance.Document, error) {
	d, err := s.Document(ctx, id)
	d.Text = ""
	return d, err
}

// Documents lists documents by ID, a page at a time through the ID index.
func (s *Store) Documents(ctx context.Context, q stance.PageQuery) (stance.DocumentPage, error) {
	n, err := pageSize(q.First)
	if err != nil {
		return stance.DocumentPage{}, err
	}
	after := ""
	if q.After != "" {
		if after, err = decodeCursor(tagDocuments, q.After); err != nil {
			return stance.DocumentPage{}, err
		}
	}
	var pg stance.DocumentPage
	err = s.dg.read(ctx, func(txn *dgo.Txn) error {
		ns, err := s.dg.byID(ctx, txn, typeDocument, "", after, n+1)
		if err != nil {
			return err
		}
		if pg.HasNext = len(ns) > n; pg.HasNext {
			ns = ns[:n]
		}
		if pg.Documents, err = decodeAll[stance.Document](ns); err != nil {
			return err
		}
		for _, d := range ns {
			pg.Cursors = append(pg.Cursors, encodeCursor(tagDocuments, d.ID))
		}
		if len(pg.Cursors) > 0 {
			pg.EndCursor = pg.Cursors[len(pg.Cursors)-1]
		}
		pg.Total, err = s.dg.countOfType(ctx, txn, typeDocument, "")
		return err
	})
	if len(pg.Documents) == 0 {
		pg.Documents, pg.Cursors = nil, nil
	}
	return pg, err
}

// ForEachDocument calls fn for every document in ID order.
func (s *Store) ForEachDocument(ctx context.Context, fn func(stance.Document) error) error {
	return s.dg.read(ctx, func(txn *dgo.Txn) error {
		return s.dg.eachByID(ctx, txn, typeDocument, "", func(n node) error {
			d, err := decode[stance.Document](n)
			if err != nil {
				return err
			}
			return fn(d)
		})
	})
}
