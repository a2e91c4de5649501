package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestStanceChecksReportTheFirstError checks that a batch large enough to
// be checked in parts, side by side, is rejected for its first bad stance
// in batch order, with that stance's index in the batch, whichever part
// finds its error first, through Load and through an import.
func TestStanceChecksReportTheFirstError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // four parts
	n := 4 * parallelCheckMin
	tests := []struct {
		name string
		bad  []int // stances naming an unknown actor
		want int   // the index reported; -1 for none
	}{
		{"none bad", nil, -1},
		{"one in the first part", []int{17}, 17},
		{"one in the last part", []int{n - 3}, n - 3},
		{"the first part's last and the next part's first", []int{n/4 - 1, n / 4}, n/4 - 1},
		{"late in an early part, early in a later one", []int{3*n/4 + 1, n/2 - 2}, n/2 - 2},
	}
	for _, tc := range tests {
		b := Batch{Actors: []Actor{{Name: "Alpha", Kind: KindState}, {Name: "Beta", Kind: KindState}}}
		for i := range n {
			b.Stances = append(b.Stances, StanceSpec{Subject: "Alpha", Type: "SUPPORTS", Object: "Beta", Topic: fmt.Sprint("topic ", i)})
		}
		for _, i := range tc.bad {
			b.Stances[i].Object = "Nobody"
		}
		for _, path := range []string{"load", "import"} {
			t.Run(tc.name+"/"+path, func(t *testing.T) {
				wantRecordError(t, loadVia(t, path, b), ErrNotFound, "stance", tc.want)
			})
		}
	}
}

// TestDocumentChecksReportTheFirstError checks that a batch with enough
// documents to be checked in parts is rejected for its first bad
// document in batch order, and that a bad actor record, checked at the
// same time, is still the error reported before any document's.
func TestDocumentChecksReportTheFirstError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // four parts
	n := 4 * parallelDocumentsMin
	tests := []struct {
		name      string
		bad       []int // documents with an empty text
		badActor  bool  // the second actor record has no name
		wantRec   string
		wantIndex int // -1 for none
	}{
		{"none bad", nil, false, "", -1},
		{"one in the last part", []int{n - 2}, false, "document", n - 2},
		{"the first part's last and the next part's first", []int{n/4 - 1, n / 4}, false, "document", n/4 - 1},
		{"late in an early part, early in a later one", []int{3*n/4 + 1, n/2 - 2}, false, "document", n/2 - 2},
		{"a bad actor and a bad document", []int{5}, true, "actor", 1},
	}
	for _, tc := range tests {
		b := Batch{Actors: []Actor{{Name: "Alpha"}, {Name: "Beta"}}}
		for i := range n {
			b.Documents = append(b.Documents, Document{Text: fmt.Sprint("Document ", i, " says Alpha supports Beta.")})
		}
		for _, i := range tc.bad {
			b.Documents[i].Text = " "
		}
		if tc.badActor {
			b.Actors[1].Name = ""
		}
		for _, path := range []string{"load", "import"} {
			t.Run(tc.name+"/"+path, func(t *testing.T) {
				wantRecordError(t, loadVia(t, path, b), ErrInvalidInput, tc.wantRec, tc.wantIndex)
			})
		}
	}
}

// wantRecordError fails t unless err is a RecordError for record index
// of kind rec that wraps target; index -1 wants no error.
func wantRecordError(t *testing.T, err, target error, rec string, index int) {
	t.Helper()
	var re *RecordError
	switch {
	case index < 0 && err != nil:
		t.Fatalf("rejected: %v", err)
	case index < 0:
	case !errors.As(err, &re) || !errors.Is(err, target):
		t.Fatalf("error %v, want a RecordError wrapping %v", err, target)
	case re.Record != rec || re.Index != index:
		t.Fatalf("rejected %s %d, want %s %d", re.Record, re.Index, rec, index)
	}
}

// loadVia loads b into a fresh in-memory store through Load or an import.
func loadVia(t *testing.T, path string, b Batch) error {
	t.Helper()
	ctx := context.Background()
	if path == "load" {
		s, err := Open("", &Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		_, err = s.Load(ctx, b)
		return err
	}
	_, im := openImport(t, "", &Options{InMemory: true})
	_, err := im.Load(ctx, b)
	return err
}

// openImport opens a store in dir with o and starts an import into it;
// both end with the test.
func openImport(t *testing.T, dir string, o *Options) (*Store, *Importer) {
	t.Helper()
	s, err := Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	im, err := s.Import(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { im.Abort() })
	return s, im
}

// TestImportChecksReadEarlierBatchesSideBySide has a batch checked in
// parts cite a document of an earlier batch of the import: each part
// reads it from the import's sorter at once (run under -race).
func TestImportChecksReadEarlierBatchesSideBySide(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	ctx := context.Background()
	_, im := openImport(t, t.TempDir(), &Options{ImportBufferSize: 64 << 10}) // spills: reads go to runs too
	n := parallelCheckMin
	var text strings.Builder
	for i := range n {
		fmt.Fprintf(&text, "Alpha backs Beta on point %d. ", i)
	}
	doc := Document{Title: "earlier", Text: text.String()}
	first := Batch{Actors: []Actor{{Name: "Alpha", Kind: KindState}, {Name: "Beta", Kind: KindState}}, Documents: []Document{doc}}
	if _, err := im.Load(ctx, first); err != nil {
		t.Fatal(err)
	}
	var next Batch
	for i := range n {
		next.Stances = append(next.Stances, StanceSpec{Subject: "Alpha", Type: "SUPPORTS", Object: "Beta",
			Evidence: []EvidenceSpec{{Document: DocumentID(doc.Text), Quote: fmt.Sprintf("Alpha backs Beta on point %d.", i)}}})
	}
	res, err := im.Load(ctx, next)
	if err != nil || res.Stances != len(next.Stances) {
		t.Fatalf("import of stances citing an earlier batch's document: %+v, %v", res, err)
	}
	if err := im.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}
