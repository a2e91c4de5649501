package graph

import (
	"crypto/sha256"
	"strings"
	"testing"
)

// TestIdentityHashes pins what an identity hashes: its parts joined by
// NUL bytes, whether they fit identities' buffer on the stack or not.
func TestIdentityHashes(t *testing.T) {
	joined := func(parts ...string) string {
		sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
		return string(sum[:16])
	}
	const subj, obj, doc = "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "2b4e28ba-2fa1-11d2-883f-0016d3cca427", "3b4e28ba-2fa1-11d2-883f-0016d3cca427"
	tests := []struct {
		name string
		st   Stance
		want []string
	}{
		{"quote", Stance{Subject: subj, Type: "DEMANDS", Object: obj, Evidence: []Evidence{{DocumentID: doc, Quote: "talks now"}}},
			[]string{joined("ev", subj, "DEMANDS", obj, doc, "talks now")}},
		{"quote longer than the buffer", Stance{Subject: subj, Type: "DEMANDS", Object: obj, Evidence: []Evidence{{DocumentID: doc, Quote: strings.Repeat("long quote ", 60)}}},
			[]string{joined("ev", subj, "DEMANDS", obj, doc, strings.Repeat("long quote ", 60))}},
		{"reference", Stance{Subject: subj, Type: "ACCUSES", Object: obj, References: []Reference{{Dataset: "GDELT", Record: "42"}}},
			[]string{joined("ref", subj, "ACCUSES", obj, "GDELT", "42")}},
		{"bare", Stance{Subject: subj, Type: "OFFERS", Object: obj, Topic: "aid", Date: NewDate(2018, 3, 1)},
			[]string{joined("bare", subj, "OFFERS", obj, "aid", NewDate(2018, 3, 1).String())}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := identities(&tc.st)
			if len(got) != len(tc.want) {
				t.Fatalf("%d identities, want %d", len(got), len(tc.want))
			}
			for i := range got {
				if string(got[i]) != tc.want[i] {
					t.Errorf("identity %d = %x, want %x", i, got[i], tc.want[i])
				}
			}
		})
	}
}
