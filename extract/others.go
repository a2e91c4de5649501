package extract

// A list closed by others unnamed: "France, Germany and other parties
// rejected the demand" names France and Germany as "France, Germany and
// Italy" would; without the closing "and", "A, B" is an apposition or
// two clauses.

// otherWords open the unnamed rest of a list: "and other parties".
var otherWords = set("other", "several", "some", "many", "various", "more")

// closedByOthers reports "and other ..." at token j, after a list's last
// actor.
func (d *doc) closedByOthers(s *sent, j int) bool {
	return j+2 < s.b && d.low[j] == "and" && otherWords[d.low[j+1]] && d.toks[j+2].word
}
