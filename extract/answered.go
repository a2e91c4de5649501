package extract

import "strings"

// An offer or demand answered states the offer or demand too. "Ethiopia
// rejected a Sudanese proposal" tells that Sudan proposed something to
// Ethiopia, and "Qatar rejected the demands made by Saudi Arabia" that
// Saudi Arabia demanded something of Qatar: the owner of the proposal
// offers it to the actor that answers it, the owner of the demands asks
// it of that actor (GUIDELINES.md: "offers or proposes something to the
// object"). Welcoming or accepting an offer tells the same; welcoming a
// plan need not, since a plan may be addressed to no one. An owner known
// from before ("rejected the demand") is left: the demand may have been
// made of someone else.

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
	verb := d.low[c.i]
	if !d.namedIn(s, c.objs, c.after, c.end) {
		return // "rejected the demand": whom the demand was made of is not known
	}
	if c.typ != Rejects && !(c.typ == Supports && (strings.HasPrefix(verb, "accept") || strings.HasPrefix(verb, "welcom"))) {
		return
	}
	for k := c.after; k < s.b && k < c.end+answeredReach; k++ {
		typ, ok := answeredNouns[d.low[k]]
		if proposedBy[d.low[k]] && k+1 < s.b && d.low[k+1] == "by" {
			typ, ok = Offers, true // "the truce proposed by Ukraine"
		}
		if !ok {
			continue
		}
		if typ == Demands && c.typ != Rejects || typ == Offers && c.typ == Supports && !strings.HasPrefix(d.low[k], "offer") {
			return
		}
		d.emit(s, typ, c.objs, c.sub.ents, c.conf-0.15, c.end)
		return
	}
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
