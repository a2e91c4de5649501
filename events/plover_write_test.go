package events_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/graph"
)

// writePLOVER exports s as PLOVER JSON Lines into a file and returns its
// path and its lines, sorted (records follow stance IDs, which differ
// between a store and the one it is loaded into).
func writePLOVER(t *testing.T, s *graph.Store) (string, []string) {
	t.Helper()
	var b bytes.Buffer
	if err := events.WritePLOVER(ctx, s, &b); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "export.jsonl")
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	slices.Sort(lines)
	return name, lines
}

// TestPLOVERExportLoadsBack: every live stance becomes a PLOVER record
// that the PLOVER reader, told by content, loads back into the same
// stance, so a second export holds the same records; loading the export
// again adds nothing.
func TestPLOVERExportLoadsBack(t *testing.T) {
	src := memStore(t)
	loadFile(t, src, "testdata/gdelt2-20150218230000.export.CSV", events.Options{})
	loadFile(t, src, "testdata/plover-gsr.jsonl", events.Options{})
	st, err := src.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	name, first := writePLOVER(t, src)
	if len(first) != st.Stances {
		t.Fatalf("%d records for %d stances", len(first), st.Stances)
	}
	back := memStore(t)
	sum, res := loadFile(t, back, name, events.Options{})
	if sum.Rows != st.Stances || res.Stances != st.Stances || len(sum.Skipped) != 0 {
		t.Fatalf("loading the export: %+v, %+v; want %d stances and none skipped", sum, res, st.Stances)
	}
	if _, again := writePLOVER(t, back); !slices.Equal(again, first) {
		t.Errorf("exporting the loaded export gave other records:\n%s\nwant\n%s", strings.Join(again[:3], "\n"), strings.Join(first[:3], "\n"))
	}
	if _, res := loadFile(t, back, name, events.Options{}); res.Stances != 0 {
		t.Errorf("loading the export twice stored %d stances more", res.Stances)
	}
}

func TestPLOVERExportNeedsPLOVERTypes(t *testing.T) {
	v, err := graph.NewVocabulary([]graph.TypeInfo{{Type: "WARNS", Description: "warns the object", Weight: -3}})
	if err != nil {
		t.Fatal(err)
	}
	s, err := graph.Open("", &graph.Options{InMemory: true, Vocabulary: v})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Load(ctx, graph.Batch{Actors: []graph.Actor{{Name: "A"}, {Name: "B"}}, Stances: []graph.StanceSpec{{Subject: "A", Type: "WARNS", Object: "B"}}}); err != nil {
		t.Fatal(err)
	}
	if err := events.WritePLOVER(ctx, s, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "WARNS has no PLOVER type") {
		t.Errorf("export of a type without PLOVER type: %v", err)
	}
}
