// Package jsonl reads and writes the stancegraph JSON Lines format: one
// actor, document or stance record per line, the format `graphd load`
// reads, the seed is written in, and `graphd export --format jsonl` writes.
//
// A file is applied all-or-nothing: every line is parsed and checked before
// anything is stored, and the first bad line is reported by number with the
// reason. The format is documented in the README.
package jsonl

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/stance"
)

// MaxLineBytes bounds one line; a document's inline text is the only thing
// that makes lines long.
const MaxLineBytes = 48 << 20

// LineError is a problem with one line of a file.
type LineError struct {
	File string // as given to Read; may be empty
	Line int    // 1-based
	Err  error
}

// Error names the file, the line and the problem.
func (e *LineError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

// Unwrap returns the problem, for errors.Is against ErrFormat or stance sentinels.
func (e *LineError) Unwrap() error { return e.Err }

// ErrFormat is wrapped by errors about the shape of a line (bad JSON, an
// unknown record or field, a missing field).
var ErrFormat = errors.New("jsonl: bad record")

// errLatLong is the reason a location with half a point is refused.
var errLatLong = errors.New("lat and long go together: give both or neither")

type actorRecord struct {
	Record   string   `json:"record"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind,omitempty"`
	Aliases  []string `json:"aliases,omitempty"`
	Country  string   `json:"country,omitempty"`
	Code     string   `json:"code,omitempty"`
	Wikidata string   `json:"wikidata,omitempty"`
}

type documentRecord struct {
	Record   string  `json:"record"`
	Key      string  `json:"key,omitempty"`
	ID       string  `json:"id,omitempty"` // written by export; must match the text when given
	Title    string  `json:"title,omitempty"`
	Source   string  `json:"source,omitempty"`
	URL      string  `json:"url,omitempty"`
	Date     string  `json:"date,omitempty"`
	Text     *string `json:"text,omitempty"`
	TextFile string  `json:"text_file,omitempty"`
}

// evidenceRecord locates a quote. A quote occurring more than once in its
// document needs prefix and suffix (the text just before and after the
// occurrence meant, as in W3C's TextQuoteSelector) or start, its
// code-point offset; export writes start.
type evidenceRecord struct {
	Document string `json:"document"`
	Quote    string `json:"quote"`
	Prefix   string `json:"prefix,omitempty"`
	Suffix   string `json:"suffix,omitempty"`
	Start    *int   `json:"start,omitempty"`
}

type stanceRecord struct {
	Record     string           `json:"record"`
	ID         string           `json:"id,omitempty"` // written by export, informational
	Subject    string           `json:"subject"`
	Type       string           `json:"type"`
	Object     string           `json:"object"`
	Topic      string           `json:"topic,omitempty"`
	Date       string           `json:"date,omitempty"`
	Confidence *float64         `json:"confidence,omitempty"`
	Evidence   []evidenceRecord `json:"evidence,omitempty"`
	// Retracted and RetractReason carry a retraction through export and load.
	Retracted     bool   `json:"retracted,omitempty"`
	RetractReason string `json:"retract_reason,omitempty"`
	// References and Event carry evidence by reference and an event's
	// measures (README, "Event data").
	References []referenceRecord `json:"references,omitempty"`
	Event      *measuresRecord   `json:"event,omitempty"`
}

// File is a parsed file: the batch to load and the line of each record.
type File struct {
	Batch stance.Batch
	// Lines of each record, by kind and index, for error messages.
	ActorLines, DocumentLines, StanceLines []int
}

// Read parses r. Relative text_file paths are opened in dir, which may be
// nil when the file has none. name labels errors.
func Read(r io.Reader, name string, dir fs.FS) (*File, error) {
	f := &File{}
	keys := map[string]string{} // document key -> document ID
	br := bufio.NewReaderSize(r, 64<<10)
	lineNo := 0
	for {
		line, err := readLine(br)
		if line == nil && err == io.EOF {
			break
		}
		lineNo++
		lerr := func(e error) error { return &LineError{File: name, Line: lineNo, Err: e} }
		if err != nil && err != io.EOF {
			return nil, lerr(err)
		}
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) == 0 || trimmed[0] == '#' {
			if err == io.EOF {
				break
			}
			continue
		}
		if !utf8.Valid(trimmed) {
			return nil, lerr(fmt.Errorf("%w: not valid UTF-8", ErrFormat))
		}
		if perr := f.parse(trimmed, keys, dir); perr != nil {
			return nil, lerr(perr)
		}
		f.lineOf(lineNo)
		if err == io.EOF {
			break
		}
	}
	return f, nil
}

