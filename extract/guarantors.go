package extract

// Talks named by who takes part in them, and their guarantors. "The
// peace process involving X and Y" engages X and Y as "talks between X
// and Y" does; "A, B and C as guarantors of the talks" (or observers,
// facilitators, mediators of them) engage each party of the talks the
// text named last, as a host of them does.

// processNouns name talks whose parties "involving" lists.
var processNouns = union(talksNouns, set("process", "consultations"))

// involvedTalks emits the engagement among the parties after "involving"
// at i, which follows a noun of talks.
func (d *doc) involvedTalks(s *sent, i int) {
	if d.low[i] != "involving" || i-1 <= s.a || !processNouns[d.low[i-1]] || s.isContent(i) {
		return
	}
	objs, end, _, _ := d.objectNP(s, d.partiesFrom(s, i+1), 3)
	if end < s.b && guarantorNouns[d.low[end]] {
		d.mediatorsInvolved(s, i-1, objs)
		return
	}
	if len(objs) != 2 {
		return
	}
	d.noteTalks(objs)
	d.emit(s, Engages, objs[:1], objs[1:], 0.7, end)
}

// mediatorsInvolved emits the engagement of those who go to or hold the
// talks at k with the mediators they involve ("sent teams to Cairo for
// talks involving Qatari and Egyptian mediators"): the subject of the
// verb before the talks.
func (d *doc) mediatorsInvolved(s *sent, k int, mediators []int) {
	for v := k - 1; v > s.a && v >= k-8; v-- {
		if d.low[v] == "," || d.low[v] == ";" {
			return
		}
		if d.verbLike(v) {
			d.subjectStance(s, v, Engages, mediators, 0.65, k)
			return
		}
	}
}

// noteTalks records parties as those of the talks the text named last,
// which a later "guarantors of the talks" or "hosted the first round"
// refers to; only a pair is read back, so more parties forget the last.
func (d *doc) noteTalks(parties []int) {
	d.lastTalks = append([]int(nil), parties...)
}

// guarantorNouns name a third party's part in others' talks.
var guarantorNouns = set("guarantor", "guarantors", "observer", "observers", "facilitator", "facilitators", "mediator",
	"mediators", "co-chairs", "sponsors", "accompaniers", "witnesses")

// guarantorHeads may follow a guarantor noun: "guarantor countries".
var guarantorHeads = set("countries", "states", "nations", "governments", "parties")

// guarantorsOfTalks emits the engagement of "A, B and C as guarantors in
// the talks" (the role noun at i) with each party of the last talks.
func (d *doc) guarantorsOfTalks(s *sent, i int) {
	if !guarantorNouns[d.low[i]] || len(d.lastTalks) != 2 || i-2 <= s.a || d.low[i-1] != "as" {
		return
	}
	j := i + 1
	if j < s.b && guarantorHeads[d.low[j]] {
		j++
	}
	if j+2 >= s.b || d.low[j] != "in" && d.low[j] != "of" && d.low[j] != "for" || !d.wordIn(s, j+1, 3, processNouns) {
		return
	}
	m := s.mentionAt(i - 2)
	if m == nil || m.ent < 0 || m.place {
		return
	}
	ents, _ := d.listBack(s, s.at[i-2-s.a])
	for _, g := range ents {
		if !contains(d.lastTalks, g) {
			d.emit(s, Engages, []int{g}, d.lastTalks, 0.65, j+1)
		}
	}
}

// representedAtTalks emits the engagement of "X, represented at the
// talks by its envoy" (the participle at i) with each party of the talks
// the text named last: a third party present at them.
func (d *doc) representedAtTalks(s *sent, i int) {
	if d.low[i] != "represented" || len(d.lastTalks) != 2 || i+2 >= s.b || d.low[i+1] != "at" && d.low[i+1] != "in" ||
		!d.wordIn(s, i+2, 3, processNouns) {
		return
	}
	k := i - 1
	for k > s.a && (adverb(d.low[k]) || d.low[k] == "," || d.low[k] == "was" || d.low[k] == "is" || d.low[k] == "be") {
		k--
	}
	m := s.mentionAt(k)
	if m == nil || m.ent < 0 || m.place || contains(d.lastTalks, m.ent) {
		return
	}
	d.emit(s, Engages, []int{m.ent}, d.lastTalks, 0.65, i+1)
}
