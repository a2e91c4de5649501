package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/internal/tmpfs"
)

func TestDiskGuardCheck(t *testing.T) {
	const reserve = 100 << 20
	for _, tc := range []struct {
		name     string
		free     int64
		freeErr  error
		need     int64
		refused  bool
		mentions []string
	}{
		{name: "plenty", free: 1 << 30},
		{name: "exactly the reserve", free: reserve},
		{name: "under the reserve", free: reserve - 1, refused: true,
			mentions: []string{"/store", fmt.Sprint(reserve - 1), fmt.Sprint(reserve), "writes resume"}},
		{name: "the write does not fit", free: reserve + 10, need: 11, refused: true,
			mentions: []string{"needs 11 bytes", fmt.Sprint(reserve + 10)}},
		{name: "the write fits", free: reserve + 10, need: 10},
		{name: "free space unknown", freeErr: errors.New("not supported")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := newDiskGuard("/store", reserve)
			g.free = func(string) (int64, error) { return tc.free, tc.freeErr }
			err := g.check(tc.need)
			if got := errors.Is(err, ErrDiskFull); got != tc.refused {
				t.Fatalf("check(%d) with %d free = %v, want refused %v", tc.need, tc.free, err, tc.refused)
			}
			for _, m := range tc.mentions {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("message %q does not mention %q", err, m)
				}
			}
		})
	}
}

// TestDiskGuardCachesReading: a reading is reused within guardInterval,
// so a write costs no statfs, and forget makes the next check read anew.
func TestDiskGuardCachesReading(t *testing.T) {
	free, reads := int64(1<<30), 0
	g := newDiskGuard("/store", 1<<20)
	g.free = func(string) (int64, error) { reads++; return free, nil }
	if err := g.check(0); err != nil {
		t.Fatal(err)
	}
	free = 0
	if err := g.check(0); err != nil || reads != 1 {
		t.Fatalf("second check within the interval: %v after %d reads, want the cached reading", err, reads)
	}
	g.forget()
	if err := g.check(0); !errors.Is(err, ErrDiskFull) || reads != 2 {
		t.Fatalf("check after forget: %v after %d reads, want ErrDiskFull from a new reading", err, reads)
	}
}

func TestReserveCoversMemtablesAndValueLog(t *testing.T) {
	o := DefaultOptions()
	if got, want := reserveFor(o), int64(4*64<<20+128<<20); got != want {
		t.Errorf("default reserve = %d, want %d (four memtables and a value log file)", got, want)
	}
	if o.ValueLogFileSize <= MaxDocumentBytes {
		t.Errorf("value log files of %d bytes cannot hold a document of %d", o.ValueLogFileSize, MaxDocumentBytes)
	}
}

// fillDisk writes a file in dir until its filesystem is full and returns
// the file's name.
func fillDisk(t *testing.T, dir string) string {
	t.Helper()
	name := tmpfs.Fill(t, dir)
	if free, _ := freeBytes(dir); free > 4096 {
		t.Fatalf("%d bytes still free after filling %s", free, dir)
	}
	return name
}

// diskBatch is n stances between two actors, each quoting a sentence of
// its own in one of several short documents; tag keeps batches apart.
func diskBatch(tag string, n int) Batch {
	const perDoc = 50
	b := Batch{Actors: []Actor{{Name: "Disk North " + tag, Kind: KindState}, {Name: "Disk South " + tag, Kind: KindState}}}
	var text strings.Builder
	var quotes []string
	flush := func() {
		b.Documents = append(b.Documents, Document{Title: "minutes " + tag, Text: text.String()})
		doc := DocumentID(text.String())
		for _, q := range quotes {
			b.Stances = append(b.Stances, StanceSpec{
				Subject: "Disk North " + tag, Type: "ENGAGES", Object: "Disk South " + tag,
				Evidence: []EvidenceSpec{{Document: doc, Quote: q}},
			})
		}
		text.Reset()
		quotes = quotes[:0]
	}
	for i := range n {
		q := fmt.Sprintf("batch %s sentence %d says the envoys met", tag, i)
		text.WriteString(q + ". ")
		quotes = append(quotes, q)
		if len(quotes) == perDoc || i == n-1 {
			flush()
		}
	}
	return b
}

