package stance

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	if n, ok := foldASCII(s); ok {
		return n
	}
	return norm.NFC.String(foldName(norm.NFC.String(s)))
}

// foldASCII is foldName for a name of ASCII bytes only, which needs no
// composition, in one pass without a string per letter: every stance's
// subject and object, and every actor's names, are normalized on loading,
// and foldName took most of a first batch's actor checks. ok is false for
// any other name. FuzzFoldASCII compares the two.
func foldASCII(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", false // before allocating for the general path
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			continue
		case c == ' ' || c == '-' || c == '_' || ('\t' <= c && c <= '\r'):
			space = b.Len() > 0
			continue
		case c < ' ' || c == 0x7f:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String(), true
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
