package extract

// "The latter" and "the former" point into the last list of two or more
// actors: "Presidents Trump and Petro traded posts, with the latter
// accusing Trump" makes Colombia the accuser. The list may stand earlier
// in the same sentence, before its pairs are noted.

// latterRef resolves "the latter" or "the former" at i, or reports false.
func (d *doc) latterRef(s *sent, i int, m mention) (mention, bool) {
	if d.low[i] != "the" || i+1 >= s.b || (d.low[i+1] != "latter" && d.low[i+1] != "former") || !d.pronounUse(s, i+2) {
		return m, false
	}
	pair := d.lastPair
	for k := 0; k < len(s.ms); k++ {
		ents, last := d.listAt(s, k)
		if len(ents) >= 2 {
			pair = ents
		}
		k = last
	}
	if len(pair) < 2 {
		return m, false
	}
	m.to, m.ent, m.ref = i+2, pair[0], true
	if d.low[i+1] == "latter" {
		m.ent = pair[len(pair)-1]
	}
	return m, true
}

// pronounUse reports whether token j, after "the former", ends the noun
// phrase there: punctuation, a possessive, an auxiliary or a verb of
// speech or of a cue. "The former president" is an adjective's use.
func (d *doc) pronounUse(s *sent, j int) bool {
	if j >= s.b || !d.toks[j].word {
		return true
	}
	w := d.low[j]
	_, cue := cueTable[w]
	return w == "'s" || w == "\u2019s" || auxWords[w] || reportVerbs[w] || cue
}
