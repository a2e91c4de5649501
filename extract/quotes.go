package extract

// A quotation names its speaker around it ('"We reject ...," the
// ministry said'; '"...," said Foreign Minister A'; '"...," the
// statement read'), and inside it the speaker names itself "we" or "I".
// quoteFrame finds the quotation of a sentence and its speaker before
// the cues run, so that a first-person subject inside the quotation is
// the speaker's actor and a cue there gives a stance of that subject.

// quoteCloseVerbs are the verbs that attribute a quotation just closed:
// the reporting verbs, and "read" for a written statement.
var quoteCloseVerbs = set("read", "reads")

// selfWords are the words by which a speaker names itself inside its own
// quotation; only subjects, so that the speaker is never made an object.
var selfWords = set("we", "i")

// statementNouns name a written text whose issuer is who last spoke.
var statementNouns = set("statement", "communique", "communiqué", "declaration", "release")

// quoteFrame is the quotation of one sentence: the tokens [from, to)
// within the quote marks and the actor who speaks them, or -1.
type quoteFrame struct {
	from, to, speaker int
	person            bool   // the speaker was named as a person
	code              string // the CAMEO code of the speaker's mention
}

// noQuote is the frame of a sentence without an attributed quotation.
var noQuote = quoteFrame{speaker: -1}

// quotedSelf reports whether the word at i names the speaker of the
// current sentence's quotation.
func (d *doc) quotedSelf(i int) bool {
	q := d.quote
	return q.speaker >= 0 && selfWords[d.low[i]] && i >= q.from && i < q.to
}

// attributeQuote sets d.quote for s: a sentence that opens with a quote
// mark, closes it, and names a reporting verb within a few words after.
// It reports whether the sentence has a first-person word to resolve.
func (d *doc) attributeQuote(s *sent) bool {
	d.quote = noQuote
	if s.b-s.a < 4 {
		return false
	}
	from, carried := s.a+1, d.quoteCarry
	d.quoteCarry = d.opensQuote(s, carried)
	if carried && !isQuoteTok(d.tok(s.a)) {
		// The closing sentence of a quotation opened earlier.
		from = s.a
	} else if !isQuoteTok(d.tok(s.a)) {
		return d.leadQuote(s)
	}
	q := d.closingQuote(s)
	if q < 0 {
		return false
	}
	r := -1
	for k := q + 1; k < s.b && k <= q+8; k++ {
		if reportVerbs[d.low[k]] || quoteCloseVerbs[d.low[k]] {
			r = k
			break
		}
	}
	if r < 0 {
		return false
	}
	spk := d.quoteIssuer(s, r, q)
	if spk < 0 {
		return false
	}
	d.quote = quoteFrame{from: from, to: q, speaker: spk}
	d.speakerForm(s, q)
	return d.selfIn(from, q)
}

// opensQuote reports whether a quotation is still open at the end of s:
// its quote marks are odd in number, counting one more if a quotation
// was open at its start.
func (d *doc) opensQuote(s *sent, open bool) bool {
	for k := s.a; k < s.b; k++ {
		if isQuoteTok(d.tok(k)) {
			open = !open
		}
	}
	return open
}

// selfIn reports whether a first-person word lies in [from, to).
func (d *doc) selfIn(from, to int) bool {
	for k := from; k < to; k++ {
		if selfWords[d.low[k]] {
			return true
		}
	}
	return false
}

// leadQuote sets d.quote for a quotation its speaker introduces: 'X
// said: "We ..."', 'X said, "We ..."', 'According to X, "We ..."'. It
// reports whether the quotation has a first-person word to resolve.
func (d *doc) leadQuote(s *sent) bool {
	for k := s.a + 2; k+1 < s.b; k++ {
		if !isQuoteTok(d.tok(k)) || (d.low[k-1] != ":" && d.low[k-1] != ",") {
			continue
		}
		spk := d.leadSpeaker(s, k-2)
		if spk < 0 {
			return false
		}
		end := k + 1
		for end < s.b && !isQuoteTok(d.tok(end)) {
			end++
		}
		d.quote = quoteFrame{from: k + 1, to: end, speaker: spk}
		for j := s.a; j < k; j++ {
			if m := s.mentionAt(j); m != nil && m.ent == spk {
				d.quote.person, d.quote.code = m.person, d.mentionCode(s, m)
			}
		}
		return d.selfIn(k+1, end)
	}
	return false
}

