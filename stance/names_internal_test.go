package stance

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestFoldASCII checks the ASCII fast path against the general one on
// names of every kind of ASCII byte it treats apart.
func TestFoldASCII(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"U.S.", "us"},
		{"  Al-Qaeda__in the  Arabian\tPeninsula ", "al qaeda in the arabian peninsula"},
		{"Kabul\r\ngovernment\v\f", "kabul government"},
		{"NATO\x00\x1f\x7f", "nato"},
		{"...", ""},
		{"", ""},
		{"Hamas - Gaza", "hamas gaza"},
	} {
		got, ok := foldASCII(tc.in)
		if !ok || got != tc.want {
			t.Errorf("foldASCII(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
		if slow := norm.NFC.String(foldName(norm.NFC.String(tc.in))); slow != got {
			t.Errorf("foldASCII(%q) = %q, the general path %q", tc.in, got, slow)
		}
	}
	for _, s := range []string{"Talibán", "Türkiye", "\u00a0Iran"} {
		if _, ok := foldASCII(s); ok {
			t.Errorf("foldASCII(%q) took a name that is not ASCII", s)
		}
	}
}

// FuzzFoldASCII checks that the fast path, where it answers, answers as
// the general path does.
func FuzzFoldASCII(f *testing.F) {
	for _, s := range []string{"U.S.", "al-Qaeda", "Kabul\tgovernment", "x\x7fy", "A_B-C D"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := foldASCII(s)
		if !ok {
			return
		}
		if want := norm.NFC.String(foldName(norm.NFC.String(s))); got != want {
			t.Fatalf("foldASCII(%q) = %q, the general path %q", s, got, want)
		}
	})
}
