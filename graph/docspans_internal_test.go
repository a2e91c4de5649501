package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// spanText is a document text with quotes of every kind leaveOut meets:
// long and short, next to each other, overlapping, with multi-byte runes.
const spanText = "Ankara said the pipeline deal is off — for now. Moscow called the decision a grave mistake by Ankara. Both sides agreed to keep talking."

// evidenceAt is the evidence quoting q at its first occurrence in text.
func evidenceAt(text, q string) Evidence {
	b := strings.Index(text, q)
	start := len([]rune(text[:b]))
	return Evidence{DocumentID: DocumentID(text), Quote: q, Start: start, End: start + len([]rune(q))}
}

// TestLeaveOut takes quotes out of a document one after the other and
// checks which are left out and that the text rebuilds whole from them.
func TestLeaveOut(t *testing.T) {
	tests := []struct {
		name  string
		quote string
		ev    func(Evidence) Evidence // damages the evidence, when set
		out   bool
	}{
		{name: "multi-byte runes", quote: "said the pipeline deal is off — for now", out: true},
		{name: "offsets that do not hold it", quote: "called the decision a grave mistake", ev: func(e Evidence) Evidence { e.Start, e.End = e.Start+1, e.End+1; return e }},
		{name: "offsets of another length", quote: "called the decision a grave mistake", ev: func(e Evidence) Evidence { e.End++; return e }},
		{name: "after a span", quote: "called the decision a grave mistake", out: true},
		{name: "right after a span", quote: " by Ankara. Both sides agreed", out: true},
		{name: "the same span again", quote: "called the decision a grave mistake"},
		{name: "overlapping a span", quote: "deal is off — for now. Moscow called"},
		{name: "shorter than a span costs", quote: "to keep talking"},
		{name: "overlapping the first span", quote: "Ankara said the pipeline"},
	}
	d := docRecord{Document: Document{ID: DocumentID(spanText), Text: spanText}}
	quotes := map[int]Evidence{}
	stance := [keys.IDLen]byte{1}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := evidenceAt(spanText, tt.quote)
			if tt.ev != nil {
				ev = tt.ev(ev)
			}
			before := len(d.spans)
			if got := d.leaveOut(ev, stance); got != tt.out {
				t.Fatalf("leaveOut = %v, want %v", got, tt.out)
			}
			if tt.out {
				quotes[i] = ev
			}
			if tt.out && (strings.Contains(d.Text, tt.quote) || len(d.spans) != before+1) {
				t.Errorf("stored text %q, %d spans, after %d quotes out", d.Text, len(d.spans), len(quotes))
			}
		})
	}
	r := &stanceRecord{Stance: Stance{ID: idString(stance[:])}}
	for i := range tests {
		if ev, ok := quotes[i]; ok {
			r.Evidence = append(r.Evidence, ev)
		}
	}
	get := func(k []byte) ([]byte, error) {
		if k[0] != keys.Stance {
			return nil, ErrNotFound
		}
		return heldValue(encodeRef(r), encodeOut(r)), nil
	}
	r.Subject, r.Object, r.Type = ActorID("a"), ActorID("b"), "SAYS"
	back, err := decodeDocRecord(mustID(d.ID), encodeDocRecord(&d))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := back.fullText(get); err != nil || got != spanText {
		t.Fatalf("rebuilt text = %q, %v; want %q", got, err, spanText)
	}
}

// dValues counts a store's D values by their first byte (the layout).
func dValues(t *testing.T, s *Store) map[byte]int {
	t.Helper()
	n := map[byte]int{}
	each(t, s, keys.Document, func(_, v []byte) { n[v[0]]++ })
	return n
}

