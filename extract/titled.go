package extract

// A person is often named once with an office that ties them to an actor
// and then by surname alone. Besides "Chinese Foreign Minister Wang Yi"
// and "Anna Wagner, Austria's foreign minister" (mentions.go), the office
// may come as "Foreign Minister of X Name", as an office form the
// dictionary holds ("the US Secretary of State Name"), or as an
// apposition without article ("Name, head of the political bureau of X,").

// titledForm reports a mention that is itself an office ("US Secretary
// of State"): a name right after it is its holder's.
func (d *doc) titledForm(m mention) bool {
	if m.kind != formMember || m.to-m.from < 2 {
		return false
	}
	for k := m.from; k < m.to; k++ {
		if titleWords[d.low[k]] {
			return true
		}
	}
	return false
}

// registerTitleOf learns the name after "Title of X": "Foreign Minister of
// Peru Ana Ruiz" is Peru's, and so is the name after "Title of the X
// (XA)", past the article and the acronym the text gives X.
func (d *doc) registerTitleOf(s *sent) bool {
	learned := false
	for _, m := range s.ms {
		if m.ent < 0 || m.place || m.pron || m.ref || len(m.group) > 0 {
			continue
		}
		of := m.from - 1
		if of > s.a && d.low[of] == "the" {
			of--
		}
		if t := of - 1; t < s.a || d.low[of] != "of" || !(titleWords[d.low[t]] || officeNouns[d.low[t]]) || !d.toks[t].upper {
			continue
		}
		j := m.to
		if j+2 < s.b && d.low[j] == "(" && d.low[j+2] == ")" {
			j += 3
		}
		if n := d.nameAt(s, j); n >= 2 {
			learned = d.learn(s, j, j+n, m.ent) || learned
		}
	}
	return learned
}

// appositionTitle reports an apposition at j that opens with an office
// and no article: "head of the political bureau of X", "spokesman for the
// X ministry", "deputy leader of X".
func (d *doc) appositionTitle(s *sent, j int) bool {
	for k := j; k < s.b && k < j+3; k++ {
		w := d.low[k]
		if titleWords[w] && k+1 < s.b && (d.low[k+1] == "of" || d.low[k+1] == "for" || d.low[k+1] == "to") {
			return true
		}
		if !officeModifiers[w] {
			return false
		}
	}
	return false
}

// afterTitleOf reports a word at i right after "Title of": in "Foreign
// Minister of Peru Ana Ruiz" and "the Chargé d'affaires of Kyrgyzstan
// Kaynarbek Toktomushev" the name that follows is the holder's, not more
// of the actor's name.
func (d *doc) afterTitleOf(s *sent, i int) bool {
	t := i - 2
	if t < s.a || d.low[i-1] != "of" {
		return false
	}
	return d.toks[t].upper && (titleWords[d.low[t]] || officeNouns[d.low[t]]) || summonedEnvoys[d.low[t]]
}

// portfolioMax bounds the words of a portfolio in parentheses.
const portfolioMax = 5

// inPortfolio reports a word at i inside parentheses right after a
// title: "The Director General (SA & SAARC)" names the office's
// portfolio, not an actor speaking.
func (d *doc) inPortfolio(s *sent, i int) bool {
	if i <= s.paren {
		// Most sentences have no bracket: nothing to look back for.
		return false
	}
	for k := i - 1; k > s.a && k >= i-portfolioMax; k-- {
		switch d.low[k] {
		case ")":
			return false
		case "(":
			t := d.low[k-1]
			return d.toks[k-1].upper && (titleWords[t] || officeNouns[t])
		}
	}
	return false
}
