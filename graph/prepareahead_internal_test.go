package graph

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestWriterPreparesUntakenBlocks checks that the writer prepares a block
// no worker has taken instead of waiting for one: with the workers told
// to stop at once, every stance still comes back prepared, as the
// writer would prepare it alone.
func TestWriterPreparesUntakenBlocks(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", &Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Load(ctx, Batch{Actors: []Actor{{Name: "Kabul", Kind: KindState}, {Name: "Islamabad", Kind: KindState}}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		stances int
	}{
		{"one block", prepareBlock / 2},
		{"many blocks", 40 * prepareBlock},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			specs := make([]StanceSpec, tc.stances)
			for i := range specs {
				specs[i] = StanceSpec{Subject: "Kabul", Type: "DEMANDS", Object: "Islamabad", Topic: fmt.Sprint(i)}
			}
			p := s.prepareAhead(s.readCache(), specs, func(string) (Document, bool) { return Document{}, false }, nil, nil)
			p.quit.Store(true)
			got := make(chan []string, 1)
			go func() {
				var ids []string
				for i := range specs {
					r, err := p.get(i)
					if err != nil || r == nil {
						t.Errorf("stance %d: %v, %v", i, r, err)
						break
					}
					ids = append(ids, r.ID)
				}
				got <- ids
			}()
			select {
			case ids := <-got:
				for i, id := range ids {
					want, _ := s.prepare(&writer{s: s, cache: s.readCache()}, specs[i], nil)
					if want.ID = derivedIDs(identities(&want.Stance))[0].String(); id != want.ID {
						t.Fatalf("stance %d: ID %s, want %s", i, id, want.ID)
					}
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the writer waited for blocks no worker took")
			}
			p.stop()
		})
	}
}
