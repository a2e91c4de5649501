package extract

// The sides of a conflict named by coordinated demonyms. "Israeli and
// Lebanese parties" and "the Israeli and Lebanese sides" are the two
// states, each side its own. Alone, "Lebanese parties" are the country's
// political parties (the agent table's PTY), and "Israeli" before "and"
// names no one, as a demonym needs a noun after it; so the UN urging
// "Israeli and Lebanese parties" to show restraint made a demand of
// Lebanon's parties only.

// coordSideNouns follow coordinated demonyms of the sides.
var coordSideNouns = set("parties", "sides")

// coordinatedSide reports whether the one-word demonym at i is one of two
// or more joined by "and" or commas before a side noun.
func (d *doc) coordinatedSide(s *sent, i int) bool {
	if i+1 >= s.b || !d.isDemonym(s, i) {
		return false
	}
	joined := i-2 >= s.a && (d.low[i-1] == "and" || d.low[i-1] == ",") && d.isDemonym(s, i-2)
	j := i + 1
	for j+1 < s.b && (d.low[j] == "and" || d.low[j] == ",") && d.isDemonym(s, j+1) {
		joined = true
		j += 2
	}
	return joined && j < s.b && coordSideNouns[d.low[j]]
}
