package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/ristretto/v2/z"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// importBatches returns batches that exercise every way Load merges:
// aliases added to an actor later, the same stance again with a topic,
// evidence citing a document of an earlier batch, a stance whose second
// evidence is another stance's identity, bare stances, documents given
// twice, and a batch with a bad quote, which both Load and an import must
// reject alone.
func importBatches() (batches []Batch, bad int) {
	var b1 Batch
	for i := 0; i < 60; i++ {
		b1.Actors = append(b1.Actors, Actor{Name: fmt.Sprintf("Actor %d", i), Kind: KindState, Aliases: []string{fmt.Sprintf("A%d", i)}})
	}
	types := []string{"SUPPORTS", "REJECTS", "DEMANDS", "ACCUSES", "OFFERS", "ENGAGES"}
	doc := func(i int, sentences []string) Document {
		d := Document{Title: fmt.Sprintf("doc %d", i), Date: NewDate(2021, time.Month(1+i%12), 1+i%28), Text: strings.Join(sentences, " ")}
		d.ID = DocumentID(d.Text)
		return d
	}
	stances := func(b *Batch, from, n int) {
		for i := from; i < from+n; i += 4 {
			var qs []string
			for j := i; j < i+4; j++ {
				qs = append(qs, fmt.Sprintf("Report %d: actor %d and actor %d.", j, j%60, (j*7+3)%60))
			}
			d := doc(i, qs)
			b.Documents = append(b.Documents, d)
			for k, q := range qs {
				j := i + k
				s, o := j%60, (j*7+3)%60
				if s == o {
					o = (o + 1) % 60
				}
				b.Stances = append(b.Stances, StanceSpec{Subject: fmt.Sprintf("Actor %d", s), Type: types[j%6], Object: fmt.Sprintf("A%d", o), Evidence: []EvidenceSpec{{Document: d.ID, Quote: q}}})
			}
		}
	}
	stances(&b1, 0, 2000)
	first := b1.Documents[0]
	b1.Stances = append(b1.Stances,
		StanceSpec{Subject: "Actor 1", Type: "DEMANDS", Object: "Actor 2", Topic: "ceasefire", Date: NewDate(2020, 5, 1)},
		StanceSpec{Subject: "Actor 1", Type: "DEMANDS", Object: "Actor 2", Topic: "ceasefire", Date: NewDate(2020, 5, 1)},
	)
	var b2 Batch
	b2.Actors = append(b2.Actors, Actor{Name: "actor 3", Country: "AFG", Aliases: []string{"The Third"}}, Actor{Name: "Newcomer", Kind: KindArmedGroup})
	stances(&b2, 2000, 1200)
	// A document twice in one batch, and one of batch 1 again.
	b2.Documents = append(b2.Documents, b2.Documents[1], b1.Documents[1])
	q0 := strings.SplitAfter(first.Text, ".")[0]
	q1 := strings.TrimSpace(strings.SplitAfter(first.Text, ".")[1])
	b2.Stances = append(b2.Stances,
		// Batch 1's first stance again, now with a topic: merged.
		StanceSpec{Subject: "Actor 0", Type: "SUPPORTS", Object: "A3", Topic: "talks", Evidence: []EvidenceSpec{{Document: first.ID, Quote: q0}}},
		// A document of batch 1 cited by its ID alone.
		StanceSpec{Subject: "Newcomer", Type: "REJECTS", Object: "The Third", Evidence: []EvidenceSpec{{Document: first.ID, Quote: q1}}},
		// A new identity first, then batch 1's second stance's: joins it.
		StanceSpec{Subject: "Actor 1", Type: "REJECTS", Object: "A10", Evidence: []EvidenceSpec{
			{Document: b2.Documents[0].ID, Quote: strings.SplitAfter(b2.Documents[0].Text, ".")[0]},
			{Document: first.ID, Quote: q1},
		}},
	)
	b3 := Batch{Stances: []StanceSpec{{Subject: "Actor 1", Type: "SUPPORTS", Object: "Actor 2", Evidence: []EvidenceSpec{{Document: first.ID, Quote: "words nobody wrote"}}}}}
	var b4 Batch
	stances(&b4, 3200, 800)
	return []Batch{b1, b2, b3, b4}, 2
}

