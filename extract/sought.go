package extract

// Help sought. Seeking an actor's help, support or mediation asks it of
// the actor (CAMEO 02, appeal, which the vocabulary types as a demand,
// as "asked X for troops" is): "Sri Lanka sought China's help to
// restructure its debt", "sought support from the IMF".

// seekForms seek.
var seekForms = set("seek", "seeks", "sought", "seeking")

// helpNouns are what one seeks of an actor.
var helpNouns = set("help", "support", "assistance", "aid", "backing", "mediation", "intervention", "protection")

// soughtHelp is the phrase rule at a verb of seeking (i).
func (d *doc) soughtHelp(s *sent, i int) {
	if !seekForms[d.low[i]] || i+2 >= s.b || s.isContent(i) {
		return
	}
	objs, end := d.helpOwner(s, i+1)
	if len(objs) == 0 {
		return
	}
	d.subjectStance(s, i, Demands, objs, 0.7, end)
}

// helpOwner returns whose help the phrase at k names: "China's help",
// "help from China", and the token after it.
func (d *doc) helpOwner(s *sent, k int) ([]int, int) {
	if m := s.mentionAt(k); m != nil && m.ent >= 0 && m.pron && isPossPron(d.low[m.from]) && m.to < s.b && helpNouns[d.low[m.to]] {
		return []int{m.ent}, m.to + 1 // "sought its help"
	}
	if e, next := d.possessorAt(s, k); e >= 0 {
		if helpNouns[d.low[next]] {
			return []int{e}, next + 1
		}
		return nil, 0
	}
	for q := k; q < s.b && q < k+3; q++ {
		if helpNouns[d.low[q]] && q+2 < s.b && d.low[q+1] == "from" {
			objs, end, _, _ := d.objectNP(s, q+2, 3)
			return objs, end
		}
		if !d.toks[q].word || d.toks[q].upper {
			break
		}
	}
	return nil, 0
}
