package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/graph"
)

// importSample imports files into a fresh on-disk store with opts and
// returns the store's JSON Lines export, and the import's error.
func importSample(t *testing.T, opts importOptions, files ...string) (string, error) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	st, err := graph.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &log, stderr: &log}
	kinds := make([]string, len(files))
	for i, f := range files {
		if kinds[i], err = detectFormat(f, "auto"); err != nil {
			t.Fatal(err)
		}
	}
	ierr := importFiles(context.Background(), e, st, files, kinds, opts)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return mustGraphd(t, "export", "--data", dir, "--format", "jsonl"), ierr
}

// TestImportEventsInChunks: an event file imported in many small batches,
// each naming actors that earlier batches and files added (found through
// the importer by code and by name), gives the graph of one batch a file.
func TestImportEventsInChunks(t *testing.T) {
	files := []string{"../../events/testdata/gdelt2-20150218230000.export.CSV", "../../events/testdata/gdelt1-events.tsv", "../../events/testdata/icews-events.2018.sample.tab"}
	whole, err := importSample(t, importOptions{}, files...)
	if err != nil {
		t.Fatal(err)
	}
	for _, chunk := range []int{1, 7, 50} {
		got, err := importSample(t, importOptions{chunk: chunk}, files...)
		if err != nil {
			t.Fatal(err)
		}
		if got != whole {
			t.Errorf("chunks of %d stances stored another graph than whole files", chunk)
		}
	}
}

// TestImportEventsBadRow: a malformed row stops the import. When the file
// is one batch, the files before it are committed and nothing of it; when
// batches of it were imported already, which an import cannot take back,
// the whole import is abandoned and the store left empty.
func TestImportEventsBadRow(t *testing.T) {
	good := "../../events/testdata/icews-events.2018.sample.tab"
	rows, err := os.ReadFile("../../events/testdata/gdelt2-20150218230000.export.CSV")
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.CSV")
	if err := os.WriteFile(bad, append(rows, "410999999\t2014021\tnot a row\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		chunk     int
		wantErr   string
		wantEmpty bool
	}{
		{0, "line 301", false},
		{importChunk, "nothing of it is stored", false},
		{5, "the whole import is abandoned", true},
	} {
		out, err := importSample(t, importOptions{chunk: tc.chunk}, good, bad)
		if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "line 301") {
			t.Errorf("chunk %d: error %v, want one naming line 301 and %q", tc.chunk, err, tc.wantErr)
		}
		if empty := !strings.Contains(out, `"stance"`); empty != tc.wantEmpty {
			t.Errorf("chunk %d: store empty %v, want %v:\n%.300s", tc.chunk, empty, tc.wantEmpty, out)
		}
	}
	// With --skip-bad the row is counted and the rest imported as if it
	// were not there.
	skipped, err := importSample(t, importOptions{chunk: 5, events: events.Options{SkipBad: true}}, good, bad)
	if err != nil {
		t.Fatal(err)
	}
	clean, err := importSample(t, importOptions{chunk: 5}, good, "../../events/testdata/gdelt2-20150218230000.export.CSV")
	if err != nil {
		t.Fatal(err)
	}
	if skipped != clean {
		t.Errorf("--skip-bad stored another graph than the file without its bad row")
	}
}
