package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/dgraphstore"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/logbuf"
	"github.com/stancegraph/stancegraph/stance"
)

// newFlags returns a command's flag set and makes e.help print its help:
// the synopsis, the description when asked for in full, and the flags.
// The flag package itself prints nothing: parse reports its errors, and
// run prints help on stdout for -h and --help, or after a usage error on
// stderr.
func newFlags(e *env, name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	e.help = func(w io.Writer, full bool) {
		fmt.Fprintf(w, "Usage:\n  graphd %s\n", synopsis)
		if full {
			fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(description))
		}
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprint(w, "\nFlags:\n")
			fs.SetOutput(w)
			fs.PrintDefaults()
			fs.SetOutput(io.Discard)
		}
		if !full {
			fmt.Fprintf(w, "\nRun \"graphd help %s\" for the whole description.\n", name)
		}
	}
	return fs
}

// parse parses args. -h and --help give errHelp; a bad flag or two flags
// that cannot go together give a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageError{err.Error()}
	}
	return checkConflicts(fs)
}

// noArgs refuses arguments after the flags of a command that takes none,
// which would otherwise be ignored without a word.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() == 0 {
		return nil
	}
	return usageError{fmt.Sprintf("%s takes no arguments, got %q", fs.Name(), strings.Join(fs.Args(), " "))}
}

// conflicts are flags a command cannot take together, with the reason:
// --url sends the command to a running server, which has its own store,
// so every flag about opening a store would be ignored.
var conflicts = []struct{ a, b, why string }{
	{"url", "data", "--url sends the command to a running server, --data opens a store directory"},
	{"url", "vocabulary", "the server uses the vocabulary it was started with"},
	{"url", "sync", "the server writes as it was started"},
	{"url", "memtable-mb", "the server's store is already open"},
	{"url", "cache-mb", "the server's store is already open"},
	{"url", "readahead", "the server's store is already open"},
	{"url", "import", "a server loads file by file"},
	{"url", "store", "--url sends the command to a running server, --store opens a Dgraph cluster"},
	{"url", "store-timeout", "the server waits for its own store"},
	{"store", "data", "--store names a Dgraph cluster, --data a store directory"},
	{"store", "sync", "the cluster writes as it is configured"},
	{"store", "memtable-mb", "the flag tunes the embedded store"},
	{"store", "cache-mb", "the flag tunes the embedded store"},
	{"store", "readahead", "the flag tunes the embedded store"},
	{"url", "batch", "a server loads each file in one transaction"},
	{"data", "batch", "the embedded store loads each file all-or-nothing (a large one through its journal)"},
}

// checkConflicts returns a usage error for the first pair of conflicting
// flags both given on the command line.
func checkConflicts(fs *flag.FlagSet) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, c := range conflicts {
		if set[c.a] && set[c.b] {
			return usageError{fmt.Sprintf("--%s and --%s cannot be used together: %s", c.b, c.a, c.why)}
		}
	}
	return nil
}

// Storage tuning defaults, also used by commands that only read and so
// do not take the flags.
const (
	defaultMemtableMB = 64
	defaultCacheMB    = 256
)

// storeFlags are the flags of a command that opens a store.
type storeFlags struct {
	data string
	// store is --store, a Dgraph cluster's address used instead of the
	// embedded store in data; "" for the embedded store.
	store string
	// storeTimeout bounds connecting to the cluster and each call to it.
	storeTimeout time.Duration
	vocabulary   string
	// extend is what `graphd vocabulary extend` adds to the store's
	// vocabulary on opening it.
	extend   []graph.TypeInfo
	sync     bool
	memtable int
	cache    int
	// readahead is --readahead (see graph.Options.Readahead).
	readahead bool
	// readOnlyDisk is set by open when a reading command found the disk
	// too full to open the store for writing and opened it read-only.
	readOnlyDisk bool
	// created is set by open for writing when --data held nothing, so a
	// command that fails before storing anything can remove what it made.
	created bool
	// dirExisted says --data was an empty directory rather than absent.
	dirExisted bool
}

// register adds the flags of a command that writes: the store, its
// vocabulary and the storage tuning.
func (s *storeFlags) register(fs *flag.FlagSet) {
	s.registerData(fs, true)
	s.registerVocabulary(fs)
	s.registerTuning(fs)
}

// registerData adds --data alone, with the default tuning, for a command
// that only reads (creates false) or that needs no vocabulary.
func (s *storeFlags) registerData(fs *flag.FlagSet, creates bool) {
	s.memtable, s.cache = defaultMemtableMB, defaultCacheMB
	usage := "store directory to read"
	if creates {
		usage = "store directory (created when missing)"
	}
	fs.StringVar(&s.data, "data", "./data", usage)
	fs.StringVar(&s.store, "store", "", "a Dgraph cluster to use instead of the embedded store in --data: dgraph://HOST:PORT, an alpha's gRPC address (see README, \"Scale-out: Dgraph\")")
	fs.DurationVar(&s.storeTimeout, "store-timeout", defaultStoreTimeout, "with --store: how long to wait for the cluster to answer, when connecting and on each call")
}

