package main

import (
	"context"
	"fmt"
	"io"

	"github.com/stancegraph/stancegraph/graph"
)

// client is what a command does to a graph, wherever the graph is: in a
// store this process opens (localClient) or behind a running graphd serve
// (httpClient). A command that takes both --data and --url chooses one
// with dial, once, and then neither knows nor asks which it has: the two
// print the same for the same graph, which TestDualCommands checks.
type client interface {
	// Query runs a GraphQL request and returns the JSON answer, fields in
	// query order; GraphQL errors in it also come back as one Go error.
	Query(ctx context.Context, query string, vars map[string]any) ([]byte, error)
	// Stats counts the graph's records.
	Stats(ctx context.Context) (graph.Stats, error)
	// Seed merges the seed graph and returns what it added.
	Seed(ctx context.Context) (graph.LoadResult, error)
	// Export writes the whole graph to w in one of export.Formats.
	Export(ctx context.Context, w io.Writer, format string) error
	// Backup writes a consistent snapshot to w.
	Backup(ctx context.Context, w io.Writer) error
	// Check verifies every invariant of the store.
	Check(ctx context.Context) (graph.CheckReport, error)
	// Load applies one file of a told kind (see detectFormat)
	// all-or-nothing and returns what it stored.
	Load(ctx context.Context, name, kind string, opts importOptions) (graph.LoadResult, error)
	// Import loads JSON Lines and event files into an empty store in one
	// pass; it returns false, having done nothing, where it cannot (a
	// store holding data, a server), and the files go one by one to Load.
	Import(ctx context.Context, names, kinds []string, opts importOptions) (bool, error)
	// StateDir is the folder where a command may keep files about this
	// graph (the store's directory), or "" when it has none (a server).
	StateDir() string
	// Where names the graph in messages: the store's directory or the
	// server's URL.
	Where() string
	// Close releases the client. err is the command's outcome: a local
	// client that created its store removes it again when the command
	// failed before storing anything. It returns err, or the error of
	// closing when err is nil.
	Close(err error) error
}

var (
	_ client = (*localClient)(nil)
	_ client = (*httpClient)(nil)
)

// access is what a command needs of a store it opens.
type access int

const (
	// reads needs an existing store and creates none.
	reads access = iota
	// writes creates the store when missing.
	writes
)

// dial chooses, from the command's flags, where its graph is: the server
// at --url, or the store opened with the access the command needs (the
// Dgraph cluster at --store, else the embedded store in --data). It is
// the only place that tells a server from a store.
func dial(e *env, sf *storeFlags, rf *remoteFlags, a access) (client, error) {
	if rf.url != "" {
		return &httpClient{rf: rf, e: e}, nil
	}
	st, err := sf.open(nil, a == reads)
	if err != nil {
		return nil, err
	}
	if sf.readOnlyDisk {
		fmt.Fprintf(e.stderr, "graphd: the disk of %s is too full to open the store for writing; reading it read-only\n", sf.data)
	}
	return &localClient{st: st, sf: sf, e: e}, nil
}

// closeClient closes c with the command's outcome *errp, for a defer.
func closeClient(c client, errp *error) { *errp = c.Close(*errp) }
