package extract

// Accusations denied. An actor that rejects or denies another's
// accusation is, unless the accusation names someone else, the one
// accused: "X rejected accusations by Y that it shelters rebels" says Y
// ACCUSES X as well as X REJECTS Y. An accusation "that Z ..." accuses Z.

// denialVerbs reject what another has said.
var denialVerbs = set("reject", "rejects", "rejected", "rejecting", "deny", "denies", "denied", "denying", "dismiss",
	"dismisses", "dismissed", "dismissing", "refute", "refutes", "refuted", "refuting", "repudiate", "repudiates",
	"repudiated", "repudiating", "rebuffed", "rebuts", "rebutted", "rubbished", "rubbishes", "debunked", "debunks")

// deniedNouns are the accusations a denial may reject.
var deniedNouns = set("accusation", "accusations", "allegation", "allegations", "charge", "charges", "claim", "claims")

// landClaims make a claim one to land or sea, not a charge against anyone.
var landClaims = set("territorial", "maritime", "sovereignty", "land", "border", "historical", "historic", "boundary",
	"expansive", "excessive")

// denialLead bounds the words between a denial verb and its noun: "firmly
// rejected the latest accusations".
const denialLead = 4

// deniedAccusation emits the accusation that a denial at the noun i
// rejects: its author after "by" or "from" accuses the denier, or the
// actor of the accusation's "that" clause.
func (d *doc) deniedAccusation(s *sent, i int) {
	if !deniedNouns[d.low[i]] || i+2 >= s.b || (d.low[i+1] != "by" && d.low[i+1] != "from") || i > s.a && landClaims[d.low[i-1]] {
		return // "rejected the territorial claims by China" is a claim to land, no charge
	}
	v := d.denialBefore(s, i)
	if v < 0 || s.isContent(v) {
		return
	}
	accusers, end, _, _ := d.objectNP(s, i+2, 6)
	if len(accusers) == 0 {
		return
	}
	accused := d.thatClauseActors(s, end)
	if len(accused) == 0 {
		sub := d.subjectAt(s, v)
		if sub.neg {
			return
		}
		accused = sub.ents
	}
	if len(accused) == 0 || overlaps(accused, accusers) {
		return
	}
	d.emit(s, Accuses, accusers, accused, 0.7, end)
}

// denialBefore returns the denial verb shortly before the noun at i, past
// determiners and modifiers, or -1.
func (d *doc) denialBefore(s *sent, i int) int {
	for k := i - 1; k >= s.a && k >= i-denialLead; k-- {
		if denialVerbs[d.low[k]] {
			return k
		}
		if !d.toks[k].word || s.mentionAt(k) != nil || placeStops[d.low[k]] {
			return -1
		}
	}
	return -1
}

// thatClauseActors returns the named actors that open a "that" clause at
// j ("that Kenya shelters rebels"), none for a pronoun or no clause.
func (d *doc) thatClauseActors(s *sent, j int) []int {
	if j+1 >= s.b || d.low[j] != "that" {
		return nil
	}
	k := j + 1
	if k+1 < s.b && d.low[k] == "the" {
		k++ // "that the US will"
	}
	if m := s.mentionAt(k); m == nil || m.pron {
		return nil
	}
	ents, _, _, _ := d.objectNP(s, k, 4)
	return ents
}

// chargeJustMade returns the accusers of the accusation this sentence
// stated before "a charge X denies", whoever it named: the denial
// refers to that charge, which implicates X ("accuse them of using
// Ugandan airstrips, a charge Uganda rejects").
func (d *doc) chargeJustMade(s *sent, deniers []int) []int {
	var out []int
	for _, e := range s.accusers {
		if !contains(deniers, e) {
			out = append(out, e)
		}
	}
	return out
}

// relativeDenialReach bounds the words between "which" and the denial
// verb: "which its far smaller neighbour denies".
const relativeDenialReach = 8

// chargeDeniedByRelative returns the accusers of the accusation whose
// content a "which" clause with the denial verb at v refers to ("accusing
// X of backing the rebels, which X denies"): what is denied is the
// charge, not the rebels it names. Nil when the clause is no such denial.
func (d *doc) chargeDeniedByRelative(s *sent, v int, deniers []int) []int {
	if !denialVerbs[d.low[v]] || len(s.accusers) == 0 {
		return nil
	}
	for k := v - 1; k > s.a+1 && k >= v-relativeDenialReach; k-- {
		if d.low[k] == "which" {
			if d.low[k-1] == "," && s.isContent(k-2) {
				return d.chargeJustMade(s, deniers)
			}
			return nil
		}
	}
	return nil
}
