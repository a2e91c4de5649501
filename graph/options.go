package graph

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Options configure Open. They come in one style, bbolt's: a plain struct
// passed by pointer, where a nil *Options means DefaultOptions and a zero
// size field means that size's default, so callers set only what they
// change. There are no functional options and no WithX methods.
type Options struct {
	// InMemory keeps everything in memory; dir is ignored. For tests and
	// short-lived embedding.
	InMemory bool
	// ReadOnly opens the store for reading only; writes return ErrReadOnly.
	ReadOnly bool
	// Readahead leaves the store's mapped tables to the kernel's
	// read-around, which reads up to the device's read_ahead_kb around
	// every page a read faults in. Off, once the tables outgrow half the
	// memory the page cache can have (the machine's or the cgroup's),
	// the store marks them for random access, whole-family scans
	// excepted (see readahead.go): at 10M stances in 2 GiB that made
	// 2-hop and paths 13-30 times faster. Set it for a store mostly
	// scanned (exports, analyses) rather than listed.
	Readahead bool
	// SyncWrites makes every commit wait for fsync, so acknowledged writes
	// survive power loss, not only a process crash.
	SyncWrites bool
	// Vocabulary is the set of stance types a new store is created with,
	// and keeps (nil means DefaultVocabulary()); a store written before
	// stores kept their vocabulary records it too. A store that keeps one
	// is read with it: then Vocabulary, when set, may only hold types it
	// has, unchanged (else ErrVocabularyConflict).
	Vocabulary *Vocabulary
	// ExtendVocabulary adds types to the store's vocabulary, recorded in
	// its history (Store.VocabularyHistory). A type the store has must
	// come unchanged: stored stances were typed by it.
	ExtendVocabulary []TypeInfo
	// Logger receives the storage engine's messages; nil discards them.
	Logger *slog.Logger
	// MemTableSize is the size in bytes of each in-memory write buffer;
	// 0 means 64 MiB. Larger tables speed bulk loads and cost memory.
	MemTableSize int64
	// BlockCacheSize is the size in bytes of the read cache of compressed
	// tables; 0 means 256 MiB. The store writes its tables uncompressed,
	// read in place from their memory maps, and gives them no cache (see
	// BlockCacheFor): the size serves a store that holds tables another
	// setting compressed, until compaction rewrites them.
	BlockCacheSize int64
	// ValueLogFileSize is the size in bytes of each value log file, where
	// Badger keeps values over 1 MiB (long documents); 0 means 128 MiB,
	// four times MaxDocumentBytes. It is part of the free space the store
	// keeps in reserve (see Store.Reserve), hence smaller than Badger's
	// 1 GiB default.
	ValueLogFileSize int64
	// ImportBufferSize is how many bytes an Importer sorts in memory
	// before spilling a sorted run to disk; 0 means 256 MiB.
	ImportBufferSize int64
}

// DefaultOptions returns the options graphd uses by default: every size
// set to the default its field documents, every switch off.
func DefaultOptions() Options {
	return Options{MemTableSize: 64 << 20, BlockCacheSize: 256 << 20, ValueLogFileSize: 128 << 20, ImportBufferSize: 256 << 20}
}

// withDefaults returns o with each zero size replaced by its default.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	for _, f := range []struct{ v, def *int64 }{
		{&o.MemTableSize, &d.MemTableSize},
		{&o.BlockCacheSize, &d.BlockCacheSize},
		{&o.ValueLogFileSize, &d.ValueLogFileSize},
		{&o.ImportBufferSize, &d.ImportBufferSize},
	} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	return o
}