// each calls fn with every entry under prefix.
func each(t *testing.T, s *Store, prefix byte, fn func(k, v []byte)) {
	t.Helper()
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefix}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			fn(it.Item().KeyCopy(nil), v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// longQuotes are the quotes of layoutBatch a document leaves out.
func longQuotes() []string {
	var out []string
	for _, st := range layoutBatch().Stances {
		for _, ev := range st.Evidence {
			if len(ev.Quote) >= minSpanBytes {
				out = append(out, ev.Quote)
			}
		}
	}
	return out
}

// TestDocumentStoredWithoutQuotes pins layout 3: a document's record
// lacks the quotes its stances hold, whichever path wrote it (a load
// through the writer, an import through its tables), and every read of
// it gives the text it was loaded with.
func TestDocumentStoredWithoutQuotes(t *testing.T) {
	ctx := context.Background()
	for _, how := range []string{"load", "import", "one stance at a time"} {
		t.Run(how, func(t *testing.T) {
			s, err := Open("", &Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := loadHow(ctx, s, how, layoutBatch()); err != nil {
				t.Fatal(err)
			}
			each(t, s, keys.Document, func(_, v []byte) {
				for _, q := range longQuotes() {
					if bytes.Contains(v, []byte(q)) || v[0] != docSpans {
						t.Errorf("document record %q holds quote %q", v, q)
					}
				}
			})
			want := layoutBatch().Documents[0].Text
			d, err := s.Document(ctx, DocumentID(want))
			if err != nil || d.Text != want {
				t.Fatalf("Document = %q, %v; want %q", d.Text, err, want)
			}
			mustCheckClean(t, s, how)
		})
	}
}

// loadHow loads b into s by Load, by an import, or one record at a time.
func loadHow(ctx context.Context, s *Store, how string, b Batch) error {
	switch how {
	case "load":
		_, err := s.Load(ctx, b)
		return err
	case "import":
		im, err := s.Import(ctx)
		if err != nil {
			return err
		}
		if _, err := im.Load(ctx, b); err != nil {
			return err
		}
		return im.Commit(ctx)
	}
	if _, err := s.Load(ctx, Batch{Actors: b.Actors, Documents: b.Documents}); err != nil {
		return err
	}
	for _, st := range b.Stances {
		if _, _, err := s.AddStance(ctx, st); err != nil {
			return err
		}
	}
	return nil
}

// TestDocumentSpansMigration opens a store of layout 2 (documents whole)
// after a migration that stopped half way: it reads the same in every
// state, a read-only open reads it as it is, and the next Open finishes.
func TestDocumentSpansMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := layoutBatch()
	b.Documents = append(b.Documents, Document{Text: "A second document, cited by nobody at all."})
	if _, err := s.Load(ctx, b); err != nil {
		t.Fatal(err)
	}
	want := answers(t, s)
	wholeDocuments(t, s, 2)
	longConfidences(t, s)
	if got := dValues(t, s); got[recordVersion] != 2 || storedLayout(t, s) != 2 {
		t.Fatalf("downgraded store: D values %v, layout %d", got, storedLayout(t, s))
	}
	if got := answers(t, s); got != want {
		t.Fatalf("layout 2 reads differently:\n got %s\nwant %s", got, want)
	}
	mustCheckClean(t, s, "layout 2")
	stop := errors.New("power cut")
	// The S values are in layout 2 already; two O values hold a
	// confidence in 8 bytes (0.73 and 0.5); the next batch converts a
	// document.
	m := &migration{db: s.db, batch: 1, afterBatch: func(n int) error {
		if n > 2 {
			return stop
		}
		return nil
	}}
	if err := s.settleLayout(nil, m); !errors.Is(err, stop) {
		t.Fatalf("interrupted migration: err = %v", err)
	}
	if got := dValues(t, s); !reflect.DeepEqual(got, map[byte]int{recordVersion: 1, docSpans: 1}) || storedLayout(t, s) != 2 {
		t.Fatalf("after one batch: D values %v, layout %d; want one of each, layout 2", got, storedLayout(t, s))
	}
	if got := answers(t, s); got != want {
		t.Fatalf("half-migrated store reads differently:\n got %s\nwant %s", got, want)
	}
	mustCheckClean(t, s, "half migrated")
	s.Close()
	ro, err := Open(dir, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := answers(t, ro); got != want || dValues(t, ro)[recordVersion] != 1 {
		t.Fatalf("read-only open: D values %v, answers\n got %s\nwant %s", dValues(t, ro), got, want)
	}
	ro.Close()
	s, err = Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := outConfidenceBytes(t, s); !reflect.DeepEqual(got, map[byte]int{flagSure: 3, flagTenThousandths: 2}) {
		t.Errorf("after reopening: O values by how they hold the confidence %v, want 3 sure and 2 in ten-thousandths", got)
	}
	if got := dValues(t, s); !reflect.DeepEqual(got, map[byte]int{docSpans: 2}) || storedLayout(t, s) != currentLayout {
		t.Fatalf("after reopening: D values %v, layout %d", got, storedLayout(t, s))
	}
	if got := answers(t, s); got != want {
		t.Fatalf("migrated store reads differently:\n got %s\nwant %s", got, want)
	}
	each(t, s, keys.Document, func(_, v []byte) {
		if bytes.Contains(v, []byte(longQuotes()[0])) {
			t.Errorf("migrated document record still holds %q", longQuotes()[0])
		}
	})
	mustCheckClean(t, s, "migrated")
}

// TestDocumentSpansSurviveRewrites changes the stances holding a
// document's quotes in every way a store can: retraction, an upsert, and
// an actor merge that folds a stance into another under the other's ID.
// The document reads the same after each, and Check finds nothing.
func TestDocumentSpansSurviveRewrites(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := layoutBatch()
	doc := DocumentID(b.Documents[0].Text)
	ref := []Reference{{Dataset: "wire", Record: "7"}}
	b.Actors = append(b.Actors, Actor{Name: "Tehran"})
	b.Stances[0].References = ref
	second := "Tehran said the strikes on its consulate broke every rule of war."
	b.Documents = append(b.Documents, Document{Text: second})
	b.Stances = append(b.Stances, StanceSpec{Subject: "Tehran", Type: "ACCUSES", Object: "Israel", References: ref,
		Evidence: []EvidenceSpec{{Document: DocumentID(second), Quote: "the strikes on its consulate broke every rule"}}})
	if _, err := s.Load(ctx, b); err != nil {
		t.Fatal(err)
	}
	want := marshal(t, documentAnswers(t, s))
	st, err := s.Stances(ctx, StanceQuery{Document: doc})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func() error
	}{
		{"retract", func() error { _, err := s.RetractStance(ctx, st.Stances[0].ID, "misread"); return err }},
		{"upsert", func() error {
			up := layoutBatch()
			up.Upsert, up.Stances = true, up.Stances[1:2]
			up.Stances[0].Confidence = 0.4
			_, err := s.Load(ctx, up)
			return err
		}},
		{"merge actors", func() error { _, err := s.MergeActors(ctx, "Iran", "Tehran"); return err }},
	}
	for _, step := range steps {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if got := marshal(t, documentAnswers(t, s)); got != want {
			t.Fatalf("after %s the document reads\n %s\nwant %s", step.name, got, want)
		}
		mustCheckClean(t, s, step.name)
	}
	n := 0
	each(t, s, keys.Stance, func(_, _ []byte) { n++ })
	if n != len(b.Stances)-1 {
		t.Fatalf("%d stances after the merge, want %d: the merge folded none", n, len(b.Stances)-1)
	}
}

// TestCheckReportsLostSpan damages a document record so that a span names
// a stance that does not hold it: Check names the document, and reading
// the document fails rather than answer a wrong text.
func TestCheckReportsLostSpan(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Load(ctx, layoutBatch()); err != nil {
		t.Fatal(err)
	}
	doc := DocumentID(layoutBatch().Documents[0].Text)
	k := keys.DocumentKey(mustID(doc))
	err = s.db.Update(func(txn *badger.Txn) error {
		v, err := getValue(txn, k)
		if err != nil {
			return err
		}
		d, err := decodeDocRecord(k[1:], v)
		if err != nil || len(d.spans) == 0 {
			t.Fatalf("record %q: %v, no spans", v, err)
		}
		d.spans[0].stance = [keys.IDLen]byte(mustID(ActorID("nobody")))
		return txn.Set(k, encodeDocRecord(&d))
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check(ctx)
	if err != nil || len(rep.Violations) != 1 || !strings.Contains(rep.Violations[0], doc) || !strings.Contains(rep.Violations[0], "not stored") {
		t.Fatalf("Check = %q, %v; want the document's lost span", rep.Violations, err)
	}
	if _, err := s.Document(ctx, doc); !errors.Is(err, errCorrupt) {
		t.Fatalf("Document = %v, want a corrupt record", err)
	}
}

// FuzzDocRecord feeds arbitrary values to the document decoder: a damaged
// record gives an error, never a panic, and one that decodes re-encodes
// to one that decodes the same, and rebuilds (or fails to) without a panic.
func FuzzDocRecord(f *testing.F) {
	d := docRecord{Document: Document{ID: DocumentID(spanText), Text: spanText, Title: "t", Date: NewDate(2024, 1, 2)}}
	d.leaveOut(evidenceAt(spanText, "called the decision a grave mistake"), [keys.IDLen]byte{2})
	f.Add(encodeDocRecord(&d))
	f.Add(encodeDocument(&d.Document))
	f.Add([]byte{docSpans, 0, 0, 0, 0, 0, 0, 0, 1, 'x', 1, 0, 1, 0})
	id := mustID(d.ID)
	f.Fuzz(func(t *testing.T, v []byte) {
		r, err := decodeDocRecord(id, v)
		if err != nil {
			return
		}
		if again, err := decodeDocRecord(id, encodeDocRecord(&r)); err != nil || !reflect.DeepEqual(again, r) {
			t.Fatalf("%x re-encoded decodes as %+v, %v; want %+v", v, again, err, r)
		}
		get := func([]byte) ([]byte, error) { return nil, ErrNotFound }
		if _, err := r.fullText(get); len(r.spans) > 0 && !errors.Is(err, errSpanLost) {
			t.Fatalf("fullText with no stances = %v, want a lost span", err)
		}
	})
}

// BenchmarkDocumentRead reads documents by ID as the bench's are: four
// sentences, each quoted by one stance. Whole is the record of layout 2,
// spans that of layout 3, whose read puts the four quotes back (a point
// read of each stance's S entry and one of its O entry).
func BenchmarkDocumentRead(b *testing.B) {
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const docs = 2000
	batch := Batch{Actors: []Actor{{Name: "Ankara"}, {Name: "Moscow"}}}
	ids := make([]string, docs)
	for i := range docs {
		var sentences []string
		for j := range 4 {
			sentences = append(sentences, fmt.Sprintf("Ankara accused Moscow of breaking the pipeline deal, report %d, paragraph %d, said the ministry.", i, j))
		}
		text := strings.Join(sentences, " ")
		ids[i] = DocumentID(text)
		batch.Documents = append(batch.Documents, Document{Text: text, Title: fmt.Sprintf("Wire report %d", i)})
		for _, q := range sentences {
			batch.Stances = append(batch.Stances, StanceSpec{Subject: "Ankara", Type: "ACCUSES", Object: "Moscow",
				Evidence: []EvidenceSpec{{Document: ids[i], Quote: q}}})
		}
	}
	if _, err := s.Load(ctx, batch); err != nil {
		b.Fatal(err)
	}
	read := func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := s.Document(ctx, ids[i%docs]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("spans", read)
	wholeDocuments(b, s, 2)
	b.Run("whole", read)
}

// longConfidences rewrites every O value as layout 2 wrote it, its
// confidence in 8 bytes unless it is 1.
func longConfidences(t *testing.T, s *Store) {
	t.Helper()
	var outs [][2][]byte
	each(t, s, keys.Out, func(k, v []byte) {
		r, err := stanceFrom(k, v, nil)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, [2][]byte{k, encodeOutWith(r, false)})
	})
	err := s.db.Update(func(txn *badger.Txn) error {
		for _, kv := range outs {
			if err := txn.Set(kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// outConfidenceBytes counts a store's O values by the flag saying how
// each holds its confidence (0: in 8 bytes).
func outConfidenceBytes(t *testing.T, s *Store) map[byte]int {
	t.Helper()
	n := map[byte]int{}
	each(t, s, keys.Out, func(_, v []byte) { n[v[1]&(flagSure|flagTenThousandths)]++ })
	return n
}

// benchConfidence is a confidence as the bench draws it, computed at run
// time: 0.5 + k/100, not always the float nearest to its decimal.
func benchConfidence(k int) float64 { return 0.5 + float64(k)/100 }

// TestConfidenceBytes pins how an O value holds a confidence: not at all
// when it is 1, in 2 bytes when it is a whole number of ten-thousandths,
// else in 8; each decodes to the confidence written.
func TestConfidenceBytes(t *testing.T) {
	base := &stanceRecord{Stance: Stance{ID: ActorID("s"), Subject: ActorID("a"), Type: "ACCUSES", Object: ActorID("b"), Confidence: 1}}
	sure := len(encodeOut(base))
	tests := []struct {
		conf  float64
		extra int
	}{
		{1, 0},
		{0.73, 2},
		{0.0001, 2},
		{0.7325, 2},
		{benchConfidence(7), 8}, // 0.5700000000000001
		{0.12345, 8},
		{0.00001, 8},
	}
	for _, tt := range tests {
		r := *base
		r.Confidence = tt.conf
		v := encodeOut(&r)
		if len(v)-sure != tt.extra {
			t.Errorf("confidence %v takes %d bytes, want %d", tt.conf, len(v)-sure, tt.extra)
		}
		got, err := decodeOut(v, mustID(r.ID), mustID(r.Subject), r.Type, mustID(r.Object))
		if err != nil || got.Confidence != tt.conf {
			t.Errorf("confidence %v decodes as %v, %v", tt.conf, got.Confidence, err)
		}
	}
}
