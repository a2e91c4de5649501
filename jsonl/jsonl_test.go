package jsonl_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/seed"
)

var ctx = context.Background()

func newStore(t *testing.T) *graph.Store {
	t.Helper()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const good = `# a comment, then a blank line

{"record":"actor","name":"Serbia","kind":"STATE","aliases":["Belgrade"],"country":"SRB"}
{"record":"actor","name":"Kosovo","kind":"STATE","aliases":["Pristina"]}
{"record":"document","key":"d1","title":"Note","date":"2023-09-30","text":"Belgrade accused Pristina of provocations."}
{"record":"stance","subject":"Belgrade","type":"ACCUSES","object":"Kosovo","topic":"provocations","evidence":[{"document":"d1","quote":"accused Pristina of provocations"}]}
`

func TestLoadGood(t *testing.T) {
	s := newStore(t)
	res, err := jsonl.Load(ctx, s, strings.NewReader(good), "good.jsonl", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, graph.LoadResult{Actors: 2, Documents: 1, Stances: 1}) {
		t.Fatalf("result = %+v", res)
	}
	p, _ := s.Stances(ctx, graph.StanceQuery{Subject: "Serbia"})
	if len(p.Stances) != 1 || p.Stances[0].Date != graph.NewDate(2023, 9, 30) {
		t.Fatalf("stance not stored with its document's date: %+v", p.Stances)
	}
	if res, err := jsonl.Load(ctx, s, strings.NewReader(good), "good.jsonl", nil); err != nil || !reflect.DeepEqual(res, graph.LoadResult{}) {
		t.Fatalf("reload added %+v, %v", res, err)
	}
}

func TestLoadBadLines(t *testing.T) {
	base := strings.Split(strings.TrimSpace(good), "\n")
	tests := []struct {
		name    string
		line    string // replaces the stance line (line 6)
		wantErr error
		wantMsg string
	}{
		{"broken JSON", `{"record":"stance",`, jsonl.ErrFormat, "good.jsonl:6:"},
		{"unknown record", `{"record":"edge"}`, jsonl.ErrFormat, `record "edge"`},
		{"missing record", `{"name":"x"}`, jsonl.ErrFormat, `"record" field is missing`},
		{"unknown field", `{"record":"actor","name":"X","colour":"red"}`, jsonl.ErrFormat, `unknown field "colour"`},
		{"unknown type", `{"record":"stance","subject":"Serbia","type":"LIKES","object":"Kosovo"}`, graph.ErrInvalidType, `"LIKES"`},
		{"unknown actor", `{"record":"stance","subject":"Atlantis","type":"ACCUSES","object":"Kosovo"}`, graph.ErrNotFound, `Atlantis`},
		{"quote not in document", `{"record":"stance","subject":"Serbia","type":"ACCUSES","object":"Kosovo","evidence":[{"document":"d1","quote":"invented words"}]}`, graph.ErrQuoteNotFound, "invented words"},
		{"unknown document key", `{"record":"stance","subject":"Serbia","type":"ACCUSES","object":"Kosovo","evidence":[{"document":"d9","quote":"x"}]}`, jsonl.ErrFormat, `"d9"`},
		{"bad date", `{"record":"stance","subject":"Serbia","type":"ACCUSES","object":"Kosovo","date":"30/09/2023"}`, graph.ErrInvalidDate, "30/09/2023"},
		{"invalid UTF-8", "{\"record\":\"actor\",\"name\":\"\xff\"}", jsonl.ErrFormat, "UTF-8"},
		{"bad kind", `{"record":"actor","name":"X","kind":"PLANET"}`, graph.ErrInvalidInput, "PLANET"},
		// Shapes are named in JSON's terms, never Go's types or struct fields.
		{"number for a string", `{"record":"actor","name":5}`, jsonl.ErrFormat, `field "name" is a number, want a string`},
		{"object for a list", `{"record":"actor","name":"X","aliases":{}}`, jsonl.ErrFormat, `field "aliases" is an object, want a list`},
		{"nested field", `{"record":"stance","subject":"Serbia","type":"ACCUSES","object":"Kosovo","evidence":[{"document":"d1","quote":7}]}`, jsonl.ErrFormat, `field "evidence.quote" is a number, want a string`},
		{"record not a string", `{"record":1}`, jsonl.ErrFormat, `field "record" is a number, want a string`},
		{"cut short", `{"record":"actor","name":"X"`, jsonl.ErrFormat, "good.jsonl:6:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			lines := append(append([]string{}, base[:5]...), tt.line)
			_, err := jsonl.Load(ctx, s, strings.NewReader(strings.Join(lines, "\n")), "good.jsonl", nil)
			var le *jsonl.LineError
			if !errors.As(err, &le) || le.Line != 6 {
				t.Fatalf("err = %v, want an error on line 6", err)
			}
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("err = %v, want %v mentioning %q", err, tt.wantErr, tt.wantMsg)
			}
			if msg := err.Error(); strings.Contains(msg, "Go ") || strings.Contains(msg, "json: ") || strings.Contains(msg, "Record") {
				t.Fatalf("err = %v: names Go types or packages", err)
			}
			if st, _ := s.Stats(ctx); st != (graph.Stats{}) {
				t.Fatalf("a file with a bad line was half-applied: %+v", st)
			}
		})
	}
}

