package extract

// Talks named with their venue. A place may stand between a talks noun
// and its "between", as a time may: "talks in Geneva between X and Y",
// "a summit in the Spanish city of Granada between X and Y".

// venueReach bounds the words of a venue phrase after its "in" or "at".
const venueReach = 7

// venueWords may stand in a venue phrase in lower case: "the capital
// of", "the Spanish city of".
var venueWords = set("the", "of", "city", "capital", "town", "resort", "port")

// talksHead returns the token before "between" at i past a time and a
// venue phrase: the noun of "talks on Monday in Geneva between".
func (d *doc) talksHead(s *sent, i int) int {
	k := d.pastTime(s, i)
	if k <= s.a || !d.toks[k].upper {
		return k
	}
	for q := k - 1; q > s.a && q >= k-venueReach; q-- {
		w := d.low[q]
		if w == "in" || w == "at" {
			return d.pastTime(s, q)
		}
		if !d.toks[q].upper && !venueWords[w] {
			break
		}
	}
	return k
}
