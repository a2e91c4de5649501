package extract

// Blame placed and guarantees demanded. "X placed the blame on Y" accuses
// Y as "blamed Y" does; "X demanded guarantees that Y will ..." demands of
// Y as "demanded that Y will ..." does, the noun between naming only the
// form the demand takes.

// placeVerbs put blame on someone.
var placeVerbs = set("placed", "places", "placing", "place", "put", "puts", "putting", "laid", "lays", "laying", "lay",
	"pinned", "pins", "pinning", "shifted", "shifts")

// blameDegrees may stand before the noun: "placed direct responsibility on".
var blameDegrees = set("full", "entire", "direct", "sole", "primary", "main", "ultimate")

// placedBlame emits the accusation of "X placed the blame on Y" or
// "placed responsibility on Y" at the noun i.
func (d *doc) placedBlame(s *sent, i int) {
	if d.low[i] != "blame" && d.low[i] != "responsibility" {
		return
	}
	on := i + 1
	for on < s.b && adverb(d.low[on]) {
		on++ // "the blame squarely on"
	}
	if on+1 >= s.b || d.low[on] != "on" && d.low[on] != "upon" {
		return
	}
	v := i - 1
	for v > s.a && v > i-4 && (determiners[d.low[v]] || adverb(d.low[v]) || blameDegrees[d.low[v]]) {
		v--
	}
	if !placeVerbs[d.low[v]] || s.isContent(v) {
		return
	}
	objs, end, _, _ := d.objectNP(s, on+1, 5)
	if len(objs) == 0 || d.low[i] == "responsibility" && d.dutyAfter(s, end) {
		return
	}
	if sub, ok := d.subjectStance(s, v, Accuses, objs, 0.75, end); ok {
		d.setSubject(s, sub)
	}
}

// assuranceNouns are the form a demand's content may take.
var assuranceNouns = set("guarantees", "guarantee", "assurances", "assurance", "promises", "promise", "commitments",
	"pledges")

// demandVerbs ask for such a form.
var demandVerbs = set("demanded", "demands", "demand", "demanding", "sought", "seeks", "seeking", "wants", "wanted")

// demandedAssurance emits the demand of "X demanded (binding) guarantees
// that Y will ..." at the noun i, to the actors opening each "that"
// clause ("that Y will ... and that Z will ...").
func (d *doc) demandedAssurance(s *sent, i int) {
	if !assuranceNouns[d.low[i]] || i+2 >= s.b || d.low[i+1] != "that" {
		return
	}
	v := i - 1
	for v > s.a && v > i-4 && !demandVerbs[d.low[v]] && d.toks[v].word && s.mentionAt(v) == nil {
		v--
	}
	if !demandVerbs[d.low[v]] || s.isContent(v) {
		return
	}
	var objs []int
	for q := i + 1; q < s.b && q < i+40; q++ {
		if d.low[q] != "that" {
			continue
		}
		for _, e := range d.thatClauseActors(s, q) {
			if !contains(objs, e) {
				objs = append(objs, e)
			}
		}
	}
	if len(objs) > 0 {
		d.subjectStance(s, v, Demands, objs, 0.75, i+1)
		d.markContent(s, i+1)
	}
}

// dutyAfter reports a duty after "responsibility on X" at k: "for
// protecting aid workers", "to secure the border". Responsibility for
// an act done ("for the attack", "for starting the war") is blame.
func (d *doc) dutyAfter(s *sent, k int) bool {
	if k+1 >= s.b {
		return false
	}
	return d.low[k] == "to" || d.low[k] == "for" && dutyGerunds[d.low[k+1]]
}

// dutyGerunds after "responsibility ... for" name a duty, not a wrong
// ("for protecting aid workers"; "for starting the war" is blame).
var dutyGerunds = set("protecting", "ensuring", "securing", "guaranteeing", "safeguarding", "providing", "maintaining",
	"keeping", "upholding", "defending", "feeding", "sheltering")
