package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/stance"
)

// loadHelp is graphd load's description.
const loadHelp = `
Loads files into the store. Each file's format is told by its content, not
its name (--format forces one): stancegraph JSON Lines (actor, document and
stance records; see README); event data: GDELT 1.0 (57 or 58 columns) and 2.0
(61 columns) exports, ICEWS Dataverse .tab files and PLOVER/POLECAT JSON
Lines, plain or as a zip holding one file (FILE.CSV.zip as GDELT publishes
it); or a plain-text article, whose optional header lines Title:, Source:,
URL: and Date: come before a blank line; its stances are extracted and stored
with their quotes. GraphML, CSV, graphd's JSON export and other files no
reader takes are refused with what they look like and what to do. "-" reads
JSON Lines from standard input.

An event becomes a stance per source and target actor: actors are found by
CAMEO code first, then by name, and new ones are named from the CAMEO
country and role tables; the event code gets a stance type from the store's
vocabulary (the most specific cameo code listed wins); the event's dataset
and record ID, source URL and measures are kept on the stance. Rows with one
actor, or a code no type covers, are skipped and counted by reason in the
file's summary. The same event loaded again adds nothing. A malformed row
stops the file with its line number, or with --skip-bad is counted and
skipped. With --url, event files are converted here, asking the server for
its vocabulary and actors, and sent as JSON Lines to its POST /load (at
most 512 MiB a file). See README, "Event data". An article sent with --url
is extracted and stored by the server (the ingestDocument mutation); the
summary counts what the server added.

Each file is applied all-or-nothing: a bad line is reported with its number
and nothing of that file is stored. Loading the same file again adds nothing.
A file too large for one transaction is journaled in DIR/LOADING before its
first commit; if the process dies, the next command that opens the store
finishes it. While the disk has less free space than the store's reserve
(see graphd serve -h), loads are refused with a message saying how much.

A load never changes stored data silently. Without --upsert it is an error
for an actor line to change an existing actor's kind, country, code or
Wikidata item, for a new actor to list an alias of another actor (it would
be merged into that actor), or for a stance already stored to come with
another topic or confidence; the error names the line and both values. With
--upsert these are applied. Either way every change made to a stored record
(a field set or changed, aliases added, a line merged into an actor) is
listed after the file's summary, with its line.

Names are stored in Unicode NFC; names with control, zero-width or
bidirectional-control characters, or looking like another actor's name
(a Cyrillic "Т" for a Latin "T"), are refused; an actor has at most 256
aliases; a quote that occurs more than once in its document needs "start"
(or "prefix"/"suffix"); a stance from an actor to itself is refused. See
README, "Loading data: rules".

--watch DIR follows a folder instead of loading FILEs: every --interval it
loads, in name order, each file that has not changed since the previous
look (a download in progress is waited for; hidden files and *.part, *.tmp,
*.crdownload are skipped), and records its path, size and SHA-256 in
--watch-state, so that a restarted watch loads only what is new. A file no
reader takes is reported and recorded as refused; a failed load is
reported and tried again when the file changes or the watch restarts.
It runs until interrupted.

Into an empty store, JSON Lines and event files are imported: sorted
outside the storage engine and written as finished tables once all are
read, several times faster than loading them one by one; event files go
in batches of 65,536 stances, so a file of millions of rows is never held
whole. Nothing is visible until the import ends; if it is interrupted,
the store is left empty. A bad file stops the import with the files before
it stored, except an event file that fails after some of its batches went
in: then nothing is stored (--skip-bad skips malformed rows instead).

With --store dgraph://HOST:PORT the files go to a Dgraph cluster one by
one; nothing is imported. A JSON Lines file of more than --batch records
(5,000) goes in batches of that many, actors first, then documents, then
stances, each batch one transaction, with a line of progress per batch;
smaller files, event files and articles go whole, all-or-nothing. A bad
line or a cluster that fails mid-load stops the load with the batch being
sent unstored and those before it stored, naming the batch and its lines;
fix the line, or wait for the cluster, and run the same load again: records
already stored merge with themselves, none is stored twice.`

