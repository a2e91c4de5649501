package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// layoutBatch is a small graph exercising every field a stance value
// holds: evidence, references, event measures, a retraction, a date of
// its own, confidence 1 and below.
func layoutBatch() Batch {
	text := "Iran warned Israel — again — over the strikes on its consulate. Israel rejected the talks offered in Oman. Russia offered help to Iran against the sanctions."
	doc := DocumentID(text)
	return Batch{
		Actors:    []Actor{{Name: "Iran"}, {Name: "Israel"}, {Name: "Russia"}},
		Documents: []Document{{Text: text, Date: NewDate(2024, 3, 1)}},
		Stances: []StanceSpec{
			{Subject: "Iran", Type: "ACCUSES", Object: "Israel", Date: NewDate(2024, 4, 1), Topic: "strikes",
				Evidence: []EvidenceSpec{{Document: doc, Quote: "warned Israel — again — over the strikes"}}},
			{Subject: "Israel", Type: "REJECTS", Object: "Iran", Confidence: 0.73,
				Evidence: []EvidenceSpec{{Document: doc, Quote: "rejected the talks offered in Oman"}, {Document: doc, Quote: "Israel rejected"}}},
			{Subject: "Russia", Type: "OFFERS", Object: "Iran", Date: NewDate(2024, 5, 2), Retracted: true, RetractReason: "misread",
				Evidence: []EvidenceSpec{{Document: doc, Quote: "offered help to Iran against the sanctions"}}},
			{Subject: "Russia", Type: "SUPPORTS", Object: "Israel", Date: NewDate(2024, 6, 3),
				References: []Reference{{Dataset: "gdelt", Record: "42", URL: "https://example.org/a"}},
				Event:      &Measures{EventCode: "051", QuadClass: 1, Goldstein: 3.4, HasGoldstein: true, Mentions: 5}},
			{Subject: "Iran", Type: "DEMANDS", Object: "Russia", Topic: "bare assertion", Date: NewDate(2024, 7, 4), Confidence: 0.5},
		},
	}
}

// answers is what a store says about its stances, through every read that
// meets a stance entry: by ID, all of them, each actor's pages both ways
// and toward one object, by date and by document, and paths.
func answers(t *testing.T, s *Store) string {
	t.Helper()
	ctx := context.Background()
	var out []any
	var all []Stance
	if err := s.ForEachStance(ctx, &EachOptions{IncludeRetracted: true}, func(st Stance) error {
		all = append(all, st)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	out = append(out, all)
	for _, st := range all {
		got, err := s.Stance(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, got)
	}
	for _, a := range []string{"Iran", "Israel", "Russia"} {
		for _, d := range []Direction{Out, In, Both} {
			pg, err := s.ActorStances(ctx, a, AdjacencyQuery{Direction: d})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, pg)
		}
		pg, err := s.Stances(ctx, StanceQuery{Object: a, IncludeRetracted: true})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, pg)
	}
	doc := layoutBatch().Documents[0]
	for _, q := range []StanceQuery{
		{From: NewDate(2024, 1, 1), IncludeRetracted: true},
		{Document: DocumentID(doc.Text), IncludeRetracted: true},
		{IncludeRetracted: true},
	} {
		pg, err := s.Stances(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, pg)
	}
	ps, err := s.Paths(ctx, PathQuery{From: "Israel", To: "Russia"})
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, ps)
	return marshal(t, append(out, documentAnswers(t, s)...))
}

// documentAnswers is what a store says about its documents, through
// every read of one: by ID, a page, all of them.
func documentAnswers(t *testing.T, s *Store) []any {
	t.Helper()
	ctx := context.Background()
	id := DocumentID(layoutBatch().Documents[0].Text)
	d, err := s.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := s.Documents(ctx, PageQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var all []Document
	if err := s.ForEachDocument(ctx, func(d Document) error { all = append(all, d); return nil }); err != nil {
		t.Fatal(err)
	}
	return []any{d, pg, all}
}

// marshal is v as JSON.
func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sValues counts a store's S values by their first byte (the layout).
func sValues(t *testing.T, s *Store) map[byte]int {
	t.Helper()
	n := map[byte]int{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{keys.Stance}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			err := it.Item().Value(func(v []byte) error { n[v[0]]++; return nil })
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// downgrade rewrites a store as the code before layout 2 wrote it: every
// stance record whole in its S, O and I entries, and no layout record.
func downgrade(t *testing.T, s *Store) {
	t.Helper()
	var recs []*stanceRecord
	if err := s.view(context.Background(), func(txn *badger.Txn) error {
		sc := scan{txn: txn, prefixes: [][]byte{{keys.Stance}}}
		return sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
			r, err := itemStance(txn, k, item)
			recs = append(recs, r)
			return err == nil, err
		})
	}); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		for _, r := range recs {
			id, subj, obj := mustID(r.ID), mustID(r.Subject), mustID(r.Object)
			v := encodeLayout1(r)
			for _, k := range [][]byte{keys.StanceKey(id), keys.Adjacency(keys.Out, subj, r.Type, obj, id), keys.Adjacency(keys.In, obj, r.Type, subj, id)} {
				if err := txn.Set(k, v); err != nil {
					return err
				}
			}
		}
		return txn.Delete(layoutKey)
	})
	if err != nil {
		t.Fatal(err)
	}
	wholeDocuments(t, s, 1)
}

