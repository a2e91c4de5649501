package extract

import "strings"

// Names whose words the text joins by a hyphen ("Jean-Bertrand Aristide",
// "Kim Dae-jung") are written with a space in the Phoenix tables, and a
// hyphen is a token of its own, so the table's name would never match.

// hyphenedName returns the longest name of ps, three words or more,
// that stands at token i with one hyphen joining two of its words, where
// it is longer than bestLen tokens; ok is false where there is none.
func (d *doc) hyphenedName(s *sent, i int, ps []*pattern, bestLen int) (mention, int, bool) {
	if i+2 >= s.b || !d.toks[i].upper || !d.hyphenNear(s, i) {
		return mention{}, 0, false
	}
	best, found := mention{}, false
	for _, p := range ps {
		n := len(p.toks)
		if n < 3 || n+1 <= bestLen || i+n+1 > s.b {
			continue
		}
		h := d.nameHyphen(i, n)
		if h < 0 || !d.hyphenedMatch(i, h, p) {
			continue
		}
		if m, ok := d.patternMention(s, i, p); ok {
			m.to = i + n + 1
			best, bestLen, found = m, n+1, true
		}
	}
	return best, bestLen, found
}

// hyphenNear reports a hyphen among the words after token i where a
// name's could stand, so that most capitalised words try no pattern.
func (d *doc) hyphenNear(s *sent, i int) bool {
	for k := i + 1; k < s.b && k <= i+hyphenReach; k++ {
		if d.low[k] == "-" {
			return true
		}
		if !d.toks[k].word {
			return false
		}
	}
	return false
}

// hyphenReach bounds the words of a name before its hyphen.
const hyphenReach = 5

// nameHyphen returns the index of the name's word that a hyphen at
// token i+h precedes, for a name of n words at i, or -1 where no hyphen
// stands between two of its words.
func (d *doc) nameHyphen(i, n int) int {
	for h := 1; h < n; h++ {
		if d.low[i+h] == "-" {
			return h
		}
		if !d.toks[i+h].word {
			return -1
		}
	}
	return -1
}

// hyphenedMatch reports p's words at token i with a hyphen before its
// word h; the word after the hyphen may be in lower case ("Dae-jung").
func (d *doc) hyphenedMatch(i, h int, p *pattern) bool {
	for k := range p.toks {
		j := i + k
		if k >= h {
			j++
		}
		if k == h && strings.EqualFold(p.toks[k].s, d.tok(j)) {
			continue
		}
		if !tokMatch(p.toks[k], d.tok(j), d.toks[j]) {
			return false
		}
	}
	return true
}
