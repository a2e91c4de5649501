package events

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// Event is one coded event as a dataset gives it, before its actors are
// resolved and its code mapped to a stance type.
type Event struct {
	Line     int     // line of the row in its file
	Sources  []Party // who acts; GDELT and ICEWS give at most one
	Targets  []Party // who is acted on
	Date     stance.Date
	Code     string // CAMEO event code, e.g. "0431"; "" in PLOVER files
	PLOVER   string // PLOVER event type, e.g. "CONSULT"; "" in CAMEO-coded files
	Ref      stance.Reference
	Measures stance.Measures
}

// Party is an actor as an event row names it.
type Party struct {
	Code    string   // CAMEO actor code, e.g. "AFGINSTAL"; "" when the dataset gives none (ICEWS)
	Name    string   // the dataset's name for it
	Country string   // CAMEO country code, where known
	Sectors []string // ICEWS sectors, PLOVER sector
}

// RowError is a malformed row: its line and what is wrong with it. A
// Reader returning one can go on to the next row.
type RowError struct {
	Line int
	Err  error
}

// Error names the line and the problem.
func (e *RowError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the problem.
func (e *RowError) Unwrap() error { return e.Err }

// Reader yields the events of one file in order.
type Reader interface {
	// Next returns the next event; io.EOF after the last; a *RowError
	// for a malformed row, after which Next goes on with the next row;
	// any other error ends the file.
	Next() (Event, error)
}

// maxLine bounds one row: GDELT rows are about 400 bytes and PLOVER
// records a few kilobytes; a longer line is not one of these formats.
const maxLine = 1 << 20

// lines reads a file line by line, counting lines for errors.
type lines struct {
	sc   *bufio.Scanner
	line int
}

func newLines(r io.Reader) *lines {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	return &lines{sc: sc}
}

// next returns the next non-empty line without its line ending, or io.EOF.
func (l *lines) next() (string, error) {
	for l.sc.Scan() {
		l.line++
		s := strings.TrimRight(l.sc.Text(), "\r")
		if strings.TrimSpace(s) != "" {
			return s, nil
		}
	}
	if err := l.sc.Err(); err != nil {
		return "", fmt.Errorf("line %d: %w", l.line+1, err)
	}
	return "", io.EOF
}

// rowErr returns a *RowError for the current line.
func (l *lines) rowErr(format string, a ...any) error {
	return &RowError{Line: l.line, Err: fmt.Errorf(format, a...)}
}