func cmdLoad(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "load", "load [--data DIR | --url URL | --store dgraph://HOST:PORT] FILE... | --watch DIR", loadHelp)
	var sf storeFlags
	var rf remoteFlags
	sf.register(fs)
	rf.register(fs)
	format := fs.String("format", "auto", "auto (by content), "+strings.Join(events.Formats, ", "))
	skipBad := fs.Bool("skip-bad", false, "event files: skip malformed rows (counted, the first listed with their lines) instead of stopping at the first")
	doImport := fs.Bool("import", true, "import JSON Lines files into an empty store in one pass; false commits file by file")
	batch := fs.Int("batch", defaultBatch, "with --store: records of a JSON Lines file per Dgraph transaction; 0 sends each file as one")
	upsert := fs.Bool("upsert", false, "let the files change stored actors and stances (kind, fields, merges by alias, topic, confidence); the changes are listed")
	watchDir := fs.String("watch", "", "follow this folder, loading each new complete file once, until interrupted (see README, \"Event data\")")
	interval := fs.Duration("interval", 10*time.Second, "with --watch: how often to look at the folder")
	watchState := fs.String("watch-state", "", "with --watch: the file recording what was loaded (default: watch.jsonl in --data, or .graphd-watch.jsonl in the folder with --url)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *watchDir == "" && fs.NArg() == 0 {
		return usageError{"load needs at least one FILE, or --watch DIR"}
	}
	if *watchDir != "" && (fs.NArg() > 0 || *interval <= 0) {
		return usageError{"--watch DIR takes no FILE and a positive --interval"}
	}
	if *batch < 0 {
		return usageError{fmt.Sprintf("--batch %d: want a number of records, or 0 for one transaction per file", *batch)}
	}
	if *format != "auto" && !slices.Contains(events.Formats, *format) {
		return usageError{fmt.Sprintf("--format %q: want auto, %s", *format, strings.Join(events.Formats, ", "))}
	}
	c, err := dial(e, &sf, &rf, writes)
	if err != nil {
		return err
	}
	defer closeClient(c, &err) // a failed first load leaves no store
	fl := &fileLoader{e: e, c: c, opts: importOptions{events: events.Options{SkipBad: *skipBad}, upsert: *upsert, chunk: importChunk, batch: *batch}}
	if *watchDir != "" {
		return watchFolder(ctx, fl, *watchDir, *watchState, *format, *interval)
	}
	return fl.loadFiles(ctx, fs.Args(), *format, *doImport)
}

// fileLoader loads files of told formats through a client: the one path
// of graphd load and of its --watch.
type fileLoader struct {
	e    *env
	c    client
	opts importOptions
}

func (fl *fileLoader) load(ctx context.Context, name, kind string) (graph.LoadResult, error) {
	return fl.c.Load(ctx, name, kind, fl.opts)
}

// loadFiles loads names in order, each all-or-nothing, or imports them
// in one pass when the client can (JSON Lines and event files into an
// empty store, unless --import=false).
func (fl *fileLoader) loadFiles(ctx context.Context, names []string, format string, doImport bool) error {
	kinds := make([]string, len(names))
	importable := doImport
	for i, name := range names {
		kind, err := detectFormat(name, format)
		if err != nil {
			return err
		}
		kinds[i] = kind
		importable = importable && (kind == events.FormatJSONL || events.IsEvent(kind))
	}
	if importable {
		if done, err := fl.c.Import(ctx, names, kinds, fl.opts); done || err != nil {
			return err
		}
	}
	prog := newProgress(fl.e.stderr, len(names))
	defer prog.done()
	for i, name := range names {
		res, err := fl.load(ctx, name, kinds[i])
		if err != nil {
			return err
		}
		prog.file(name, res)
		prog.changes(name, res)
	}
	return nil
}

// detectFormat returns the reader for a file: forced, or told by its
// content (see events.Detect), which refuses files no reader takes.
// Standard input is JSON Lines.
func detectFormat(name, forced string) (string, error) {
	if forced != "auto" || name == "-" {
		if forced == "auto" {
			return events.FormatJSONL, nil
		}
		return forced, nil
	}
	f, err := events.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	format, err := events.Detect(f.Head())
	if err != nil {
		return "", fmt.Errorf("%s: %w (--format forces a reader)", name, err)
	}
	return format, nil
}

// loadEvents loads a GDELT, ICEWS or PLOVER file all-or-nothing and
// reports its rows, stances and skipped rows by reason.
func loadEvents(ctx context.Context, e *env, st stance.Store, name, format string, opts events.Options, upsert bool) (graph.LoadResult, error) {
	b, sum, err := convertEvents(ctx, st, name, format, opts)
	if err != nil {
		return graph.LoadResult{}, err
	}
	b.Upsert = upsert
	res, err := st.Load(ctx, b)
	if err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	reportEvents(e, name, format, sum, res)
	return res, nil
}

