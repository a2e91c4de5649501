package extract

// "Decided to" is an intent marker: the act after it is what the subject
// does or offers (verbs.go). The CAMEO dictionary also codes "decide" by
// itself as an intent to cooperate (030), and read so, "Algeria decided to
// reject Morocco's plan" offered Morocco something and "decided to cut
// ties with Morocco" made the rejection the content of an offer, stating
// nothing. Before "to" and a verb, the marker's own verb codes nothing.

// markerBeforeVerb reports the first word of an intent marker "X to" at i
// followed by an infinitive: a lower-case word of no actor or article.
func (d *doc) markerBeforeVerb(s *sent, i int) bool {
	if i+2 >= s.b || d.low[i+1] != "to" || !markerVerbs[d.low[i]] {
		return false
	}
	v := i + 2
	return d.toks[v].word && !d.toks[v].upper && s.mentionAt(v) == nil && !nounDets[d.low[v]]
}

// markerVerbs are the verbs of the intent markers "decided to" and the
// like whose dictionary code would read them as acts of their own.
var markerVerbs = set("decided", "decides", "decide")
