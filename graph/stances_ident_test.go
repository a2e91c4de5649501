package graph_test

import (
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// TestIdentities: stances that merge share an identity, and stances that
// do not share none.
func TestIdentities(t *testing.T) {
	base := stance.Stance{Subject: "s", Type: "SUPPORTS", Object: "o", Topic: "aid", Date: stance.NewDate(2020, 1, 2)}
	quoted := base
	quoted.Evidence = []stance.Evidence{{DocumentID: "d", Quote: "q"}}
	more := quoted
	more.Evidence = append(slices.Clone(quoted.Evidence), stance.Evidence{DocumentID: "d", Quote: "r"})
	other := base
	other.Type = "REJECTS"
	shares := func(a, b stance.Stance) bool {
		ia, _ := graph.Identities(a)
		ib, _ := graph.Identities(b)
		for _, x := range ia {
			if slices.Contains(ib, x) {
				return true
			}
		}
		return false
	}
	tests := []struct {
		name string
		a, b stance.Stance
		want bool
	}{
		{"same bare stance", base, base, true},
		{"another type", base, other, false},
		{"bare and quoted", base, quoted, false},
		{"quote merged into more", quoted, more, true},
	}
	for _, tt := range tests {
		if got := shares(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: share an identity = %v, want %v", tt.name, got, tt.want)
		}
	}
	idents, ids := graph.Identities(more)
	if len(idents) != 2 || len(ids) != 2 || ids[0] == ids[1] {
		t.Errorf("a stance with two quotes has identities %q and IDs %q, want two of each", idents, ids)
	}
}
