package graph

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

var threatens = TypeInfo{Type: "THREATENS", Description: "threatens the object", CAMEO: []string{"13"}, Weight: -4.4}

// reopen opens dir with o, closing the store at the end of the test.
func reopen(t *testing.T, dir string, o *Options) (*Store, error) {
	t.Helper()
	s, err := Open(dir, o)
	if err == nil {
		t.Cleanup(func() { s.Close() })
	}
	return s, err
}

// TestStoredVocabulary opens one store again and again, as graphd
// commands would with and without flags: the store keeps the vocabulary
// it was created with, refuses one that would drop or change a type,
// and records each extension.
func TestStoredVocabulary(t *testing.T) {
	changed := DefaultVocabulary().Types()[0]
	changed.Weight = 9
	steps := []struct {
		name    string
		opts    *Options
		want    []string // the vocabulary after the step
		wantErr error
		history int // recorded changes after the step
	}{
		{"created with PLOVER", &Options{Vocabulary: PLOVERVocabulary()}, PLOVERVocabulary().Names(), nil, 1},
		{"reopened without a flag", nil, PLOVERVocabulary().Names(), nil, 1},
		{"the same vocabulary again", &Options{Vocabulary: PLOVERVocabulary()}, PLOVERVocabulary().Names(), nil, 1},
		{"the default asked of a PLOVER store", &Options{Vocabulary: DefaultVocabulary()}, nil, ErrVocabularyConflict, 1},
		{"extended", &Options{ExtendVocabulary: []TypeInfo{threatens}}, append(PLOVERVocabulary().Names(), "THREATENS"), nil, 2},
		{"extended again with the same type", &Options{ExtendVocabulary: []TypeInfo{threatens}}, append(PLOVERVocabulary().Names(), "THREATENS"), nil, 2},
		{"an extension changing a stored type", &Options{ExtendVocabulary: []TypeInfo{{Type: "AGREE", Description: "x", Weight: 1}}}, nil, ErrVocabularyConflict, 2},
		{"reopened without a flag after extending", nil, append(PLOVERVocabulary().Names(), "THREATENS"), nil, 2},
		{"a default type changed", &Options{ExtendVocabulary: []TypeInfo{changed}}, append(PLOVERVocabulary().Names(), "THREATENS", "SUPPORTS"), nil, 3},
	}
	dir := t.TempDir()
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			s, err := Open(dir, st.opts)
			if !errors.Is(err, st.wantErr) {
				t.Fatalf("Open: %v, want %v", err, st.wantErr)
			}
			if err != nil {
				s, err = Open(dir, nil)
				if err != nil {
					t.Fatal(err)
				}
			} else if got := s.Vocabulary().Names(); !slices.Equal(got, st.want) {
				t.Errorf("vocabulary %v, want %v", got, st.want)
			}
			defer s.Close()
			h, err := s.VocabularyHistory(context.Background())
			if err != nil || len(h) != st.history {
				t.Fatalf("history %+v, %v; want %d changes", h, err, st.history)
			}
		})
	}
}

// TestStoreWithoutVocabulary pins what becomes of a store written before
// stores kept their vocabulary: read with the default, check naming the
// stances of types it does not know, and the first vocabulary given
// recorded as the store's.
func TestStoreWithoutVocabulary(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ext, err := NewVocabulary([]TypeInfo{threatens})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir, &Options{Vocabulary: ext})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, Batch{
		Actors:  []Actor{{Name: "Iran"}, {Name: "Israel"}},
		Stances: []StanceSpec{{Subject: "Iran", Type: "THREATENS", Object: "Israel"}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(vocabularyKey) }); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Vocabulary().Has("THREATENS") {
		t.Error("a store without a stored vocabulary is read with more than the default")
	}
	if h, err := s.VocabularyHistory(ctx); err != nil || len(h) != 0 {
		t.Errorf("opening a store without a vocabulary recorded %+v, %v; the one it was loaded with could not be given later", h, err)
	}
	rep, err := s.Check(ctx)
	if err != nil || len(rep.Violations) != 1 || !strings.Contains(rep.Violations[0], `type "THREATENS" is not in the store's vocabulary`) {
		t.Errorf("check: %v, %v; want the THREATENS stance reported", rep.Violations, err)
	}
	s.Close()

	if s, err = Open(dir, &Options{Vocabulary: ext}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = reopen(t, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(ctx); err != nil || len(rep.Violations) != 0 {
		t.Errorf("check after the vocabulary was recorded: %v, %v", rep.Violations, err)
	}
}

// TestImportKeepsVocabulary checks that emptying the store for an
// import's tables, a failed import and an interrupted one all leave the
// vocabulary the store was created with.
func TestImportKeepsVocabulary(t *testing.T) {
	ctx := context.Background()
	batch := Batch{Actors: []Actor{{Name: "Iran"}, {Name: "Israel"}}, Stances: []StanceSpec{{Subject: "Iran", Type: "THREATEN", Object: "Israel"}}}
	for _, tc := range []struct {
		name string
		end  func(t *testing.T, dir string, im *Importer)
	}{
		{"committed", func(t *testing.T, _ string, im *Importer) {
			if err := im.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		}},
		{"interrupted", func(t *testing.T, dir string, im *Importer) {
			// What a crash leaves: the marker, and a store emptied
			// for the import's tables.
			marker, err := os.ReadFile(filepath.Join(dir, importMarker))
			if err != nil {
				t.Fatal(err)
			}
			im.Abort()
			if err := im.s.db.DropAll(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, importMarker), marker, 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(dir, &Options{Vocabulary: PLOVERVocabulary()})
			if err != nil {
				t.Fatal(err)
			}
			im, err := s.Import(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := im.Load(ctx, batch); err != nil {
				t.Fatal(err)
			}
			tc.end(t, dir, im)
			s.Close()
			s, err = reopen(t, dir, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Vocabulary().Names(); !slices.Equal(got, PLOVERVocabulary().Names()) {
				t.Errorf("vocabulary after the import: %v", got)
			}
		})
	}
}
