package extract

import (
	"slices"
	"strings"
)

// addresseePronouns stand for the person just addressed: "wrote to his
// counterpart inviting him", "wrote to X urging it".
var addresseePronouns = set("him", "her", "them", "it")

// addresseeParticiple reads a participle after the addressee of a verb:
// in "X wrote to his Y counterpart inviting him to visit", the one who
// invites is X, the writer, and the one invited is Y, whom the pronoun
// after the participle names. The nearest actor before a participle is
// its subject elsewhere ("Y, accusing X"), but here it stands as the
// object of "to" or "with" and the pronoun points back to it. It sets
// the cue's subject and object and reports whether it did.
func (d *doc) addresseeParticiple(s *sent, c *cueCall) bool {
	if !strings.HasSuffix(d.low[c.i], "ing") || c.after >= s.b || !addresseePronouns[d.low[c.after]] {
		return false
	}
	m := d.addresseeBefore(s, c.i)
	if m == nil {
		return false
	}
	p := m.from - 1
	for p > s.a && nounDets[d.low[p]] {
		p--
	}
	if p <= s.a || d.low[p] != "to" && d.low[p] != "with" {
		return false
	}
	sub := d.subjectAt(s, p-1)
	if len(sub.ents) == 0 || sub.neg || slices.Contains(sub.ents, m.ent) {
		return false
	}
	c.sub, c.objs, c.mode, c.end = sub, []int{m.ent}, mKnown, c.after+1
	return true
}

// addresseeBefore returns the actor mention ending at most two words of
// a noun phrase ("counterpart", "foreign minister") before i, or nil.
func (d *doc) addresseeBefore(s *sent, i int) *mention {
	for k := i - 1; k >= s.a && k >= i-3; k-- {
		if m := s.mentionAt(k); m != nil {
			if m.place {
				return nil
			}
			return m
		}
		if !d.toks[k].word || d.toks[k].upper {
			return nil
		}
	}
	return nil
}
