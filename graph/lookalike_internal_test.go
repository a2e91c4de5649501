package graph

import (
	"context"
	"errors"
	"testing"
)

// TestBatchLookalikesBuiltForActors pins that a batch's check builds the
// look-alike index only when the batch has actor records, and that an
// import still refuses, in a later batch, a name that looks like one an
// earlier batch added.
func TestBatchLookalikesBuiltForActors(t *testing.T) {
	ctx := context.Background()
	s, im := openImport(t, "", &Options{InMemory: true})
	first := Batch{Actors: []Actor{{Name: "Taliban"}, {Name: "Kabul government"}}}
	if _, err := im.Load(ctx, first); err != nil {
		t.Fatal(err)
	}
	stances := []StanceSpec{{Subject: "Taliban", Type: "REJECTS", Object: "Kabul government", Topic: "talks"}}
	tests := []struct {
		name      string
		b         Batch
		wantIndex bool
		wantErr   error
	}{
		{"stances alone", Batch{Stances: stances}, false, nil},
		{"a new actor", Batch{Actors: []Actor{{Name: "Hezbollah"}}, Stances: stances}, true, nil},
		{"a look-alike of an earlier batch's actor", Batch{Actors: []Actor{{Name: "\u0422aliban"}}}, true, ErrLookalike},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := newBatchActors(s, im.w.cache, &tc.b)
			var err error
			for i := range tc.b.Actors {
				if err = v.check(i, &tc.b.Actors[i]); err != nil {
					break
				}
			}
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("check: %v, want %v", err, tc.wantErr)
			}
			if got := v.looks != nil; got != tc.wantIndex {
				t.Errorf("look-alike index built %v, want %v", got, tc.wantIndex)
			}
			if _, err := im.Load(ctx, tc.b); !errors.Is(err, tc.wantErr) {
				t.Errorf("Load: %v, want %v", err, tc.wantErr)
			}
		})
	}
}
