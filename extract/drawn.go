package extract

// An accusation is often put as a noun its target drew from its author:
// "X's moves have drawn condemnation from Y", "the raid sparked protests
// from Y", or one it met with, a passive in all but form: "X faced
// criticism from Y", "X came under criticism from Y". The author accuses
// the subject of the drawing verb.

// drawVerbs draw a reaction from someone; "under" stands for "came
// under" and "comes under".
var drawVerbs = set("drawn", "drew", "draws", "drawing", "sparked", "sparks", "prompted", "prompts", "triggered", "triggers",
	"provoked", "provokes", "earned", "earns", "attracted", "attracts", "faced", "faces", "facing", "under")

// underVerbs come before "under" a reaction: "came under criticism".
var underVerbs = set("came", "come", "comes", "coming")

// reactionNouns are the accusations so drawn.
var reactionNouns = set("condemnation", "condemnations", "criticism", "criticisms", "rebuke", "rebukes", "censure", "protest",
	"protests", "outrage", "anger")

// reactionLead is how far the noun may stand after the verb ("drew sharp
// international condemnation"), and the author after "from" ("from
// treaty ally, the United States").
const reactionLead = 4

// drawnReaction emits the accusations of a reaction noun at i.
func (d *doc) drawnReaction(s *sent, i int) {
	if !reactionNouns[d.low[i]] || i+1 >= s.b || d.low[i+1] != "from" || s.isContent(i) {
		return
	}
	v := i - 1
	for v > s.a && v > i-reactionLead && !drawVerbs[d.low[v]] {
		v--
	}
	if !drawVerbs[d.low[v]] {
		return
	}
	if d.low[v] == "under" {
		if v-1 <= s.a || !underVerbs[d.low[v-1]] {
			return
		}
		v--
	}
	authors := d.reactionAuthors(s, i+2)
	sub := d.subjectAt(s, v)
	if len(authors) == 0 || len(sub.ents) == 0 || sub.neg || overlaps(authors, sub.ents) {
		return
	}
	d.emit(s, Accuses, authors, sub.ents, 0.7, i)
}

// reactionAuthors returns the actors after "from" at j, past a few words
// describing them ("treaty ally, the United States").
func (d *doc) reactionAuthors(s *sent, j int) []int {
	for k := j; k < s.b && k < j+reactionLead+1; k++ {
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place && !(m.pron && isPossPron(d.low[m.from])) {
			ents, _ := d.listAt(s, s.at[k-s.a])
			return ents
		}
		if w := d.low[k]; boundaryWords[w] || w == ";" {
			return nil
		}
	}
	return nil
}
