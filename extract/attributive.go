package extract

import "strings"

// Participles as adjectives. A cue's participle that modifies a noun
// states no act of its own: after a possessive ("over its proposed use of
// Russian mercenaries") it is the noun's description, and joined by a
// hyphen to a name before it ("the Iranian-backed rebels", "a UN-led
// mission") it is the writer's description, which GUIDELINES.md leaves
// out as background no actor states.

// possessivePronouns own a noun a participle may describe.
var possessivePronouns = set("its", "their", "his", "her", "our", "your")

// attributive reports a cue word at i that is a participle used as an
// adjective.
func (d *doc) attributive(s *sent, i int) bool {
	if i <= s.a || !strings.HasSuffix(d.low[i], "ed") {
		return false
	}
	if possessivePronouns[d.low[i-1]] {
		return true
	}
	return d.low[i-1] == "-" && i-2 >= s.a && d.toks[i-2].upper
}
