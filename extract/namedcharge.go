package extract

// Accusations named by their noun. A sentence that names an actor's
// accusation and whom it is against states the accusation whatever else
// it says of it: "clashed over accusations by Sudan that the UAE arms
// the RSF", "Morocco's accusation against Iran is a fabrication". The
// owner is a possessive or demonym before the noun or an actor after
// "by"; the accused follows "against", or opens the "that" clause.

// chargeNouns name an accusation made; "charges" and "claims" name
// other things too often (criminal charges, territorial claims).
var chargeNouns = set("accusation", "accusations", "allegation", "allegations")

// chargeModReach bounds the modifiers between the owner and the noun
// ("the irresponsible, shameless and false Moroccan allegations").
const chargeModReach = 4

// namedCharge is the phrase rule at an accusation's noun (i).
func (d *doc) namedCharge(s *sent, i int) {
	if !chargeNouns[d.low[i]] || i+2 >= s.b {
		return
	}
	if d.wordWithinBack(s, i-1, s.a, 2, unmadeCharge) {
		return // "any accusation by X would ...": none made
	}
	owners, next := d.chargeOwnerBefore(s, i), i+1
	if len(owners) == 0 && i+3 < s.b && madeWords[d.low[i+1]] && d.low[i+2] == "by" {
		owners, next, _, _ = d.objectNP(s, i+3, 4) // "allegations made by Chad"
	} else if len(owners) == 0 && (d.low[i+1] == "by" || d.low[i+1] == "from") {
		owners, next, _, _ = d.objectNP(s, i+2, 4)
	}
	if len(owners) == 0 {
		return
	}
	var accused []int
	if next+1 < s.b && d.low[next] == "against" {
		accused = d.chargeTarget(s, next+1)
	} else {
		accused = d.thatClauseActors(s, next)
	}
	if len(accused) == 0 || overlaps(owners, accused) {
		return
	}
	d.emit(s, Accuses, owners, accused, 0.65, i)
}

// chargeOwnerBefore returns the owner of the accusation at i named before
// it: a possessive ("Morocco's accusation") or a demonym ("the Moroccan
// allegations"), past at most chargeModReach lower-case modifiers.
func (d *doc) chargeOwnerBefore(s *sent, i int) []int {
	for j := i - 1; j >= s.a && j >= i-chargeModReach-1; j-- {
		w := d.low[j]
		if isPossessive(w) && j > s.a {
			if m := s.mentionAt(j - 1); m != nil && m.ent >= 0 && !m.place && !m.pron {
				return []int{m.ent}
			}
			return nil
		}
		if e, ok := d.demonymAt(j); ok && j == i-1 {
			return []int{e}
		}
		if m := s.mentionAt(j); m != nil && m.to == i && m.ent >= 0 && !m.place && !m.pron {
			return []int{m.ent} // "the US accusation against Iran"
		}
		if !d.toks[j].word && !scareQuote(w) && w != "," || d.toks[j].word && d.toks[j].upper || determiners[w] ||
			chargeOwnerStops[w] {
			return nil // "China's response to accusations": the owner is the response's
		}
	}
	return nil
}

// madeWords make an accusation by its author: "allegations made by Chad".
var madeWords = set("made", "levelled", "leveled", "raised", "voiced")

// unmadeCharge before the noun make it an accusation not made.
var unmadeCharge = set("any", "no", "every")

// chargeOwnerStops end the look-back for an accusation's owner: a
// preposition belongs to another noun ("the UN's investigation into
// allegations"), and "any" or "no" makes the accusation one not made.
var chargeOwnerStops = set("to", "into", "of", "for", "on", "about", "over", "from", "with", "by", "at", "in", "against",
	"any", "no", "every", "possible", "potential", "future")

// chargeTarget returns the accused after "against" at k: the actor named
// there, or the one an owner's possessive leads to ("against Egypt's ally
// Sudan" accuses Sudan).
func (d *doc) chargeTarget(s *sent, k int) []int {
	if k < s.b && (d.low[k] == "the" || d.low[k] == "both") {
		k++
	}
	m := s.mentionAt(k)
	if m == nil || m.ent < 0 || m.place {
		return nil
	}
	if m.to >= s.b || !isPossessive(d.low[m.to]) {
		objs, _, _, _ := d.objectNP(s, k, 6)
		return objs
	}
	if m.to+1 < s.b && (officeNouns[d.low[m.to+1]] || rulerWords[d.low[m.to+1]]) {
		return []int{m.ent} // "against Azerbaijan's forces": Azerbaijan
	}
	for j := m.to + 1; j < s.b && j <= m.to+3; j++ {
		if n := s.mentionAt(j); n != nil && n.ent >= 0 && !n.place && !n.pron {
			return []int{n.ent}
		}
		if !d.toks[j].word || d.toks[j].upper {
			break
		}
	}
	return nil
}
