package extract

// Bids blocked. Blocking an actor's own bid, package or proposal
// rejects the actor as a veto does: "Turkey blocked Sweden's bid to join
// NATO", "Hungary blocked the EU's aid package". A joint text the
// blocker shares in ("blocked a joint EU statement condemning X") is its
// own body's, and rules.go's blockedText reads what it condemned.

// blockForms block.
var blockForms = set("block", "blocks", "blocked", "blocking")

// blockedBid is the phrase rule at a verb of blocking (i): the owner's
// possessive right after it, past "the".
func (d *doc) blockedBid(s *sent, i int) {
	if !blockForms[d.low[i]] || i+3 >= s.b || s.isContent(i) {
		return
	}
	if e, next := d.possessorAt(s, i+1); e >= 0 {
		d.subjectStance(s, i, Rejects, []int{e}, 0.7, next)
	}
}
