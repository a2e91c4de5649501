package extract

// A demand can be named by a noun its owner repeats or renews: "reiterated
// its demand that Israel ease restrictions", "renewed their call for Chad
// to hold elections". The owner is the actor of the possessive pronoun.

// demandNouns name a demand after a possessive pronoun.
var demandNouns = set("demand", "demands", "call", "calls", "appeal", "appeals", "request", "requests", "insistence")

// ownedDemand handles a demand noun at i after a possessive pronoun: its
// object is the actor after "that" ("its demand that X ...") or after
// "for" or "to" when an infinitive follows ("their call for X to ...").
func (d *doc) ownedDemand(s *sent, i int) {
	if !demandNouns[d.low[i]] || i-1 < s.a || s.isContent(i) {
		return
	}
	m := s.mentionAt(i - 1)
	if m == nil || !m.pron || !isPossPron(d.low[i-1]) || m.ent < 0 {
		return
	}
	for k := i - 2; k >= s.a && k > i-5; k-- {
		if negWords[d.low[k]] || modalWords[d.low[k]] {
			return // "did not repeat its demand"
		}
	}
	j := d.skipTime(s, i+1)
	if j+1 >= s.b {
		return
	}
	var objs []int
	end := j
	switch d.low[j] {
	case "that":
		objs, end, _, _ = d.objectNP(s, j+1, 4)
	case "for", "to", "on":
		objs, end, _, _ = d.objectNP(s, j+1, 3)
		if end >= s.b || d.low[end] != "to" {
			objs = nil
		}
	}
	if len(objs) == 0 || contains(objs, m.ent) {
		return
	}
	d.emit(s, Demands, []int{m.ent}, objs, 0.75, end)
	d.markContent(s, end)
}
