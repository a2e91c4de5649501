package dgraphstore_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/dgraph-io/dgo/v250"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/stancegraph/stancegraph/dgraphstore"
	"github.com/stancegraph/stancegraph/dgraphstore/dgraphtest"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// These tests start clusters of their own: they kill alphas, or need two.

// TestTwoAlphasAgree writes through one alpha of a two-node group and
// reads through the other, as two graphd processes pointed at different
// alphas would: every answer matches the embedded store's for the same
// writes, both ways round.
func TestTwoAlphasAgree(t *testing.T) {
	c := dgraphtest.RequireGroup(t, 2)
	ctx := context.Background()
	groups, err := c.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || len(groups["1"]) != 2 {
		t.Fatalf("zero's groups are %v, want both alphas in group 1", groups)
	}
	a, b := openOn(t, c.Alphas[0], 0), openOn(t, c.Alphas[1], 0)
	emb := embedded(t)
	batch, names := generated(24, 300)
	for _, s := range []stance.Store{emb, a} {
		if _, err := s.Load(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("written through the first, read through the second", func(t *testing.T) {
		sameAnswers(t, ctx, emb, b, names)
	})
	// Now the other way: retract through the second, read through the first.
	page, err := b.Stances(ctx, stance.StanceQuery{First: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range page.Stances {
		for _, s := range []stance.Store{emb, b} {
			if _, err := s.RetractStance(ctx, st.ID, "test"); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Run("written through the second, read through the first", func(t *testing.T) {
		sameAnswers(t, ctx, emb, a, names)
	})
}

// TestReadsRecoverAfterAlphaRestart kills the only alpha: the store
// answers ErrUnavailable, within its timeout, for reads and writes alike;
// once the alpha is back on the same ports and data the same store,
// never reopened, answers as before.
func TestReadsRecoverAfterAlphaRestart(t *testing.T) {
	c := dgraphtest.Require(t)
	ctx := context.Background()
	s := openOn(t, c.Addr, 3*time.Second)
	emb := embedded(t)
	batch, names := generated(24, 200)
	for _, st := range []stance.Store{emb, s} {
		if _, err := st.Load(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.KillAlpha(0); err != nil {
		t.Fatal(err)
	}
	calls := []struct {
		name string
		call func() error
	}{
		{"Stats", func() error { _, err := s.Stats(ctx); return err }},
		{"Stances", func() error { _, err := s.Stances(ctx, stance.StanceQuery{First: 5}); return err }},
		{"Dyad", func() error { _, err := s.Dyad(ctx, names[0], names[1]); return err }},
		{"UpsertActor", func() error { _, err := s.UpsertActor(ctx, stance.Actor{Name: "Newcomer"}); return err }},
	}
	for _, call := range calls {
		start := time.Now()
		err := call.call()
		if !errors.Is(err, dgraphstore.ErrUnavailable) {
			t.Errorf("%s with the alpha down = %v, want an error wrapping ErrUnavailable", call.name, err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s with the alpha down took %v, beyond the store's 3s timeout", call.name, took.Round(time.Millisecond))
		}
	}
	restartAlpha(t, c)
	// The first call after the restart must succeed: the store reconnects
	// by itself, promptly.
	sameAnswers(t, ctx, emb, s, names)
}

// TestLoadSurvivesAlphaKill kills the alpha while a load of several
// batches (as graphd load sends a large file) is under way: each batch
// either completed or failed with ErrUnavailable and stored nothing, and
// loading every batch again once the alpha is back leaves each record
// exactly once, as an embedded store loaded once with the same batches.
func TestLoadSurvivesAlphaKill(t *testing.T) {
	c := dgraphtest.Require(t)
	ctx := context.Background()
	s := openOn(t, c.Addr, 3*time.Second)
	batch, names := generated(24, 600)
	batches := split(batch, 6)
	// after[i] is what the first i batches store.
	emb := embedded(t)
	after := []stance.Stats{{}}
	for _, b := range batches {
		if _, err := emb.Load(ctx, b); err != nil {
			t.Fatal(err)
		}
		st, err := emb.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		after = append(after, st)
	}
	const killAfter = 2 // batches loaded before the kill
	loaded := make(chan struct{})
	type failure struct {
		batch int
		err   error
	}
	failed := make(chan failure, 1)
	go func() {
		for i, b := range batches {
			if _, err := s.Load(ctx, b); err != nil {
				failed <- failure{i, err}
				return
			}
			if i+1 == killAfter {
				loaded <- struct{}{}
			}
		}
		failed <- failure{len(batches), nil}
	}()
	<-loaded
	if err := c.KillAlpha(0); err != nil { // the next batch is already being read and written
		t.Fatal(err)
	}
	f := <-failed
	if !errors.Is(f.err, dgraphstore.ErrUnavailable) {
		t.Fatalf("the load with the alpha killed ended with %v, want an error wrapping ErrUnavailable", f.err)
	}
	t.Logf("batch %d stopped the load with: %v", f.batch, f.err)
	restartAlpha(t, c)
	// The failed batch stored all of itself (its commit landed, its
	// answer did not) or nothing.
	got, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != after[f.batch] && got != after[f.batch+1] {
		t.Errorf("after the kill the store holds %+v, want what %d batches store (%+v) or %d (%+v)",
			got, f.batch, after[f.batch], f.batch+1, after[f.batch+1])
	}
	for i, b := range batches {
		if _, err := s.Load(ctx, b); err != nil {
			t.Fatalf("loading batch %d again after the restart: %v", i, err)
		}
	}
	sameAnswers(t, ctx, emb, s, names)
	if got := countNodes(t, c.Addr); got != after[len(batches)] {
		t.Errorf("the cluster holds %+v nodes, want one per record: %+v", got, after[len(batches)])
	}
}

// split cuts b into n batches: the actors and documents with the first
// stances, then the rest of the stances in turn, as a large file is sent.
func split(b stance.Batch, n int) []stance.Batch {
	out := make([]stance.Batch, n)
	per := (len(b.Stances) + n - 1) / n
	for i := range out {
		lo, hi := min(i*per, len(b.Stances)), min((i+1)*per, len(b.Stances))
		out[i] = stance.Batch{Upsert: b.Upsert, Stances: b.Stances[lo:hi]}
	}
	out[0].Actors, out[0].Documents = b.Actors, b.Documents
	return out
}

// openOn opens a store on the alpha at addr with the given per-call
// timeout (0 for the default), closed when t ends.
func openOn(t testing.TB, addr string, timeout time.Duration) *dgraphstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := dgraphstore.Open(ctx, addr, &dgraphstore.Options{Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// embedded opens an in-memory embedded store, closed when t ends.
func embedded(t testing.TB) *graph.Store {
	t.Helper()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// restartAlpha brings c's first alpha back after KillAlpha.
func restartAlpha(t testing.TB, c *dgraphtest.Cluster) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	if err := c.RestartAlpha(ctx, 0); err != nil {
		t.Fatal(err)
	}
	t.Logf("the alpha accepted a schema change %v after its restart", time.Since(start).Round(100*time.Millisecond))
}

// countNodes counts the nodes of each type in the cluster at addr, below
// the store, whose listings a duplicate node might hide from: stances in
// Stances, with the retracted ones also in Retracted.
func countNodes(t testing.TB, addr string) stance.Stats {
	t.Helper()
	raw, err := dgo.NewClient(addr, dgo.WithGrpcOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	resp, err := raw.NewReadOnlyTxn().Query(context.Background(), `{
	a(func: type(SGActor)) { n: count(uid) }
	s(func: type(SGStance)) { n: count(uid) }
	r(func: type(SGStance)) @filter(eq(sg.live, false)) { n: count(uid) }
	d(func: type(SGDocument)) { n: count(uid) }
}`)
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ A, S, R, D []struct{ N int } }
	if err := json.Unmarshal(resp.Json, &out); err != nil {
		t.Fatal(err)
	}
	n := func(r []struct{ N int }) int {
		if len(r) == 0 {
			return 0
		}
		return r[0].N
	}
	return stance.Stats{Actors: n(out.A), Stances: n(out.S), Retracted: n(out.R), Documents: n(out.D)}
}