func TestLongLine(t *testing.T) {
	s := newStore(t)
	long := `{"record":"document","text":"` + strings.Repeat("a", jsonl.MaxLineBytes) + `"}`
	_, err := jsonl.Load(ctx, s, strings.NewReader("\n"+long+"\n"), "big.jsonl", nil)
	var le *jsonl.LineError
	if !errors.As(err, &le) || le.Line != 2 || !strings.Contains(err.Error(), "longer than") {
		t.Fatalf("err = %v", err)
	}
}

func TestTextFile(t *testing.T) {
	dir := fstest.MapFS{"a.txt": {Data: []byte("Moscow hosted the talks.")}}
	s := newStore(t)
	in := `{"record":"document","key":"a","text_file":"a.txt"}` + "\n"
	if _, err := jsonl.Load(ctx, s, strings.NewReader(in), "f.jsonl", dir); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`{"record":"document","text_file":"../etc/passwd"}`, `{"record":"document","text_file":"missing.txt"}`} {
		if _, err := jsonl.Load(ctx, s, strings.NewReader(bad), "f.jsonl", dir); !errors.Is(err, jsonl.ErrFormat) {
			t.Errorf("%s: err = %v", bad, err)
		}
	}
}

// TestWriteRoundTrip exports the seed graph and loads it into a fresh
// store: the same actors, stances and quotes come back.
func TestWriteRoundTrip(t *testing.T) {
	a := newStore(t)
	if _, err := seed.Load(ctx, a); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := jsonl.Write(ctx, a, &buf); err != nil {
		t.Fatal(err)
	}
	b := newStore(t)
	if _, err := jsonl.Load(ctx, b, bytes.NewReader(buf.Bytes()), "export.jsonl", nil); err != nil {
		t.Fatal(err)
	}
	sa, _ := a.Stats(ctx)
	sb, _ := b.Stats(ctx)
	if sa != sb {
		t.Fatalf("round trip stats %+v, want %+v", sb, sa)
	}
	var again bytes.Buffer
	if err := jsonl.Write(ctx, b, &again); err != nil {
		t.Fatal(err)
	}
	if again.String() != buf.String() {
		t.Fatal("second export differs from the first")
	}
}

