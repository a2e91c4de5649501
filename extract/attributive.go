package extract

import "strings"

// Participles as adjectives. A cue's participle that modifies a noun
// states no act of its own: after a possessive ("criticised over its proposed
// purchase of jets") it is the noun's description, and joined by a
// hyphen to a name before it ("the Ugandan-backed rebels", "a UN-led
// mission") it is the writer's description, which GUIDELINES.md leaves
// out as background no actor states. A verb form in -s after a
// determiner and a plain noun is a plural noun of a compound ("the aid
// offers", "the loan pledges"), not the verb.

// possessivePronouns own a noun a participle may describe.
var possessivePronouns = set("its", "their", "his", "her", "our", "your")

// attributive reports a cue word at i that is a participle used as an
// adjective.
func (d *doc) attributive(s *sent, i int) bool {
	if d.compoundNoun(s, i) || d.nounAfterPreposition(s, i) {
		return true
	}
	if i <= s.a || !strings.HasSuffix(d.low[i], "ed") {
		return false
	}
	if possessivePronouns[d.low[i-1]] {
		return true
	}
	return d.low[i-1] == "-" && i-2 >= s.a && d.toks[i-2].upper
}

// compoundDeterminers open a compound noun: "the aid offers".
var compoundDeterminers = set("the", "its", "their", "these", "those", "his", "her", "our")

// compoundNoun reports a cue word in -s at i that ends a compound noun: a
// determiner, then a lower-case word of no actor, auxiliary or adverb.
func (d *doc) compoundNoun(s *sent, i int) bool {
	if i-2 < s.a || !strings.HasSuffix(d.low[i], "s") || !compoundDeterminers[d.low[i-2]] {
		return false
	}
	n := i - 1
	w := d.low[n]
	return d.toks[n].word && !d.toks[n].upper && s.mentionAt(n) == nil && !auxWords[w] && !adverb(w) && !officeNouns[w]
}

// nounPreps make a cue word in -s after them a plural noun: "caved in to
// demands from X", "despite calls by X"; no verb in -s follows them.
var nounPreps = set("to", "of", "for", "with", "by", "from", "against", "despite", "amid", "over", "about")

// nounAfterPreposition reports a cue word in -s at i right after such a
// preposition.
func (d *doc) nounAfterPreposition(s *sent, i int) bool {
	return i > s.a && nounPreps[d.low[i-1]] && strings.HasSuffix(d.low[i], "s") && !strings.HasSuffix(d.low[i], "ss")
}
