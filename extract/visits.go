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
	default:
		// "X made an unannounced visit to Y", "X paid a visit to Y".
		if v := d.visitVerbBefore(s, i); v >= 0 {
			if sub := d.subjectAt(s, v); !sub.neg {
				visitors = sub.ents
			}
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

// visitMakers make or pay a visit: "made a two-day visit to X".
var visitMakers = set("made", "makes", "paid", "pays", "began", "begins", "undertook", "undertakes", "concluded", "concludes")

// visitVerbBefore returns the verb that makes the visit noun at i, past
// an article and lower-case modifiers ("an unannounced", "a two-day"), or
// -1.
func (d *doc) visitVerbBefore(s *sent, i int) int {
	for k := i - 1; k >= s.a && k >= i-6; k-- {
		w := d.low[k]
		if visitMakers[w] {
			return k
		}
		if !(d.toks[k].word && !d.toks[k].upper || w == "-") || s.mentionAt(k) != nil || negWords[w] || w == "no" {
			return -1 // "made no visit to X"
		}
	}
	return -1
}

// invitedVerbs bring a visitor to a place at someone's invitation.
var invitedVerbs = set("travelled", "traveled", "travel", "arrived", "came", "come", "went", "flew", "visited", "visits", "arrives",
	"travels")

// invitedVisit handles "at the invitation of X" at i after a verb of
// arrival: the visitor, the verb's subject, engages X, the host who
// invited it ("travelled to Tehran at the invitation of Iran's foreign
// ministry"). The destination alone names no one (a place, by an earlier
// decision).
func (d *doc) invitedVisit(s *sent, i int) {
	if d.low[i] != "invitation" || i-2 < s.a || d.low[i-1] != "the" || d.low[i-2] != "at" || i+1 >= s.b || d.low[i+1] != "of" ||
		s.isContent(i) {
		return
	}
	hosts, end, _, _ := d.objectNP(s, i+2, 5)
	if len(hosts) == 0 {
		return
	}
	for v := i - 3; v >= s.a && v >= i-12; v-- {
		if invitedVerbs[d.low[v]] {
			if sub := d.subjectAt(s, v); !sub.neg && !overlaps(sub.ents, hosts) {
				d.emit(s, Engages, sub.ents, hosts, 0.7, end)
			}
			return
		}
		if w := d.low[v]; w == "," || w == ";" || boundaryWords[w] {
			return
		}
	}
}