// loadRemoteEvents converts an event file here, asking the server about
// its store, and sends the stances as JSON Lines to POST /load, which
// applies them all-or-nothing as a local load would.
func loadRemoteEvents(ctx context.Context, e *env, rf *remoteFlags, look *remoteLookup, name, format string, opts events.Options, upsert bool) (graph.LoadResult, error) {
	b, sum, err := convertEvents(ctx, look, name, format, opts)
	if err != nil {
		return graph.LoadResult{}, err
	}
	var body bytes.Buffer
	if err := jsonl.WriteBatch(&body, b); err != nil {
		return graph.LoadResult{}, err
	}
	res, err := postLoad(ctx, rf, name, &body, upsert)
	if err != nil {
		return res, err
	}
	reportEvents(e, name, format, sum, res)
	return res, nil
}

// convertEvents reads an event file into the batch that stores it.
func convertEvents(ctx context.Context, look events.Lookup, name, format string, opts events.Options) (graph.Batch, events.Summary, error) {
	f, err := events.Open(name)
	if err != nil {
		return graph.Batch{}, events.Summary{}, err
	}
	defer f.Close()
	r, err := events.NewReader(format, f)
	if err != nil {
		return graph.Batch{}, events.Summary{}, err
	}
	b, sum, err := events.Convert(ctx, r, look, opts)
	if err != nil {
		return b, sum, fmt.Errorf("%s: %w; nothing of it is stored", name, err)
	}
	return b, sum, nil
}

// reportEvents prints an event file's summary.
func reportEvents(e *env, name, format string, sum events.Summary, res graph.LoadResult) {
	fmt.Fprintf(e.stderr, "load: %s: %s: %d rows read, %d stances made, %d stored (new)\n", name, format, sum.Rows, sum.Stances, res.Stances)
	for _, reason := range sum.Reasons() {
		fmt.Fprintf(e.stderr, "load: %s: %d %s\n", name, sum.Skipped[reason], reason)
	}
	for _, bad := range sum.Bad {
		fmt.Fprintf(e.stderr, "load: %s: skipped %v\n", name, bad)
	}
}

func loadJSONL(ctx context.Context, e *env, st stance.Loader, name string, upsert bool) (graph.LoadResult, error) {
	return readJSONL(ctx, e, name, func(f *jsonl.File, label string) (graph.LoadResult, error) {
		f.Batch.Upsert = upsert
		return f.Apply(ctx, st, label)
	})
}

// readJSONL parses a JSON Lines file ("-" for standard input) and hands it
// to apply with the name its errors use.
func readJSONL(ctx context.Context, e *env, name string, apply func(f *jsonl.File, label string) (graph.LoadResult, error)) (graph.LoadResult, error) {
	var f *jsonl.File
	var err error
	label := name
	if name == "-" {
		label = "stdin"
		f, err = jsonl.Read(e.stdin, label, nil)
	} else {
		var r *os.File
		if r, err = os.Open(name); err != nil {
			return graph.LoadResult{}, err
		}
		defer r.Close()
		f, err = jsonl.Read(r, name, os.DirFS(filepath.Dir(name)))
	}
	if err != nil {
		return graph.LoadResult{}, err
	}
	return apply(f, label)
}

// importOptions are the switches of graphd load, which client.Load and
// client.Import honour (chunk only the import).
type importOptions struct {
	events events.Options
	upsert bool
	chunk  int // stances of an event file per batch; importChunk
	// batch is --batch: records of a JSON Lines file per transaction of
	// a cluster (0: the whole file in one).
	batch int
}

// importChunk is how many stances of an event file go to the import in
// one batch: large enough for the importer's work ahead to pay, small
// enough that a file of millions of rows is never held whole.
const importChunk = 1 << 16

// errImportSpoilt marks a file that failed after part of it went into
// the import, which cannot take it out again: the import is abandoned.
var errImportSpoilt = errors.New("part of this file was already imported, so the whole import is abandoned")

