package extract

// A demand in reported speech is addressed to the subject of its "must" or
// "should". When the word before the modal is no actor, the subject may
// still be a noun phrase that holds actors among other words: "the
// Sudanese government and the rebels in Darfur must", "the US and other
// rich nations must".

// spanStops end a subject noun phrase: prepositions that attach what
// follows to something else, relative pronouns and punctuation.
var spanStops = set("with", "to", "for", "on", "against", "by", "from", "that", "which", "who", "whose", "whom", "about",
	"if", "unless", "whether", "when", "while", "because", ";", ":", "--", "\u2014", "(", ")", `"`, "\u201c", "\u201d")

// adjectiveSlot words make a participle after them an adjective: "other
// developed nations", "the newly elected government".
var adjectiveSlot = set("the", "a", "an", "other", "more", "most", "less", "least", "many", "several", "some", "all", "both",
	"newly", "highly", "fully", "well", "its", "their", "his", "her")

// subjectSpan returns the actors of the noun phrase from..k before a modal
// at k, when the phrase is at most twelve tokens, holds no verb and no
// preposition but "in" or "of", and names an actor; else nil.
func (d *doc) subjectSpan(s *sent, from, k int) []int {
	if from < s.a || k-from > 12 || k <= from {
		return nil
	}
	var ents []int
	for j := from; j < k; j++ {
		if m := s.mentionAt(j); m != nil {
			if m.ent >= 0 && !m.place && !(m.pron && isPossPron(d.low[m.from]) && !m.gov) && !contains(ents, m.ent) {
				ents = append(ents, m.ent)
			}
			j = m.to - 1
			continue
		}
		if spanStops[d.low[j]] || d.verbLike(j) && !(j > from && adjectiveSlot[d.low[j-1]]) || beWords[d.low[j]] || modalWords[d.low[j]] || d.low[j] == "has" || d.low[j] == "have" {
			return nil
		}
	}
	return ents
}

// modalSubject returns the actors a "must" or "should" at k in what was
// said (from cFrom) is addressed to: the actor right before it, else the
// actors of its subject phrase.
func (d *doc) modalSubject(s *sent, k, cFrom int) []int {
	if objs := d.before(s, k, cFrom); len(objs) > 0 {
		return objs
	}
	return d.subjectSpan(s, cFrom, k)
}
