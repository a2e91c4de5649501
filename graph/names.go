package graph

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// refusedChars are the character classes no name may hold, after the
// PRECIS FreeformClass (RFC 8264): characters that are invisible or
// reorder the text around them make two names that look the same differ,
// and the reverse. Letters, marks, numbers, punctuation, symbols and
// spaces are allowed; anything else is refused as unassigned.
var refusedChars = []struct {
	table *unicode.RangeTable
	what  string
}{
	{unicode.Cc, "a control character"},
	{unicode.Cf, "a format character (zero-width or bidirectional control)"},
	{unicode.Cs, "a surrogate"},
	{unicode.Co, "a private-use character"},
	{unicode.Zl, "a line separator"},
	{unicode.Zp, "a paragraph separator"},
}

// allowedChars are the classes a name is made of.
var allowedChars = []*unicode.RangeTable{unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs}

// checkName validates a name or alias and returns it trimmed and in NFC,
// the form it is stored in. field names it in errors ("actor name",
// "alias of \"X\"").
func checkName(field, name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalidName, field)
	}
	name = strings.TrimSpace(name)
	for i, r := range name {
		if what := refusedChar(r); what != "" {
			return "", fmt.Errorf("%w: %s %q contains %s, U+%04X, at byte %d", ErrInvalidName, field, clip(name), what, r, i)
		}
	}
	name = norm.NFC.String(name)
	switch {
	case name == "":
		return "", fmt.Errorf("%w: %s is empty", ErrInvalidName, field)
	case len(name) > MaxNameBytes:
		return "", fmt.Errorf("%w: %s %q is longer than %d bytes", ErrInvalidName, field, clip(name), MaxNameBytes)
	case NormalizeName(name) == "":
		return "", fmt.Errorf("%w: %s %q has no letters or digits", ErrInvalidName, field, name)
	}
	return name, nil
}

// refusedChar names the class of r when a name may not hold it, else "".
func refusedChar(r rune) string {
	if r < utf8.RuneSelf && r >= ' ' && r != 0x7f {
		return "" // printable ASCII: the common case, decided without tables
	}
	for _, c := range refusedChars {
		if unicode.Is(c.table, r) {
			return c.what
		}
	}
	if !unicode.IsOneOf(allowedChars, r) {
		return "an unassigned character"
	}
	return ""
}

// stanceNS is the namespace of stance IDs, fixed forever like those of
// stance.ActorID and stance.DocumentID.
var stanceNS = uuid.MustParse("9c1d7b6e-4a53-5b1e-9a2f-6d0e2b8c1a03")
