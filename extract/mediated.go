package extract

// Mediation named otherwise. Bridging differences between two actors is
// mediating between them ("Oman has tried to bridge differences between
// Iran and Saudi Arabia"), and talks described as "X-mediated" or
// "X-brokered" before their "between" have X as their mediator ("the
// Oman-mediated consultations between Riyadh and Sanaa"): either way the
// mediator engages each party, as in "a mediation effort between A and
// B" (places.go).

// bridgeNouns are what a mediator bridges.
var bridgeNouns = set("differences", "gap", "gaps", "divide", "divisions", "rift")

// bridgeVerbs bridge them.
var bridgeVerbs = set("bridge", "bridges", "bridged", "bridging", "narrow", "narrows", "narrowed", "narrowing")

// mediatedWords join the mediator to the talks by a hyphen.
var mediatedWords = set("mediated", "brokered", "facilitated", "sponsored", "hosted")

// mediatedBetween is the phrase rule at "between" (i) for both forms.
func (d *doc) mediatedBetween(s *sent, i int) {
	if d.low[i] != "between" || i-2 < s.a {
		return
	}
	k := d.pastTime(s, i)
	if bridgeNouns[d.low[k]] {
		v := k - 1
		if v > s.a && d.low[v] == "the" {
			v--
		}
		if v >= s.a && bridgeVerbs[d.low[v]] {
			d.mediator(s, i)
		}
		return
	}
	head := d.talksHead(s, i)
	if !talksNouns[d.low[head]] {
		return
	}
	for q := head - 1; q-2 >= s.a && q >= head-3; q-- {
		if !mediatedWords[d.low[q]] || d.low[q-1] != "-" {
			continue
		}
		m := s.mentionAt(q - 2)
		parties, end, _, _ := d.objectNP(s, d.partiesFrom(s, i+1), 8)
		if m == nil || m.ent < 0 || m.pron || len(parties) < 2 || contains(parties, m.ent) || s.isContent(i) {
			return
		}
		d.emit(s, Engages, []int{m.ent}, parties, 0.65, end)
		return
	}
}
