package graph

import (
	"context"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// identityStore returns a store with two actors, a document and specs for
// a one-quote stance, the same stance with a second quote, and a bare one.
func identityStore(t *testing.T) (*Store, []StanceSpec) {
	t.Helper()
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	doc := Document{Title: "t", Date: NewDate(2020, 5, 1), Text: "Alpha backs Beta. Alpha backs Beta again."}
	_, err = s.Load(ctx, Batch{Actors: []Actor{{Name: "Alpha"}, {Name: "Beta"}}, Documents: []Document{doc}})
	if err != nil {
		t.Fatal(err)
	}
	id := DocumentID(doc.Text)
	one := StanceSpec{Subject: "Alpha", Type: "SUPPORTS", Object: "Beta", Evidence: []EvidenceSpec{{Document: id, Quote: "Alpha backs Beta."}}}
	two := one
	two.Evidence = append([]EvidenceSpec{one.Evidence[0]}, EvidenceSpec{Document: id, Quote: "Alpha backs Beta again."})
	bare := StanceSpec{Subject: "Beta", Type: "REJECTS", Object: "Alpha", Topic: "t", Date: NewDate(2020, 1, 1)}
	return s, []StanceSpec{one, two, bare}
}

// identityKeys lists the identity entries in storage.
func identityKeys(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := dump(t, s, []byte{keys.Identity})
	for k, v := range out {
		out[k] = idString([]byte(v))
	}
	return out
}

func checkClean(t *testing.T, s *Store) {
	t.Helper()
	rep, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Violations) > 0 {
		t.Fatalf("check: %v", rep.Violations)
	}
}

// TestIdentityEntriesOnlyBeyondTheFirst pins the layout: a stance's first
// identity has no entry (its ID derives from it), a second one has; and
// both still find the stance, through Load and AddStance alike.
func TestIdentityEntriesOnlyBeyondTheFirst(t *testing.T) {
	ctx := context.Background()
	s, specs := identityStore(t)
	if _, err := s.Load(ctx, Batch{Stances: []StanceSpec{specs[0], specs[2]}}); err != nil {
		t.Fatal(err)
	}
	if got := identityKeys(t, s); len(got) != 0 {
		t.Fatalf("identity entries after loading single-identity stances: %d, want 0", len(got))
	}
	checkClean(t, s)
	for _, add := range []func(StanceSpec) (bool, error){
		func(sp StanceSpec) (bool, error) {
			res, err := s.Load(ctx, Batch{Stances: []StanceSpec{sp}})
			return res.Stances > 0, err
		},
		func(sp StanceSpec) (bool, error) { _, created, err := s.AddStance(ctx, sp); return created, err },
	} {
		for _, sp := range specs {
			created, err := add(sp)
			if err != nil {
				t.Fatal(err)
			}
			if created {
				t.Fatalf("%+v: created again, want it found by identity", sp)
			}
		}
	}
	// The second quote was merged in: its identity, not the first, has an entry.
	got := identityKeys(t, s)
	if len(got) != 1 {
		t.Fatalf("identity entries after a merge: %d, want 1", len(got))
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Stances != 2 {
		t.Fatalf("stances = %d, want 2", st.Stances)
	}
	// Looked up by its second identity alone, the stance is found too.
	only := specs[1]
	only.Evidence = only.Evidence[1:]
	if _, created, err := s.AddStance(ctx, only); err != nil || created {
		t.Fatalf("second identity alone: created %v, %v; want found", created, err)
	}
	checkClean(t, s)
}

// TestIdentityEntriesOfOlderStores writes the layout of stores from before
// the first identity went without an entry (an entry for every identity)
// and checks that such a store passes Check, deduplicates loads and merges.
func TestIdentityEntriesOfOlderStores(t *testing.T) {
	ctx := context.Background()
	s, specs := identityStore(t)
	if _, err := s.Load(ctx, Batch{Stances: []StanceSpec{specs[0], specs[2]}}); err != nil {
		t.Fatal(err)
	}
	// Add the entries an older store holds.
	var stances []Stance
	if err := s.ForEachStance(ctx, &EachOptions{IncludeRetracted: true}, func(st Stance) error { stances = append(stances, st); return nil }); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		for _, st := range stances {
			for _, h := range identities(&st) {
				if err := txn.Set(keys.IdentityKey(h), mustID(st.ID)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(identityKeys(t, s)); n != 2 {
		t.Fatalf("older layout: %d identity entries, want 2", n)
	}
	checkClean(t, s)
	// A fresh store handle builds its filter from the older layout.
	s.ident = nil
	res, err := s.Load(ctx, Batch{Stances: specs})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stances != 0 {
		t.Fatalf("reload created %d stances, want 0", res.Stances)
	}
	checkClean(t, s)
	// The merge rewrote the merged stance in the new layout; the bare one
	// keeps its older entry, which stays valid.
	if n := len(identityKeys(t, s)); n != 2 {
		t.Fatalf("after the merge: %d identity entries, want 2 (second quote, older bare entry)", n)
	}
}
