package extract

// "Had" is a cue of talks ("had talks with X") and the auxiliary of a
// perfect. As the auxiliary, the talks it found further on were
// another's: "Kenya had also rejected an Ethiopian proposal to resume
// talks with the AU" made Kenya ENGAGES AU. The cue still names the
// clause's subject; it only looks for no talks.

// auxiliaryHad reports "had" at i as the auxiliary of a perfect: a
// participle follows, past adverbs and negation.
func (d *doc) auxiliaryHad(s *sent, i int) bool {
	if d.low[i] != "had" {
		return false
	}
	j := i + 1
	for j < s.b && j <= i+3 && (adverb(d.low[j]) || negWords[d.low[j]]) {
		j++
	}
	return j < s.b && (isParticiple(d.low[j]) || d.low[j] == "been")
}
