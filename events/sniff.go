package events

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// The formats Detect tells apart.
const (
	FormatJSONL   = "jsonl"   // stancegraph JSON Lines
	FormatArticle = "article" // a plain-text article
	FormatGDELT   = "gdelt"   // GDELT 1.0 or 2.0 events
	FormatICEWS   = "icews"   // ICEWS Dataverse .tab
	FormatPLOVER  = "plover"  // PLOVER/POLECAT JSON Lines
)

// Formats lists every format a load accepts, for --format.
var Formats = []string{FormatJSONL, FormatArticle, FormatGDELT, FormatICEWS, FormatPLOVER}

// IsEvent reports whether format is one of the event datasets.
func IsEvent(format string) bool {
	return format == FormatGDELT || format == FormatICEWS || format == FormatPLOVER
}

// NewReader returns the Reader of an event format.
func NewReader(format string, r io.Reader) (Reader, error) {
	switch format {
	case FormatGDELT:
		return NewGDELT(r), nil
	case FormatICEWS:
		return NewICEWS(r), nil
	case FormatPLOVER:
		return NewPLOVER(r), nil
	}
	return nil, fmt.Errorf("events: %q is not an event format", format)
}

// ErrNotLoadable means a file is of a kind no load reads; its message
// says what the file looks like and what to do instead.
var ErrNotLoadable = errors.New("not a file graphd loads")

// sniffSize is how much of a file Detect reads: a few rows of any format.
const sniffSize = 64 << 10

// Detect tells the format of a file from its first bytes: an event
// dataset, stancegraph JSON Lines or an article. Files of other kinds
// (GraphML, CSV, graphd's JSON export, binary files) get an error wrapping
// ErrNotLoadable that names what they look like and what to do.
func Detect(head []byte) (string, error) {
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return "", fmt.Errorf("%w: the file is empty", ErrNotLoadable)
	}
	if binary(head) {
		return "", fmt.Errorf("%w: it is a binary file (not UTF-8 text); graphd loads text: JSON Lines, articles, GDELT, ICEWS or PLOVER files (zipped GDELT and ICEWS files too)", ErrNotLoadable)
	}
	// JSON Lines may open with # comment lines.
	if body := skipComments(trimmed); len(body) > 0 && (body[0] == '{' || body[0] == '[') {
		trimmed = body
	}
	first, _, _ := bytes.Cut(trimmed, []byte("\n"))
	first = bytes.TrimRight(first, "\r")
	for _, rule := range sniffRules {
		if f, err, ok := rule(trimmed, first); ok {
			return f, err
		}
	}
	return FormatArticle, nil
}

// sniffRules are tried in order; the first that recognises the file
// decides.
var sniffRules = []func(all, first []byte) (string, error, bool){
	sniffXML, sniffJSONArray, sniffJSON, sniffTSV, sniffCSV,
}

func sniffXML(all, _ []byte) (string, error, bool) {
	if all[0] != '<' {
		return "", nil, false
	}
	head := strings.ToLower(string(all[:min(len(all), 4096)]))
	switch {
	case strings.Contains(head, "<graphml"):
		return "", fmt.Errorf("%w: it looks like GraphML (a graph export, such as graphd export --format graphml); to move a graph between stores, export and load JSON Lines (graphd export --format jsonl)", ErrNotLoadable), true
	case strings.HasPrefix(head, "<?xml"), strings.HasPrefix(head, "<!doctype"), strings.HasPrefix(head, "<html"):
		return "", fmt.Errorf("%w: it looks like XML or HTML; save an article as plain text (with optional Title:, Source:, URL:, Date: lines) and load that", ErrNotLoadable), true
	}
	return "", nil, false
}

func sniffJSONArray(all, _ []byte) (string, error, bool) {
	if all[0] != '[' {
		return "", nil, false
	}
	return "", fmt.Errorf("%w: it is a JSON array, not JSON Lines (PLOVER's gold-standard records come this way); write one record per line, e.g. jq -c '.[]' FILE > FILE.jsonl, and load that", ErrNotLoadable), true
}

