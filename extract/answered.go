package extract

import "strings"

// An offer or demand answered states the offer or demand too. "Ethiopia
// rejected a Sudanese proposal" tells that Sudan proposed something to
// Ethiopia, and "Qatar rejected the demands made by Saudi Arabia" that
// Saudi Arabia demanded something of Qatar: the owner of the proposal
// offers it to the actor that answers it, the owner of the demands asks
// it of that actor (GUIDELINES.md: "offers or proposes something to the
// object"). Welcoming or accepting an offer or invitation tells the
// same; welcoming a plan or proposal need not, since it may be addressed
// to someone else. An owner known from before ("rejected the demand"),
// or an addressee named after the noun ("Russia's demand that Ukraine
// cede"), is left: the demand was made of someone else.

// answeredNouns are the things an answer is given to, with the stance
// their owner holds toward whoever answers them.
var answeredNouns = map[string]string{
	"proposal": Offers, "proposals": Offers, "offer": Offers, "offers": Offers, "overture": Offers, "overtures": Offers,
	"invitation": Offers, "demand": Demands, "demands": Demands, "ultimatum": Demands,
}

// proposedBy are participles whose agent after "by" offered the thing.
var proposedBy = set("proposed", "offered", "suggested", "tabled")

// answeredReach bounds the words from the object phrase's end to the
// noun: "Uganda's offer", "the offer made by Uganda".
const answeredReach = 3

// answeredOwner emits the owner's offer or demand behind a cue whose
// object owns the noun it answers.
func (d *doc) answeredOwner(s *sent, c *cueCall) {
	if !d.namedIn(s, c.objs, c.after, c.end) {
		return // "rejected the demand": whom the demand was made of is not known
	}
	for k := c.after; k < s.b && k < c.end+answeredReach; k++ {
		typ, ok := answeredNouns[d.low[k]]
		if proposedBy[d.low[k]] && k+1 < s.b && d.low[k+1] == "by" {
			typ, ok = Offers, true // "the truce proposed by Ukraine"
		}
		if !ok {
			continue
		}
		if !answers(c, d.low[c.i], typ, d.low[k]) || d.addresseeNamed(s, k, c) || d.reportsOf(s, c.after, k) {
			return
		}
		d.emit(s, typ, c.objs, c.sub.ents, c.conf-0.15, c.end)
		return
	}
}

// answers reports whether a cue of type typ by the verb answers the
// noun's offer or demand: a rejection answers either, an acceptance or
// welcome an offer or invitation.
func answers(c *cueCall, verb, typ, noun string) bool {
	switch {
	case c.typ == Rejects:
		return true
	case c.typ != Supports || typ != Offers:
		return false
	}
	answer := strings.HasPrefix(verb, "accept") || strings.HasPrefix(verb, "welcom")
	return answer && (strings.HasPrefix(noun, "offer") || noun == "invitation")
}

// addressedPreps name whom an offer or demand is made of after the noun
// or its participle: "Russia's demand that Ukraine cede", "a proposal
// to Egypt", "demands made by Sudan on Egypt".
var addressedPreps = set("to", "on", "that", "of", "for")

// addresseeNamed reports an actor other than the answering subject named
// after the noun at k within its phrase: the offer or demand was made
// of that actor, not of the one answering it.
func (d *doc) addresseeNamed(s *sent, k int, c *cueCall) bool {
	for j := k + 1; j < s.b && j <= k+6; j++ {
		w := d.low[j]
		if w == "," || w == ";" || w == "." || w == "and" || w == "but" {
			return false
		}
		if !addressedPreps[w] || w == "that" && j != k+1 {
			continue // "that" right after the noun: "the demand that X"
		}
		if m := s.mentionAt(j + 1); j+1 < s.b && m != nil && m.ent >= 0 && !contains(c.sub.ents, m.ent) && !contains(c.objs, m.ent) {
			return true
		}
	}
	return false
}

// reportsOf reports "reports of" or "rumours of" before the noun at k: a
// proposal reported is not known to have been made.
func (d *doc) reportsOf(s *sent, from, k int) bool {
	for j := from; j+1 < k; j++ {
		if (d.low[j] == "reports" || d.low[j] == "rumours" || d.low[j] == "rumors") && d.low[j+1] == "of" {
			return true
		}
	}
	return false
}

// namedIn reports an actor of objs named in tokens [from, to).
func (d *doc) namedIn(s *sent, objs []int, from, to int) bool {
	for k := from; k < to && k < s.b; k++ {
		if m := s.mentionAt(k); m != nil && contains(objs, m.ent) {
			return true
		}
	}
	return false
}