// importFiles loads JSON Lines and event files into an empty store
// through one import. A bad file stops the load as in Load, with the files
// before it committed, unless part of it was imported already (an event
// file fails in a later chunk): then, as after an interruption, the store
// is left empty.
func importFiles(ctx context.Context, e *env, st *graph.Store, names, kinds []string, opts importOptions) error {
	im, err := st.Import(ctx)
	if err != nil {
		return err
	}
	defer im.Abort() // a no-op once committed
	prog := newProgress(e.stderr, len(names))
	prog.verb = "import"
	var failed error
	type done struct {
		name string
		res  graph.LoadResult
	}
	var read []done
	for i, name := range names {
		res, err := importFile(ctx, e, im, name, kinds[i], opts)
		if err != nil {
			prog.done()
			switch {
			case ctx.Err() != nil:
				return fmt.Errorf("interrupted while importing %s: nothing was stored, the store is empty as before; run the same load again", name)
			case errors.Is(err, errImportSpoilt):
				return fmt.Errorf("%w: nothing was stored, the store is empty as before; fix the file (or use --skip-bad for malformed rows) and run the same load again", err)
			}
			failed = err
			break
		}
		prog.file(name, res)
		read = append(read, done{name, res})
	}
	prog.done()
	t := time.Now()
	if err := im.Commit(ctx); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted while writing the import: nothing was stored, the store is empty as before; run the same load again")
		}
		return errors.Join(failed, fmt.Errorf("writing the import: %w (the store is empty as before)", err))
	}
	// Only now are the files stored: acknowledge them as load does.
	for _, d := range read {
		fmt.Fprintf(e.stderr, "load: %s: +%d actors, +%d documents, +%d stances (imported)\n", d.name, d.res.Actors, d.res.Documents, d.res.Stances)
		prog.changes(d.name, d.res)
	}
	res := im.Result()
	fmt.Fprintf(e.stderr, "import: %d actors, %d documents, %d stances written in %.1f s\n", res.Actors, res.Documents, res.Stances, time.Since(t).Seconds())
	return failed
}

// importFile adds one JSON Lines or event file to an import.
func importFile(ctx context.Context, e *env, im *graph.Importer, name, kind string, opts importOptions) (graph.LoadResult, error) {
	if events.IsEvent(kind) {
		return importEvents(ctx, e, im, name, kind, opts)
	}
	return readJSONL(ctx, e, name, func(f *jsonl.File, label string) (graph.LoadResult, error) {
		f.Batch.Upsert = opts.upsert
		return f.ApplyWith(ctx, im.Load, label)
	})
}

// importEvents converts an event file into the import chunk by chunk,
// the importer answering which actors earlier chunks and files added.
// The error wraps errImportSpoilt when chunks of the file were imported
// before it.
func importEvents(ctx context.Context, e *env, im *graph.Importer, name, format string, opts importOptions) (graph.LoadResult, error) {
	var res graph.LoadResult
	chunks := 0
	sum, err := events.ConvertFile(ctx, im, name, format, opts.events, opts.chunk, func(b graph.Batch) error {
		b.Upsert = opts.upsert
		r, err := im.Load(ctx, b)
		if err != nil {
			return err
		}
		chunks++
		res.Add(r)
		return nil
	})
	if err != nil {
		if chunks > 0 {
			return res, fmt.Errorf("%s: %w; %w", name, err, errImportSpoilt)
		}
		return res, fmt.Errorf("%s: %w; nothing of it is stored", name, err)
	}
	reportEvents(e, name, format, sum, res)
	return res, nil
}

func readArticle(name string) (graph.Document, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return graph.Document{}, err
	}
	art, err := extract.ParseArticle(string(b))
	if err != nil {
		return graph.Document{}, fmt.Errorf("%s: %w", name, err)
	}
	title := art.Title
	if title == "" {
		title = filepath.Base(name)
	}
	return graph.Document{Title: title, Source: art.Source, URL: art.URL, Date: art.Date, Text: art.Body}, nil
}

func loadArticle(ctx context.Context, st stance.Store, ex *extract.Extractor, name string) (graph.LoadResult, error) {
	doc, err := readArticle(name)
	if err != nil {
		return graph.LoadResult{}, err
	}
	res, err := ingest.Document(ctx, st, ex, doc)
	if err != nil {
		return graph.LoadResult{}, fmt.Errorf("%s: %w", name, err)
	}
	return res.Created, nil
}

// loadRemote sends a file to a running server: JSON Lines in bulk to
// POST /load, articles through the ingestDocument mutation.
func loadRemote(ctx context.Context, rf *remoteFlags, stdin io.Reader, name, kind string, upsert bool) (graph.LoadResult, error) {
	if kind == "article" {
		return ingestRemote(ctx, rf, name)
	}
	body, err := remoteBody(stdin, name)
	if err != nil {
		return graph.LoadResult{}, err
	}
	return postLoad(ctx, rf, name, body, upsert)
}

