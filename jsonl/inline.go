package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
)

// Inline copies a file from r to w with each document's text_file
// replaced by the text it names, read from dir (the file's folder), so the
// file can go where its folder cannot follow: POST /load. Other lines,
// including a stance whose quote mentions "text_file" and lines that are
// not valid records, are copied unchanged, so the line numbers of the
// receiver's errors are the file's. name labels errors.
func Inline(w io.Writer, r io.Reader, name string, dir fs.FS) error {
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriter(w)
	for lineNo := 1; ; lineNo++ {
		line, err := readLine(br)
		if line == nil && err == io.EOF {
			break
		}
		if err != nil && err != io.EOF {
			return &LineError{File: name, Line: lineNo, Err: err}
		}
		out, ierr := inlineLine(line, dir)
		if ierr != nil {
			return &LineError{File: name, Line: lineNo, Err: ierr}
		}
		bw.Write(out)
		bw.WriteByte('\n')
		if err == io.EOF {
			break
		}
	}
	return bw.Flush()
}

// inlineLine returns line with its text_file inlined when it is a
// document record naming one, and line itself otherwise.
func inlineLine(line []byte, dir fs.FS) ([]byte, error) {
	// Only a line holding the key can name a file; the decoding below
	// decides whether it does.
	if !bytes.Contains(line, []byte(`"text_file"`)) {
		return line, nil
	}
	var d documentRecord
	if strict(bytes.TrimSpace(line), &d) != nil || d.Record != "document" || d.TextFile == "" || d.Text != nil {
		return line, nil // not a document naming a file: the receiver judges it
	}
	text, err := readTextFile(dir, d.TextFile)
	if err != nil {
		return nil, err
	}
	d.Text, d.TextFile = &text, ""
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // a text's < and & stay as written
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
