package extract

// Allies named by their demonyms. After a possessive, demonyms before
// "allies" or "partners" name those states ("Kenya and its Ugandan and
// Tanzanian allies accused X"), as before an office noun; without one
// ("Ugandan allies such as X") they may be any state's allies and name
// no one.

// allyNouns follow the demonyms of allies.
var allyNouns = set("allies", "ally", "partners", "partner", "backers")

// allyLead bounds the words between the possessive and the noun: "its
// Ugandan and Tanzanian allies".
const allyLead = 6

// ownAllies reports an ally noun at j after a possessive within reach: a
// noun, never the verb "allies" of the CAMEO dictionary.
func (d *doc) ownAllies(s *sent, j int) bool {
	if j >= s.b || !allyNouns[d.low[j]] {
		return false
	}
	for k := j - 1; k >= s.a && k >= j-allyLead; k-- {
		if possessivePronouns[d.low[k]] {
			return true
		}
	}
	return false
}
