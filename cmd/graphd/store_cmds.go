package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
)

func cmdSeed(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "seed", "seed [--data DIR | --url URL | --store dgraph://HOST:PORT]", `
Loads the seed graph (the actors and stances curated from a March 2018 RFE/RL
report on the Afghan peace process) into the store. Running it again adds
nothing: every record is merged with what is there.`)
	var sf storeFlags
	var rf remoteFlags
	sf.registerData(fs, true)
	sf.registerTuning(fs)
	rf.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	c, err := dial(e, &sf, &rf, writes)
	if err != nil {
		return err
	}
	defer closeClient(c, &err)
	res, err := c.Seed(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "seed: added %d actors, %d documents, %d stances\n", res.Actors, res.Documents, res.Stances)
	return nil
}

func cmdStats(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "stats", "stats [--data DIR | --url URL | --store dgraph://HOST:PORT]", `
Prints the number of actors, live stances, retracted stances and documents.`)
	var sf storeFlags
	var rf remoteFlags
	sf.registerData(fs, false)
	rf.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	c, err := dial(e, &sf, &rf, reads)
	if err != nil {
		return err
	}
	defer closeClient(c, &err)
	s, err := c.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "actors     %d\nstances    %d\nretracted  %d\ndocuments  %d\n", s.Actors, s.Stances, s.Retracted, s.Documents)
	return nil
}

func cmdExport(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "export", "export [--format F] [--out FILE] [--data DIR | --url URL | --store dgraph://HOST:PORT]", `
Writes every actor and live stance, with every quote, in one of these
formats (jsonl also keeps retracted stances and their reasons):

  json     one JSON document {"actors": [...], "documents": [...], "stances": [...]}
           pandas: pd.json_normalize(json.load(f)["stances"])
  jsonl    the graphd load format; graphd load FILE.jsonl reads it back
  graphml  GraphML; networkx.read_graphml(FILE), or File > Open in Gephi
  csv      one row per stance, quotes in the evidence column as JSON;
           pandas.read_csv(FILE)
  nquads   RDF N-Quads, for an RDF store's loader (checked with rapper and rdflib)
  neo4j    a zip of CSVs for neo4j-admin database import full (see README)
  plover   PLOVER event JSON Lines, one event per stance, without quotes;
           graphd load FILE reads it back (see README, "Event data")`)
	var sf storeFlags
	var rf remoteFlags
	sf.registerData(fs, false)
	sf.registerVocabulary(fs)
	rf.register(fs)
	format := fs.String("format", "json", "json, jsonl, graphml, csv, nquads, neo4j or plover")
	out := fs.String("out", "-", "output file (- for standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	known := false
	for _, f := range export.Formats() {
		known = known || f == *format
	}
	if !known {
		return usageError{fmt.Sprintf("--format %q: want one of %s", *format, strings.Join(export.Formats(), ", "))}
	}
	w := e.stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		defer bw.Flush()
		w = bw
	}
	c, err := dial(e, &sf, &rf, reads)
	if err != nil {
		return err
	}
	defer closeClient(c, &err)
	return c.Export(ctx, w, *format)
}

func cmdBackup(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "backup", "backup --to FILE [--data DIR | --url URL]", `
Writes a consistent snapshot of the store to FILE (format: see README,
"Backups"). With --url the running server writes it while it keeps serving;
with --data the store must not be held by a server. A Dgraph cluster
(--store) is backed up with its own tools (dgraph export).`)
	var sf storeFlags
	var rf remoteFlags
	sf.registerData(fs, false)
	rf.register(fs)
	to := fs.String("to", "", "backup file to write (required)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *to == "" {
		return usageError{"--to FILE is required"}
	}
	if err := sf.refuseCluster("backup"); err != nil {
		return err
	}
	c, err := dial(e, &sf, &rf, reads)
	if err != nil {
		return err
	}
	defer closeClient(c, &err)
	size, err := writeFileAtomically(*to, func(w io.Writer) error { return c.Backup(ctx, w) })
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backup: wrote %s (%d bytes)\n", *to, size)
	return nil
}

