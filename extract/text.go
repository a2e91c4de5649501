package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark of a text, located by byte and code
// point offsets (end exclusive).
type token struct {
	bs, be int
	rs, re int
	word   bool
	upper  bool // first letter is upper case
	caps   bool // two or more letters and no lower case letter: an acronym
}

// abbrevs keep their trailing period; "Gen. Abdel" does not end a sentence.
var abbrevs = map[string]bool{
	"gen": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "sept": true, "sep": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"oct": true, "nov": true, "dec": true, "lt": true, "col": true, "maj": true, "sgt": true,
	"capt": true, "gov": true, "sen": true, "rep": true, "jr": true, "sr": true, "mt": true,
	"prof": true, "adm": true, "brig": true, "cmdr": true, "inc": true, "ltd": true, "corp": true,
	"vs": true, "no": true, "ft": true,
}

// titleAbbrevs never end a sentence even before a capital letter.
var titleAbbrevs = map[string]bool{"gen": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
	"lt": true, "col": true, "maj": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true,
	"prof": true, "adm": true, "brig": true, "cmdr": true, "mt": true, "no": true, "sept": true, "sep": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "oct": true,
	"nov": true, "dec": true}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// periodOfWord reports whether the period after the word w (at byte bs
// of s) belongs to it: initials and known abbreviations, but not a
// letter after a hyphen, which ends a name ("the SPLM-N.").
func periodOfWord(s string, bs int, w string, upper bool) bool {
	initial := utf8.RuneCountInString(w) == 1 && upper && (bs == 0 || s[bs-1] != '-')
	return strings.Contains(w, ".") || initial || abbrevs[strings.ToLower(w)]
}

func isApos(r rune) bool { return r == '\'' || r == '\u2019' }

// tokenize splits s into tokens. Hyphens and dashes are tokens of their own
// so that "U.S.-led" contains "U.S." and "al-Qaeda" is three tokens in text
// and dictionary alike; a possessive "'s" is a token of its own.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	rpos := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			bs, rs := i, rpos
			j, rj := i, rpos
			upper := unicode.IsUpper(r)
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					rj++
					continue
				}
				if r2 == ',' && s[j-1] >= '0' && s[j-1] <= '9' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
					// "4,000" is one number, not a list.
					j++
					rj++
					continue
				}
				if r2 == '.' || isApos(r2) {
					if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); j+n2 < len(s) && unicode.IsLetter(r3) {
						j += n2
						rj++
						continue
					}
				}
				break
			}
			w := s[bs:j]
			if j < len(s) && s[j] == '.' && periodOfWord(s, bs, w, upper) {
				j++
				rj++
			}
			// Split a possessive 's off.
			var possB, possR int
			if ln := len(w); j == bs+ln || j == bs+ln+1 {
				lw := s[bs:j]
				if strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "'S") {
					possB, possR = 2, 2
				} else if strings.HasSuffix(lw, "\u2019s") {
					possB, possR = 4, 2
				}
			}
			if possB > 0 && j-bs > possB {
				toks = append(toks, mkWord(s, bs, j-possB, rs, rj-possR))
				toks = append(toks, token{bs: j - possB, be: j, rs: rj - possR, re: rj, word: true})
			} else {
				toks = append(toks, mkWord(s, bs, j, rs, rj))
			}
			i, rpos = j, rj
		case unicode.IsSpace(r):
			i += n
			rpos++
		case r == '-' || r == '\u2013' || r == '\u2014':
			j, rj := i+n, rpos+1
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if r2 != '-' && r2 != '\u2013' && r2 != '\u2014' {
					break
				}
				j += n2
				rj++
			}
			toks = append(toks, token{bs: i, be: j, rs: rpos, re: rj})
			i, rpos = j, rj
		default:
			toks = append(toks, token{bs: i, be: i + n, rs: rpos, re: rpos + 1})
			i += n
			rpos++
		}
	}
	return toks
}

func mkWord(s string, bs, be, rs, re int) token {
	t := token{bs: bs, be: be, rs: rs, re: re, word: true}
	letters, lower := 0, false
	for k, r := range s[bs:be] {
		if unicode.IsLetter(r) {
			if letters == 0 {
				t.upper = unicode.IsUpper(r)
			}
			letters++
			if unicode.IsLower(r) {
				lower = true
			}
		} else if k == 0 && unicode.IsDigit(r) {
			t.upper = false
		}
	}
	t.caps = letters >= 2 && !lower
	return t
}

// sentence is a span of tokens [from, to).
type sentence struct{ from, to int }

// isClosing reports punctuation that stays with the sentence it closes.
func isClosing(s string) bool {
	switch s {
	case `"`, "\u201d", "'", "\u2019", ")", "]":
		return true
	}
	return false
}

// splitSentences groups toks into sentences at . ! ? (with any closing
// quotes) and at blank lines.
func splitSentences(s string, toks []token) []sentence {
	var out []sentence
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, sentence{start, end})
		}
		start = end
	}
	for i := 0; i < len(toks); i++ {
		if i > start && blankLineBetween(s, toks[i-1].be, toks[i].bs) {
			flush(i)
		}
		t := toks[i]
		txt := s[t.bs:t.be]
		end := false
		switch {
		case !t.word && (txt == "." || txt == "!" || txt == "?" || txt == "\u2026"):
			end = true
		case t.word && strings.HasSuffix(txt, ".") && i+1 < len(toks):
			// An abbreviation ends a sentence only before a capitalised
			// word after a space and when it is not a title.
			nx := toks[i+1]
			base := strings.ToLower(strings.TrimSuffix(txt, "."))
			if nx.word && nx.upper && !titleAbbrevs[base] && !strings.Contains(base, ".") && len(base) > 1 && nx.bs > t.be {
				end = true
			}
		}
		if end {
			j := i + 1
			for j < len(toks) && !toks[j].word && isClosing(s[toks[j].bs:toks[j].be]) && toks[j].bs == toks[j-1].be {
				j++
			}
			flush(j)
			i = j - 1
		}
	}
	flush(len(toks))
	return out
}

func blankLineBetween(s string, from, to int) bool {
	if to-from < 2 {
		return false
	}
	gap := s[from:to]
	k := strings.IndexByte(gap, '\n')
	if k < 0 {
		return false
	}
	return strings.IndexByte(gap[k+1:], '\n') >= 0
}
