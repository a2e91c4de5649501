package extract

// Visits named by a noun. "A visit to Nairobi by Uganda's foreign
// minister" engages Uganda with Kenya as "Uganda's foreign minister
// visited Nairobi" does; "During a visit to Nairobi, Uganda's foreign
// minister said ..." engages the subject of the sentence with its host.

// visitHeads name a visit to a host.
var visitHeads = set("visit", "visits", "trip", "trips", "tour")

// visitOpeners open a sentence's fronted visit phrase.
var visitOpeners = set("during", "on", "after", "while", "in")

// nounVisit emits the engagement of a visit noun at i ("a visit to X")
// between its visitor, after "by" or the sentence's subject after a
// fronted visit phrase, and the country or actor visited.
func (d *doc) nounVisit(s *sent, i int) {
	if !visitHeads[d.low[i]] || i+2 >= s.b || d.low[i+1] != "to" || s.isContent(i) {
		return
	}
	m := s.mentionAt(i + 2)
	if m == nil || m.ent < 0 || m.pron {
		return
	}
	host := m.ent
	var visitors []int
	switch {
	case m.to+1 < s.b && d.low[m.to] == "by":
		visitors, _, _, _ = d.objectNP(s, m.to+1, 5)
	case m.to+1 < s.b && d.low[m.to] == "," && d.frontedVisit(s, i):
		if v := s.mentionAt(m.to + 1); v == nil {
			visitors = d.firstIn(s, m.to+1, min(s.b, m.to+7))
		} else if v.ent >= 0 && !v.place {
			visitors = []int{v.ent}
		}
	}
	var out []int
	for _, e := range visitors {
		if e != host {
			out = append(out, e)
		}
	}
	if len(out) > 0 {
		d.emit(s, Engages, out, []int{host}, 0.7, i)
	}
}

// frontedVisit reports a visit noun at i in a phrase opening the
// sentence: "During a recent visit", "On his first trip".
func (d *doc) frontedVisit(s *sent, i int) bool {
	for k := i - 1; k >= s.a && k >= i-4; k-- {
		if visitOpeners[d.low[k]] {
			return k == s.a
		}
		if !d.toks[k].word || d.toks[k].upper && k > s.a {
			return false
		}
	}
	return false
}
