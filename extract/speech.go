package extract

// A verb coordinated after reported speech is the speaker's. In "Ri said
// the U.S. drills were a provocation and accused the South of hostility"
// the accuser is Ri, who said it, not the United States named inside what
// he said; when the speaker is no actor ("Ri" unknown, "analysts"), the
// coordinated verb has no subject, as the speech itself has none.

// speechVerbs report what a speaker said; verbs that take the addressee
// as their object ("told X", "warned X") are not among them, as the actor
// after them is no part of the content.
var speechVerbs = set("said", "says", "added", "stated", "declared", "noted", "claimed", "stressed",
	"insisted", "argued", "asserted", "maintained", "wrote", "tweeted", "emphasized", "emphasised")

// speechVerb returns the first verb of saying in [from, to) whose subject
// stands before it, or to when there is none: the actors after it lie in
// what was said. An unnamed official ("a foreign ministry spokesman
// said") is left to the rules that give officials their state, which may
// find it in what was said ("the government").
func (d *doc) speechVerb(s *sent, from, to int) int {
	for j := from + 1; j < to; j++ {
		if speechVerbs[d.low[j]] && d.toks[j-1].word && d.low[j-1] != "and" && !officeNouns[d.low[j-1]] {
			return j
		}
	}
	return to
}
