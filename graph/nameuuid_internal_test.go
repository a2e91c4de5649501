package graph

import (
	"bytes"
	"testing"

	"github.com/google/uuid"
)

// TestNameUUIDMatchesNewSHA1 checks that stance IDs derived without
// uuid.NewSHA1 are the ones it derives, for names of every length an
// identity may have and longer ones.
func TestNameUUIDMatchesNewSHA1(t *testing.T) {
	for _, tc := range []struct {
		name string
		ns   uuid.UUID
		data []byte
	}{
		{"empty", stanceNS, nil},
		{"an identity", stanceNS, bytes.Repeat([]byte{0xa5}, 16)},
		{"all zero", uuid.Nil, make([]byte, 16)},
		{"longer than the buffer", stanceNS, bytes.Repeat([]byte("x"), 200)},
		{"another namespace", uuid.NameSpaceDNS, []byte("example.org")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := nameUUID(tc.ns, tc.data), uuid.NewSHA1(tc.ns, tc.data); got != want {
				t.Errorf("nameUUID = %s, want %s", got, want)
			}
		})
	}
}
