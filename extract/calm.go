package extract

// Calm asked of both sides of a conflict. "Called for maximum restraint
// amid India-Pakistan tensions" and "urged calm amid tensions between
// Kenya and Uganda" ask restraint of each side the tensions are between,
// as "restraint from India and Pakistan" does.

// calmNouns are the restraint a call asks for.
var calmNouns = set("restraint", "calm", "de-escalation", "deescalation")

// conflictNouns name what the sides are caught in.
var conflictNouns = set("tensions", "tension", "conflict", "clashes", "standoff", "dispute", "hostilities", "fighting", "row", "crisis")

// calmReach bounds the words from the calm noun to the conflict's noun.
const calmReach = 10

// calmAmid returns the sides of the conflict after a calm noun at q:
// "restraint amid India-Pakistan tensions", "calm amid the tensions
// between A and B"; nil where there is none.
func (d *doc) calmAmid(s *sent, q int) ([]int, int) {
	if !calmNouns[d.low[q]] {
		return nil, 0
	}
	var sides []int
	for k := q + 1; k < s.b && k <= q+calmReach; k++ {
		w := d.low[k]
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
			if !contains(sides, m.ent) {
				sides = append(sides, m.ent)
			}
			k = m.to - 1
			continue
		}
		switch {
		case conflictNouns[w] && len(sides) >= 2:
			return sides, k + 1
		case conflictNouns[w] && k+1 < s.b && d.low[k+1] == "between":
			sides, _, _, _ = d.objectNP(s, k+2, 6)
			if len(sides) >= 2 {
				return sides, k + 2
			}
			return nil, 0
		case w == "amid" || w == "over" || w == "in" || w == "the" || w == "-" || w == "and" || w == "growing" ||
			w == "rising" || w == "escalating" || w == "mounting" || w == "current" || w == "renewed" || w == "border" || w == "'" || w == "\u2019":
		default:
			return nil, 0
		}
	}
	return nil, 0
}

// calmAsked reads a calm noun among the first words from j (past
// degrees and quotation marks: "maximum restraint", "'calm'") and the
// sides of the conflict after it; ok is false where there are none.
func (d *doc) calmAsked(s *sent, j int) ([]int, int, bool) {
	for k := j; k < s.b && k < j+3; k++ {
		if calmNouns[d.low[k]] {
			objs, end := d.calmAmid(s, k)
			return objs, end, len(objs) > 0
		}
		if s.mentionAt(k) != nil {
			return nil, 0, false
		}
	}
	return nil, 0, false
}
