package resolvers

import (
	"errors"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// documentFields are the resolve functions of documents and of the
// evidence that quotes them.
func (r *Resolver) documentFields() fieldMap {
	return fieldMap{
		"Query": {
			"document":  resolver(r.queryDocument),
			"documents": resolver(r.queryDocuments),
		},
		"Document": {
			"id":      field(func(d *documentValue) any { return d.d.ID }),
			"title":   field(func(d *documentValue) any { return optStringAt(&d.d.Title) }),
			"source":  field(func(d *documentValue) any { return optStringAt(&d.d.Source) }),
			"url":     field(func(d *documentValue) any { return optStringAt(&d.d.URL) }),
			"date":    field(func(d *documentValue) any { return optDateAt(&d.d.Date) }),
			"text":    resolver(r.documentText),
			"stances": resolver(r.documentStances),
		},
		"DocumentConnection": {
			"totalCount": field(func(c *documentConn) any { return c.info.Total }),
			"nodes":      field(func(c *documentConn) any { return c.nodes }),
			"pageInfo":   field(func(c *documentConn) any { return c.info }),
		},
		"Evidence": {
			"document": resolver(r.evidenceDocument),
			"quote":    field(func(e *evidenceValue) any { return &e.e.Quote }),
			"start":    field(func(e *evidenceValue) any { return e.e.Start }),
			"end":      field(func(e *evidenceValue) any { return e.e.End }),
		},
	}
}

func (r *Resolver) queryDocument(p graphql.ResolveParams) (interface{}, error) {
	id := args(p.Args).str("id")
	if err := uuidArg("id", id); err != nil {
		return nil, err
	}
	d, err := r.store.Document(p.Context, id)
	if errors.Is(err, stance.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, argError("id", err)
	}
	return &documentValue{d: d, sc: r.newScope(), hasText: true}, nil
}

func (r *Resolver) queryDocuments(p graphql.ResolveParams) (interface{}, error) {
	first, after, err := args(p.Args).page()
	if err != nil {
		return nil, err
	}
	page, err := r.store.Documents(p.Context, stance.PageQuery{First: storeFirst(first), After: after})
	if err != nil {
		return nil, pageError(err)
	}
	sc := r.newScope()
	c := &documentConn{info: page.PageInfo, nodes: []*documentValue{}}
	if first == 0 {
		c.info = countOnly(page.PageInfo, len(page.Documents))
		return c, nil
	}
	for _, d := range page.Documents {
		c.nodes = append(c.nodes, &documentValue{d: d, sc: sc, hasText: true})
	}
	return c, nil
}

func (r *Resolver) documentStances(p graphql.ResolveParams) (interface{}, error) {
	dv, ok := p.Source.(*documentValue)
	if !ok {
		return nil, errSource
	}
	first, after, err := args(p.Args).page()
	if err != nil {
		return nil, err
	}
	page, err := r.store.DocumentStances(p.Context, dv.d.ID, stance.PageQuery{First: storeFirst(first), After: after})
	if err != nil {
		return nil, pageError(err)
	}
	return dv.sc.stanceConn(page, first)
}

func (r *Resolver) evidenceDocument(p graphql.ResolveParams) (interface{}, error) {
	e, ok := p.Source.(*evidenceValue)
	if !ok {
		return nil, errSource
	}
	d, err := e.sc.document(p.Context, e.e.DocumentID)
	if err != nil {
		return nil, err
	}
	return &documentValue{d: d, sc: e.sc}, nil
}

// documentText answers Document.text, reading the text only for a
// document reached through a citation, which holds none.
func (r *Resolver) documentText(p graphql.ResolveParams) (interface{}, error) {
	dv, ok := p.Source.(*documentValue)
	if !ok {
		return nil, errSource
	}
	if dv.hasText {
		return dv.d.Text, nil
	}
	return dv.sc.text(p.Context, dv.d.ID)
}

// documentValue is the source of Document fields; hasText says whether
// d.Text was read.
type documentValue struct {
	d       stance.Document
	sc      *scope
	hasText bool
}

// documentConn is the source of DocumentConnection fields.
type documentConn struct {
	nodes []*documentValue
	info  stance.PageInfo
}

// evidenceValue is the source of Evidence fields.
type evidenceValue struct {
	e  *stance.Evidence // in its stance's list, which nothing changes
	sc *scope
}