// ingestRemote sends an article to the server's ingestDocument mutation,
// which extracts and stores as a local load does, and returns the counts
// of what the server added, from its answer.
func ingestRemote(ctx context.Context, rf *remoteFlags, name string) (graph.LoadResult, error) {
	var res graph.LoadResult
	doc, err := readArticle(name)
	if err != nil {
		return res, err
	}
	input := map[string]any{"text": doc.Text, "title": doc.Title, "source": doc.Source, "url": doc.URL, "extract": true}
	if !doc.Date.IsZero() {
		input["date"] = doc.Date.String()
	}
	raw, err := rf.graphQL(ctx, `mutation($in: DocumentInput!){ingestDocument(input:$in){created{actors documents stances}}}`, map[string]any{"in": input})
	if err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	var answer struct {
		Data struct {
			IngestDocument *struct {
				Created struct{ Actors, Documents, Stances int }
			}
		}
	}
	if err := json.Unmarshal(raw, &answer); err != nil || answer.Data.IngestDocument == nil {
		return res, fmt.Errorf("%s: the server's answer does not say what it stored: %.300s", name, raw)
	}
	c := answer.Data.IngestDocument.Created
	res.Actors, res.Documents, res.Stances = c.Actors, c.Documents, c.Stances
	return res, nil
}

// postLoad sends a JSON Lines body to the server's POST /load.
func postLoad(ctx context.Context, rf *remoteFlags, name string, body io.Reader, upsert bool) (graph.LoadResult, error) {
	var res graph.LoadResult
	q := url.Values{"name": {filepath.Base(name)}}
	if upsert {
		q.Set("upsert", "true")
	}
	rc, err := rf.do(ctx, "POST", "/load?"+q.Encode(), "application/jsonl", body)
	if err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	if err := decodeJSON(rc, &res); err != nil {
		return res, fmt.Errorf("%s: reading the server's answer: %w", name, err)
	}
	return res, nil
}

// remoteBody returns the body that sends a JSON Lines file to a server:
// standard input ("-") as it comes, a file with each document's
// text_file inlined, since the server cannot read the file's folder.
func remoteBody(stdin io.Reader, name string) (io.Reader, error) {
	if name == "-" {
		return stdin, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b bytes.Buffer
	if err := jsonl.Inline(&b, f, name, os.DirFS(filepath.Dir(name))); err != nil {
		return nil, err
	}
	return &b, nil
}

// progress reports loads: a live line on a terminal, log lines otherwise.
type progress struct {
	w       io.Writer
	tty     bool
	total   int
	n       int
	start   time.Time
	stances int
	docs    int
	verb    string // "load", or "import" while files are read but not stored
}

func newProgress(w io.Writer, total int) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progress{w: w, tty: tty, total: total, start: time.Now(), verb: "load"}
}

func (p *progress) file(name string, r graph.LoadResult) {
	p.n++
	p.stances += r.Stances
	p.docs += r.Documents
	el := time.Since(p.start)
	rate := func(n int) float64 { return float64(n) / max(el.Seconds(), 1e-3) }
	eta := time.Duration(float64(el) / float64(p.n) * float64(p.total-p.n)).Round(time.Second)
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s %d/%d files  %d documents (%.1f/s)  %d stances (%.0f/s)  ETA %s", p.verb, p.n, p.total, p.docs, rate(p.docs), p.stances, rate(p.stances), eta)
		return
	}
	fmt.Fprintf(p.w, "%s: %s: +%d actors, +%d documents, +%d stances (%d/%d files, %.0f stances/s, eta %s)\n",
		p.verb, name, r.Actors, r.Documents, r.Stances, p.n, p.total, rate(p.stances), eta)
}

// changes lists what a file changed in stored records, one line each,
// after its summary.
func (p *progress) changes(name string, r graph.LoadResult) {
	if len(r.Changes) == 0 {
		return
	}
	if p.tty {
		fmt.Fprintln(p.w)
	}
	for _, c := range r.Changes {
		fmt.Fprintf(p.w, "%s: %s: %s\n", p.verb, name, c)
	}
	if more := r.Changed - len(r.Changes); more > 0 {
		fmt.Fprintf(p.w, "%s: %s: and %d more changes\n", p.verb, name, more)
	}
}

func (p *progress) done() {
	if p.tty && p.n > 0 {
		fmt.Fprintln(p.w)
	}
}
