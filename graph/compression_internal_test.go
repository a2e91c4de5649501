package graph

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// compressionStore writes a small store through the public API, with
// repetitive text as real stores have (quotes from shared documents,
// type names, actor IDs), and returns its directory, closed, and how many
// stances it holds.
func compressionStore(t *testing.T) (string, int) {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "src")
	s, err := Open(dir, &Options{MemTableSize: 8 << 20, BlockCacheSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 12)
	for i := range names {
		names[i] = fmt.Sprintf("Actor number %d", i)
		if _, err := s.UpsertActor(ctx, Actor{Name: names[i], Kind: KindState}); err != nil {
			t.Fatal(err)
		}
	}
	var text strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&text, "In note %d the ministry said it rejected the proposal and demanded talks. ", i)
	}
	doc, _, err := s.PutDocument(ctx, Document{Title: "Report", Date: NewDate(2020, 1, 1), Text: text.String()})
	if err != nil {
		t.Fatal(err)
	}
	types := []string{"DEMANDS", "REJECTS", "SUPPORTS"}
	n := 0
	for i := 0; i < 600; i++ {
		sp := StanceSpec{Subject: names[i%12], Object: names[(i+1+i/12)%12], Type: types[i%3],
			Date:     NewDate(2020, time.Month(1+i%12), 1+i%28),
			Topic:    fmt.Sprintf("topic %d", i),
			Evidence: []EvidenceSpec{{Document: doc.ID, Quote: fmt.Sprintf("In note %d the ministry said", i%40)}}}
		if sp.Subject == sp.Object {
			sp.Object = names[(i+2)%12]
		}
		_, added, err := s.AddStance(ctx, sp)
		if err != nil {
			t.Fatalf("stance %d: %v", i, err)
		}
		if added {
			n++
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, n
}

// tableSetting is how Badger writes a store's tables.
type tableSetting struct {
	compression options.CompressionType
	blockSize   int
}

// defaultTables is the store's setting; snappyTables the one measured
// to bring the store under SQLite's size (bench/README.md).
var (
	defaultTables = func() tableSetting {
		bo := badgerOptions("", DefaultOptions())
		return tableSetting{bo.Compression, bo.BlockSize}
	}()
	snappyTables = tableSetting{options.Snappy, 16 << 10}
)

// rawOpts are the store's Badger options for dir with tables as ts says.
func rawOpts(dir string, readOnly bool, ts tableSetting) badger.Options {
	o := Options{ReadOnly: readOnly, MemTableSize: 8 << 20, BlockCacheSize: 1 << 20}
	bo := badgerOptions(dir, o.withDefaults()).WithCompression(ts.compression).WithBlockSize(ts.blockSize)
	if ts.compression != options.None {
		bo = bo.WithBlockCacheSize(o.BlockCacheSize) // Badger writes compressed tables only with a cache
	}
	return bo
}

// rewrite copies the store in src into a new store in dst whose tables
// are all written as ts says, as a store written by a release with that
// setting is.
func rewrite(t *testing.T, src, dst string, ts tableSetting) {
	t.Helper()
	in, err := badger.Open(rawOpts(src, true, defaultTables))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	_, err = in.Backup(&buf, 0)
	in.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, err := badger.Open(rawOpts(dst, false, ts))
	if err != nil {
		t.Fatal(err)
	}
	if err := out.Load(&buf, 16); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// dumpWith reads every key and value of the store in dir, opened with
// setting ts.
func dumpWith(t *testing.T, dir string, ts tableSetting) map[string]string {
	t.Helper()
	db, err := badger.Open(rawOpts(dir, true, ts))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	kv := map[string]string{}
	err = db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			kv[string(it.Item().KeyCopy(nil))] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return kv
}

// TestCompressionSettingsReadEachOther: Badger records each table's
// compression in the table, so a store written with one setting reads
// whole under another: a store written today keeps working if the
// default changes to compressed tables, and one written by such a
// release still opens with today's setting.
func TestCompressionSettingsReadEachOther(t *testing.T) {
	def := defaultTables
	src, stances := compressionStore(t)
	want := dumpWith(t, src, def)
	for _, tc := range []struct {
		name          string
		written, read tableSetting
	}{
		{"written with the default, read with Snappy in 16 KiB blocks", def, snappyTables},
		{"written with Snappy in 16 KiB blocks, read with the default", snappyTables, def},
		{"written with ZSTD in 64 KiB blocks, read with the default", tableSetting{options.ZSTD, 64 << 10}, def},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "store")
			rewrite(t, src, dir, tc.written)
			if got := dumpWith(t, dir, tc.read); !reflect.DeepEqual(got, want) {
				t.Errorf("read %d entries, want the %d written", len(got), len(want))
			}
			if tc.read != def {
				return
			}
			s, err := Open(dir, &Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			rep, err := s.Check(context.Background())
			if err != nil || len(rep.Violations) > 0 || rep.Stances != stances {
				t.Fatalf("check: %+v, %v", rep, err)
			}
			n := 0
			if err := s.ForEachStance(context.Background(), nil, func(Stance) error { n++; return nil }); err != nil || n != stances {
				t.Errorf("read %d stances (%v), want %d", n, err, stances)
			}
		})
	}
}

// TestBlockCacheForCompressedTablesOnly: Badger charges an uncompressed
// block to its cache as the rest of its table's file, so the store's
// uncompressed tables get no cache (the 1M store's pages hit it 19% of
// the time), and a store holding tables another setting compressed keeps
// the cache its options give.
func TestBlockCacheForCompressedTablesOnly(t *testing.T) {
	src, _ := compressionStore(t)
	snappy := filepath.Join(t.TempDir(), "snappy")
	rewrite(t, src, snappy, snappyTables)
	for _, tc := range []struct {
		name string
		dir  string
		o    Options
		want int64
	}{
		{"uncompressed tables", src, Options{BlockCacheSize: 3 << 20}, 0},
		{"uncompressed tables, read-only", src, Options{ReadOnly: true}, 0},
		{"Snappy tables", snappy, Options{BlockCacheSize: 3 << 20}, 3 << 20},
		{"Snappy tables, read-only, default size", snappy, Options{ReadOnly: true}, DefaultOptions().BlockCacheSize},
		{"a new store", filepath.Join(t.TempDir(), "new"), Options{BlockCacheSize: 3 << 20}, 0},
		{"in memory", "", Options{InMemory: true, BlockCacheSize: 3 << 20}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(tc.dir, &tc.o)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if tc.dir == src && len(s.db.Tables()) == 0 {
				t.Fatal("the store has no table to read")
			}
			if got := s.db.Opts().BlockCacheSize; got != tc.want {
				t.Errorf("block cache %d bytes, want %d", got, tc.want)
			}
		})
	}
}
