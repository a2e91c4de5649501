package main

import (
	"strings"
	"testing"
)

// TestExtractRecordsRoundTrip extracts an article whose sentence occurs
// twice as records, loads them into an empty store, and finds the store
// graphd load ARTICLE makes: the same export, byte for byte, and no
// violations. A file without start on the repeated quote is refused, which
// is why the records carry it.
func TestExtractRecordsRoundTrip(t *testing.T) {
	article := writeFile(t, "note.txt", "Title: A test note\nSource: stancegraph tests\nDate: 2024-05-02\n\n"+
		"Pakistan on Thursday accused India of violating the ceasefire along the border. Iran urged the Taliban to talk.\n"+
		"Pakistan on Thursday accused India of violating the ceasefire along the border.\n")
	records := mustGraphd(t, "extract", "--records", article)
	lines := strings.Split(strings.TrimSpace(records), "\n")
	kinds := map[string]int{}
	for _, l := range lines {
		for _, k := range []string{"actor", "document", "stance"} {
			if strings.HasPrefix(l, `{"record":"`+k+`"`) {
				kinds[k]++
			}
		}
		if strings.HasPrefix(l, `{"record":"stance"`) && !strings.Contains(l, `"start":`) {
			t.Errorf("stance record without start: %s", l)
		}
	}
	if kinds["actor"] != 4 || kinds["document"] != 1 || kinds["stance"] != 2 || len(lines) != 7 {
		t.Fatalf("records %v in:\n%s", kinds, records)
	}
	file := writeFile(t, "reviewed.jsonl", records)
	fromRecords, fromArticle := t.TempDir(), t.TempDir()
	mustGraphd(t, "load", "--data", fromRecords, file)
	mustGraphd(t, "load", "--data", fromArticle, article)
	if out := mustGraphd(t, "check", "--data", fromRecords); !strings.Contains(out, "2 stances, 4 actors, 1 documents") || !strings.Contains(out, "0 violations") {
		t.Fatalf("check after loading the records: %s", out)
	}
	a := mustGraphd(t, "export", "--data", fromRecords, "--format", "jsonl")
	b := mustGraphd(t, "export", "--data", fromArticle, "--format", "jsonl")
	if a != b {
		t.Fatalf("records stored\n%s\nthe article stored\n%s", a, b)
	}

	noStart := strings.ReplaceAll(records, `,"start":0`, "")
	if noStart == records {
		t.Fatal("the repeated quote has no start 0 to remove")
	}
	bad := writeFile(t, "nostart.jsonl", noStart)
	if out, err := graphd(t, "load", "--data", t.TempDir(), bad); err == nil || !strings.Contains(err.Error(), "start") {
		t.Fatalf("a repeated quote without start loaded: %v\n%s", err, out)
	}
}

// TestExtractDefaultFormat keeps the candidate lines other tools read.
func TestExtractDefaultFormat(t *testing.T) {
	article := writeFile(t, "a.txt", "Iran urged the Taliban to talk.\n")
	out := mustGraphd(t, "extract", article)
	if !strings.HasPrefix(out, `{"document":`) || strings.Contains(out, `"record"`) || !strings.Contains(out, `"subject_code"`) {
		t.Fatalf("extract without --records printed %s", out)
	}
}

// TestLoadURLArticleReportsStored loads an article through a running
// server and checks that the summary gives what the server stored, as its
// stats show, and nothing when the same article comes again.
func TestLoadURLArticleReportsStored(t *testing.T) {
	url, stop := serve(t, t.TempDir(), "--no-seed")
	defer stop()
	article := writeFile(t, "note.txt", "Date: 2024-05-02\n\n"+
		"Pakistan on Thursday accused India of violating the ceasefire along the border. Iran urged the Taliban to talk.\n")
	out := mustGraphd(t, "load", "--url", url, article)
	if !strings.Contains(out, "+4 actors, +1 documents, +2 stances") {
		t.Fatalf("first load through the server: %s", out)
	}
	stats := mustGraphd(t, "stats", "--url", url)
	for _, want := range []string{"actors     4\n", "documents  1\n", "stances    2\n"} {
		if !strings.Contains(stats, want) {
			t.Fatalf("server stats %s lack %s", stats, want)
		}
	}
	if out := mustGraphd(t, "load", "--url", url, article); !strings.Contains(out, "+0 actors, +0 documents, +0 stances") {
		t.Fatalf("second load through the server: %s", out)
	}
}

// TestExtractMentions prints the actors recognised, with the words and
// offsets of each mention and its sentence, in sentences written for this
// test; --records with --mentions is refused.
func TestExtractMentions(t *testing.T) {
	article := writeFile(t, "m.txt", "Date: 2022-10-05\n\nPyongyang fired a missile. Tokyo said the launch threatened Japan.\n")
	out := mustGraphd(t, "extract", "--mentions", article)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		`"actor":"North Korea","kind":"STATE","code":"PRK","ref":false,"text":"Pyongyang","start":0,"end":9,"sentence_start":0,"sentence_end":26}`,
		`"actor":"Japan","kind":"STATE","code":"JPN","ref":false,"text":"Tokyo","start":27,"end":32,"sentence_start":27,"sentence_end":66}`,
		`"actor":"Japan","kind":"STATE","code":"JPN","ref":false,"text":"Japan","start":60,"end":65,"sentence_start":27,"sentence_end":66}`,
	}
	if len(lines) != len(want) {
		t.Fatalf("extract --mentions printed %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasSuffix(lines[i], w) {
			t.Errorf("line %d = %s\nwant suffix %s", i, lines[i], w)
		}
	}
	if _, err := graphd(t, "extract", "--mentions", "--records", article); err == nil {
		t.Error("extract --mentions --records: no error")
	}
}
