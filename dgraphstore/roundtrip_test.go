package dgraphstore_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/stance"
)

// TestRoundTrip moves a graph embedded -> Dgraph -> embedded through
// graphd's JSON Lines export and loader: each step's export must be
// byte-identical to the first, retracted stances, references and event
// measures included. Every other export format must also be identical
// whichever store it is written from (a zip archive's files, not its
// time-stamped headers).
func TestRoundTrip(t *testing.T) {
	c := shared(t)
	ctx := context.Background()
	first := openEmbedded(t)
	b, _ := generated(24, 300)
	if _, err := first.Load(ctx, b); err != nil {
		t.Fatal(err)
	}
	p, err := first.Stances(ctx, stance.StanceQuery{First: 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range p.Stances {
		if _, err := first.RetractStance(ctx, st.ID, "round trip"); err != nil {
			t.Fatal(err)
		}
	}
	want := exportOf(t, first, "jsonl")
	for _, part := range []string{"GDELT", "round trip", `"quote"`} {
		if !bytes.Contains(want, []byte(part)) {
			t.Fatalf("the export lacks %s: the round trip would not cover it", part)
		}
	}
	dg := openEmpty(t, c)
	if _, err := jsonl.Load(ctx, dg, bytes.NewReader(want), "first.jsonl", nil); err != nil {
		t.Fatal(err)
	}
	if got := exportOf(t, dg, "jsonl"); !bytes.Equal(got, want) {
		t.Errorf("embedded -> Dgraph: the exports differ: %s", firstDiff(got, want))
	}
	last := openEmbedded(t)
	if _, err := jsonl.Load(ctx, last, bytes.NewReader(exportOf(t, dg, "jsonl")), "dgraph.jsonl", nil); err != nil {
		t.Fatal(err)
	}
	if got := exportOf(t, last, "jsonl"); !bytes.Equal(got, want) {
		t.Errorf("Dgraph -> embedded: the exports differ: %s", firstDiff(got, want))
	}
	for _, f := range export.Formats() {
		if got, want := unzipped(t, exportOf(t, dg, f)), unzipped(t, exportOf(t, first, f)); !bytes.Equal(got, want) {
			t.Errorf("export %s differs between the stores: %s", f, firstDiff(got, want))
		}
	}
}

func openEmbedded(t *testing.T) *graph.Store {
	t.Helper()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func exportOf(t *testing.T, s stance.Reader, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(context.Background(), s, &buf, format); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return buf.Bytes()
}

// firstDiff names the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := range max(len(g), len(w)) {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return fmt.Sprintf("line %d (of %d and %d):\n got %s\nwant %s", i+1, len(g), len(w), gl, wl)
		}
	}
	return "no line differs"
}

// unzipped returns a zip archive's files, names and contents, without its
// headers, whose modification times differ from one export to the next;
// other exports come back unchanged.
func unzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("PK")) {
		return b
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "== %s\n", f.Name)
		if _, err := io.Copy(&out, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	return out.Bytes()
}