// dump returns every key with prefix (nil: all) and its value.
func dump(t *testing.T, s *Store, prefix []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100, Prefix: prefix})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if it.Item().Key()[0] == keys.Meta {
				// The vocabulary's record holds the time it was
				// recorded, which differs between two stores.
				continue
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out[string(it.Item().KeyCopy(nil))] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameStore(t *testing.T, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("store holds %d keys, want %d", len(got), len(want))
	}
	n := 0
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			if n++; n <= 5 {
				t.Errorf("key %q: got %q (present %v), want %q", k, clip(g), ok, clip(v))
			}
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			if n++; n <= 5 {
				t.Errorf("extra key %q", k)
			}
		}
	}
}

// TestImportMatchesLoad is the importer's contract: the store it builds,
// spilling through many runs, is key for key the one Load builds from the
// same batches, a bad batch is rejected alone with the same error, and the
// store keeps working with Load afterwards and across a reopen.
func TestImportMatchesLoad(t *testing.T) {
	ctx := context.Background()
	batches, bad := importBatches()
	loaded, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer loaded.Close()
	var want LoadResult
	var wantErr error
	for i, b := range batches {
		res, err := loaded.Load(ctx, b)
		if i == bad {
			wantErr = err
			continue
		}
		if err != nil {
			t.Fatalf("Load batch %d: %v", i, err)
		}
		want.Add(res)
	}
	var re *RecordError
	if !errors.As(wantErr, &re) || !errors.Is(wantErr, ErrQuoteNotFound) {
		t.Fatalf("Load of the bad batch: %v, want a RecordError for the quote", wantErr)
	}

	dir := t.TempDir()
	imported, err := Open(dir, &Options{ImportBufferSize: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	im, err := imported.Import(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range batches {
		_, err := im.Load(ctx, b)
		if i == bad {
			if err == nil || err.Error() != wantErr.Error() {
				t.Fatalf("import of the bad batch: %v, want %v", err, wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("import batch %d: %v", i, err)
		}
	}
	if im.sorter.Runs() < 5 {
		t.Fatalf("only %d runs spilled; the test needs the merge across runs", im.sorter.Runs())
	}
	if st := mustStatsOf(t, imported); st.Stances != 0 {
		t.Fatalf("readers see %d stances before Commit, want none", st.Stances)
	}
	if err := im.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(im.Result(), want) {
		t.Errorf("import result %+v, want %+v", im.Result(), want)
	}
	sameStore(t, dump(t, imported, nil), dump(t, loaded, nil))
	checkClean(t, imported)
	if st, lst := mustStatsOf(t, imported), mustStatsOf(t, loaded); st != lst {
		t.Errorf("stats %+v, want %+v", st, lst)
	}
	if _, err := os.Stat(filepath.Join(dir, importMarker)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the import marker is left behind: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, importSpillDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the spill directory is left behind: %v", err)
	}

	// Later loads merge into imported records as into loaded ones.
	again := batches[1]
	again.Stances = append(again.Stances, StanceSpec{Subject: "Newcomer", Type: "OFFERS", Object: "Actor 5", Topic: "aid", Date: NewDate(2022, 2, 2)})
	for _, s := range []*Store{loaded, imported} {
		if res, err := s.Load(ctx, again); err != nil || res.Stances != 1 {
			t.Fatalf("Load after import: %+v, %v; want one new stance", res, err)
		}
	}
	sameStore(t, dump(t, imported, nil), dump(t, loaded, nil))
	if err := imported.Close(); err != nil {
		t.Fatal(err)
	}
	reopened, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	sameStore(t, dump(t, reopened, nil), dump(t, loaded, nil))
	checkClean(t, reopened)
}

func mustStatsOf(t *testing.T, s *Store) Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestImportNeedsEmptyStore(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.UpsertActor(ctx, Actor{Name: "Somebody"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Import into a store with an actor: %v, want ErrNotEmpty", err)
	}
	// The refused import released the writer lock.
	if _, err := s.UpsertActor(ctx, Actor{Name: "Somebody else"}); err != nil {
		t.Fatal(err)
	}
}

func TestImportAbortLeavesStoreEmpty(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	batches, _ := importBatches()
	im, err := s.Import(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := im.Load(ctx, batches[0]); err != nil {
		t.Fatal(err)
	}
	if err := im.Abort(); err != nil {
		t.Fatal(err)
	}
	if err := im.Commit(ctx); err == nil {
		t.Fatal("Commit after Abort succeeded")
	}
	if empty, err := s.IsEmpty(ctx); err != nil || !empty {
		t.Fatalf("after Abort IsEmpty = %v, %v", empty, err)
	}
	if _, err := s.Actor(ctx, "Actor 1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("an aborted import's actor is visible: %v", err)
	}
	// The store is usable: a new import works.
	im, err = s.Import(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := im.Load(ctx, batches[0]); err != nil {
		t.Fatal(err)
	}
	if err := im.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if st := mustStatsOf(t, s); st.Stances != len(batches[0].Stances)-1 {
		t.Fatalf("after a second import: %d stances, want %d", st.Stances, len(batches[0].Stances)-1)
	}
}

// TestUnfinishedImportIsEmptied simulates a process that died during an
// import: the store holds part of it and the marker. Open must empty it,
// and a read-only open must refuse to serve it.
func TestUnfinishedImportIsEmptied(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	batches, _ := importBatches()
	if _, err := s.Load(ctx, batches[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, importMarker), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, importSpillDir), 0o755); err != nil {
		t.Fatal(err)
	}
	// A reader cannot empty the store, and must not see the part of the
	// import it holds: it sees the empty store the import started from.
	ro, err := Open(dir, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if empty, err := ro.IsEmpty(ctx); err != nil || !empty {
		t.Fatalf("read-only open of an unfinished import: IsEmpty = %v, %v", empty, err)
	}
	if _, err := ro.UpsertActor(ctx, Actor{Name: "X"}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only open of an unfinished import accepts writes: %v", err)
	}
	ro.Close()
	if _, err := os.Stat(filepath.Join(dir, importMarker)); err != nil {
		t.Fatalf("a reader removed the marker: %v", err)
	}
	s, err = Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if empty, err := s.IsEmpty(ctx); err != nil || !empty {
		t.Fatalf("after reopening IsEmpty = %v, %v", empty, err)
	}
	if _, err := s.Actor(ctx, "Actor 1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the unfinished import's actor is still there: %v", err)
	}
	for _, name := range []string{importMarker, importSpillDir} {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is left behind: %v", name, err)
		}
	}
	if !bytes.Equal([]byte(dir), []byte(s.dir)) {
		t.Errorf("store dir %q, want %q", s.dir, dir)
	}
}

// TestAppendKVMatchesProto checks the hand-written encoding against the
// protobuf library's, which the StreamWriter decodes.
func TestAppendKVMatchesProto(t *testing.T) {
	for _, tc := range []struct{ k, v string }{
		{"Skey", "value"},
		{"Tkey", ""}, // empty values are omitted, as proto3 does
		{"O" + strings.Repeat("k", 300), strings.Repeat("v", 70000)},
	} {
		want := z.NewBuffer(1<<10, "test")
		got := z.NewBuffer(1<<10, "test")
		badger.KVToBuffer(&pb.KV{Key: []byte(tc.k), Value: []byte(tc.v), Version: 1, StreamId: uint32(tc.k[0])}, want)
		appendKV(got, []byte(tc.k), []byte(tc.v), uint32(tc.k[0]))
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("key %.10q: encodings differ", tc.k)
		}
		got.Release()
		want.Release()
	}
}

// TestAppendStreamDoneMatchesProto checks the hand-written end of a
// stream against the protobuf library's: a StreamWriter that misread it
// would take it for an entry with an empty key.
func TestAppendStreamDoneMatchesProto(t *testing.T) {
	for _, stream := range []uint32{1, 3, 200, 1 << 20} {
		want := z.NewBuffer(1<<10, "test")
		got := z.NewBuffer(1<<10, "test")
		badger.KVToBuffer(&pb.KV{StreamId: stream, StreamDone: true}, want)
		appendStreamDone(got, stream)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("stream %d: encodings differ", stream)
		}
		got.Release()
		want.Release()
	}
}

// TestImportPublishesWhatItWrote checks that the actor cache, name index
// and degree table Commit hands the store from the import's own state are
// those a read of the committed tables gives, so that reading them back
// can be skipped.
func TestImportPublishesWhatItWrote(t *testing.T) {
	ctx := context.Background()
	batches, bad := importBatches()
	s, err := Open(t.TempDir(), &Options{ImportBufferSize: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	im, err := s.Import(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range batches {
		if _, err := im.Load(ctx, b); err != nil && i != bad {
			t.Fatalf("import batch %d: %v", i, err)
		}
	}
	if err := im.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	s.mu.RLock()
	actors, names, deg := s.actors, s.names, s.deg.m
	s.mu.RUnlock()
	if len(actors) == 0 || len(names) <= len(actors) || len(deg) == 0 {
		t.Fatalf("published %d actors, %d names, %d degree rows: the import's state was not handed over", len(actors), len(names), len(deg))
	}
	if err := s.loadActors(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"actors", actors, s.actors},
		{"names", names, s.names},
		{"degrees", deg, s.deg.m},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("published %s differ from the committed tables'", c.what)
		}
	}
}
