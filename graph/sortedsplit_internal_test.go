package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
)

// crashChildEnv names the environment variable that makes a test of this
// file, run again as a child process, do the part that dies.
const crashChildEnv = "STANCEGRAPH_SORTED_SPLIT_CHILD"

// crashDirEnv names the store directory of a child process.
const crashDirEnv = "STANCEGRAPH_SORTED_SPLIT_DIR"

// TestSortedOrder pins the order a split reaches Badger in: by key, bytes
// past the eighth and short keys included, with the last write of a key,
// as a Txn keeps it.
func TestSortedOrder(t *testing.T) {
	writes := []pendingWrite{
		{k: []byte("S2"), v: []byte("a")},
		{k: []byte("O1"), v: []byte("b")},
		{k: []byte("S2"), del: true},              // a later delete wins over the set
		{k: []byte("S1xxxxxxxB"), v: []byte("c")}, // same eight-byte prefix as the next
		{k: []byte("S1xxxxxxxA"), v: []byte("d")},
		{k: []byte("O1"), v: []byte("e")}, // a later set wins over the set
		{k: []byte("O"), v: []byte("f")},  // shorter than eight bytes, a prefix of another
	}
	var got []string
	for _, i := range sortedOrder(writes) {
		pw := writes[i]
		got = append(got, fmt.Sprintf("%s=%s del %v", pw.k, pw.v, pw.del))
	}
	want := []string{"O=f del false", "O1=e del false", "S1xxxxxxxA=d del false", "S1xxxxxxxB=c del false", "S2= del true"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestLoadWritesSplitsInKeyOrder pins the point of sorted splits: each
// split of a load reaches Badger in key order (a Txn sends its writes in
// its map's random order, which made memtable inserts a third of a large
// load's CPU), and a large load commits in several splits.
func TestLoadWritesSplitsInKeyOrder(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true, MemTableSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	actors := []string{"Alpha", "Beta", "Gamma", "Delta"}
	if _, err := s.Load(ctx, Batch{Actors: []Actor{{Name: "Alpha"}, {Name: "Beta"}, {Name: "Gamma"}, {Name: "Delta"}}}); err != nil {
		t.Fatal(err)
	}
	var o splitOrder
	stop := o.watch(t, s)
	if _, err := s.Load(ctx, Batch{Stances: eventSpecs(0, 20000, actors...)}); err != nil {
		t.Fatal(err)
	}
	stop()
	if o.versions < 3 {
		t.Errorf("the load reached Badger at %d versions, want a large load split into several", o.versions)
	}
	if o.unsorted > 0 {
		t.Errorf("%d of %d splits were not in key order", o.unsorted, o.versions)
	}

	// Loaded again, the batch adds nothing and writes nothing.
	var again splitOrder
	stop = again.watch(t, s)
	res, err := s.Load(ctx, Batch{Stances: eventSpecs(0, 20000, actors...)})
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if res.Stances != 0 || again.versions != 0 {
		t.Errorf("loaded again: %d stances added, %d commits; want none of either", res.Stances, again.versions)
	}
}

// splitOrder counts the versions written to a store and those whose
// writes reached Badger out of key order.
type splitOrder struct {
	mu                 sync.Mutex
	versions, unsorted int
	last               uint64 // the last version seen
	prev               []byte // the last key of that version
	bad                bool   // that version is out of order
}

// watch subscribes o to s's writes until the returned function is
// called, which waits for the writes committed before it.
func (o *splitOrder) watch(t *testing.T, s *Store) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- s.db.Subscribe(ctx, func(kvs *badger.KVList) error {
			o.mu.Lock()
			defer o.mu.Unlock()
			for _, kv := range kvs.Kv {
				o.see(kv)
			}
			return nil
		}, []pb.Match{{Prefix: nil}})
	}()
	// Subscribe registers, then blocks: write until a write reaches it.
	probe := []byte(probeKey)
	for i := 0; ; i++ {
		if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(probe, []byte(strconv.Itoa(i))) }); err != nil {
			t.Fatal(err)
		}
		o.mu.Lock()
		n := o.versions
		o.mu.Unlock()
		if n > 0 {
			break
		}
	}
	o.caughtUp(t, s)
	o.mu.Lock()
	o.versions, o.unsorted = 0, 0
	o.mu.Unlock()
	return func() {
		t.Helper()
		o.caughtUp(t, s)
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Fatal(err)
		}
		o.mu.Lock()
		defer o.mu.Unlock()
		o.versions-- // the last probe
	}
}

// caughtUp writes the probe and waits until o has seen it: the
// publisher runs behind the writes.
func (o *splitOrder) caughtUp(t *testing.T, s *Store) {
	t.Helper()
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(probeKey), []byte("caught up")) }); err != nil {
		t.Fatal(err)
	}
	rt := s.db.NewTransaction(false)
	final := rt.ReadTs()
	rt.Discard()
	for {
		o.mu.Lock()
		seen := o.last
		o.mu.Unlock()
		if seen >= final {
			return
		}
		runtime.Gosched()
	}
}

// see records one write; o.mu is held.
func (o *splitOrder) see(kv *pb.KV) {
	if kv.Version != o.last {
		o.last, o.prev, o.bad = kv.Version, nil, false
		o.versions++
	}
	switch string(kv.Key) {
	case string(splitVisibleKey), badgerTxnKey, probeKey:
		return
	}
	if o.prev != nil && bytes.Compare(o.prev, kv.Key) >= 0 && !o.bad {
		o.bad = true
		o.unsorted++
	}
	o.prev = kv.Key
}

// probeKey is the key splitOrder.watch writes to find the subscription
// running, and to know when it has seen every write before it.
const probeKey = "Mprobe"

