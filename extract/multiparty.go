package extract

// Talks of three or more. "The US, Saudi Arabia and Switzerland opened
// talks" names conveners more often than parties; talks held name their
// parties ("Jordan, Russia and Egypt held talks in Amman") unless held
// "between" or "among" others, "for" them or "on" an actor. A
// multilateral word makes the subjects parties with each other besides
// the object: "A and B held trilateral talks with C".

// multiPartyWords before a talks noun make every actor named a party.
var multiPartyWords = set("tripartite", "trilateral", "quadrilateral", "multilateral", "three-way", "four-way")

// holdVerbs make the subjects of talks their parties; conveners open,
// launch or host them.
var holdVerbs = set("hold", "holds", "held", "holding")

// conveneWords after a talks noun name parties other than its subjects.
var conveneWords = set("between", "among", "amongst", "for", "on behalf")

// partiesMax bounds the subjects a talk pairs: a longer list is a
// conference's roll.
const partiesMax = 5

// partiesTalk reports three to partiesMax subjects of talks that name no
// other parties in the clause, nor an actor they are about.
func (d *doc) partiesTalk(s *sent, c *cueCall) bool {
	n := len(c.sub.ents)
	if !c.talks || n < 3 || n > partiesMax || !holdVerbs[d.low[c.i]] {
		return false
	}
	for q := c.i; q < s.b && q < c.i+12; q++ {
		if conveneWords[d.low[q]] || d.low[q] == ";" {
			return false
		}
		if d.low[q] == "on" && q+1 < s.b && s.mentionAt(q+1) != nil {
			return false // "opened talks on Sudan": its conveners
		}
	}
	return true
}

// multiPartyTalks reports a multilateral word between the verb and the
// talks' object.
func (d *doc) multiPartyTalks(s *sent, c *cueCall) bool {
	for q := c.i; q < c.end && q < s.b; q++ {
		if multiPartyWords[d.low[q]] {
			return true
		}
	}
	return false
}

// partiesWord reports the word at i that names the parties of talks
// before it: "between", "among", and "of" after multilateral talks
// ("the tripartite talks of Jordan, the US and Russia").
func (d *doc) partiesWord(s *sent, i int) bool {
	switch d.low[i] {
	case "between", "among", "amongst":
		return true
	case "of":
		h := d.talksHead(s, i)
		return h > s.a && talksNouns[d.low[h]] && multiPartyWords[d.low[h-1]]
	}
	return false
}
