package extract

// An ambassador recalled from a state ("recalled its ambassador from X",
// "recalled its envoy to X") downgrades relations with it as cutting ties
// does (CAMEO 161, reduce or break diplomatic relations), which news
// annotators code a rejection of X. The dictionary codes the recall
// without its state: no actor follows the envoy's noun.

// recallVerbs recall an envoy.
var recallVerbs = set("recall", "recalls", "recalled", "recalling")

// recalledEnvoys are the envoys recalled, with the words that may stand
// before them ("its top diplomat", "their ambassadors").
var (
	recalledEnvoys  = set("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "commissioner")
	recalledLeading = set("its", "their", "his", "her", "the", "top", "senior", "high", "chief")
)

// recallPreps introduce the state the envoy is recalled from.
var recallPreps = set("from", "to", "in")

// recalledEnvoy handles a verb of recall at i.
func (d *doc) recalledEnvoy(s *sent, i int) {
	if !recallVerbs[d.low[i]] || s.isContent(i) {
		return
	}
	j := i + 1
	for j < s.b && j < i+4 && recalledLeading[d.low[j]] {
		j++
	}
	if j+2 >= s.b || !recalledEnvoys[d.low[j]] || !recallPreps[d.low[j+1]] {
		return
	}
	objs, end, _, _ := d.objectNP(s, j+2, 3)
	sub := d.subjectAt(s, i)
	if len(objs) == 0 || len(sub.ents) == 0 || sub.neg || overlaps(objs, sub.ents) || i > s.a && beWords[d.low[i-1]] {
		return
	}
	d.emit(s, Rejects, sub.ents, objs, 0.75, end)
}
