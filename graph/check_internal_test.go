package graph

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// checkFixture is a store of two actors, one document and one dated
// stance quoting it.
func checkFixture(t *testing.T) (*Store, Stance) {
	t.Helper()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	text := "Iran warned Israel."
	res, err := s.Load(context.Background(), Batch{
		Actors:    []Actor{{Name: "Iran"}, {Name: "Israel"}},
		Documents: []Document{{Text: text}},
		Stances: []StanceSpec{{Subject: "Iran", Type: "ACCUSES", Object: "Israel", Date: NewDate(2024, 4, 1),
			Evidence: []EvidenceSpec{{Document: DocumentID(text), Quote: "warned Israel"}}}},
		ReturnStored: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, res.Stored.Stances[0]
}

// checkFamilies runs Check's families and returns the violations each found.
func checkFamilies(t *testing.T, s *Store) map[string]int {
	t.Helper()
	var c *checker
	err := s.view(context.Background(), func(txn *badger.Txn) error {
		c = newChecker(context.Background(), txn, s.Vocabulary())
		return c.run()
	})
	if err != nil {
		t.Fatal(err)
	}
	return c.found
}

// TestCheckFamilies breaks one invariant per family in a sound store and
// expects Check to report it from that family's method.
func TestCheckFamilies(t *testing.T) {
	other := mustID(ActorID("Nobody"))
	counter := func(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }
	tests := []struct {
		family string
		damage func(st Stance) (set map[string][]byte, del [][]byte)
	}{
		{"actors", func(st Stance) (map[string][]byte, [][]byte) {
			return map[string][]byte{string(keys.ActorKey(mustID(st.Subject))): {0xff}}, nil
		}},
		{"names", func(st Stance) (map[string][]byte, [][]byte) {
			return map[string][]byte{string(keys.NameKey("ghost")): mustID(st.Subject)}, nil
		}},
		{"stances", func(st Stance) (map[string][]byte, [][]byte) {
			return nil, [][]byte{keys.DateKey(int32(st.Date), mustID(st.ID))}
		}},
		{"adjacency", func(st Stance) (map[string][]byte, [][]byte) {
			return map[string][]byte{string(keys.Adjacency(keys.Out, mustID(st.Subject), st.Type, mustID(st.Object), other)): {1}}, nil
		}},
		{"dates", func(st Stance) (map[string][]byte, [][]byte) {
			return map[string][]byte{string(keys.DateKey(int32(st.Date), other)): nil}, nil
		}},
		{"identities", func(st Stance) (map[string][]byte, [][]byte) {
			return map[string][]byte{string(keys.IdentityKey([]byte("not an identity of it"))): mustID(st.ID)}, nil
		}},
		{"documents", func(st Stance) (map[string][]byte, [][]byte) {
			return map[string][]byte{string(keys.DocumentKey(mustID(st.Evidence[0].DocumentID))): {0xff}}, nil
		}},
		{"citations", func(st Stance) (map[string][]byte, [][]byte) {
			return map[string][]byte{string(keys.DocStanceKey(mustID(st.Evidence[0].DocumentID), other)): nil}, nil
		}},
		{"counters", func(Stance) (map[string][]byte, [][]byte) {
			return map[string][]byte{string(keys.CounterKey(cntActors)): counter(99)}, nil
		}},
		{"degrees", func(st Stance) (map[string][]byte, [][]byte) {
			return nil, [][]byte{keys.DegreeKey(mustID(st.Subject), keys.Out, st.Type)}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.family, func(t *testing.T) {
			s, st := checkFixture(t)
			if found := checkFamilies(t, s); len(found) != 0 {
				t.Fatalf("sound store: violations %v", found)
			}
			set, del := tc.damage(st)
			err := s.db.Update(func(txn *badger.Txn) error {
				for k, v := range set {
					if err := txn.Set([]byte(k), v); err != nil {
						return err
					}
				}
				for _, k := range del {
					if err := txn.Delete(k); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if found := checkFamilies(t, s); found[tc.family] == 0 {
				t.Errorf("damage not reported by the %s family (found: %v)", tc.family, found)
			}
			rep, err := s.Check(context.Background())
			if err != nil || len(rep.Violations) == 0 {
				t.Errorf("Check = %v, %v; want the violation in the report", rep.Violations, err)
			}
		})
	}
	if len(tests) != len(invariants) {
		t.Errorf("%d families damaged, Check has %d", len(tests), len(invariants))
	}
}