// writeFileAtomically writes name through write into name.partial, syncs
// it and renames it into place only when complete, so that name is never
// a truncated file. It returns the size written.
func writeFileAtomically(name string, write func(io.Writer) error) (int64, error) {
	tmp := name + ".partial"
	f, err := os.Create(tmp)
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp)
	bw := bufio.NewWriterSize(f, 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	if err := os.Rename(tmp, name); err != nil {
		return 0, err
	}
	fi, err := os.Stat(name)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

func cmdRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "restore", "restore --from FILE [--data DIR]", `
Restores a backup written by graphd backup into an empty store.`)
	var sf storeFlags
	sf.registerData(fs, true)
	sf.registerTuning(fs)
	from := fs.String("from", "", "backup file to read (required)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *from == "" {
		return usageError{"--from FILE is required"}
	}
	if err := sf.refuseCluster("restore"); err != nil {
		return err
	}
	f, err := os.Open(*from)
	if err != nil {
		return err
	}
	defer f.Close()
	// Restore beside DIR and rename into place when complete and checked:
	// a crash or a bad backup leaves no half-restored DIR, only a
	// DIR.restoring that the next attempt discards.
	if ents, err := os.ReadDir(sf.data); err == nil && len(ents) > 0 {
		return fmt.Errorf("restore needs an empty store; %s is not empty", sf.data)
	}
	final := filepath.Clean(sf.data)
	tmp := final + ".restoring"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	sf.data = tmp
	opened, err := sf.open(nil, false)
	if err != nil {
		return err
	}
	st, err := embedded(opened, sf.store, "restore")
	if err != nil {
		opened.Close()
		return err
	}
	err = st.Restore(ctx, bufio.NewReaderSize(f, 1<<20))
	var rep graph.CheckReport
	if err == nil {
		rep, err = st.Check(ctx)
	}
	if err == nil && len(rep.Violations) > 0 {
		err = fmt.Errorf("the restored store fails check (%d violations, first: %s): the backup is damaged", len(rep.Violations), rep.Violations[0])
	}
	var s graph.Stats
	if err == nil {
		s, err = st.Stats(ctx)
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("restore from %s: %w", *from, err)
	}
	os.Remove(final) // an empty directory, if any
	if err := os.Rename(tmp, final); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(final)); err == nil {
		d.Sync() // make the rename itself durable
		d.Close()
	}
	fmt.Fprintf(e.stdout, "restore: %d actors, %d stances (%d retracted), %d documents\n", s.Actors, s.Stances, s.Retracted, s.Documents)
	return nil
}

func cmdCheck(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "check", "check [--data DIR | --url URL | --store dgraph://HOST:PORT]", `
Verifies every invariant of the store: each index entry has its record and
each record its index entries (a stance's record is stored once, in its
outgoing entry, which its ID and incoming entries point to: a reference
to a missing or different entry is reported), counters equal recounts,
every evidence quote lies inside its document at its offsets, and every
document's text rebuilds from its record and the quotes of the stances it
names (a document is stored without the spans its stances quote: a span
whose stance does not hold it is reported). Prints each violation and
exits with status 3 when there is any (2 is a usage error, 1 a failure).

On a disk too full to open the store for writing (see graphd serve -h), check
opens it read-only and says so.

With --store dgraph://HOST:PORT it checks what graphd wrote to a Dgraph
cluster, which keeps its own indexes, against one snapshot: each node's
record decodes and is valid for its type, each ID is held by one node,
each actor's name, look-alike and code indexes and each stance's live
flag agree with its record, each stance's subject, object and cited
documents exist and its edges point at them, and each quote lies at its
offsets. A violation names the node, its ID and the field.`)
	var sf storeFlags
	var rf remoteFlags
	sf.registerData(fs, false)
	rf.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	start := time.Now()
	c, err := dial(e, &sf, &rf, reads)
	if err != nil {
		return err
	}
	defer closeClient(c, &err)
	rep, err := c.Check(ctx)
	if err != nil {
		return err
	}
	for _, v := range rep.Violations {
		fmt.Fprintln(e.stdout, "violation:", v)
	}
	fmt.Fprintf(e.stdout, "check: %d stances, %d actors, %d documents checked in %s; %d violations\n",
		rep.Stances, rep.Actors, rep.Documents, time.Since(start).Round(time.Millisecond), len(rep.Violations))
	if len(rep.Violations) > 0 {
		return exitError{exitViolations, fmt.Sprintf("%d violations in %s", len(rep.Violations), c.Where())}
	}
	return nil
}