// TestWriteKeepsRetracted: an export loaded into an empty store, by Load or
// by an import, exports again byte for byte, retracted stances and their
// reasons included.
func TestWriteKeepsRetracted(t *testing.T) {
	a := newStore(t)
	if _, err := jsonl.Load(ctx, a, strings.NewReader(good+extra), "good.jsonl", nil); err != nil {
		t.Fatal(err)
	}
	p, err := a.Stances(ctx, graph.StanceQuery{Subject: "Kosovo"})
	if err != nil || len(p.Stances) != 1 {
		t.Fatalf("stances of Kosovo: %+v, %v", p.Stances, err)
	}
	if _, err := a.RetractStance(ctx, p.Stances[0].ID, "wrong \"speaker\""); err != nil {
		t.Fatal(err)
	}
	var first bytes.Buffer
	if err := jsonl.Write(ctx, a, &first); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first.String(), `"retracted":true,"retract_reason":"wrong \"speaker\""`) {
		t.Fatalf("the export lacks the retracted stance:\n%s", first.String())
	}
	loads := map[string]func(s *graph.Store, f *jsonl.File) error{
		"load": func(s *graph.Store, f *jsonl.File) error { _, err := f.Apply(ctx, s, "export.jsonl"); return err },
		"import": func(s *graph.Store, f *jsonl.File) error {
			im, err := s.Import(ctx)
			if err != nil {
				return err
			}
			defer im.Abort()
			if _, err := f.ApplyWith(ctx, im.Load, "export.jsonl"); err != nil {
				return err
			}
			return im.Commit(ctx)
		},
	}
	for name, load := range loads {
		t.Run(name, func(t *testing.T) {
			b, err := graph.Open(t.TempDir(), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			f, err := jsonl.Read(bytes.NewReader(first.Bytes()), "export.jsonl", nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := load(b, f); err != nil {
				t.Fatal(err)
			}
			sa, _ := a.Stats(ctx)
			sb, _ := b.Stats(ctx)
			if sa != sb || sb.Retracted != 1 {
				t.Fatalf("stats after the round trip %+v, want %+v", sb, sa)
			}
			var again bytes.Buffer
			if err := jsonl.Write(ctx, b, &again); err != nil {
				t.Fatal(err)
			}
			if again.String() != first.String() {
				t.Fatalf("second export differs from the first:\n%s\nwant:\n%s", again.String(), first.String())
			}
		})
	}
}

// extra adds a second quote to good's stance and a stance to retract.
const extra = `{"record":"document","key":"d2","title":"Reply","date":"2023-10-02","text":"Pristina rejected the claims. Belgrade again accused Pristina of provocations."}
{"record":"stance","subject":"Serbia","type":"ACCUSES","object":"Kosovo","evidence":[{"document":"d2","quote":"again accused Pristina of provocations"}]}
{"record":"stance","subject":"Kosovo","type":"REJECTS","object":"Serbia","evidence":[{"document":"d2","quote":"Pristina rejected the claims"}]}
`

func TestRetractReasonWithoutRetracted(t *testing.T) {
	line := `{"record":"stance","subject":"Serbia","type":"ACCUSES","object":"Kosovo","retract_reason":"why"}`
	_, err := jsonl.Load(ctx, newStore(t), strings.NewReader(good+line+"\n"), "f.jsonl", nil)
	if !errors.Is(err, graph.ErrInvalidInput) || !strings.Contains(err.Error(), "f.jsonl:7:") {
		t.Fatalf("reason without retracted: %v", err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte(`{"record":"stance","subject":"a","type":"X","object":"b","confidence":2}`))
	f.Add([]byte("\xff\n{}\n"))
	// One small store for every input: opening a store per input would
	// make the fuzzer spend its minute allocating memtables.
	s, err := graph.Open("", &graph.Options{InMemory: true, MemTableSize: 8 << 20, BlockCacheSize: 1 << 20})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := jsonl.Read(bytes.NewReader(data), "fuzz", nil)
		if err != nil {
			var le *jsonl.LineError
			if !errors.As(err, &le) || le.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		before, _ := s.Stats(ctx)
		if _, err := file.Apply(ctx, s, "fuzz"); err != nil {
			if after, _ := s.Stats(ctx); after != before {
				t.Fatalf("failed load changed the store: %v", err)
			}
		}
	})
}

// TestQuoteSelectors checks that evidence lines take start, prefix and
// suffix, that a repeated quote without one is refused naming the line and
// the offsets, and that an export of such a stance loads again.
func TestQuoteSelectors(t *testing.T) {
	head := `{"record":"actor","name":"Iran","kind":"STATE"}
{"record":"actor","name":"Israel","kind":"STATE"}
{"record":"document","key":"d","text":"Iran warned Israel. Later Iran warned Israel again."}
`
	for _, tc := range []struct {
		name, evidence string
		err            string // "" for success
		start          int
	}{
		{"none", `{"document":"d","quote":"Iran warned Israel"}`, "f.jsonl:4: evidence 1: graph: invalid input: quote occurs more than once: \"Iran warned Israel\" occurs 2 times in document 6d241166-521b-5c3d-a00a-5fbd4dd53be8, at code-point offsets 0, 26", 0},
		{"start", `{"document":"d","quote":"Iran warned Israel","start":26}`, "", 26},
		{"prefix", `{"document":"d","quote":"Iran warned Israel","prefix":"Later "}`, "", 26},
		{"suffix", `{"document":"d","quote":"Iran warned Israel","suffix":"."}`, "", 0},
		{"negative start", `{"document":"d","quote":"Iran warned Israel","start":-1}`, "start must not be negative", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			in := head + `{"record":"stance","subject":"Iran","type":"ACCUSES","object":"Israel","evidence":[` + tc.evidence + "]}\n"
			_, err := jsonl.Load(ctx, s, strings.NewReader(in), "f.jsonl", nil)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := jsonl.Write(ctx, s, &buf); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), fmt.Sprintf(`"start":%d`, tc.start)) {
				t.Fatalf("export lacks start %d:\n%s", tc.start, buf.String())
			}
			again := newStore(t)
			if _, err := jsonl.Load(ctx, again, bytes.NewReader(buf.Bytes()), "export.jsonl", nil); err != nil {
				t.Fatalf("reloading the export: %v", err)
			}
		})
	}
}
