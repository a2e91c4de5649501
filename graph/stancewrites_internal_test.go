package graph

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// TestStanceWritesAreWhatIsStored checks stanceWritesOf, which an
// import builds ahead of its writer: each key and value it lists is what
// a Load of the stance stores, and it lists every record and index key
// of the stance.
func TestStanceWritesAreWhatIsStored(t *testing.T) {
	text := "Kabul asked Islamabad to act. Islamabad refused any talks."
	doc := Document{Title: "d", Text: text, Date: NewDate(2018, 3, 1)}
	quote := func(i int) []EvidenceSpec {
		q := strings.SplitAfter(text, ".")[i]
		return []EvidenceSpec{{Document: DocumentID(text), Quote: strings.TrimSpace(q)}}
	}
	tests := []struct {
		name string
		spec StanceSpec
	}{
		{"quoted, dated by its document", StanceSpec{Subject: "Kabul", Type: "DEMANDS", Object: "Islamabad", Evidence: quote(0)}},
		{"two quotes", StanceSpec{Subject: "Islamabad", Type: "REJECTS", Object: "Kabul", Evidence: append(quote(0), quote(1)...)}},
		{"bare, with its own date", StanceSpec{Subject: "Kabul", Type: "OFFERS", Object: "Islamabad", Topic: "talks", Date: NewDate(2018, 2, 1)}},
		{"bare, undated", StanceSpec{Subject: "Islamabad", Type: "ENGAGES", Object: "Kabul"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, err := Open("", &Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			b := Batch{Actors: []Actor{{Name: "Kabul", Kind: KindState}, {Name: "Islamabad", Kind: KindState}}, Documents: []Document{doc}, Stances: []StanceSpec{tc.spec}, ReturnStored: true}
			res, err := s.Load(ctx, b)
			if err != nil {
				t.Fatal(err)
			}
			id := mustID(res.Stored.Stances[0].ID)
			var r *stanceRecord
			if err := s.update(ctx, func(w *writer) (err error) { r, err = w.readStance(id); return err }); err != nil {
				t.Fatal(err)
			}
			stored := dump(t, s, nil)
			listed := map[string]bool{}
			for _, kv := range stanceWritesOf(r, false).sets {
				listed[string(kv[0])] = true
				if v, ok := stored[string(kv[0])]; !ok || v != string(kv[1]) {
					t.Errorf("key %q: stored %v, value %q; listed %q", kv[0], ok, clip(v), clip(string(kv[1])))
				}
			}
			for k := range stored {
				switch k[0] {
				case keys.Counter, keys.Degree, keys.Document, keys.Actor, keys.Name:
					continue // shared with other records
				}
				if !listed[k] && bytes.Contains([]byte(k), id) {
					t.Errorf("key %q of the stance is stored but not listed", k)
				}
			}
		})
	}
}
