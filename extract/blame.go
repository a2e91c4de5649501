package extract

// Holding someone responsible. "Syria holds Israel fully responsible for
// the escalation" accuses Israel as "blamed Israel for" does; the verb is
// "hold", which the cue table reads as holding talks, so the frame is
// read apart: a form of "hold", the actors right after it, then an
// optional adverb and "responsible" or "accountable".

// holdForms are the forms of "hold".
var holdForms = set("hold", "holds", "held", "holding")

// responsibleWords close the frame.
var responsibleWords = set("responsible", "accountable", "liable", "culpable")

// heldResponsible emits the accusation of "X held Y responsible" with the
// verb at i.
func (d *doc) heldResponsible(s *sent, i int) {
	if !holdForms[d.low[i]] || s.isContent(i) {
		return
	}
	objs, end, _, _ := d.objectNP(s, i+1, 4)
	for end < s.b && adverb(d.low[end]) {
		end++
	}
	if len(objs) == 0 || end >= s.b || !responsibleWords[d.low[end]] {
		return
	}
	if sub, ok := d.subjectStance(s, i, Accuses, objs, 0.8, end+1); ok {
		d.setSubject(s, sub)
		d.markContent(s, end+1)
	}
}

// subjectStance emits a stance of type typ from the subject of the verb
// at v to objs, unless that subject is missing, negated ("did not hold")
// or one of objs; it returns the subject and whether it emitted.
func (d *doc) subjectStance(s *sent, v int, typ string, objs []int, conf float64, topicFrom int) (subject, bool) {
	sub := d.subjectAt(s, v)
	if len(sub.ents) == 0 || sub.neg || overlaps(sub.ents, objs) {
		return sub, false
	}
	d.emit(s, typ, sub.ents, objs, conf, topicFrom)
	return sub, true
}
