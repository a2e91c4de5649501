package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalPlover runs graphd eval --plover on records written for this test.
func TestEvalPlover(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gsr.jsonl")
	recs := `{"id":"DOC","event":"DOCUMENT"}
{"id":"R1","date":"2022-05-10","source":[{"actorText":"Ghana","code":"GHA"}],"target":[{"actorText":"Togo","code":"TGO"}],"event":"DEMAND","text":"Ghana urged Togo to reopen the border."}
{"id":"R2","date":"2022-05-10","source":[{"actorText":"Mali","code":"MLI"}],"target":[{"actorText":"Niger","code":"NER"}],"event":"FIGHT","text":"Mali attacked Niger."}
`
	if err := os.WriteFile(path, []byte(recs), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"eval", "--plover", path}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("eval --plover: %v\n%s", err, errb.String())
	}
	for _, s := range []string{"type recall:        1.000  (1/1)", "actor-level recall: 1.000  (1/1)", "other categories with a stance: 0.000  (0/1 records, 0 stances)", "speed:"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q:\n%s", s, out.String())
		}
	}
	// R1 is in the tune half, R2 held out: --plover-half held lists no miss of R1.
	out.Reset()
	if err := run(context.Background(), []string{"eval", "--plover", path, "--plover-half", "held"}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("eval --plover-half held: %v", err)
	}
	for _, s := range []string{"tune  type recall 1.000 (1/1)", "held  type recall 0.000 (0/0)", "misses, held half (0):"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("--plover-half held: output lacks %q:\n%s", s, out.String())
		}
	}
	err := run(context.Background(), []string{"eval", "--plover", path, "--plover-half", "odd"}, strings.NewReader(""), &out, &errb)
	if err == nil || !strings.Contains(err.Error(), `--plover-half: "odd" is not a half`) {
		t.Fatalf("--plover-half odd: err = %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"X","event":"DANCE","text":"a"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = run(context.Background(), []string{"eval", "--plover", bad}, strings.NewReader(""), &out, &errb)
	if err == nil || !strings.Contains(err.Error(), `line 1: field "event": "DANCE"`) {
		t.Fatalf("bad record: err = %v", err)
	}
}