// lineOf records lineNo for the record parse just appended.
func (f *File) lineOf(lineNo int) {
	b := &f.Batch
	switch {
	case len(b.Actors) > len(f.ActorLines):
		f.ActorLines = append(f.ActorLines, lineNo)
	case len(b.Documents) > len(f.DocumentLines):
		f.DocumentLines = append(f.DocumentLines, lineNo)
	case len(b.Stances) > len(f.StanceLines):
		f.StanceLines = append(f.StanceLines, lineNo)
	}
}

// readLine returns one line without its newline, refusing lines over
// MaxLineBytes before buffering them whole.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxLineBytes {
			return []byte{}, fmt.Errorf("%w: line is longer than %d MiB", ErrFormat, MaxLineBytes>>20)
		}
		buf = append(buf, chunk...)
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if len(buf) == 0 {
				return nil, io.EOF
			}
			return buf, io.EOF
		case err != nil:
			return nil, err
		}
		return bytes.TrimRight(buf, "\r\n"), nil
	}
}

// jsonProblem says what is wrong with a line's JSON in the file's terms:
// encoding/json's messages name Go types and struct fields ("cannot
// unmarshal number into Go struct field actorRecord.name of type string").
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		got, _, _ := strings.Cut(te.Value, " ")
		return fmt.Sprintf("field %q is %s, want %s", te.Field, jsonKinds[got], goKind(te.Type))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "the line ends inside a JSON value"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonKinds names encoding/json's kinds of value as a reader says them.
var jsonKinds = map[string]string{
	"string": "a string", "number": "a number", "bool": "true or false",
	"array": "a list", "object": "an object", "null": "null",
}

// goKind says what JSON a field of type t takes.
func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Pointer:
		return goKind(t.Elem())
	}
	return "another kind of value"
}

func strict(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %s", ErrFormat, jsonProblem(err))
	}
	if dec.More() {
		return fmt.Errorf("%w: more than one JSON value on the line", ErrFormat)
	}
	return nil
}

func (f *File) parse(line []byte, keys map[string]string, dir fs.FS) error {
	var head struct {
		Record string `json:"record"`
	}
	if err := json.Unmarshal(line, &head); err != nil {
		return fmt.Errorf("%w: %s", ErrFormat, jsonProblem(err))
	}
	switch head.Record {
	case "actor":
		var a actorRecord
		if err := strict(line, &a); err != nil {
			return err
		}
		if strings.TrimSpace(a.Name) == "" {
			return fmt.Errorf("%w: actor: name is required", ErrFormat)
		}
		f.Batch.Actors = append(f.Batch.Actors, stance.Actor{
			Name: a.Name, Kind: stance.ActorKind(strings.ToUpper(a.Kind)), Aliases: a.Aliases,
			Country: a.Country, Code: a.Code, Wikidata: a.Wikidata,
		})
	case "document":
		var d documentRecord
		if err := strict(line, &d); err != nil {
			return err
		}
		doc, err := d.document(dir)
		if err != nil {
			return err
		}
		id := stance.DocumentID(doc.Text)
		if d.ID != "" && d.ID != id {
			return fmt.Errorf("%w: document: id %q does not match its text (which gives %s)", ErrFormat, d.ID, id)
		}
		if d.Key != "" {
			if prev, dup := keys[d.Key]; dup && prev != id {
				return fmt.Errorf("%w: document: key %q is already used by another document", ErrFormat, d.Key)
			}
			keys[d.Key] = id
		}
		f.Batch.Documents = append(f.Batch.Documents, doc)
	case "stance":
		var s stanceRecord
		if err := strict(line, &s); err != nil {
			return err
		}
		spec, err := s.spec(keys)
		if err != nil {
			return err
		}
		f.Batch.Stances = append(f.Batch.Stances, spec)
	case "":
		return fmt.Errorf("%w: the \"record\" field is missing (actor, document or stance)", ErrFormat)
	default:
		return fmt.Errorf("%w: record %q is not actor, document or stance", ErrFormat, clip(head.Record))
	}
	return nil
}

func (d *documentRecord) document(dir fs.FS) (stance.Document, error) {
	date, err := stance.ParseDate(d.Date)
	if err != nil {
		return stance.Document{}, fmt.Errorf("document: date: %w", err)
	}
	doc := stance.Document{Title: d.Title, Source: d.Source, URL: d.URL, Date: date}
	switch {
	case d.Text != nil && d.TextFile != "":
		return doc, fmt.Errorf("%w: document: give text or text_file, not both", ErrFormat)
	case d.Text != nil:
		doc.Text = *d.Text
	case d.TextFile != "":
		text, err := readTextFile(dir, d.TextFile)
		if err != nil {
			return doc, err
		}
		doc.Text = text
	default:
		return doc, fmt.Errorf("%w: document: text or text_file is required", ErrFormat)
	}
	return doc, nil
}