// childExit is the exit code of a child process that died where its test
// meant it to.
const childExit = 3

// runChild runs the test name again in a child process, which sees mode
// in crashChildEnv and dir in crashDirEnv, and returns its exit code.
func runChild(t *testing.T, name, mode, dir string) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+mode, crashDirEnv+"="+dir)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ee.ExitCode() != childExit {
			t.Logf("child output:\n%s", out)
		}
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("child output:\n%s", out)
	return 0
}

// TestSortedSplitReplaysAsTransaction pins what the Badger flags of a
// sorted split mean when a process dies after writing it: with the end
// marker, the split is replayed from the write-ahead log whole, deletions
// included; without it (the process died while writing), none of it is.
// A split that is written but not yet made visible is the first case.
func TestSortedSplitReplaysAsTransaction(t *testing.T) {
	if mode := os.Getenv(crashChildEnv); mode != "" {
		writeSplitAndDie(t, os.Getenv(crashDirEnv), mode == "end")
		return
	}
	for _, c := range []struct {
		name string
		end  bool
	}{{"with the end marker", true}, {"cut before the end marker", false}} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			mode := "cut"
			if c.end {
				mode = "end"
			}
			if code := runChild(t, "TestSortedSplitReplaysAsTransaction", mode, dir); code != childExit {
				t.Fatalf("child exited with %d, want %d", code, childExit)
			}
			s, err := Open(dir, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			got := map[string]string{}
			err = s.db.View(func(txn *badger.Txn) error {
				for _, k := range []string{"Mset", "Mdeleted"} {
					v, err := getValue(txn, []byte(k))
					if err == nil {
						got[k] = string(v)
					} else if !errors.Is(err, ErrNotFound) {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"Mdeleted": "before"}
			if c.end {
				want = map[string]string{"Mset": "split"}
			}
			if len(got) != len(want) || got["Mset"] != want["Mset"] || got["Mdeleted"] != want["Mdeleted"] {
				t.Errorf("after the restart the store holds %v, want %v", got, want)
			}
		})
	}
}

// writeSplitAndDie is the child of TestSortedSplitReplaysAsTransaction:
// it commits a key, then writes a split that sets another and deletes
// it, as sendSorted does but never made visible, and dies.
func writeSplitAndDie(t *testing.T, dir string, end bool) {
	s, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("Mdeleted"), []byte("before")) }); err != nil {
		t.Fatal(err)
	}
	rt := s.db.NewTransaction(false)
	version := rt.ReadTs() + 1
	rt.Discard()
	l := s.db.NewKVLoader(1)
	kvs := []*pb.KV{
		{Key: []byte("Mdeleted"), Version: version, Meta: []byte{badgerTxn | badgerDelete}},
		{Key: []byte("Mset"), Value: []byte("split"), Version: version, Meta: []byte{badgerTxn}},
	}
	if end {
		kvs = append(kvs, &pb.KV{Key: []byte(badgerTxnKey), Value: []byte(strconv.FormatUint(version, 10)), Version: version, Meta: []byte{badgerFinTxn}})
	}
	for _, kv := range kvs {
		if err := l.Set(kv); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Finish(); err != nil {
		t.Fatal(err)
	}
	os.Exit(childExit)
}

// TestLoadKilledBetweenSplits kills a process in the middle of a large
// load, after a split's writes reach Badger and before they are made
// visible, and checks that the next Open finishes the load from its
// journal into the store the whole load builds, key for key.
func TestLoadKilledBetweenSplits(t *testing.T) {
	batches := killedLoadBatches()
	if os.Getenv(crashChildEnv) != "" {
		loadAndDie(t, os.Getenv(crashDirEnv), batches)
		return
	}
	ctx := context.Background()
	dir := t.TempDir()
	if code := runChild(t, "TestLoadKilledBetweenSplits", "load", dir); code != childExit {
		t.Fatalf("child exited with %d, want %d", code, childExit)
	}
	if _, err := os.Stat(filepath.Join(dir, journalName)); err != nil {
		t.Fatalf("the child left no journal: %v", err)
	}
	got, err := Open(dir, &Options{MemTableSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	want, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer want.Close()
	for _, b := range batches {
		if _, err := want.Load(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	sameStore(t, dump(t, got, nil), dump(t, want, nil))
	rep, err := got.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Violations) > 0 {
		t.Errorf("Check after the restart: %v", rep.Violations)
	}
	if _, err := os.Stat(filepath.Join(dir, journalName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the journal is still there after Open: %v", err)
	}
}

// killedLoadBatches are the loads of TestLoadKilledBetweenSplits: actors
// and a small load, then one that commits in several splits.
func killedLoadBatches() []Batch {
	actors := []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon"}
	first := Batch{Stances: eventSpecs(0, 500, actors...)}
	for _, a := range actors {
		first.Actors = append(first.Actors, Actor{Name: a})
	}
	return []Batch{first, {Stances: eventSpecs(500, 20000, actors...)}}
}

// loadAndDie is the child of TestLoadKilledBetweenSplits: it loads the
// batches and dies when the third split of the last one is written.
func loadAndDie(t *testing.T, dir string, batches []Batch) {
	ctx := context.Background()
	s, err := Open(dir, &Options{MemTableSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	last := len(batches) - 1
	for _, b := range batches[:last] {
		if _, err := s.Load(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	splits := 0
	s.commitHook = func() {
		if splits++; splits == 3 {
			os.Exit(childExit)
		}
	}
	if _, err := s.Load(ctx, batches[last]); err != nil {
		t.Fatal(err)
	}
	t.Fatalf("the load finished in %d splits, want more than 3", splits)
}