// defaultStoreTimeout is --store-timeout's default: long enough for an
// alpha that is starting (about 11 seconds) or busy with a load.
const defaultStoreTimeout = 30 * time.Second

// registerVocabulary adds --vocabulary, for commands that read or write
// stance types.
func (s *storeFlags) registerVocabulary(fs *flag.FlagSet) {
	fs.StringVar(&s.vocabulary, "vocabulary", "", "vocabulary of a new store: default, plover, or a JSON file of types added to the default (see README); a store keeps its own")
}

// registerTuning adds the flags that tune a store opened for writing.
func (s *storeFlags) registerTuning(fs *flag.FlagSet) {
	fs.BoolVar(&s.sync, "sync", false, "fsync every write, so acknowledged writes survive power loss")
	fs.IntVar(&s.memtable, "memtable-mb", defaultMemtableMB, "size of each in-memory write buffer in MiB")
	fs.IntVar(&s.cache, "cache-mb", defaultCacheMB, "size in MiB of the block cache of compressed tables, which only a store written with another compression setting holds (uncompressed tables are read in place)")
	fs.BoolVar(&s.readahead, "readahead", false, "let the kernel read ahead around every page a read faults in from the store's tables; by default, when the tables exceed half the memory the page cache may use, each read takes its own pages only, which keeps a store larger than memory fast (see README, \"Performance\")")
}

// openOptions are how graphd opens a store: the embedded store's options
// and, for a cluster, how long to wait for it.
type openOptions struct {
	graph.Options
	// wait bounds connecting to a cluster and each call to it.
	wait time.Duration
}

func (s *storeFlags) options(logger *slog.Logger) (*openOptions, error) {
	o := openOptions{Options: graph.DefaultOptions(), wait: s.storeTimeout}
	o.SyncWrites = s.sync
	o.Logger = logger
	// Badger keeps values up to 1 MiB in its tree and needs a write batch
	// (15% of a memtable) to hold one, hence the floor of 8 MiB.
	if s.memtable < 8 || s.cache < 1 {
		return nil, usageError{fmt.Sprintf("--memtable-mb must be at least 8 (got %d) and --cache-mb at least 1 (got %d)", s.memtable, s.cache)}
	}
	o.MemTableSize = int64(s.memtable) << 20
	o.BlockCacheSize = int64(s.cache) << 20
	o.Readahead = s.readahead
	if s.vocabulary != "" {
		v, err := vocabularyFlag(s.vocabulary)
		if err != nil {
			return nil, err
		}
		o.Vocabulary = v
	}
	o.ExtendVocabulary = s.extend
	if s.store != "" && !isCluster(s.store) {
		return nil, usageError{fmt.Sprintf("--store %q: want dgraph://HOST:PORT, a Dgraph alpha's gRPC address (the embedded store is --data DIR)", s.store)}
	}
	if s.store != "" && s.storeTimeout <= 0 {
		return nil, usageError{fmt.Sprintf("--store-timeout must be positive, got %s", s.storeTimeout)}
	}
	return &o, nil
}

// vocabularyFlag reads --vocabulary: a built-in vocabulary's name, or a
// file of types added to the default ones.
func vocabularyFlag(name string) (*graph.Vocabulary, error) {
	if v, ok := graph.BuiltinVocabulary(name); ok {
		return v, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("--vocabulary: %w (give default, plover or a JSON file)", err)
	}
	defer f.Close()
	v, err := graph.ReadVocabulary(f)
	if err != nil {
		return nil, fmt.Errorf("vocabulary %s: %w", name, err)
	}
	return v, nil
}

// open opens the store, explaining a held lock in plain words: the
// cluster --store names, or the embedded store in --data.
func (s *storeFlags) open(logger *slog.Logger, readOnly bool) (store, error) {
	o, err := s.options(logger)
	if err != nil {
		return nil, err
	}
	if s.store != "" {
		return openStore(s.store, o)
	}
	// Badger's read-only mode refuses a store that was not closed cleanly,
	// so reading commands open read-write; they only refuse to create one.
	if readOnly {
		if _, err := os.Stat(s.data); err != nil {
			return nil, fmt.Errorf("no store at %s (start one with `graphd serve --data %s` or `graphd seed --data %s`)", s.data, s.data, s.data)
		}
	} else {
		entries, err := os.ReadDir(s.data)
		s.dirExisted = err == nil
		s.created = errors.Is(err, os.ErrNotExist) || err == nil && len(entries) == 0
	}
	st, err := openStore(s.data, o)
	if errors.Is(err, graph.ErrDiskFull) && readOnly {
		// Reading needs no room: Badger's read-only mode creates no
		// memtable. It refuses a store a crash left unflushed, which
		// needs room to recover.
		ro := *o
		ro.ReadOnly = true
		st, rerr := openStore(s.data, &ro)
		if rerr == nil {
			s.readOnlyDisk = true
			return st, nil
		}
		return nil, fmt.Errorf("%v; opening it read-only failed too (%v): free space on the filesystem of %s and run this again", err, rerr, s.data)
	}
	if errors.Is(err, graph.ErrDiskFull) {
		return nil, fmt.Errorf("%v; free space on the filesystem of %s and run this again (reading commands such as check still work)", err, s.data)
	}
	if errors.Is(err, graph.ErrVocabularyConflict) {
		return nil, fmt.Errorf("%v; the store in %s needs no --vocabulary (`graphd vocabulary --data %s` shows its own; `graphd vocabulary extend` adds types)", err, s.data, s.data)
	}
	if err == nil {
		// Holding the lock, this process knows no server runs on the
		// store: a record left by one that was killed is stale.
		os.Remove(filepath.Join(s.data, servingFile))
	}
	return st, err
}