// readTextFile reads a document's text_file from dir, the folder of the
// file that names it; nil means the file came without one.
func readTextFile(dir fs.FS, name string) (string, error) {
	p := path.Clean(strings.TrimPrefix(name, "./"))
	switch {
	case dir == nil:
		return "", fmt.Errorf("%w: document: text_file %q cannot be read: this file came without its folder "+
			"(sent to a server, or on standard input); put the document's text in \"text\" instead, "+
			"or give graphd load the file's path, which sends the text with it", ErrFormat, name)
	case !fs.ValidPath(p):
		return "", fmt.Errorf("%w: document: text_file %q must be a path relative to the file's folder, "+
			"without \"..\" or a leading \"/\" (such as \"texts/report.txt\")", ErrFormat, name)
	}
	b, err := fs.ReadFile(dir, p)
	if err != nil {
		return "", fmt.Errorf("%w: document: text_file %q: %v", ErrFormat, name, err)
	}
	return string(b), nil
}

func (s *stanceRecord) spec(keys map[string]string) (stance.StanceSpec, error) {
	for _, f := range []struct{ name, v string }{{"subject", s.Subject}, {"type", s.Type}, {"object", s.Object}} {
		if strings.TrimSpace(f.v) == "" {
			return stance.StanceSpec{}, fmt.Errorf("%w: stance: %s is required", ErrFormat, f.name)
		}
	}
	date, err := stance.ParseDate(s.Date)
	if err != nil {
		return stance.StanceSpec{}, fmt.Errorf("stance: date: %w", err)
	}
	spec := stance.StanceSpec{Subject: s.Subject, Type: strings.ToUpper(strings.TrimSpace(s.Type)), Object: s.Object, Topic: s.Topic, Date: date, Confidence: 1,
		Retracted: s.Retracted, RetractReason: s.RetractReason}
	if s.Confidence != nil {
		if *s.Confidence <= 0 || *s.Confidence > 1 {
			return spec, fmt.Errorf("%w: stance: confidence must be in (0, 1] (got %v)", ErrFormat, *s.Confidence)
		}
		spec.Confidence = *s.Confidence
	}
	spec.References = references(s.References)
	if spec.Event, err = s.Event.measures(); err != nil {
		return spec, fmt.Errorf("%w: stance: event: location: %v", ErrFormat, err)
	}
	for i, ev := range s.Evidence {
		doc := ev.Document
		if id, ok := keys[doc]; ok {
			doc = id
		} else if _, err := uuid.Parse(doc); err != nil {
			return spec, fmt.Errorf("%w: stance: evidence %d: document %q is neither a key of a document above nor a document ID", ErrFormat, i+1, clip(doc))
		}
		if ev.Start != nil && *ev.Start < 0 {
			return spec, fmt.Errorf("%w: stance: evidence %d: start must not be negative (got %d)", ErrFormat, i+1, *ev.Start)
		}
		spec.Evidence = append(spec.Evidence, stance.EvidenceSpec{Document: doc, Quote: ev.Quote, Prefix: ev.Prefix, Suffix: ev.Suffix, Start: ev.Start})
	}
	return spec, nil
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// Load reads r and applies it to store all-or-nothing. Errors name the line.
func Load(ctx context.Context, store stance.Loader, r io.Reader, name string, dir fs.FS) (stance.LoadResult, error) {
	f, err := Read(r, name, dir)
	if err != nil {
		return stance.LoadResult{}, err
	}
	return f.Apply(ctx, store, name)
}

// Apply loads the parsed file into store, mapping record errors and
// changes to lines. Set f.Batch.Upsert first to let the file change stored
// records.
func (f *File) Apply(ctx context.Context, store stance.Loader, name string) (stance.LoadResult, error) {
	return f.ApplyWith(ctx, store.Load, name)
}

// ApplyWith is Apply through load, such as a graph.Importer's Load.
func (f *File) ApplyWith(ctx context.Context, load func(context.Context, stance.Batch) (stance.LoadResult, error), name string) (stance.LoadResult, error) {
	res, err := load(ctx, f.Batch)
	for i, c := range res.Changes {
		res.Changes[i].Line = f.line(c.Record, c.Index)
	}
	var re *stance.RecordError
	if errors.As(err, &re) {
		if line := f.line(re.Record, re.Index); line > 0 {
			return res, &LineError{File: name, Line: line, Err: re.Err}
		}
	}
	return res, err
}

// line returns the line of record index of kind record, or 0.
func (f *File) line(record string, index int) int {
	lines := map[string][]int{"actor": f.ActorLines, "document": f.DocumentLines, "stance": f.StanceLines}[record]
	if index < 0 || index >= len(lines) {
		return 0
	}
	return lines[index]
}