// leadSpeaker returns the one actor who speaks a quotation introduced
// before the word at r: the subject of a reporting verb up to three words
// back, or the actor after a
// sentence-initial "According to"; else -1.
func (d *doc) leadSpeaker(s *sent, r int) int {
	for v := r; v > s.a && v > r-4; v-- {
		if reportVerbs[d.low[v]] {
			r = v // "X said on Monday:"
			break
		}
	}
	if reportVerbs[d.low[r]] {
		if sub := d.subjectAt(s, r); len(sub.ents) == 1 && !sub.neg {
			return sub.ents[0]
		}
		return -1
	}
	if d.low[s.a] != "according" || s.a+2 >= r || d.low[s.a+1] != "to" {
		return -1
	}
	for k := s.a + 2; k <= r; k++ {
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
			return m.ent
		}
	}
	return -1
}

// closingQuote returns the quote mark that ends the quotation opened at
// the sentence's start: the first after a comma or before a reporting
// word, else -1.
func (d *doc) closingQuote(s *sent) int {
	for k := s.a + 2; k+1 < s.b; k++ {
		if !isQuoteTok(d.tok(k)) {
			continue
		}
		if w := d.low[k-1]; w == "," || w == "." || w == "!" {
			return k
		}
	}
	return -1
}

// speakerForm copies the person flag and code of the speaker's mention
// after the quote closed at q, so that "we" of Foreign Minister A is
// coded as A is.
func (d *doc) speakerForm(s *sent, q int) {
	for k := q + 1; k < s.b && k <= q+16; k++ {
		if m := s.mentionAt(k); m != nil && m.ent == d.quote.speaker {
			d.quote.person, d.quote.code = m.person, d.mentionCode(s, m)
			return
		}
	}
}

// quoteIssuer returns the one actor who speaks the quote closed at q
// through the verb at r, or -1: the speaker named around the verb, else
// for "the statement" whoever last spoke.
func (d *doc) quoteIssuer(s *sent, r, q int) int {
	if sub := d.quoteSpeaker(s, r, q); !sub.neg && len(sub.ents) == 1 {
		return sub.ents[0]
	}
	for k := q + 1; k < r; k++ {
		if statementNouns[d.low[k]] {
			if o := d.owners["remarks"]; len(o) == 1 {
				return o[0]
			}
			return -1
		}
	}
	return -1
}

// statementRef resolves "the statement" at i, the subject of what a
// statement says ("The statement also called on X"), to its issuer: the
// one actor who last spoke. It reports whether it resolved.
func (d *doc) statementRef(s *sent, i int, m *mention) bool {
	if d.low[i] != "the" || i+1 >= s.b || !statementNouns[d.low[i+1]] {
		return false
	}
	o := d.owners["remarks"]
	if len(o) != 1 {
		return false
	}
	m.to, m.ent = i+2, o[0]
	return true
}

// issuedStatement records the issuer of a statement at i ("the ministry
// issued a statement", "Peru released a communique") as who last spoke,
// so that a later "the statement" is theirs.
func (d *doc) issuedStatement(s *sent, i int) {
	if !statementNouns[d.low[i]] || s.isContent(i) {
		return
	}
	v := i - 1
	for v > s.a && v >= i-3 && !issueVerbs[d.low[v]] && d.toks[v].word && s.mentionAt(v) == nil {
		v--
	}
	if v < s.a || !issueVerbs[d.low[v]] {
		return
	}
	if sub := d.subjectAt(s, v); len(sub.ents) == 1 && !sub.neg {
		d.owners["remarks"] = append([]int(nil), sub.ents...)
	}
}
