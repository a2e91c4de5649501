package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadEventFiles: load tells event files by content, whatever their
// name, stores their events as stances, and refuses files no reader
// takes instead of storing them as articles.
func TestLoadEventFiles(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "store")
	// A GDELT export under a name that says nothing of its format.
	gdelt, err := os.ReadFile("../../events/testdata/gdelt2-20150218230000.export.CSV")
	if err != nil {
		t.Fatal(err)
	}
	renamed := filepath.Join(dir, "download.txt")
	if err := os.WriteFile(renamed, gdelt, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := graphd(t, "load", "--data", data, renamed, "../../events/testdata/icews-events.2018.sample.tab")
	if err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	for _, want := range []string{"gdelt: 300 rows read, 36 stances made, 36 stored", "229 rows with one actor", "icews: 300 rows read, 166 stances made, 166 stored"} {
		if !strings.Contains(out, want) {
			t.Errorf("load output lacks %q:\n%s", want, out)
		}
	}
	out, err = graphd(t, "load", "--data", data, renamed)
	if err != nil || !strings.Contains(out, "36 stances made, 0 stored") {
		t.Errorf("second load: %v\n%s", err, out)
	}
	graphml := filepath.Join(dir, "g.graphml")
	os.WriteFile(graphml, []byte(`<?xml version="1.0"?>`+"\n<graphml>\n</graphml>\n"), 0o644)
	csv := filepath.Join(dir, "export.csv")
	os.WriteFile(csv, []byte("id,subject,type,object\n1,A,DEMANDS,B\n"), 0o644)
	for file, want := range map[string]string{graphml: "GraphML", csv: "CSV with 4 columns"} {
		out, err := graphd(t, "load", "--data", data, file)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "--format") {
			t.Errorf("load %s: %v\n%s; want a refusal naming %s", file, err, out, want)
		}
	}
	// --format forces a reader: GDELT rows read as ICEWS lack its header.
	if _, err := graphd(t, "load", "--data", data, "--format", "icews", renamed); err == nil || !strings.Contains(err.Error(), "ICEWS header") {
		t.Errorf("--format icews on a GDELT file: %v", err)
	}
	mustGraphd(t, "check", "--data", data)
}

// TestLoadEventsThroughURL: event files load through a running server as
// into a local store: the same counts, the same graph (the seed's
// Taliban found by its code on the server), and nothing twice.
func TestLoadEventsThroughURL(t *testing.T) {
	files := []string{"../../events/testdata/gdelt2-20150218230000.export.CSV", "../../events/testdata/icews-events.2018.sample.tab", "../../events/testdata/plover-gsr.jsonl"}
	local := filepath.Join(t.TempDir(), "local")
	mustGraphd(t, "seed", "--data", local)
	want := mustGraphd(t, append([]string{"load", "--data", local}, files...)...)

	served := filepath.Join(t.TempDir(), "served")
	url, stop := serve(t, served)
	out := mustGraphd(t, append([]string{"load", "--url", url}, files...)...)
	for _, line := range []string{"gdelt: 300 rows read, 36 stances made, 36 stored", "icews: 300 rows read, 166 stances made, 166 stored", "plover: 60 rows read, 52 stances made, 52 stored"} {
		if !strings.Contains(out, line) || !strings.Contains(want, line) {
			t.Errorf("load --url and load --data should both say %q:\n%s\n%s", line, out, want)
		}
	}
	if out := mustGraphd(t, "load", "--url", url, files[0]); !strings.Contains(out, "36 stances made, 0 stored") {
		t.Errorf("the same file again through the server:\n%s", out)
	}
	stop()
	if got, want := mustGraphd(t, "export", "--data", served, "--format", "jsonl"), mustGraphd(t, "export", "--data", local, "--format", "jsonl"); got != want {
		t.Errorf("loading through the server stored another graph than loading locally")
	}
}

// TestLoadEventsImportIntoEmptyStore: event files loaded into an empty
// store go through the import, and build the graph that loading them one
// by one builds, with the same per-file summaries.
func TestLoadEventsImportIntoEmptyStore(t *testing.T) {
	files := []string{"../../events/testdata/gdelt2-20150218230000.export.CSV", "../../events/testdata/icews-events.2018.sample.tab", "../../events/testdata/plover-gsr.jsonl", "../../events/testdata/gdelt1-events.tsv"}
	imported, loaded := filepath.Join(t.TempDir(), "imported"), filepath.Join(t.TempDir(), "loaded")
	out := mustGraphd(t, append([]string{"load", "--data", imported}, files...)...)
	want := mustGraphd(t, append([]string{"load", "--data", loaded, "--import=false"}, files...)...)
	for _, line := range []string{"gdelt: 300 rows read, 36 stances made, 36 stored", "icews: 300 rows read, 166 stances made, 166 stored", "plover: 60 rows read, 52 stances made, 52 stored", "+36 stances (imported)", "stances written in"} {
		if !strings.Contains(out, line) {
			t.Errorf("import output lacks %q:\n%s", line, out)
		}
	}
	if strings.Contains(want, "(imported)") {
		t.Errorf("--import=false imported:\n%s", want)
	}
	if got, want := mustGraphd(t, "export", "--data", imported, "--format", "jsonl"), mustGraphd(t, "export", "--data", loaded, "--format", "jsonl"); got != want {
		t.Errorf("the import stored another graph than loading file by file")
	}
	mustGraphd(t, "check", "--data", imported)
	if out := mustGraphd(t, "load", "--data", imported, files[0]); !strings.Contains(out, "36 stances made, 0 stored") {
		t.Errorf("the same file after the import:\n%s", out)
	}
}
