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
	"runtime/debug"
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
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ue usageError
		if !errors.As(err, &ue) || ue.msg != "" {
			fmt.Fprintln(os.Stderr, "graphd:", err)
		}
		var ee exitError
		if errors.As(err, &ee) {
			os.Exit(ee.code)
		}
		os.Exit(1)
	}
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
}

func commands() map[string]command {
	return map[string]command{
		"serve":      {"start the GraphQL server on a store (seeded on first start)", cmdServe},
		"seed":       {"load the seed article's graph into a store (idempotent)", cmdSeed},
		"load":       {"load JSON Lines stance files or plain-text articles", cmdLoad},
		"query":      {"run a GraphQL query or mutation and print the JSON answer", cmdQuery},
		"export":     {"write the whole graph as json, jsonl, graphml, csv or nquads", cmdExport},
		"stats":      {"print counts of actors, stances and documents", cmdStats},
		"extract":    {"print the stances found in articles as JSON Lines, storing nothing", cmdExtract},
		"eval":       {"score extraction against gold-annotated articles", cmdEval},
		"backup":     {"write a consistent backup of a store, even while it is served", cmdBackup},
		"restore":    {"restore a backup into an empty store", cmdRestore},
		"check":      {"verify every invariant of a store and name each violation", cmdCheck},
		"vocabulary": {"print the stance types a store keeps, or extend them", cmdVocabulary},
	}
}

var order = []string{"serve", "seed", "load", "query", "export", "stats", "extract", "eval", "backup", "restore", "check", "vocabulary"}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			if c, ok := commands()[args[1]]; ok {
				e.stderr = e.stdout // asked-for help goes to standard output
				var ue usageError
				if err := c.run(ctx, e, []string{"-h"}); err != nil && !errors.As(err, &ue) {
					return err
				}
				return nil
			}
		}
		usage(stdout)
		if len(args) == 0 {
			return usageError{}
		}
		return nil
	}
	c, ok := commands()[args[0]]
	if !ok {
		usage(stderr)
		return usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
	return c.run(ctx, e, args[1:])
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
most also take --url URL to act on a running server instead.
Run "graphd help <command>" or "graphd <command> -h" for its flags.
`)
}

// usageError is a mistake in how graphd was called; the message (if any)
// is printed after the usage text.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError carries a specific exit status (check uses 2 for violations).
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }
