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

// A demand can also be a thing issued to its addressee: "issued a stern
// warning to X that it must ...", "sent an appeal to X to ...". The
// subject of the issuing verb demands of the actor after "to" when a
// "that" clause or an infinitive follows it.

// issuedNouns name a demand that is issued, sent or delivered.
var issuedNouns = set("warning", "reminder", "ultimatum", "appeal", "call", "message", "demand", "request", "plea")

// issueVerbs issue a demand noun to its addressee.
var issueVerbs = set("issued", "issues", "issue", "sent", "sends", "send", "delivered", "delivers", "gave", "gives", "made",
	"makes", "addressed", "addresses", "repeated", "renewed")

// issuedDemand handles a demand noun at i after an issuing verb (up to
// five tokens of article and adjectives between, hyphens among them: "a
// seven-day ultimatum").
func (d *doc) issuedDemand(s *sent, i int) {
	if !issuedNouns[d.low[i]] || s.isContent(i) {
		return
	}
	v := i - 1
	for v > s.a && v >= i-5 && !issueVerbs[d.low[v]] && (d.toks[v].word || d.low[v] == "-") && !d.toks[v].upper &&
		s.mentionAt(v) == nil {
		v--
	}
	if v < s.a || !issueVerbs[d.low[v]] {
		return
	}
	j := d.skipTime(s, i+1)
	if j+1 >= s.b || d.low[j] != "to" {
		return
	}
	objs, end, _, _ := d.objectNP(s, j+1, 4)
	end = d.skipTime(s, end)
	if len(objs) == 0 || (end >= s.b || d.low[end] != "that" && d.low[end] != "to") && d.low[i] != "ultimatum" {
		return // an ultimatum demands by itself: "issued an ultimatum to X"
	}
	sub := d.subjectAt(s, v)
	if len(sub.ents) == 0 || sub.neg {
		return
	}
	d.emit(s, Demands, sub.ents, objs, 0.75, end)
	d.markContent(s, end)
}
