package extract

// Labels whose author is named by "by". "Listed as a terrorist group by
// Kenya and its allies, the Front ..." and "the Front, designated a
// terrorist organisation by Kenya," state Kenya's accusation of the Front
// as "Kenya designated the Front a terrorist organisation" would;
// "in response to what it termed 'a flagrant violation of its borders' by
// Uganda" is the speaker's accusation of Uganda, the act's author named
// after the label instead of before it as "what it termed Uganda's ...".

// labelParticiples put a label on an actor in a passive: "designated (as)
// a terrorist group by X". "called" is not among them: "a group called
// the Front" names, it does not label.
var labelParticiples = set("designated", "listed", "branded", "labelled", "labeled", "classified", "classed", "blacklisted",
	"proscribed", "deemed", "considered", "regarded")

// labelByLeft are the words between a labelled actor and the participle:
// "the Front, which is officially designated ...".
var labelByLeft = set(",", "which", "who", "that", "is", "are", "was", "were", "has", "have", "had", "been", "being", "also",
	"officially", "formally", "widely", "long")

// labelledBy emits the accusation of a label whose author follows "by"
// at i: of a passive label or of "what S termed LABEL by Y".
func (d *doc) labelledBy(s *sent, i int) {
	if d.low[i] != "by" || i <= s.a || i+1 >= s.b || s.isContent(i) {
		return
	}
	v := i - 1
	for v > s.a && v > i-10 && !labelParticiples[d.low[v]] && !labelVerbForms[d.low[v]] && d.low[v] != "," &&
		d.low[v] != ";" && !d.actorMention(s, v) {
		v--
	}
	if !labelParticiples[d.low[v]] && !labelVerbForms[d.low[v]] || v == i-1 {
		return
	}
	if hostile, friendly := d.judgement(v+1, i); hostile == 0 || friendly > 0 {
		return
	}
	authors, end, _, _ := d.objectNP(s, i+1, 5)
	if len(authors) == 0 {
		return
	}
	switch {
	case labelParticiples[d.low[v]]:
		objs := d.passiveLabelled(s, v, end)
		if len(objs) == 0 {
			return
		}
		// "by Kenya and its allies, the Front": the list read on past the
		// comma into the labelled actor, who is none of the authors.
		var by []int
		for _, a := range authors {
			if !contains(objs, a) {
				by = append(by, a)
			}
		}
		if len(by) > 0 {
			d.emit(s, Accuses, by, objs, 0.7, v+1)
		}
	case labelVerbForms[d.low[v]] && d.whatBefore(s, v):
		d.subjectStance(s, v, Accuses, authors, 0.7, v+1)
	}
}

// labelVerbForms put a label in "what S termed ...".
var labelVerbForms = set("termed", "called", "described", "labelled", "labeled", "branded", "dubbed")

// actorMention reports an actor named at token k.
func (d *doc) actorMention(s *sent, k int) bool {
	m := s.mentionAt(k)
	return m != nil && m.ent >= 0 && !m.place && !m.pron
}

// passiveLabelled returns the actor a label participle at v is said of:
// the actor just before it ("the Front, designated ...") or, where the
// participle opens the sentence, the first actor after the comma closing
// its phrase (from end, where the label's authors end).
func (d *doc) passiveLabelled(s *sent, v, end int) []int {
	if v == s.a || v == s.a+1 && !d.toks[s.a].word {
		c := end
		for c < s.b && c < end+6 && d.low[c] != "," {
			c++ // "by Kenya and its partners,"
		}
		for k := c + 1; k < s.b && k < c+4; k++ {
			if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place && !m.pron {
				return []int{m.ent}
			}
		}
		return nil
	}
	k := v - 1
	for k > s.a && labelByLeft[d.low[k]] {
		k--
	}
	if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
		return []int{m.ent}
	}
	return nil
}
