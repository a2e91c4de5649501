package jsonl_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stancegraph/stancegraph/jsonl"
)

// TestInline checks that only document records naming a text_file change,
// each into a record with the text, and that every line keeps its number.
func TestInline(t *testing.T) {
	dir := fstest.MapFS{"texts/a.txt": {Data: []byte("Moscow hosted <the> talks & more.")}}
	tests := []struct {
		name, in, want string
	}{
		{"document naming a file",
			`{"record":"document","key":"a","title":"T","text_file":"texts/a.txt"}`,
			`{"record":"document","key":"a","title":"T","text":"Moscow hosted <the> talks & more."}`},
		{"quote mentioning text_file",
			`{"record":"stance","subject":"A","type":"ACCUSES","object":"B","evidence":[{"document":"a","quote":"the \"text_file\" field"}]}`,
			`{"record":"stance","subject":"A","type":"ACCUSES","object":"B","evidence":[{"document":"a","quote":"the \"text_file\" field"}]}`},
		{"quote and topic equal to text_file",
			`{"record":"stance","subject":"A","type":"ACCUSES","object":"B","topic":"text_file","evidence":[{"document":"a","quote":"text_file"}]}`,
			`{"record":"stance","subject":"A","type":"ACCUSES","object":"B","topic":"text_file","evidence":[{"document":"a","quote":"text_file"}]}`},
		{"inline text mentioning text_file",
			`{"record":"document","text":"see \"text_file\": here"}`,
			`{"record":"document","text":"see \"text_file\": here"}`},
		{"both text and text_file: left to the receiver",
			`{"record":"document","text":"x","text_file":"texts/a.txt"}`,
			`{"record":"document","text":"x","text_file":"texts/a.txt"}`},
		{"broken line: left to the receiver", `{"record":"document","text_file":`, `{"record":"document","text_file":`},
		{"comment", `# "text_file"`, `# "text_file"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			in := "\n" + tt.in + "\r\n" + `{"record":"actor","name":"Oman"}`
			if err := jsonl.Inline(&out, strings.NewReader(in), "f.jsonl", dir); err != nil {
				t.Fatal(err)
			}
			want := "\n" + tt.want + "\n" + `{"record":"actor","name":"Oman"}` + "\n"
			if out.String() != want {
				t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
			}
		})
	}
	var out strings.Builder
	err := jsonl.Inline(&out, strings.NewReader("\n"+`{"record":"document","text_file":"missing.txt"}`), "f.jsonl", dir)
	var le *jsonl.LineError
	if !errors.As(err, &le) || le.Line != 2 || !strings.Contains(err.Error(), `"missing.txt"`) {
		t.Fatalf("a missing text file: %v", err)
	}
}

// TestTextFileMessages checks that each way a text_file cannot be read says
// what is wrong and what to do.
func TestTextFileMessages(t *testing.T) {
	dir := fstest.MapFS{"a.txt": {Data: []byte("text")}}
	tests := []struct {
		name, file string
		dir        fstest.MapFS
		want       []string
	}{
		{"relative, without folder", "a.txt", nil, []string{`"a.txt" cannot be read`, "without its folder", `put the document's text in "text"`}},
		{"leaves the folder", "../etc/passwd", dir, []string{"relative to the file's folder", `without ".."`}},
		{"absolute", "/etc/passwd", dir, []string{"relative to the file's folder"}},
		{"missing", "b.txt", dir, []string{`"b.txt"`, "not exist"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line := `{"record":"document","text_file":"` + tt.file + `"}`
			var err error
			if tt.dir == nil {
				_, err = jsonl.Read(strings.NewReader(line), "f.jsonl", nil)
			} else {
				_, err = jsonl.Read(strings.NewReader(line), "f.jsonl", tt.dir)
			}
			if !errors.Is(err, jsonl.ErrFormat) {
				t.Fatalf("err = %v, want ErrFormat", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%v lacks %q", err, w)
				}
			}
			if tt.dir == nil && strings.Contains(err.Error(), "must be a relative path") {
				t.Errorf("a relative path is called not relative: %v", err)
			}
		})
	}
}
