package extract

import "github.com/stancegraph/stancegraph/stance"

// Deadlines. A deadline set for an actor to act demands the act of it
// (CAMEO 10): "a deadline set by Egypt and Saudi Arabia for Qatar to
// accept the demands", "Kenya set a deadline for the rebels to disarm".
// The setter follows "set by", else it is the subject of the verb that
// sets the deadline; the actor given it follows "for" and acts "to".

// setDeadlineNouns are what is set.
var setDeadlineNouns = set("deadline", "deadlines", "ultimatum")

// deadlineSetVerbs set or give a deadline.
var deadlineSetVerbs = set("set", "sets", "setting", "issued", "issues", "issuing", "imposed", "imposes", "imposing",
	"extended", "extends", "extending", "announced", "announces")

// deadlineReach bounds the words of the setters' list after "by", long
// enough for four states and an acronym in brackets.
const deadlineReach = 20

// deadlineSet is the phrase rule at a deadline's noun (i).
func (d *doc) deadlineSet(s *sent, i int) {
	if !setDeadlineNouns[d.low[i]] || i+3 >= s.b {
		return
	}
	k := i + 1
	var setters []int
	if deadlineSetVerbs[d.low[k]] && d.low[k+1] == "by" {
		setters, k = d.settersList(s, k+2)
		if len(setters) == 0 {
			return
		}
	}
	if k+2 >= s.b || d.low[k] != "for" {
		return
	}
	targets, end := d.deadlineTargets(s, k+1)
	if len(targets) == 0 || end >= s.b || d.low[end] != "to" {
		return // "a deadline for the talks", "for Friday"
	}
	if len(setters) == 0 {
		v := d.deadlineVerb(s, i)
		if v < 0 {
			return
		}
		sub := d.subjectAt(s, v)
		if sub.neg {
			return
		}
		setters = sub.ents
	}
	if overlaps(setters, targets) {
		return
	}
	d.emit(s, Demands, setters, targets, 0.7, end+1)
}

// deadlineVerb returns the verb that sets the deadline at i, past its
// determiner and modifiers ("set a two-week deadline"), or -1.
func (d *doc) deadlineVerb(s *sent, i int) int {
	for v := i - 1; v >= s.a && v > i-7; v-- {
		switch {
		case deadlineSetVerbs[d.low[v]]:
			return v
		case d.low[v] == "-":
		case !d.toks[v].word || d.toks[v].upper || s.mentionAt(v) != nil:
			return -1
		}
	}
	return -1
}

// settersList reads the actors named from k up to "for": names, commas,
// "and", articles and an acronym in brackets ("the United Arab Emirates
// (UAE)"). It returns them and the index of "for", or nil.
func (d *doc) settersList(s *sent, k int) ([]int, int) {
	var ents []int
	for q := k; q < s.b && q < k+deadlineReach; q++ {
		if m := s.mentionAt(q); m != nil && m.ent >= 0 && !m.pron {
			if !contains(ents, m.ent) {
				ents = append(ents, m.ent)
			}
			q = m.to - 1
			continue
		}
		switch w := d.low[q]; {
		case w == "for":
			return ents, q
		case w == "," || w == "and" || w == "the" || w == "(" || w == ")" || d.toks[q].caps:
		default:
			return nil, q
		}
	}
	return nil, k
}

// deadlineTargets returns the actors named right after "for" at k, the
// ones given the deadline, and the token after them. A name deeper in
// the phrase ("for talks with Iran to conclude") is not given it, and
// nor are people ("Somali refugees"), who are no actor of a stance.
func (d *doc) deadlineTargets(s *sent, k int) ([]int, int) {
	if k < s.b && d.low[k] == "the" {
		k++
	}
	if m := s.mentionAt(k); m == nil || m.ent < 0 || m.place || !d.actsAsActor(m.ent) {
		return nil, k
	}
	objs, end, _, _ := d.objectNP(s, k, 4)
	return objs, end
}

// actsAsActor reports a state, government, armed group or organization.
func (d *doc) actsAsActor(e int) bool {
	switch d.actor(e).Kind {
	case stance.KindState, stance.KindGovernment, stance.KindArmedGroup, stance.KindOrganization:
		return true
	}
	return false
}
