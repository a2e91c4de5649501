package extract

import "github.com/stancegraph/stancegraph/stance"

// A state's envoy to a body is the state's. "Kenya's UN ambassador",
// "the United States' ASEAN mission" and "Russia's envoy to the UN"
// speak for Kenya, the United States and Russia; the body named is only
// where they are posted, as a title's portfolio is, and no actor of the
// sentence.

// postNouns are envoys and missions posted to a body.
var postNouns = set("mission", "missions", "ambassador", "ambassadors", "envoy", "envoys", "representative",
	"representatives", "delegation", "delegate", "delegates", "diplomat", "diplomats")

// envoyPosts are the people a state posts to a body; after the state's
// possessive a "mission" is as often the body's in that state.
var envoyPosts = set("ambassador", "ambassadors", "envoy", "envoys", "representative", "representatives", "delegation",
	"delegate", "delegates", "diplomat", "diplomats")

// postedTo reports whether m names the body a state's envoy is posted
// to: after the state's possessive and before (or ending in) a post
// noun, or after a post noun of a state and "to" or "at".
func (d *doc) postedTo(s *sent, m mention) bool {
	if m.ent < 0 || m.ref || m.pron || d.actor(m.ent).Kind != stance.KindOrganization {
		return false
	}
	if m.from-2 >= s.a && (isPossessive(d.low[m.from-1]) || d.low[m.from-1] == "'" || d.low[m.from-1] == "\u2019") &&
		d.stateMentionAt(s, m.from-2) && (m.to < s.b && envoyPosts[d.low[m.to]] || envoyPosts[d.low[m.to-1]]) {
		return true // "Kenya's UN ambassador"; "Mali's UN mission" is the UN's mission in Mali
	}
	if m.from-2 < s.a || d.low[m.from-1] != "to" && d.low[m.from-1] != "at" || !postNouns[d.low[m.from-2]] {
		return false
	}
	for j := m.from - 3; j >= s.a && j >= m.from-5; j-- {
		if d.stateMentionAt(s, j) {
			return true // "the US mission to ASEAN", "Russia's envoy to the UN"
		}
	}
	return false
}

// stateMentionAt reports a state's or government's mention ending at j.
func (d *doc) stateMentionAt(s *sent, j int) bool {
	m := s.mentionAt(j)
	return m != nil && m.ent >= 0 && !m.pron && d.isStateLike(m.ent)
}
