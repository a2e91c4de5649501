package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/stancegraph/stancegraph/dgraphstore"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// clusterScheme starts the --store address of a Dgraph cluster.
const clusterScheme = "dgraph://"

// isCluster reports whether place names a Dgraph cluster rather than a
// store directory.
func isCluster(place string) bool { return strings.HasPrefix(place, clusterScheme) }

// openCluster connects to the Dgraph cluster at place and creates or
// migrates graphd's schema there, waiting up to o.wait for an alpha that
// is starting. A vocabulary given must agree with the one the cluster
// keeps; extending it is refused, as the cluster keeps its own.
func openCluster(place string, o *openOptions) (store, error) {
	if len(o.ExtendVocabulary) > 0 {
		return nil, refusal(place, "vocabulary extend")
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.wait)
	defer cancel()
	st, err := dgraphstore.Open(ctx, place, &dgraphstore.Options{Vocabulary: o.Vocabulary, Timeout: o.wait})
	switch {
	case errors.Is(err, stance.ErrUnavailable):
		return nil, fmt.Errorf("--store %s: no Dgraph alpha answered within %s (is the cluster up, and is the port an alpha's gRPC port, 9080 by default? --store-timeout waits longer): %w", place, o.wait, err)
	case errors.Is(err, stance.ErrVocabularyConflict):
		return nil, fmt.Errorf("--store %s: %w; the cluster keeps the vocabulary it was created with: leave out --vocabulary", place, err)
	case err != nil:
		return nil, fmt.Errorf("--store %s: %w", place, err)
	}
	return st, nil
}

// clusterRefusals say, for each thing graphd does only to its embedded
// store, why a Dgraph cluster is not given it and what to use instead.
var clusterRefusals = map[string]string{
	"backup":            "backup is the cluster's own (dgraph export, or Dgraph's backup API); graphd export --format jsonl writes graphd's own copy",
	"restore":           "restore is the cluster's own (dgraph live or dgraph bulk on its export); graphd load --store loads graphd's JSON Lines",
	"vocabulary extend": "the cluster keeps the vocabulary it was created with, and graphd does not extend it; load into a new cluster with --vocabulary FILE",
}

// refusal is the error of a command asking a cluster for op, one of
// clusterRefusals.
func refusal(place, op string) error {
	return clusterRefusal{usageError{fmt.Sprintf("--store %s: %s", place, clusterRefusals[op])}}
}

// clusterRefusal is something asked of a cluster that only the embedded
// store does: a usage error on the command line (exit status 2), and
// errors.ErrUnsupported for the server, which answers it with 501.
type clusterRefusal struct{ usage usageError }

func (r clusterRefusal) Error() string { return r.usage.msg }

func (r clusterRefusal) Unwrap() []error { return []error{r.usage, errors.ErrUnsupported} }

// refuseCluster refuses op up front when the command was given --store.
func (s *storeFlags) refuseCluster(op string) error {
	if s.store == "" {
		return nil
	}
	return refusal(s.store, op)
}

// embedded returns st as the embedded store that op needs, or op's
// refusal when st is a cluster.
func embedded(st store, place, op string) (*graph.Store, error) {
	if g, ok := st.(*graph.Store); ok {
		return g, nil
	}
	return nil, refusal(place, op)
}

// checkable is a store that verifies its own invariants: the embedded
// store its keys, indexes and counters, a cluster the records graphd
// wrote there (dgraphstore.Store.Check). Both report alike.
type checkable interface {
	Check(ctx context.Context) (graph.CheckReport, error)
}

var (
	_ checkable = (*graph.Store)(nil)
	_ checkable = (*dgraphstore.Store)(nil)
)

// checkStore runs st's own check.
func checkStore(ctx context.Context, st store) (graph.CheckReport, error) {
	c, ok := st.(checkable)
	if !ok {
		return graph.CheckReport{}, fmt.Errorf("this store has no check: %w", errors.ErrUnsupported)
	}
	return c.Check(ctx)
}

// isEmpty reports whether st holds no records: the embedded store asks
// its keys, a cluster its counts.
func isEmpty(ctx context.Context, st store) (bool, error) {
	if g, ok := st.(*graph.Store); ok {
		return g.IsEmpty(ctx)
	}
	s, err := st.Stats(ctx)
	return s == stance.Stats{}, err
}

// unreachable names the cluster in the error of a command whose store
// stopped answering, so that the message says which address to look at.
func unreachable(place string, err error) error {
	if place == "" || !errors.Is(err, stance.ErrUnavailable) {
		return err
	}
	return fmt.Errorf("the Dgraph cluster at %s did not answer: %w", place, err)
}