// store is a store graphd opens: the contract every command and the
// server work through, and closing. The embedded store (*graph.Store)
// also backs up, checks, imports and reclaims space; what needs those asks
// for it with embedded.
type store interface {
	stance.Store
	Close() error
}

var (
	_ store = (*graph.Store)(nil)
	_ store = (*dgraphstore.Store)(nil)
)

// openStore opens the store at place with o. It is the one place graphd
// opens a store: place is a store directory, "" with o.InMemory, or a
// Dgraph cluster's dgraph://HOST:PORT (see openCluster). A store held by
// another process is explained in plain words.
func openStore(place string, o *openOptions) (store, error) {
	if isCluster(place) {
		return openCluster(place, o)
	}
	st, err := graph.Open(place, &o.Options)
	if errors.Is(err, graph.ErrLocked) {
		return nil, inUseError(place)
	}
	if err != nil {
		return nil, err
	}
	return st, nil
}

// closeStore closes st and, when open created the store and the command
// failed (*errp) before anything was stored, removes what it created: a
// failed first load leaves no store behind, only the directory as it was.
func (s *storeFlags) closeStore(st store, errp *error) {
	empty := false
	if g, ok := st.(*graph.Store); ok && *errp != nil && s.created {
		empty, _ = g.IsEmpty(context.Background())
	}
	if err := st.Close(); err != nil && *errp == nil {
		*errp = err
	}
	if !empty {
		return
	}
	if !s.dirExisted {
		os.RemoveAll(s.data)
		return
	}
	entries, _ := os.ReadDir(s.data)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(s.data, e.Name()))
	}
}

// servingFile is the file in a store directory where a running server
// records the URL it answers on, so that a command finding the store
// locked can name it. The server removes it on shutdown, and any command
// that gets the store's lock removes one a killed server left.
const servingFile = "SERVING"

// recordServing writes the URL of the server listening on addr into dir
// and returns a function removing it. A wildcard address is reached on
// loopback by a command on the same machine.
func recordServing(dir string, addr net.Addr) (remove func(), err error) {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return nil, err
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1" // Go's wildcard listener answers IPv4 too
	}
	url := "http://" + net.JoinHostPort(host, port)
	path := filepath.Join(dir, servingFile)
	if err := os.WriteFile(path, []byte(url+"\n"), 0o644); err != nil {
		return nil, err
	}
	return func() { os.Remove(path) }, nil
}

// servingURL returns the URL a server recorded in dir, or "".
func servingURL(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, servingFile))
	if err != nil || len(b) > 512 {
		return ""
	}
	u := strings.TrimSpace(string(b))
	if !strings.HasPrefix(u, "http://") || strings.ContainsAny(u, " \n") {
		return ""
	}
	return u
}

// inUseError explains a store held by another process, naming the
// server's address when it recorded one.
func inUseError(dir string) error {
	if u := servingURL(dir); u != "" {
		return inUse(fmt.Sprintf("the store in %s is in use by the graphd serving %s; stop it, or send this command to it with --url %s", dir, u, u))
	}
	return inUse(fmt.Sprintf("the store in %s is in use by another graphd process, which recorded no address (a load, or a --read-only server); wait for it to end or stop it", dir))
}

// inUse is graph.ErrLocked explained for the command line.
type inUse string

func (e inUse) Error() string { return string(e) }

func (e inUse) Unwrap() error { return graph.ErrLocked }

// newLogger returns serve's logger: info lines and above onto w, one per
// request among them, batched into a write every logFlushEvery (at once
// for warnings and errors) because a write per line cost as much as
// formatting it. Close the Writer before returning, so no line is lost.
func newLogger(w io.Writer) (*slog.Logger, *logbuf.Writer) {
	return logbuf.NewLogger(w, slog.LevelInfo, logFlushEvery)
}

// logFlushEvery is how late an info line may reach stderr.
const logFlushEvery = 100 * time.Millisecond
