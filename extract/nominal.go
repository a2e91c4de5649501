package extract

// Stances named by a noun. A verb of expression and a noun of attitude
// state what a verb would: "expressed displeasure with X" criticizes X
// (CAMEO 111), "voiced its opposition to X's plan" rejects it (12),
// "expressed gratitude to X" and "paid tribute to X" praise X (051).

// nominalStance is a verb set and the nouns of attitude it expresses,
// each with its stance type.
type nominalStance struct {
	verbs map[string]bool
	nouns map[string]string
}

var nominalStances = []nominalStance{
	{expressionVerbs, map[string]string{
		"displeasure": Accuses, "disapproval": Accuses, "anger": Accuses, "outrage": Accuses, "indignation": Accuses,
		"dissatisfaction": Accuses, "regret": Accuses, "discontent": Accuses, "frustration": Accuses, "irritation": Accuses, "dismay": Accuses, "disappointment": Accuses, "shock": Accuses, "condemnation": Accuses, "contempt": Accuses, "disdain": Accuses, "scorn": Accuses,
		"opposition": Rejects, "rejection": Rejects, "objection": Rejects, "objections": Rejects,
		"reservations": Rejects, "reservation": Rejects,
		"gratitude": Supports, "appreciation": Supports, "thanks": Supports, "admiration": Supports,
	}},
	{set("paid", "pays", "pay", "paying"), map[string]string{"tribute": Supports, "homage": Supports}},
	// An objection lodged, filed or raised is one voiced formally:
	// "lodged a formal objection to X's decree".
	{lodgeVerbs, map[string]string{"objection": Rejects, "objections": Rejects}},
	{set("raise", "raises", "raised", "raising"), map[string]string{"objection": Rejects, "objections": Rejects}},
}

// nominalPreps put the object after the noun of attitude.
var nominalPreps = set("with", "at", "over", "to", "toward", "towards", "of", "for", "about", "against")

// nominalModifiers may stand between the verb and its noun: "expressed
// its deep displeasure".
var nominalModifiers = union(intentPossessives, set("deep", "grave", "serious", "profound", "sincere", "great", "firm", "strong", "sharp", "strongest", "deepest", "keen",
	"absolute", "total", "full", "complete", "categorical", "strongest", "utmost", "unequivocal", "vehement", "clear", "deepest",
	"continued", "unwavering", "steadfast", "outright", "strenuous", "shared", "joint", "common", "renewed",
	"formal", "official", "diplomatic", "written"))

// nominal emits the stance a verb of expression at i and a noun of
// attitude state toward the actor after the noun's preposition.
func (d *doc) nominal(s *sent, i int) {
	for _, ns := range nominalStances {
		if !ns.verbs[d.low[i]] {
			continue
		}
		j := i + 1
		for j < s.b && j < i+4 && nominalModifiers[d.low[j]] {
			j++
		}
		if j+1 >= s.b {
			return
		}
		typ, ok := ns.nouns[d.low[j]]
		if !ok || !nominalPreps[d.low[j+1]] || d.low[j+1] == "with" && typ != Accuses {
			continue // "shared opposition with X to Y's plan": X is a partner
		}
		if d.victimAhead(s, j+2) {
			return // "shock at the killing of Ugandan soldiers": the victims
		}
		objs, end, _, _ := d.objectNP(s, j+2, 4)
		if m := s.mentionAt(j + 2); len(objs) == 0 && m != nil && m.place && m.ent >= 0 {
			// "anger at Uganda": a state after "at" is no venue here.
			objs, end = []int{m.ent}, m.to
		}
		sub := d.subjectAt(s, i)
		if len(objs) == 0 || len(sub.ents) == 0 || sub.neg || overlaps(objs, sub.ents) || s.isContent(i) {
			return
		}
		d.emit(s, typ, sub.ents, objs, 0.8, j)
		d.setSubject(s, sub)
		d.markContent(s, end)
		return
	}
}

// victimNouns name a harm whose victims "of" introduces.
var victimNouns = set("killing", "killings", "death", "deaths", "murder", "murders", "plight", "suffering", "detention",
	"arrest", "arrests", "abduction", "kidnapping", "execution", "loss", "losses")

// victimAhead reports a harm and "of" within the few words from j: what
// the attitude is about befell the actor named after it.
func (d *doc) victimAhead(s *sent, j int) bool {
	for k := j; k+1 < s.b && k < j+4; k++ {
		if victimNouns[d.low[k]] && d.low[k+1] == "of" {
			return true
		}
	}
	return false
}
