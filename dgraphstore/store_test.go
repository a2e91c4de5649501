package dgraphstore_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/dgo/v250"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/stancegraph/stancegraph/dgraphstore"
	"github.com/stancegraph/stancegraph/dgraphstore/dgraphtest"
	"github.com/stancegraph/stancegraph/stance"
	"github.com/stancegraph/stancegraph/stance/storetest"
)

// The tests share one cluster, started by the first that needs it and
// stopped by TestMain.
var (
	clusterOnce sync.Once
	cluster     *dgraphtest.Cluster
	clusterErr  error
	clusterDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if cluster != nil {
		if err := cluster.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	if clusterDir != "" {
		os.RemoveAll(clusterDir)
	}
	os.Exit(code)
}

// shared returns the tests' cluster, skipping t when there is no binary.
func shared(t testing.TB) *dgraphtest.Cluster {
	t.Helper()
	bin := dgraphtest.Available(t)
	clusterOnce.Do(func() {
		if clusterDir, clusterErr = os.MkdirTemp("", "dgraphstore-test"); clusterErr != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cluster, clusterErr = dgraphtest.Start(ctx, bin, clusterDir)
	})
	if clusterErr != nil {
		t.Fatal(clusterErr)
	}
	return cluster
}

// TestStoreContract runs the stance.Store conformance suite, the one
// graph.TestStoreContract runs on the embedded store, against Dgraph. The
// subtests share one cluster; each starts from an empty store.
func TestStoreContract(t *testing.T) {
	c := shared(t)
	storetest.Run(t, func(t *testing.T) stance.Store {
		return openEmpty(t, c)
	})
}

// openEmpty opens a store on c with every record dropped.
func openEmpty(t testing.TB, c *dgraphtest.Cluster) *dgraphstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := dgraphstore.Open(ctx, c.Addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.DropAll(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTwoStoresAgree writes through one Store and reads through another
// on the same cluster, as two graphd processes would: a Store keeps
// nothing between calls, so the second sees every write at once.
func TestTwoStoresAgree(t *testing.T) {
	c := shared(t)
	ctx := context.Background()
	w := openEmpty(t, c)
	r, err := dgraphstore.Open(ctx, c.Addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := w.UpsertActor(ctx, stance.Actor{Name: "Iran", Kind: stance.KindState}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.UpsertActor(ctx, stance.Actor{Name: "Iraq"}); err != nil {
		t.Fatal(err)
	}
	st, _, err := w.AddStance(ctx, stance.StanceSpec{Subject: "Iran", Type: stance.Supports, Object: "Iraq"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Stance(ctx, st.ID)
	if err != nil || got.Subject != stance.ActorID("Iran") {
		t.Fatalf("the other store reads %+v, %v", got, err)
	}
	if _, err := r.RetractStance(ctx, st.ID, "wrong"); err != nil {
		t.Fatal(err)
	}
	if n, err := w.Degree(ctx, "Iran", stance.Out); err != nil || n != 0 {
		t.Errorf("after a retraction through the other store, Degree = %d, %v; want 0", n, err)
	}
}

// TestOpenRefusesBadAddress checks that a store address names its scheme
// and port, without dialing anything.
func TestOpenRefusesBadAddress(t *testing.T) {
	for _, addr := range []string{"", "localhost", "http://localhost:9080", "dgraph://localhost", "dgraph://:"} {
		if _, err := dgraphstore.Open(context.Background(), addr, nil); !errors.Is(err, stance.ErrInvalidInput) {
			t.Errorf("Open(%q) = %v, want an error wrapping ErrInvalidInput", addr, err)
		}
	}
}

// TestConcurrentWritersOneStance adds the same stance through two stores
// at once, as two graphd processes would: Dgraph's conflict detection
// aborts one transaction, which is retried and finds the stance stored.
func TestConcurrentWritersOneStance(t *testing.T) {
	c := shared(t)
	ctx := context.Background()
	a := openEmpty(t, c)
	b, err := dgraphstore.Open(ctx, c.Addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := a.Load(ctx, stance.Batch{Actors: []stance.Actor{{Name: "Iran"}, {Name: "Iraq"}}}); err != nil {
		t.Fatal(err)
	}
	for round := range 5 {
		spec := stance.StanceSpec{Subject: "Iran", Type: stance.Supports, Object: "Iraq", Topic: fmt.Sprintf("round %d", round)}
		created := make(chan bool, 2)
		errs := make(chan error, 2)
		for _, s := range []*dgraphstore.Store{a, b} {
			go func() {
				_, c, err := s.AddStance(ctx, spec)
				created <- c
				errs <- err
			}()
		}
		n := 0
		for range 2 {
			if <-created {
				n++
			}
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		if n != 1 {
			t.Errorf("round %d: %d of two concurrent adds of one stance created it, want 1", round, n)
		}
	}
	if st, err := a.Stats(ctx); err != nil || st.Stances != 5 {
		t.Errorf("Stats = %+v, %v; want 5 stances, one per round", st, err)
	}
}

// TestUnavailable checks that an unreachable cluster is a clear error
// wrapping ErrUnavailable, once the caller's deadline passes.
func TestUnavailable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err = dgraphstore.Open(ctx, "dgraph://"+addr, nil)
	if !errors.Is(err, dgraphstore.ErrUnavailable) || !strings.Contains(err.Error(), addr) {
		t.Errorf("Open of a closed port = %v, want an error wrapping ErrUnavailable naming %s", err, addr)
	}
}

// TestVocabularyKept checks that the cluster keeps the vocabulary it was
// created with: a store opened without one reads it, and one opened with
// a type the cluster lacks is refused, as the embedded store refuses it.
func TestVocabularyKept(t *testing.T) {
	c := shared(t)
	ctx := context.Background()
	raw, err := dgo.NewClient(c.Addr, dgo.WithGrpcOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := raw.DropAll(ctx); err != nil { // no vocabulary kept
		t.Fatal(err)
	}
	plover := stance.PLOVERVocabulary()
	p, err := dgraphstore.Open(ctx, c.Addr, &dgraphstore.Options{Vocabulary: plover})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	n, err := dgraphstore.Open(ctx, c.Addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if got, want := n.Vocabulary().Names(), plover.Names(); !slices.Equal(got, want) {
		t.Errorf("a store opened without a vocabulary reads %v, want the kept %v", got, want)
	}
	other, err := stance.NewVocabulary([]stance.TypeInfo{{Type: "PRAISES", Description: "praises", CAMEO: []string{}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dgraphstore.Open(ctx, c.Addr, &dgraphstore.Options{Vocabulary: other}); !errors.Is(err, stance.ErrVocabularyConflict) {
		t.Errorf("Open with a type the cluster lacks = %v, want ErrVocabularyConflict", err)
	}
}
