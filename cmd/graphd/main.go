// Command graphd serves and manages a stancegraph store: a graph of who
// stands where toward whom, kept in an embedded Badger database and queried
// with GraphQL. Run `graphd help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
)

// defaultMemoryLimit is the Go heap's soft limit unless GOMEMLIMIT says
// otherwise: without one, the heap grows to twice the live set (Badger's
// memtables and caches), which is what pushes a large load past 2 GiB.
const defaultMemoryLimit = 1536 << 20

// defaultGCPercent trades memory, bounded by the soft limit, for less time
// in the collector: the GraphQL executor allocates heavily per request, and
// GOGC=400 served about 10% more requests per second than the default in
// the benchmark (bench -quick -engines graph, 4,690 against 4,150-4,520).
const defaultGCPercent = 400

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := runExit(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses. 2 is a mistake in the command line, as for Go's own
// tools and the flag package, so scripts can tell it from a failure.
const (
	exitOK         = 0
	exitFailure    = 1
	exitUsage      = 2
	exitViolations = 3 // graphd check found the store inconsistent
)

// runExit runs graphd, reports its error on stderr and returns the exit
// status; main and the tests share it.
func runExit(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return report(stderr, run(ctx, args, stdin, stdout, stderr))
}

// report prints err as one line (a usage error followed by the usage it
// carries) and returns the exit status for it.
func report(w io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var uf usageFailure
	if errors.As(err, &uf) {
		fmt.Fprintln(w, "graphd:", plainMessage(uf.msg))
		uf.usage(w)
		return exitUsage
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(w, "graphd:", plainMessage(ue.msg))
		return exitUsage
	}
	fmt.Fprintln(w, "graphd:", plainMessage(err.Error()))
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return exitFailure
}

// command is one subcommand: its one-line summary and its entry point.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a subcommand may touch; tests substitute buffers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// help prints the running command's help: in full when asked for, or
	// its synopsis and flags after a usage error. newFlags sets it.
	help func(w io.Writer, full bool)
}

func commands() map[string]command {
	return map[string]command{
		"serve":      {"start the GraphQL server on a store (seeded on first start)", cmdServe},
		"seed":       {"load the seed article's graph into a store (idempotent)", cmdSeed},
		"load":       {"load JSON Lines stance files or plain-text articles", cmdLoad},
		"query":      {"run a GraphQL query or mutation and print the JSON answer", cmdQuery},
		"export":     {"write the whole graph as json, jsonl, graphml, csv, nquads, neo4j or plover", cmdExport},
		"stats":      {"print counts of actors, stances and documents", cmdStats},
		"extract":    {"print the stances found in articles as JSON Lines, storing nothing", cmdExtract},
		"eval":       {"score extraction against gold-annotated articles", cmdEval},
		"backup":     {"write a consistent backup of a store, even while it is served", cmdBackup},
		"restore":    {"restore a backup into an empty store", cmdRestore},
		"check":      {"verify every invariant of a store and name each violation", cmdCheck},
		"vocabulary": {"print the stance types a store keeps, or extend them", cmdVocabulary},
		"version":    {"print graphd's version and the revision it was built from", cmdVersion},
	}
}

var order = []string{"serve", "seed", "load", "query", "export", "stats", "extract", "eval", "backup", "restore", "check", "vocabulary", "version"}

// run runs the command args name. Asked-for help goes to stdout and is no
// error; a usage error comes back carrying the usage to print after it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	e.help = func(w io.Writer, full bool) { usage(w) }
	if len(args) == 0 {
		return usageFailure{usageError{"no command given"}, e.usageOf()}
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		return help(ctx, e, args[1:])
	case "-version", "--version":
		args = append([]string{"version"}, args[1:]...)
	}
	c, ok := commands()[args[0]]
	if !ok {
		return usageFailure{usageError{fmt.Sprintf("unknown command %q", args[0])}, e.usageOf()}
	}
	return e.finish(c.run(ctx, e, args[1:]))
}

// help prints the overview, or one command's help with the help flag.
func help(ctx context.Context, e *env, topics []string) error {
	switch len(topics) {
	case 0:
		usage(e.stdout)
		return nil
	case 1:
		if c, ok := commands()[topics[0]]; ok {
			return e.finish(c.run(ctx, e, []string{"-h"}))
		}
		return usageFailure{usageError{fmt.Sprintf("unknown help topic %q: want one of the commands below", topics[0])}, e.usageOf()}
	}
	return usageFailure{usageError{fmt.Sprintf("help takes one command, got %d: %s", len(topics), strings.Join(topics, " "))}, e.usageOf()}
}

// finish turns the help flag into help on stdout and gives a usage error
// the usage of the command that returned it.
func (e *env) finish(err error) error {
	if errors.Is(err, errHelp) {
		e.help(e.stdout, true)
		return nil
	}
	var ue usageError
	if errors.As(err, &ue) {
		return usageFailure{ue, e.usageOf()}
	}
	return err
}

// usageOf returns the short help of the command being run, for a usage
// error: what follows the one-line message.
func (e *env) usageOf() func(io.Writer) {
	help := e.help
	return func(w io.Writer) { help(w, false) }
}

func usage(w io.Writer) {
	fmt.Fprint(w, `graphd keeps a graph of who stands where toward whom: actors joined by
typed, dated, sourced stances (SUPPORTS, REJECTS, DEMANDS, ACCUSES, OFFERS,
ENGAGES), stored in an embedded database and queried with GraphQL.

Usage:
  graphd <command> [flags] [arguments]

Commands:
`)
	cmds := commands()
	for _, name := range order {
		fmt.Fprintf(w, "  %-10s %s\n", name, cmds[name].summary)
	}
	fmt.Fprint(w, `
Every command that reads or writes a store takes --data DIR (default ./data);
most also take --url URL to act on a running server instead (not both), and
serve, load, query, export, stats, seed and vocabulary take --store
dgraph://HOST:PORT to use a Dgraph cluster instead of the embedded store.
Run "graphd help <command>" or "graphd <command> --help" for its flags.
Exit status: 0 done, 1 failed, 2 wrong usage, 3 check found violations.
`)
}

// errHelp is returned by parse for -h or --help: run prints the command's
// help on stdout and exits 0.
var errHelp = errors.New("help requested")

// usageError is a mistake in how graphd was called, in one line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usageFailure is a usage error with the usage to print after it: run
// attaches the usage of the command that returned the error.
type usageFailure struct {
	usageError
	usage func(io.Writer)
}

// exitError carries a specific exit status (check's exitViolations).
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// goPrefixes are the Go package names that start error messages inside
// graphd ("jsonl: bad record: ..."), as Go libraries should; on a command
// line they are noise, so plainMessage removes them.
var goPrefixes = regexp.MustCompile(`(^|: |\()(?:graph|jsonl|json|ingest|extract|export|eval|spill|schema|resolvers|server|badger): `)

// plainMessage returns an error message without Go package prefixes.
func plainMessage(msg string) string {
	for {
		plain := goPrefixes.ReplaceAllString(msg, "$1")
		if plain == msg {
			return msg
		}
		msg = plain
	}
}
