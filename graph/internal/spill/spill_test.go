package spill

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

type op struct {
	key, val string
	del      bool
}

func merged(t *testing.T, s *Sorter) []op {
	t.Helper()
	var out []op
	if err := s.Seal(); err != nil {
		t.Fatal(err)
	}
	err := s.MergeRange(nil, nil, func(k, v []byte) error {
		out = append(out, op{key: string(k), val: string(v)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSorter(t *testing.T) {
	tests := []struct {
		name   string
		budget int
		ops    []op
		want   []op
	}{
		{"empty", 1 << 20, nil, nil},
		{"sorted output", 1 << 20,
			[]op{{key: "b", val: "2"}, {key: "a", val: "1"}, {key: "c", val: "3"}},
			[]op{{key: "a", val: "1"}, {key: "b", val: "2"}, {key: "c", val: "3"}}},
		{"last write wins", 1 << 20,
			[]op{{key: "a", val: "1"}, {key: "a", val: "2"}, {key: "a", val: "3"}},
			[]op{{key: "a", val: "3"}}},
		{"delete drops a key", 1 << 20,
			[]op{{key: "a", val: "1"}, {key: "b", val: "2"}, {key: "a", del: true}},
			[]op{{key: "b", val: "2"}}},
		{"write after delete", 1 << 20,
			[]op{{key: "a", val: "1"}, {key: "a", del: true}, {key: "a", val: "again"}},
			[]op{{key: "a", val: "again"}}},
		{"empty value is a value", 1 << 20,
			[]op{{key: "a", val: ""}},
			[]op{{key: "a", val: ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := New(t.TempDir(), tc.budget)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, o := range tc.ops {
				if o.del {
					err = s.Delete([]byte(o.key), true)
				} else {
					err = s.Put([]byte(o.key), []byte(o.val), true)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if got := merged(t, s); !slices.Equal(got, tc.want) {
				t.Errorf("merge = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSorterAcrossRuns checks reads and the merge against a map when the
// budget forces many spilled runs, so that keys are overwritten and deleted
// in runs older than the one holding their final value.
func TestSorterAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	s, err := New(dir, 1<<16)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	model := map[string]string{}
	for i := 0; i < 40000; i++ {
		k := fmt.Sprintf("key-%05d", rng.IntN(3000))
		if rng.IntN(5) == 0 {
			delete(model, k)
			err = s.Delete([]byte(k), true)
		} else {
			v := fmt.Sprintf("value %d of %s %s", i, k, bytes.Repeat([]byte("x"), rng.IntN(40)))
			model[k] = v
			err = s.Put([]byte(k), []byte(v), true)
		}
		if err != nil {
			t.Fatal(err)
		}
		if i%997 == 0 { // reads interleave with writes during an import
			probe := fmt.Sprintf("key-%05d", rng.IntN(3000))
			v, found, err := s.Get([]byte(probe))
			want, ok := model[probe]
			if err != nil || found != ok || string(v) != want {
				t.Fatalf("after %d writes Get(%s) = %q, %v, %v; want %q, %v", i, probe, v, found, err, want, ok)
			}
		}
	}
	if s.Runs() < 10 {
		t.Fatalf("only %d runs spilled; the test needs many", s.Runs())
	}
	for i := 0; i < 3000; i++ {
		k := fmt.Sprintf("key-%05d", i)
		v, found, err := s.Get([]byte(k))
		want, ok := model[k]
		if err != nil || found != ok || string(v) != want {
			t.Fatalf("Get(%s) = %q, %v, %v; want %q, %v", k, v, found, err, want, ok)
		}
	}
	var want []op
	for k, v := range model {
		want = append(want, op{key: k, val: v})
	}
	slices.SortFunc(want, func(a, b op) int { return bytes.Compare([]byte(a.key), []byte(b.key)) })
	if got := merged(t, s); !slices.Equal(got, want) {
		t.Fatalf("merge returned %d keys, want %d (first difference matters)", len(got), len(want))
	}
	// Ranges merged side by side, as an import's Commit does, cover the
	// same keys exactly once; bounds fall between keys, on keys, and
	// outside them.
	bounds := [][]byte{nil, []byte("key-00500"), []byte("key-01234x"), []byte("key-02999"), []byte("zzz"), nil}
	parts := make([][]op, len(bounds)-1)
	errs := make(chan error, len(parts))
	for i := range parts {
		go func() {
			errs <- s.MergeRange(bounds[i], bounds[i+1], func(k, v []byte) error {
				parts[i] = append(parts[i], op{key: string(k), val: string(v)})
				return nil
			})
		}()
	}
	for range parts {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if got := slices.Concat(parts...); !slices.Equal(got, want) {
		t.Fatalf("ranges returned %d keys, want %d", len(got), len(want))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 0 {
		t.Errorf("Close left %d files in the spill directory", len(left))
	}
}

// TestMergeReadsRecordsLargerThanItsWindow spills records larger than a
// cursor's read window, among small ones, and merges them back whole.
func TestMergeReadsRecordsLargerThanItsWindow(t *testing.T) {
	s, err := New(t.TempDir(), 1<<17)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var want []op
	for i, size := range []int{10, runWindow - 3, 20, 3*runWindow + 7, 0, runWindow, 5} {
		o := op{key: fmt.Sprintf("key-%02d", i), val: string(bytes.Repeat([]byte{byte('a' + i)}, size))}
		want = append(want, o)
		if err := s.Put([]byte(o.key), []byte(o.val), false); err != nil {
			t.Fatal(err)
		}
	}
	if s.Runs() < 2 {
		t.Fatalf("%d runs spilled; the test needs records in runs", s.Runs())
	}
	if got := merged(t, s); !slices.Equal(got, want) {
		t.Errorf("merge returned %d records, want %d (or their values differ)", len(got), len(want))
	}
}

// TestGetOnlyFindsLookupKeys pins the contract that keeps the index small:
// keys written without lookup are replayed by MergeRange but not indexed.
func TestGetOnlyFindsLookupKeys(t *testing.T) {
	s, err := New(t.TempDir(), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Put([]byte("indexed"), []byte("1"), true)
	s.Put([]byte("plain"), []byte("2"), false)
	if _, found, _ := s.Get([]byte("indexed")); !found {
		t.Error("a lookup key is not found")
	}
	if _, found, _ := s.Get([]byte("plain")); found {
		t.Error("a key written without lookup is found")
	}
	if got := merged(t, s); len(got) != 2 {
		t.Errorf("merge = %v, want both keys", got)
	}
}

// TestSortParallelMatchesSort checks that Seal's parallel sort orders a
// buffer exactly as the sequential sort does, whatever the spread of key
// prefixes: distinct ones, one shared by every key (nothing to split on),
// a few, and rewrites of the same keys (order by write among equals).
func TestSortParallelMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 3 * parallelSortMin
	tests := []struct {
		name string
		key  func(i int) string
	}{
		{"distinct prefixes", func(int) string { return fmt.Sprintf("%016x", r.Uint64()) }},
		{"one shared prefix", func(int) string { return fmt.Sprintf("Oaaaaaaa%08x", r.Uint32()) }},
		{"few prefixes", func(i int) string { return fmt.Sprintf("%c%015x", "DIOSTcd"[i%7], r.Uint64()) }},
		{"rewritten keys", func(int) string { return fmt.Sprintf("k%07d", r.IntN(500)) }},
		{"long shared prefixes", func(i int) string { return fmt.Sprintf("O%015d%08x", i%40, r.Uint32()) }},
		{"keys shorter than a prefix", func(int) string { return fmt.Sprintf("%07x", r.IntN(1<<20))[:1+r.IntN(7)] }},
		{"long keys rewritten", func(int) string { return fmt.Sprintf("Oaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%d", r.IntN(3)) }},
		{"zero bytes at every length", func(int) string {
			return "Oaaaaaaaaaaaaaaa" + string(make([]byte, r.IntN(20))) + string(rune(r.IntN(2)))[:r.IntN(2)]
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := New(t.TempDir(), 1<<30)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for i := range n {
				if err := s.Put([]byte(tc.key(i)), []byte(fmt.Sprint(i)), i%3 == 0); err != nil {
					t.Fatal(err)
				}
			}
			b := s.cur
			want := slices.Clone(b.ents)
			slices.SortFunc(want, compareWhole(b))
			got := slices.Clone(b.ents)
			b.radixSort(got, 56, 0)
			if !slices.Equal(writes(got), writes(want)) {
				t.Errorf("radix sort: order differs from a sort by whole keys")
			}
			for _, ways := range []int{2, 3, 4} {
				got := slices.Clone(b.ents)
				b.sortParallel(got, ways)
				if !slices.Equal(writes(got), writes(want)) {
					t.Errorf("%d ways: order differs from a sort by whole keys", ways)
				}
			}
		})
	}
}

// writes lists the entries' writes in order; a sort may leave other
// prefixes than the keys' first bytes in the entries (see radixSort).
func writes(ents []entry) []int32 {
	out := make([]int32, len(ents))
	for i, e := range ents {
		out[i] = e.seq
	}
	return out
}

// compareWhole orders entries by their whole keys, then by write, with
// nothing taken from the prefixes: what a buffer's sort must agree with.
func compareWhole(b *buffer) func(x, y entry) int {
	return func(x, y entry) int {
		if c := bytes.Compare(b.key(x.loc), b.key(y.loc)); c != 0 {
			return c
		}
		return int(x.seq - y.seq)
	}
}

// BenchmarkPut measures a write as an import makes it: a 17-byte key of
// random bytes, half of them read back, into a buffer that does not
// spill.
func BenchmarkPut(b *testing.B) {
	keys := make([][]byte, 1<<20)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range keys {
		keys[i] = make([]byte, 17)
		for j := range keys[i] {
			keys[i][j] = byte(r.Uint32())
		}
	}
	v := make([]byte, 40)
	b.ResetTimer()
	for i := 0; i < b.N; {
		s, err := New(b.TempDir(), 1<<30)
		if err != nil {
			b.Fatal(err)
		}
		for j := 0; j < len(keys) && i < b.N; j, i = j+1, i+1 {
			if err := s.Put(keys[j], v, j%2 == 0); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// TestSmallRecordsFillWholeRuns checks that a buffer reused after a spill
// still holds a budget's worth of small records: the first buffer's
// entries grow past their share by append, and a buffer reused with them
// counted against its budget spilled a run at every write.
func TestSmallRecordsFillWholeRuns(t *testing.T) {
	const budget, n = 1 << 17, 100000
	s, err := New(t.TempDir(), budget)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range n {
		k := []byte{byte(i >> 24), byte(i >> 16), byte(i >> 8), byte(i)}
		if err := s.Put(k, nil, false); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	if err := s.Seal(); err != nil {
		t.Fatal(err)
	}
	// Each record costs its 4 bytes and an entry; a run holds at least
	// the records of half a budget (and the last may hold fewer).
	most := n*(4+entrySize)/(budget/2) + 2
	s.mu.Lock()
	runs := len(s.runs)
	s.mu.Unlock()
	if runs > most {
		t.Fatalf("%d runs for %d records of 4 bytes, want at most %d", runs, n, most)
	}
}

// TestSealLetsGoOfTheSpilledBuffer checks that a sealed Sorter keeps no
// spilled buffer's memory for a next buffer there will never be.
func TestSealLetsGoOfTheSpilledBuffer(t *testing.T) {
	const budget = 1 << 17
	s, err := New(t.TempDir(), budget)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v := make([]byte, 1000)
	for i := 0; s.Runs() < 2; i++ {
		if err := s.Put([]byte{byte(i >> 16), byte(i >> 8), byte(i)}, v, false); err != nil {
			t.Fatal(err)
		}
	}
	s.mu.Lock()
	kept := s.free != nil
	s.mu.Unlock()
	if !kept {
		t.Fatal("no spilled buffer kept before Seal: the test does not test Seal")
	}
	if err := s.Seal(); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.free != nil {
		t.Error("Seal kept a spilled buffer's memory")
	}
}
