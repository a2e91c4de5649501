package extract

// Putting an actor on a list of wrongdoers accuses it: "X added Y to its
// list of state sponsors of terrorism", "X included Y and Z in the list of
// countries that do not cooperate", "placed Y on a blacklist". A list of
// no such kind ("added Y to the list of partners") states nothing.

// listingVerbs put their object on a list.
var listingVerbs = set("added", "adds", "included", "includes", "placed", "places", "put", "puts", "kept", "keeps", "relisted")

// listPreps introduce the list after the object.
var listPreps = set("to", "in", "into", "on")

// blackLists are list nouns hostile in themselves.
var blackLists = set("blacklist", "watchlist", "blacklists")

// listMarks after "list" make it a list of wrongdoers.
var listMarks = set("terror", "terrorism", "terrorist", "terrorists", "sponsors", "sponsor", "not", "sanctions",
	"sanctioned", "violators", "concern", "watch", "black", "uncooperative")

// listReach bounds the words from the object to "list", and from "list"
// to its mark.
const listReach = 8

// blacklisted emits the accusations of a listing verb at i.
func (d *doc) blacklisted(s *sent, i int) {
	if !listingVerbs[d.low[i]] || s.isContent(i) {
		return
	}
	objs, end, _, _ := d.objectNP(s, i+1, 4)
	if len(objs) == 0 || end >= s.b || !listPreps[d.low[end]] || !d.hostileList(s, end+1) {
		return
	}
	if sub, ok := d.subjectStance(s, i, Accuses, objs, 0.75, end+1); ok {
		d.setSubject(s, sub)
	}
}

// hostileList reports a list of wrongdoers within reach after j: a
// blacklist, or "list" with a mark of wrongdoing after it.
func (d *doc) hostileList(s *sent, j int) bool {
	for k := j; k < s.b && k < j+listReach; k++ {
		w := d.low[k]
		if blackLists[w] {
			return true
		}
		if w == "list" || w == "lists" {
			return d.wordIn(s, k+1, listReach, listMarks)
		}
	}
	return false
}

// wordIn reports a word of ws within n tokens after j.
func (d *doc) wordIn(s *sent, j, n int, ws map[string]bool) bool {
	for k := j; k < s.b && k < j+n; k++ {
		if ws[d.low[k]] {
			return true
		}
	}
	return false
}
