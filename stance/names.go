package stance

import (
	"strings"
	"unicode"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// NormalizeName folds a name for lookup: trimmed, lower case, dots removed,
// runs of whitespace (and the hyphens and underscores writers use
// interchangeably with spaces) folded to one space. "U.S." and "us" are the
// same key; so are "al-Qaeda" and "Al Qaeda". Names are compared in
// Unicode normalization form C, so a name typed with combining accents
// (NFD "Talibán") is the same key as its precomposed spelling.
func NormalizeName(s string) string {
	return norm.NFC.String(foldName(norm.NFC.String(s)))
}

// foldName is NormalizeName before composition: folding can bring a
// combining mark next to a new base (a dot removed between them), so the
// result is composed again.
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '.' || r == unicode.ReplacementChar:
			continue
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '\u2010' || r == '\u2013':
			space = b.Len() > 0
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(strings.ToLower(string(r)))
	}
	return b.String()
}

// Namespaces for deterministic IDs, fixed forever: changing them would
// change every stored ID.
var (
	actorNS    = uuid.MustParse("9c1d7b6e-4a53-5b1e-9a2f-6d0e2b8c1a01")
	documentNS = uuid.MustParse("9c1d7b6e-4a53-5b1e-9a2f-6d0e2b8c1a02")
)

// ActorID returns the ID an actor with canonical name name receives.
func ActorID(name string) string {
	return uuid.NewSHA1(actorNS, []byte(NormalizeName(name))).String()
}

// DocumentID returns the ID of the document with text text.
func DocumentID(text string) string {
	return uuid.NewSHA1(documentNS, []byte(text)).String()
}
