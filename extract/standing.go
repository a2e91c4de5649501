package extract

// Standing relations told by "in ... with". "Hungary is in constant
// consultation with the Commission" holds talks with it, and "the EU will
// respond in full solidarity with Cyprus" backs Cyprus: the relation is
// the subject's, as the verb "consult" or "side with" would state it.

// standingNouns name the relation after "in", with its stance type.
var standingNouns = map[string]string{
	"consultation": Engages, "consultations": Engages, "contact": Engages, "touch": Engages,
	"talks": Engages, "dialogue": Engages, "negotiations": Engages, "solidarity": Supports,
}

// standingMods may stand between "in" and the noun.
var standingMods = set("constant", "close", "regular", "permanent", "continuous", "ongoing", "direct", "full", "complete",
	"total", "firm", "deep", "frequent", "daily", "intensive")

// standingVerbs hold the relation: "is in", "remains in", "stands in";
// "interested in talks with X" holds none yet.
var standingVerbs = union(beWords, set("remain", "remains", "remained", "stay", "stays", "stayed", "keep", "keeps", "kept",
	"stand", "stands", "stood", "standing", "respond", "responds", "responded", "act", "acts", "acted"))

// standingWith is the phrase rule at "in" (i).
func (d *doc) standingWith(s *sent, i int) {
	if d.low[i] != "in" || i == s.a || !standingVerbs[d.low[i-1]] {
		return
	}
	j := i + 1
	for j < s.b && j <= i+3 && standingMods[d.low[j]] {
		j++
	}
	if j+2 >= s.b || d.low[j+1] != "with" {
		return
	}
	typ, ok := standingNouns[d.low[j]]
	if !ok {
		return
	}
	objs, end, _, _ := d.objectNP(s, j+2, 5)
	if len(objs) == 0 {
		return
	}
	d.subjectStance(s, i, typ, objs, 0.65, end)
}
