package extract

// Seeing no reason for an act of cooperation refuses it: "sees no reason
// to hold talks with X", "did not see a single reason why he should meet
// X" reject X as "refused to meet X" does (CAMEO 12). The act must be one
// of cooperation or a meeting, which refusedIntent checks.

// seeVerbs find or see a reason: "did not see any reason", "found no reason".
var seeVerbs = set("see", "sees", "saw", "seeing", "find", "finds", "found")

// reasonDets may stand between the negation and "reason": "a single
// reason", "any reason", "no good reason".
var reasonDets = set("a", "any", "one", "single", "good", "real", "further")

// reasonNouns are the reason denied.
var reasonNouns = set("reason", "reasons", "need", "point")

// noReasonEnd returns the token of the act after a reason denied at i
// ("no reason to", "not see a single reason why he should"), or 0: "no"
// or "not" and a verb of seeing, up to three of reasonDets, the reason
// noun, then "to" or "why" with its subject and modal. Quotation marks
// around the words are skipped.
func (d *doc) noReasonEnd(s *sent, i int) int {
	k := i + 1
	if d.low[i] == "not" || d.low[i] == "never" {
		k = d.pastQuote(s, k)
		if k >= s.b || !seeVerbs[d.low[k]] {
			return 0
		}
		k++
	} else if d.low[i] != "no" {
		return 0
	}
	for n := 0; n < 3 && k < s.b && reasonDets[d.low[k]]; n++ {
		k++
	}
	if k >= s.b || !reasonNouns[d.low[k]] {
		return 0
	}
	k = d.pastQuote(s, k+1)
	switch {
	case k < s.b && d.low[k] == "to":
		return k + 1
	case k+2 < s.b && d.low[k] == "why" && subjectPronouns[d.low[k+1]] && modalWords[d.low[k+2]]:
		return k + 3
	}
	return 0
}

// pastQuote returns k past a quotation mark at k.
func (d *doc) pastQuote(s *sent, k int) int {
	if k < s.b && scareQuote(d.low[k]) {
		return k + 1
	}
	return k
}