// badgerOptions maps Options onto Badger's. bench's raw Badger baseline
// makes the same calls (a test there compares them with this function).
func badgerOptions(dir string, o Options) badger.Options {
	bo := badger.DefaultOptions(dir)
	if o.InMemory {
		bo = badger.DefaultOptions("").WithInMemory(true)
	}
	bo = bo.WithSyncWrites(o.SyncWrites).
		WithReadOnly(o.ReadOnly).
		WithMemTableSize(o.MemTableSize).
		WithBlockCacheSize(BlockCacheFor(dir, o)).
		WithValueLogFileSize(o.ValueLogFileSize).
		// Tables stay uncompressed in Badger's 4 KiB blocks, though
		// Snappy in 16 KiB blocks brings the store under SQLite (541
		// bytes a stance against 1,162 and SQLite's 579 at 1M): with
		// it, every read of a block the block cache misses decompresses
		// (1-hop p50 13.4 -> 19-26 us at 1M, up to 1.14x SQLite), the
		// run's peak heap doubled (2.2 -> 4.1-4.4 GiB at 1M) and the
		// 10M import in a 2,000 MiB cgroup was OOM-killed. 4 KiB blocks
		// compress to 668 bytes only. bench/README.md has the table.
		// Record layout 2 (the stance record stored once) took the
		// uncompressed store to 667 bytes a stance at 1M; Snappy over
		// it, 396, still with 1.8x the peak anonymous memory.
		// Badger records each table's compression in the table, so a
		// store written with another setting reads as it was.
		WithCompression(options.None).
		WithLogger(badgerLogger{o.Logger}).
		WithMetricsEnabled(false).
		// Writers are serialized by Store.wmu, so transactions cannot
		// conflict; tracking their reads would only cost time.
		WithDetectConflicts(false).
		// Memtables live on the Go heap: Badger's default of five
		// waiting to be flushed (plus the one being written) holds
		// 384 MiB at the default size; three keep bulk loads fed.
		WithNumMemtables(numMemtables).
		// Every prefix scan merges all level-0 tables, and a load can
		// end with up to four of them uncompacted (Badger compacts at
		// five) and keep them while the store serves, which made an
		// actor's page about twice as slow. Compacting level 0 on Close
		// hands the next process (graphd serve after graphd load) a
		// store whose listings are one seek per level.
		WithCompactL0OnClose(true)
	return bo
}

// BlockCacheFor is the block cache the store in dir gets under o:
// o.BlockCacheSize when its tables include compressed ones, else none.
// Badger keeps an uncompressed block as a slice of its table's memory
// map and charges the cache with the slice's capacity, which runs to the
// end of the file: at 1M stances a 256 MiB cache held a few blocks
// (5 MiB each on average), served 19% of a page's block reads and spent
// its time admitting and evicting (bench/README.md, GraphQL fourth
// round). Such a block costs nothing to read again from the map; only a
// block Badger decompresses is worth keeping.
func BlockCacheFor(dir string, o Options) int64 {
	if o.InMemory || !compressedTables(dir) {
		return 0
	}
	return o.BlockCacheSize
}

// compressedTables reports whether the manifest of the store in dir
// lists a compressed table. A manifest that cannot be read counts as
// yes, the cache Open always gave before: Badger's Open reports what is
// wrong with the manifest. Badger's Open replays the manifest again, but
// a replay costs 0.1 ms for the 84 tables of 10M stances, and the cache
// size cannot be set once the database is open.
func compressedTables(dir string) bool {
	f, err := os.Open(filepath.Join(dir, badger.ManifestFilename))
	if errors.Is(err, fs.ErrNotExist) {
		return false // a new store, written uncompressed
	}
	if err != nil {
		return true
	}
	defer f.Close()
	m, _, err := badger.ReplayManifestFile(f, 0, badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		return true
	}
	for _, t := range m.Tables {
		if t.Compression != options.None {
			return true
		}
	}
	return false
}

// badgerLogger adapts Badger's logger to slog; nil discards.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) log(level slog.Level, f string, a ...any) {
	if b.l != nil {
		b.l.Log(context.Background(), level, strings.TrimSpace(fmt.Sprintf(f, a...)), "component", "badger")
	}
}
func (b badgerLogger) Errorf(f string, a ...any)   { b.log(slog.LevelError, f, a...) }
func (b badgerLogger) Warningf(f string, a ...any) { b.log(slog.LevelWarn, f, a...) }
func (b badgerLogger) Infof(f string, a ...any)    { b.log(slog.LevelDebug, f, a...) }
func (b badgerLogger) Debugf(f string, a ...any)   {}
