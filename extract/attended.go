package extract

import "strings"

// Meetings attended and their hosts. An actor that attends, joins or takes
// part in a meeting "hosted by X" meets X there (CAMEO 043, attend a
// meeting; X's act is 044, meet at a third location): "attended a
// conference hosted by X", "took part in talks convened by X".

// attendVerbs, before a meeting's noun, make their subject a participant.
var attendVerbs = set("attend", "attends", "attended", "attending", "join", "joins", "joined", "joining")

// attendedNouns are the meetings an actor attends: talks and the larger
// gatherings a host convenes.
var attendedNouns = union(talksNouns, set("conference", "conferences", "forum", "gathering", "round"))

// attendReach bounds the words between the verb of attending and the
// meeting's noun: "attended a regional security conference".
const attendReach = 6

// attendedHosted emits ENGAGES between the subject of a verb of attending
// and the host named after "hosted by" at i.
func (d *doc) attendedHosted(s *sent, i int) {
	if !hostParticiples[d.low[i]] || i+2 >= s.b || d.low[i+1] != "by" || i-1 <= s.a || !attendedNouns[d.low[i-1]] {
		return
	}
	v := d.attendVerbBefore(s, i-1)
	if v < 0 {
		return
	}
	sub := d.subjectAt(s, v)
	if len(sub.ents) == 0 || sub.neg {
		return
	}
	hosts, end, _, _ := d.objectNP(s, i+2, 6)
	if len(hosts) == 0 || overlaps(hosts, sub.ents) {
		return
	}
	d.emit(s, Engages, sub.ents, hosts, 0.65, end)
}

// attendVerbBefore returns the verb of attending before the meeting noun
// at n ("attended", or "took" of "took part in", "participated" of
// "participated in"), or -1 where a clause boundary or an actor comes
// first.
func (d *doc) attendVerbBefore(s *sent, n int) int {
	for q := n - 1; q > s.a && q >= n-attendReach; q-- {
		w := d.low[q]
		if attendVerbs[w] {
			return q
		}
		if w == "in" && d.low[q-1] == "part" && q-2 >= s.a {
			return q - 2
		}
		if w == "in" && strings.HasPrefix(d.low[q-1], "participat") {
			return q - 1
		}
		if !d.toks[q].word || boundaryWords[w] || s.mentionAt(q) != nil && s.mentionAt(q).ent >= 0 {
			return -1
		}
	}
	return -1
}
