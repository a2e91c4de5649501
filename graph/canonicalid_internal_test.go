package graph

import (
	"testing"

	"github.com/google/uuid"
)

// TestCanonicalID: an actor reference is taken as an ID exactly when
// uuid.Parse takes its 36 characters, and keyed as uuid.UUID.String
// prints it; one already in that form costs no allocation.
func TestCanonicalID(t *testing.T) {
	tests := []string{
		"3f1c2a9e-0000-4000-8000-000000000001",
		"3F1C2A9E-0000-4000-8000-00000000000A",
		"3f1c2a9e-0000-4000-8000-00000000000g",
		"3f1c2a9e00000-4000-8000-000000000001",
		"3f1c2a9e-0000-4000-8000-0000000000011",
		"{3f1c2a9e-0000-4000-8000-00000000001}",
		"3f1c2a9e000040008000000000000001",
		"Taliban",
		"",
	}
	for _, ref := range tests {
		want, wantOK := "", false
		if u, err := uuid.Parse(ref); err == nil && len(ref) == 36 {
			want, wantOK = u.String(), true
		}
		if got, ok := canonicalID(ref); got != want || ok != wantOK {
			t.Errorf("canonicalID(%q) = %q, %v; want %q, %v", ref, got, ok, want, wantOK)
		}
	}
	id := tests[0]
	if n := testing.AllocsPerRun(100, func() { canonicalID(id) }); n != 0 {
		t.Errorf("canonicalID of a canonical ID: %.0f allocations, want 0", n)
	}
}