func sniffJSON(all, first []byte) (string, error, bool) {
	if all[0] != '{' {
		return "", nil, false
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(first, &rec); err != nil {
		return "", fmt.Errorf("%w: it is JSON, but its first line is not a whole JSON object (%v); graphd reads one object per line: reformat it, e.g. jq -c . FILE > FILE.jsonl", ErrNotLoadable, err), true
	}
	has := func(k string) bool { _, ok := rec[k]; return ok }
	switch {
	case has("record"):
		return FormatJSONL, nil, true
	case has("actors") || has("stances"):
		return "", fmt.Errorf("%w: it looks like graphd's JSON export (one object holding every actor and stance); load its JSON Lines export instead (graphd export --format jsonl)", ErrNotLoadable), true
	case has("event") && (has("source") || has("target") || has("actor") || has("recipient") || has("id")):
		return FormatPLOVER, nil, true
	}
	return FormatJSONL, nil, true // let the JSON Lines reader name what is wrong
}

func sniffTSV(_, first []byte) (string, error, bool) {
	if !bytes.Contains(first, []byte("\t")) {
		return "", nil, false
	}
	f := strings.Split(string(first), "\t")
	switch {
	case len(f) > 2 && f[0] == "Event ID" && f[1] == "Event Date":
		return FormatICEWS, nil, true
	case f[0] == "GLOBALEVENTID":
		return FormatGDELT, nil, true
	case (len(f) == 57 || len(f) == 58 || len(f) == 61) && digits("", f[0], 1, 20) == nil:
		return FormatGDELT, nil, true
	case len(f) >= 4:
		return "", fmt.Errorf("%w: it is tab-separated with %d columns (first: %s), which matches no event format graphd reads (GDELT 1.0: 57 or 58 columns, GDELT 2.0: 61, ICEWS: a header starting Event ID, Event Date); use --format to force a reader", ErrNotLoadable, len(f), clipFields(f)), true
	}
	return "", nil, false
}

func sniffCSV(all, _ []byte) (string, error, bool) {
	r := csv.NewReader(bytes.NewReader(all))
	r.FieldsPerRecord = -1
	var recs [][]string
	for len(recs) < 5 {
		rec, err := r.Read()
		if err != nil {
			break
		}
		recs = append(recs, rec)
	}
	if len(recs) < 2 || len(recs[0]) < 3 {
		return "", nil, false
	}
	for _, rec := range recs[1:] {
		if len(rec) != len(recs[0]) {
			return "", nil, false
		}
	}
	for _, h := range recs[0] {
		if len(h) > 40 || strings.ContainsAny(h, ".!?") && strings.Contains(h, " ") {
			return "", nil, false // prose with commas, not a header
		}
	}
	return "", fmt.Errorf("%w: it looks like CSV with %d columns (header: %s); graphd loads JSON Lines: convert the rows to actor and stance records (see README, \"Loading data\"), or load graphd's JSON Lines export instead of its CSV export", ErrNotLoadable, len(recs[0]), clipFields(recs[0])), true
}

// skipComments returns b after its leading # lines and blank lines.
func skipComments(b []byte) []byte {
	for len(b) > 0 && (b[0] == '#' || b[0] == '\n' || b[0] == '\r' || b[0] == ' ' || b[0] == '\t') {
		if b[0] != '#' {
			b = b[1:]
			continue
		}
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return nil
		}
		b = b[i+1:]
	}
	return b
}

func clipFields(f []string) string {
	if len(f) > 5 {
		return strings.Join(f[:5], ", ") + ", ..."
	}
	return strings.Join(f, ", ")
}

// binary reports whether head holds NUL bytes or is not UTF-8 (allowing a
// character cut off at its end).
func binary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	// Drop a character cut off at the end: back to the last rune start.
	for i := len(head) - 1; i >= 0 && i >= len(head)-utf8.UTFMax; i-- {
		if utf8.RuneStart(head[i]) {
			if !utf8.FullRune(head[i:]) {
				head = head[:i]
			}
			break
		}
	}
	return !utf8.Valid(head)
}

// File is an input opened for reading, unzipped when it is a zip.
type File struct {
	*bufio.Reader
	closers []io.Closer
	Name    string // the file, or "file.zip:entry"
}

// Close closes the file.
func (f *File) Close() error {
	var err error
	for _, c := range f.closers {
		err = errors.Join(err, c.Close())
	}
	return err
}

// Head returns the first bytes of the file without consuming them.
func (f *File) Head() []byte {
	b, _ := f.Peek(sniffSize)
	return b
}

// Open opens name for reading. A zip archive is read through the one
// data file it holds (GDELT publishes each export as FILE.CSV.zip, the
// ICEWS Dataverse its years as zipped .tab files); an archive holding
// several data files is refused, naming them.
func Open(name string) (*File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	magic := make([]byte, 4)
	if n, _ := io.ReadFull(f, magic); n < 4 || string(magic) != "PK\x03\x04" {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			f.Close()
			return nil, err
		}
		return &File{Reader: bufio.NewReaderSize(f, sniffSize), closers: []io.Closer{f}, Name: name}, nil
	}
	f.Close()
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var data []*zip.File
	for _, e := range zr.File {
		if e.FileInfo().IsDir() || strings.HasPrefix(filepath.Base(e.Name), ".") || strings.HasPrefix(e.Name, "__MACOSX/") {
			continue
		}
		data = append(data, e)
	}
	if len(data) != 1 {
		zr.Close()
		names := make([]string, len(data))
		for i, e := range data {
			names[i] = e.Name
		}
		return nil, fmt.Errorf("%s: %w: a zip archive with %d files (%s); graphd reads an archive holding one data file: unzip it and load the files you mean", name, ErrNotLoadable, len(data), clipFields(names))
	}
	rc, err := data[0].Open()
	if err != nil {
		zr.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &File{Reader: bufio.NewReaderSize(rc, sniffSize), closers: []io.Closer{rc, zr}, Name: name + ":" + data[0].Name}, nil
}
