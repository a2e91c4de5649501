package graph

import (
	"bufio"
	"encoding/gob"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestJournalRoundTrip checks that a journal gives back the batch written,
// in chunks of journalChunkSize, and that a journal of the first format
// still reads.
func TestJournalRoundTrip(t *testing.T) {
	many := eventSpecs(0, 2*journalChunkSize+7, "Alpha", "Beta", "Gamma")
	cases := []struct {
		name string
		b    Batch
	}{
		{"empty", Batch{}},
		{"flags only", Batch{Upsert: true, ReturnStored: true}},
		{"every kind", Batch{Actors: []Actor{{Name: "Alpha", Aliases: []string{"A"}}, {Name: "Beta"}},
			Documents: []Document{{Title: "t", Text: "Alpha backs Beta."}}, Stances: many[:3], Upsert: true}},
		{"stances over several chunks", Batch{Stances: many}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), journalName)
			if err := writeJournal(path, &c.b); err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(raw), journalMagic) {
				t.Fatalf("journal starts %q, want %q", raw[:min(len(raw), 30)], journalMagic)
			}
			got, err := readJournal(path)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(normalizeBatch(*got), normalizeBatch(c.b)) {
				t.Errorf("read back %+v, want %+v", summary(*got), summary(c.b))
			}
			// Cut short, it is refused rather than read as less.
			if len(c.b.Stances) > 0 {
				if err := os.WriteFile(path, raw[:len(raw)*2/3], 0o644); err != nil {
					t.Fatal(err)
				}
				if _, err := readJournal(path); err == nil {
					t.Error("a truncated journal was read without error")
				}
			}
		})
	}
	t.Run("first format", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), journalName)
		want := Batch{Actors: []Actor{{Name: "Alpha"}}, Stances: many[:5]}
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(f)
		bw.WriteString(journalMagicV1)
		if err := gob.NewEncoder(bw).Encode(&want); err != nil {
			t.Fatal(err)
		}
		bw.Flush()
		f.Close()
		got, err := readJournal(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(normalizeBatch(*got), normalizeBatch(want)) {
			t.Errorf("read back %+v, want %+v", summary(*got), summary(want))
		}
	})
}

// normalizeBatch makes empty slices nil, as gob gives them back.
func normalizeBatch(b Batch) Batch {
	if len(b.Actors) == 0 {
		b.Actors = nil
	}
	if len(b.Documents) == 0 {
		b.Documents = nil
	}
	if len(b.Stances) == 0 {
		b.Stances = nil
	}
	return b
}

func summary(b Batch) [5]int {
	flag := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	return [5]int{len(b.Actors), len(b.Documents), len(b.Stances), flag(b.Upsert), flag(b.ReturnStored)}
}
