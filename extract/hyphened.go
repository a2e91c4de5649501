package extract

// Given names joined by a hyphen ("Jean-Bertrand Aristide", "Abdel-Aziz
// Bouteflika") are written with a space in the Phoenix tables, and a
// hyphen is a token of its own, so the table's name would never match.

// hyphenedName returns the longest name of ps, three words or more,
// whose first two words stand at token i joined by a hyphen, where it is
// longer than bestLen tokens; ok is false where there is none.
func (d *doc) hyphenedName(s *sent, i int, ps []*pattern, bestLen int) (mention, int, bool) {
	if i+2 >= s.b || d.low[i+1] != "-" || !d.toks[i].upper || !d.toks[i+2].upper {
		return mention{}, 0, false
	}
	best, found := mention{}, false
	for _, p := range ps {
		n := len(p.toks)
		if n < 3 || n+1 <= bestLen || i+n+1 > s.b || !d.hyphenedMatch(i, p) {
			continue
		}
		if m, ok := d.patternMention(s, i, p); ok {
			m.to = i + n + 1
			best, bestLen, found = m, n+1, true
		}
	}
	return best, bestLen, found
}

// hyphenedMatch reports p's tokens at token i with a hyphen after the
// first.
func (d *doc) hyphenedMatch(i int, p *pattern) bool {
	if !tokMatch(p.toks[0], d.tok(i), d.toks[i]) {
		return false
	}
	for k := 1; k < len(p.toks); k++ {
		if !tokMatch(p.toks[k], d.tok(i+k+1), d.toks[i+k+1]) {
			return false
		}
	}
	return true
}