// wholeDocuments rewrites every document as layouts 1 and 2 stored it,
// its text whole, and records layout when it is 2.
func wholeDocuments(t testing.TB, s *Store, layout byte) {
	t.Helper()
	var docs []Document
	if err := s.ForEachDocument(context.Background(), func(d Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		for _, d := range docs {
			if err := txn.Set(keys.DocumentKey(mustID(d.ID)), encodeDocument(&d)); err != nil {
				return err
			}
		}
		if layout == 1 {
			return nil
		}
		return txn.Set(layoutKey, []byte{layout})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func storedLayout(t *testing.T, s *Store) int {
	t.Helper()
	var l int
	if err := s.db.View(func(txn *badger.Txn) (err error) { l, err = readLayout(txn); return err }); err != nil {
		t.Fatal(err)
	}
	return l
}

func mustCheckClean(t *testing.T, s *Store, when string) {
	t.Helper()
	rep, err := s.Check(context.Background())
	if err != nil || len(rep.Violations) > 0 {
		t.Fatalf("%s: Check = %v, %v", when, rep.Violations, err)
	}
}

// TestStanceStoredOnce pins layout 2: the record in the O entry, a
// reference in S, the header alone in I, whichever path wrote them (a
// load through the writer, an import through its tables).
func TestStanceStoredOnce(t *testing.T) {
	ctx := context.Background()
	for _, how := range []string{"load", "import"} {
		t.Run(how, func(t *testing.T) {
			s, err := Open("", &Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if how == "load" {
				_, err = s.Load(ctx, layoutBatch())
			} else {
				var im *Importer
				if im, err = s.Import(ctx); err == nil {
					if _, err = im.Load(ctx, layoutBatch()); err == nil {
						err = im.Commit(ctx)
					}
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := sValues(t, s); !reflect.DeepEqual(got, map[byte]int{stanceRef: 5}) {
				t.Errorf("S values by version = %v, want 5 references", got)
			}
			err = s.db.View(func(txn *badger.Txn) error {
				for _, fam := range []struct {
					prefix  byte
					version byte
					maxLen  int
				}{{keys.In, stanceIn, stanceHeaderLen}, {keys.Out, stanceOut, 1 << 10}} {
					it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{fam.prefix}})
					for it.Rewind(); it.Valid(); it.Next() {
						v, _ := it.Item().ValueCopy(nil)
						if v[0] != fam.version || len(v) > fam.maxLen || bytes.Contains(v, it.Item().Key()[1:1+keys.IDLen]) {
							t.Errorf("%c value %x: want version %d, at most %d bytes, no actor ID", fam.prefix, v, fam.version, fam.maxLen)
						}
					}
					it.Close()
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if storedLayout(t, s) != currentLayout {
				t.Errorf("layout = %d, want %d", storedLayout(t, s), currentLayout)
			}
			mustCheckClean(t, s, how)
		})
	}
}

// TestLayoutMigration opens a store written in layout 1 (by the old
// codec path) after a migration that stopped half way: the store reads
// the same in every state, read-only opens read it as it is, and the next
// Open finishes the migration.
func TestLayoutMigration(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, layoutBatch()); err != nil {
		t.Fatal(err)
	}
	want := answers(t, s)
	downgrade(t, s)
	if got := sValues(t, s); got[recordVersion] != 5 || storedLayout(t, s) != 1 {
		t.Fatalf("downgraded store: S values %v, layout %d", got, storedLayout(t, s))
	}
	if got := answers(t, s); got != want {
		t.Fatalf("layout 1 reads differently:\n got %s\nwant %s", got, want)
	}
	mustCheckClean(t, s, "layout 1")

	stop := errors.New("power cut")
	m := &migration{db: s.db, batch: 2, afterBatch: func(int) error { return stop }}
	if err := s.settleLayout(nil, m); !errors.Is(err, stop) || !strings.Contains(err.Error(), "opening it again carries on") {
		t.Fatalf("interrupted migration: err = %v", err)
	}
	if got := sValues(t, s); got[recordVersion] != 3 || got[stanceRef] != 2 || storedLayout(t, s) != 1 {
		t.Fatalf("after one batch: S values %v, layout %d; want 2 converted, 3 whole, layout 1", got, storedLayout(t, s))
	}
	if got := answers(t, s); got != want {
		t.Fatalf("half-migrated store reads differently:\n got %s\nwant %s", got, want)
	}
	mustCheckClean(t, s, "half migrated")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	ro, err := Open(dir, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := answers(t, ro); got != want {
		t.Fatalf("read-only half-migrated store reads differently:\n got %s\nwant %s", got, want)
	}
	if got := sValues(t, ro); got[recordVersion] != 3 {
		t.Errorf("a read-only open changed the store: S values %v", got)
	}
	ro.Close()

	s, err = Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := sValues(t, s); !reflect.DeepEqual(got, map[byte]int{stanceRef: 5}) || storedLayout(t, s) != currentLayout {
		t.Fatalf("after reopening: S values %v, layout %d", got, storedLayout(t, s))
	}
	if got := answers(t, s); got != want {
		t.Fatalf("migrated store reads differently:\n got %s\nwant %s", got, want)
	}
	mustCheckClean(t, s, "migrated")
}

// TestRestoreMigratesOldBackup restores a backup of a layout-1 store: the
// restored store is migrated and answers as the original did.
func TestRestoreMigratesOldBackup(t *testing.T) {
	ctx := context.Background()
	old, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if _, err := old.Load(ctx, layoutBatch()); err != nil {
		t.Fatal(err)
	}
	want := answers(t, old)
	downgrade(t, old)
	var buf bytes.Buffer
	if err := old.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Restore(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	if got := sValues(t, s); !reflect.DeepEqual(got, map[byte]int{stanceRef: 5}) || storedLayout(t, s) != currentLayout {
		t.Fatalf("restored: S values %v, layout %d", got, storedLayout(t, s))
	}
	if got := answers(t, s); got != want {
		t.Fatalf("restored store reads differently:\n got %s\nwant %s", got, want)
	}
	mustCheckClean(t, s, "restored")
}

// TestCheckReportsBrokenReferences damages the entries layout 2 ties
// together and expects Check to name each: an S reference whose O entry
// is gone, an I header out of step with its record, an I entry whose
// stance has no O entry.
func TestCheckReportsBrokenReferences(t *testing.T) {
	tests := []struct {
		name   string
		damage func(txn *badger.Txn, st Stance) error
		want   string
	}{
		{"O entry deleted", func(txn *badger.Txn, st Stance) error {
			return txn.Delete(keys.Adjacency(keys.Out, mustID(st.Subject), st.Type, mustID(st.Object), mustID(st.ID)))
		}, "dangling reference: no outgoing entry"},
		{"S names another type", func(txn *badger.Txn, st Stance) error {
			r := &stanceRecord{Stance: st}
			r.Type = "SUPPORTS"
			return txn.Set(keys.StanceKey(mustID(st.ID)), encodeRef(r))
		}, "dangling reference: no outgoing entry " + st0Subject + " SUPPORTS"},
		{"I header stale", func(txn *badger.Txn, st Stance) error {
			r := &stanceRecord{Stance: st, effDate: st.Date}
			r.Retracted = true
			return txn.Set(keys.Adjacency(keys.In, mustID(st.Object), st.Type, mustID(st.Subject), mustID(st.ID)), encodeIn(r))
		}, "adjacency entry I missing or stale"},
		{"S value held", func(txn *badger.Txn, st Stance) error {
			r := &stanceRecord{Stance: st, effDate: st.Date}
			return txn.Set(keys.StanceKey(mustID(st.ID)), heldValue(encodeRef(r), encodeOut(r)))
		}, "a writer's in-memory value was stored"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, st := checkFixture(t)
			mustCheckClean(t, s, "sound store")
			if err := s.db.Update(func(txn *badger.Txn) error { return tc.damage(txn, st) }); err != nil {
				t.Fatal(err)
			}
			rep, err := s.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(tc.want, st0Subject, st.Subject)
			if !slicesContainsSubstring(rep.Violations, want) {
				t.Errorf("violations %q; want one containing %q", rep.Violations, want)
			}
		})
	}
}

// st0Subject stands for the fixture stance's subject ID in expected messages.
const st0Subject = "{subject}"

func slicesContainsSubstring(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestStanceValuesRoundTrip encodes records in layout 2 and reads them
// back through each entry: every field survives, the date of its own and
// confidence 1 included.
func TestStanceValuesRoundTrip(t *testing.T) {
	base := Stance{ID: ActorID("s1"), Subject: ActorID("a"), Type: "ACCUSES", Object: ActorID("b"), Topic: "t", Confidence: 1}
	tests := []struct {
		name string
		edit func(r *stanceRecord)
	}{
		{"bare, sure", func(*stanceRecord) {}},
		{"dated, unsure", func(r *stanceRecord) {
			r.Date, r.effDate, r.Confidence = NewDate(2020, 1, 2), NewDate(2020, 1, 2), 0.37
		}},
		{"own date", func(r *stanceRecord) { r.Date, r.effDate = NewDate(2020, 1, 2), NewDate(2019, 5, 6) }},
		{"retracted with evidence", func(r *stanceRecord) {
			r.Retracted, r.RetractReason = true, "why"
			r.Evidence = []Evidence{{DocumentID: ActorID("d"), Quote: "q é", Start: 3, End: 6}}
		}},
		{"event", func(r *stanceRecord) {
			r.References = []Reference{{Dataset: "icews", Record: "9", Sentence: 2}}
			r.Event = &Measures{EventCode: "1", Tone: -2.5, HasTone: true}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &stanceRecord{Stance: base}
			tc.edit(r)
			id, subj, obj := mustID(r.ID), mustID(r.Subject), mustID(r.Object)
			v := encodeValues(r, nil, true)
			ok, ik, sk := keys.Adjacency(keys.Out, subj, r.Type, obj, id), keys.Adjacency(keys.In, obj, r.Type, subj, id), keys.StanceKey(id)
			get := func(k []byte) ([]byte, error) {
				if bytes.Equal(k, ok) {
					return v.out, nil
				}
				return nil, ErrNotFound
			}
			for _, e := range []struct{ k, v []byte }{{ok, v.out}, {ik, v.in}, {sk, v.ref}, {sk, v.held}} {
				got, err := stanceFrom(e.k, e.v, get)
				if err != nil {
					t.Fatalf("%c value %x: %v", e.k[0], e.v, err)
				}
				if !reflect.DeepEqual(got.Stance, r.Stance) || got.effDate != r.effDate {
					t.Errorf("%c value: got %+v (eff %v), want %+v (eff %v)", e.k[0], got.Stance, got.effDate, r.Stance, r.effDate)
				}
			}
			live, eff, okh := stanceHeader(v.in)
			if !okh || live == r.Retracted || eff != r.effDate {
				t.Errorf("I header: live %v eff %v ok %v", live, eff, okh)
			}
		})
	}
}

// TestNewerLayoutRefused opens a store recording a layout this code does
// not know: it is refused, naming both layouts, and left as it is.
func TestNewerLayoutRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	s, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(layoutKey, []byte{currentLayout + 1}) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, ro := range []bool{false, true} {
		_, err := Open(dir, &Options{ReadOnly: ro})
		if !errors.Is(err, errLayoutTooNew) || !strings.Contains(err.Error(), fmt.Sprintf("layout %d, this graphd writes %d", currentLayout+1, currentLayout)) {
			t.Errorf("read-only %v: Open = %v; want the layout refused", ro, err)
		}
	}
}

// FuzzStanceFrom feeds arbitrary values to the stance decoders under each
// family's key: a damaged store gives errors, never a panic, and an O
// value that decodes re-encodes to one that decodes the same.
func FuzzStanceFrom(f *testing.F) {
	r := &stanceRecord{Stance: Stance{ID: ActorID("s"), Subject: ActorID("a"), Type: "ACCUSES", Object: ActorID("b"), Confidence: 0.5,
		Evidence: []Evidence{{DocumentID: ActorID("d"), Quote: "q", Start: 1, End: 2}}}}
	v := encodeValues(r, nil, true)
	for _, seed := range [][]byte{v.out, v.in, v.ref, v.held, encodeLayout1(r), {stanceOut}, {}} {
		f.Add(seed)
	}
	id, subj, obj := mustID(r.ID), mustID(r.Subject), mustID(r.Object)
	ok := keys.Adjacency(keys.Out, subj, r.Type, obj, id)
	ks := [][]byte{ok, keys.Adjacency(keys.In, obj, r.Type, subj, id), keys.StanceKey(id)}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, k := range ks {
			get := func(kk []byte) ([]byte, error) {
				if bytes.Equal(kk, ok) {
					return b, nil
				}
				return nil, ErrNotFound
			}
			got, err := stanceFrom(k, b, get)
			if err != nil || len(b) == 0 || b[0] != stanceOut || k[0] != keys.Out {
				continue
			}
			// Bytes, not records, are compared: a NaN field never equals itself.
			enc := encodeOut(got)
			again, err := decodeOut(enc, id, subj, r.Type, obj)
			if err != nil || !bytes.Equal(encodeOut(again), enc) {
				t.Fatalf("%x decodes to %+v, which does not survive re-encoding (%v)", b, got, err)
			}
		}
	})
}