// TestDiskFull fills a small tmpfs under a store (52 MiB: 18 MiB past
// the reserve, about 40,000 stances in layout 2): writes are refused with
// ErrDiskFull instead of Badger dying of SIGBUS in a mapped write, reads
// and Check go on, writes resume once space is freed, a full disk opens
// read-only, and nothing acknowledged is lost.
func TestDiskFull(t *testing.T) {
	mnt := tmpfs.Mount(t, "52m")
	dir := filepath.Join(mnt, "store")
	opts := DefaultOptions()
	opts.MemTableSize, opts.ValueLogFileSize = 8<<20, 2<<20 // a 34 MiB reserve
	ctx := context.Background()
	s, err := Open(dir, &opts)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	if s.Reserve() != 34<<20 {
		t.Fatalf("Reserve() = %d, want %d", s.Reserve(), 34<<20)
	}

	// The store's own writes fill the disk: loads are refused once the
	// reserve is reached, and the process lives.
	stances, owed := 0, 0
	for i := 0; ; i++ {
		b := diskBatch(fmt.Sprint(i), 4000)
		res, err := s.Load(ctx, b)
		if errors.Is(err, ErrDiskFull) {
			t.Logf("load %d refused after %d stances: %v", i, stances, err)
			if errors.Is(err, ErrLoadJournaled) {
				// Refused between two commits: the journal owes the
				// rest, paid by the first write once space is freed.
				owed = len(b.Stances)
			}
			break
		}
		if err != nil {
			t.Fatalf("load %d: %v", i, err)
		}
		stances += res.Stances
		if i > 1000 {
			t.Fatal("a thousand loads accepted on a 52 MiB disk")
		}
	}
	if stances == 0 {
		t.Fatal("the first load was refused: the test wrote nothing")
	}

	filler := fillDisk(t, mnt)
	s.guard.forget()
	_, err = s.UpsertActor(ctx, Actor{Name: "Disk Late", Kind: KindState})
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), mnt) {
		t.Fatalf("UpsertActor on a full disk: %v, want ErrDiskFull naming %s", err, mnt)
	}
	if _, err := s.Load(ctx, diskBatch("late", 10)); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("Load on a full disk: %v, want ErrDiskFull", err)
	}
	if err := s.RunGC(ctx); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("RunGC on a full disk: %v, want ErrDiskFull (skipped)", err)
	}
	if _, err := s.Actor(ctx, "Disk North 0"); err != nil {
		t.Fatalf("read on a full disk: %v", err)
	}
	diskVerify(t, s, stances, owed)

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	s.guard.forget()
	if _, err := s.UpsertActor(ctx, Actor{Name: "Disk Late", Kind: KindState}); err != nil {
		t.Fatalf("UpsertActor once space is freed: %v", err)
	}
	stances, owed = stances+owed, 0
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// A full disk: opening for writing is refused, opening read-only
	// serves reads and Check.
	filler = fillDisk(t, mnt)
	if _, err := Open(dir, &opts); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("Open for writing on a full disk: %v, want ErrDiskFull", err)
	}
	ro := opts
	ro.ReadOnly = true
	if s, err = Open(dir, &ro); err != nil {
		t.Fatalf("Open read-only on a full disk: %v", err)
	}
	diskVerify(t, s, stances, 0)
	if _, err := s.Actor(ctx, "Disk Late"); err != nil {
		t.Fatalf("the actor written once space was freed: %v", err)
	}
	s.Close()
	os.Remove(filler)
	if s, err = Open(dir, &opts); err != nil {
		t.Fatal(err)
	}
	diskVerify(t, s, stances, 0)
}

// diskVerify checks s holds stances live stances, and up to owed more of a
// journaled load, and passes Check.
func diskVerify(t *testing.T, s *Store, stances, owed int) {
	t.Helper()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Stances < stances || st.Stances > stances+owed {
		t.Errorf("the store holds %d stances, %d were acknowledged and %d journaled", st.Stances, stances, owed)
	}
	rep, err := s.Check(ctx)
	if err != nil || len(rep.Violations) > 0 {
		t.Fatalf("Check: %v %v", err, rep.Violations)
	}
}

// TestLoadRefusedMidwayIsFinished: a load whose disk fills after its first
// split commit is journaled, and the next write, or the next Open,
// finishes it, so the store never keeps part of it.
func TestLoadRefusedMidwayIsFinished(t *testing.T) {
	for _, finish := range []string{"next write", "reopen"} {
		t.Run(finish, func(t *testing.T) {
			dir := t.TempDir()
			opts := DefaultOptions()
			opts.MemTableSize = 8 << 20 // a transaction of about 1 MiB: the load splits
			ctx := context.Background()
			s, err := Open(dir, &opts)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { s.Close() }()
			checks := 0
			s.guard.every = 0
			s.guard.free = func(string) (int64, error) {
				checks++
				if checks > 4 {
					return 0, nil
				}
				return 1 << 40, nil
			}
			const n = 20000
			_, err = s.Load(ctx, diskBatch("big", n))
			if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), "journaled") {
				t.Fatalf("Load with the disk filling midway: %v, want ErrDiskFull saying the load is journaled", err)
			}
			if st, _ := s.Stats(ctx); st.Stances == 0 || st.Stances == n {
				t.Fatalf("the refused load left %d stances: the test did not stop it midway", st.Stances)
			}
			s.guard.free = func(string) (int64, error) { return 1 << 40, nil }
			switch finish {
			case "next write":
				if _, err := s.UpsertActor(ctx, Actor{Name: "Disk Later", Kind: KindState}); err != nil {
					t.Fatal(err)
				}
			case "reopen":
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
				if s, err = Open(dir, &opts); err != nil {
					t.Fatal(err)
				}
			}
			diskVerify(t, s, n, 0)
			if _, err := os.Stat(filepath.Join(dir, journalName)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the journal is still there once the load is finished: %v", err)
			}
		})
	}
}
