package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/seed"
)

// localClient acts on a store this process holds open, the embedded one
// or a Dgraph cluster, with the engine, loaders and checks graphd serve
// uses on its own store.
type localClient struct {
	st  store
	sf  *storeFlags
	e   *env
	ex  *extract.Extractor // built for the first article loaded
	eng *schema.Engine     // built for the first query
}

func (c *localClient) Query(ctx context.Context, q string, vars map[string]any) ([]byte, error) {
	if c.eng == nil {
		eng, err := newEngine(c.st, schema.Config{})
		if err != nil {
			return nil, err
		}
		c.eng = eng
	}
	res := c.eng.Execute(ctx, schema.Request{Query: q, Variables: vars})
	msgs := make([]string, len(res.Errors))
	for i, e := range res.Errors {
		msgs[i] = e.Message
	}
	return res.JSON, joinMessages(msgs)
}

func (c *localClient) Stats(ctx context.Context) (graph.Stats, error) { return c.st.Stats(ctx) }

func (c *localClient) Seed(ctx context.Context) (graph.LoadResult, error) {
	return seed.Load(ctx, c.st)
}

func (c *localClient) Export(ctx context.Context, w io.Writer, format string) error {
	return export.Write(ctx, c.st, w, format)
}

func (c *localClient) Backup(ctx context.Context, w io.Writer) error {
	g, err := embedded(c.st, c.sf.store, "backup")
	if err != nil {
		return err
	}
	return g.Backup(ctx, w)
}

func (c *localClient) Check(ctx context.Context) (graph.CheckReport, error) {
	return checkStore(ctx, c.st)
}

// Load applies a file in this process. Interrupted, it says that nothing
// of the file is stored, which a server's client cannot know.
func (c *localClient) Load(ctx context.Context, name, kind string, opts importOptions) (graph.LoadResult, error) {
	if c.sf.store != "" && kind == events.FormatJSONL && opts.batch > 0 {
		return loadInBatches(ctx, c.e, c.st, name, opts) // its error says what is stored
	}
	res, err := c.load(ctx, name, kind, opts)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return res, fmt.Errorf("interrupted while loading %s: nothing of it is stored (the files before it are); run the same load again to complete it (nothing is added twice)", name)
	}
	return res, err
}

func (c *localClient) load(ctx context.Context, name, kind string, opts importOptions) (graph.LoadResult, error) {
	switch {
	case kind == events.FormatJSONL:
		return loadJSONL(ctx, c.e, c.st, name, opts.upsert)
	case events.IsEvent(kind):
		return loadEvents(ctx, c.e, c.st, name, kind, opts.events, opts.upsert)
	}
	if c.ex == nil {
		c.ex = extract.New(extract.DefaultDictionary())
	}
	return loadArticle(ctx, c.st, c.ex, name)
}

// Import imports into an empty embedded store. A cluster takes no
// import: its files go one by one to Load, each one Dgraph transaction.
func (c *localClient) Import(ctx context.Context, names, kinds []string, opts importOptions) (bool, error) {
	g, ok := c.st.(*graph.Store)
	if !ok {
		return false, nil
	}
	empty, err := g.IsEmpty(ctx)
	if err != nil || !empty {
		return false, err
	}
	return true, importFiles(ctx, c.e, g, names, kinds, opts)
}

// StateDir is the store's directory; a cluster has none here.
func (c *localClient) StateDir() string {
	if c.sf.store != "" {
		return ""
	}
	return c.sf.data
}

func (c *localClient) Where() string {
	if c.sf.store != "" {
		return c.sf.store
	}
	return filepath.Clean(c.sf.data)
}

// Close closes the store; a cluster that stopped answering during the
// command is named in its error.
func (c *localClient) Close(err error) error {
	c.sf.closeStore(c.st, &err)
	return unreachable(c.sf.store, err)
}
