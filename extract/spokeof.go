package extract

// Wrongs named in passing. A speaker who speaks of, points to or
// decries an actor's provocations, aggression or violations alleges
// them (CAMEO 112): "the delegation spoke of Russia's increased
// provocations against Georgia", "pointed to violations by Azerbaijan".
// The act must be a wrong by its noun; "spoke of Russia's proposal"
// accuses no one.

// mentionVerbs name an act without a verb of judgement of their own.
var mentionVerbs = set("spoke", "speaks", "speak", "speaking", "talked", "talks", "pointed", "points", "cited", "cites",
	"highlighted", "highlights", "highlighting", "decried", "decries", "lamented", "laments", "deplored", "deplores", "complained",
	"complains", "underlined", "underlines", "underlining", "underscored", "underscores", "underscoring", "citing", "pointing")

// mentionPreps join such a verb to the act: "spoke of", "pointed to";
// "underlined" and "cited" take it as their object.
var mentionPreps = set("of", "about", "to", "at")

// directMentionVerbs take the wrong as their object: "underlined X's
// violations".
var directMentionVerbs = set("highlighted", "highlights", "highlighting", "decried", "decries", "lamented", "laments", "deplored",
	"deplores", "underlined", "underlines", "underlining", "underscored", "underscores", "underscoring", "cited", "cites", "citing")

// wrongNouns are acts that are wrongs by their name.
var wrongNouns = set("provocation", "provocations", "aggression", "violation", "violations", "interference", "meddling",
	"occupation", "atrocities", "crimes", "incursion", "incursions", "annexation", "intimidation", "harassment", "crackdown",
	"repression", "blackmail", "lies", "disinformation", "propaganda", "sabotage", "encroachment", "encroachments")

// wrongAdjectives make the act they modify a wrong.
var wrongAdjectives = set("unlawful", "illegal", "illegitimate", "provocative", "aggressive", "hostile", "destabilising",
	"destabilizing", "reckless", "criminal", "irresponsible", "expansionist", "belligerent", "unprovoked")

// wrongableActs are the acts such an adjective makes wrongs: "illegal
// immigrants" or "a criminal court" are no acts of their state.
var wrongableActs = set("actions", "action", "activities", "activity", "acts", "act", "moves", "move", "steps", "measures",
	"behaviour", "behavior", "conduct", "policy", "policies", "drilling", "construction", "deployment", "presence",
	"blockade", "incursion", "incursions", "operations", "operation", "campaign", "tests", "launches", "exercises", "drills",
	"detention", "arrests", "seizure", "annexation", "occupation", "intervention", "decision", "decree", "claims",
	"exploration", "settlement", "settlements", "airstrikes", "strikes", "manoeuvres", "maneuvers", "raids", "bombing",
	"shelling", "attacks", "expansion", "fishing", "flights", "overflights", "patrols", "militarisation", "militarization",
	"interference", "meddling", "embargo", "incursions", "crossing", "crossings")

// withheldBefore make the verb after them an act not done.
var withheldBefore = set("from", "without", "avoided", "avoids", "avoid", "avoiding")

// wrongHeadStops end the modifiers before a wrong: a head of its own
// that denies, fears or prevents it ("the absence of violations", "the
// need to avoid provocations", "an end to incursions").
var wrongHeadStops = set("to", "for", "from", "no", "any", "absence", "need", "risk", "lack", "end",
	"possibility", "threat", "fear", "fears", "avoid", "prevent", "halt", "without")

// wrongModReach bounds the modifiers between the owner and the wrong:
// "Russia's “increased provocations”".
const wrongModReach = 4

// spokeOfWrongs is the phrase rule at a verb of mention (i), or at a
// verb of speech whose reported clause opens with an actor's wrong ("said
// Turkey's unlawful actions came after the call").
func (d *doc) spokeOfWrongs(s *sent, i int) {
	speech := reportVerbs[d.low[i]] && !mentionVerbs[d.low[i]]
	if !mentionVerbs[d.low[i]] && !speech || i+3 >= s.b || s.isContent(i) || i > s.a && withheldBefore[d.low[i-1]] {
		return // "refrained from citing X's violations", "avoided citing"
	}
	j := i + 1
	if d.low[j] == "out" && j+1 < s.b && mentionPreps[d.low[j+1]] {
		j++
	}
	switch {
	case speech && d.low[j] == "that":
		j++
	case speech:
	case mentionPreps[d.low[j]]:
		j++
	case !directMentionVerbs[d.low[i]]:
		return
	}
	if speech {
		if e, _ := d.possessorAt(s, j); e < 0 {
			return // only an owner's wrong opens the reported clause
		}
	}
	owners, end := d.wrongOwners(s, j)
	if len(owners) == 0 {
		return
	}
	sub := d.subjectAt(s, i)
	if len(sub.ents) == 0 || sub.neg || overlaps(sub.ents, owners) {
		return
	}
	d.emit(s, Accuses, sub.ents, owners, 0.7, end)
}

// wrongOwners returns the actors whose wrong the phrase at k names, by
// possessive ("Russia's provocations") or after "by" or "from"
// ("violations by Azerbaijan"), and the token after the phrase.
func (d *doc) wrongOwners(s *sent, k int) ([]int, int) {
	if e, next := d.possessorAt(s, k); e >= 0 {
		if n := d.wrongNounAt(s, next); n > 0 {
			return []int{e}, n + 1
		}
		return nil, 0
	}
	if k < s.b && d.low[k] == "the" {
		k++
	}
	n := d.wrongNounAt(s, k)
	if n < 0 {
		return nil, 0
	}
	for q := n + 1; q < s.b && q < n+6; q++ {
		switch {
		case d.low[q] == "by" || d.low[q] == "from":
			objs, end, _, _ := d.objectNP(s, q+1, 3)
			return objs, end
		case q > n+1 && d.low[n+1] != "of", s.mentionAt(q) != nil && !s.mentionAt(q).place && !s.mentionAt(q).pron:
			return nil, 0 // "violations of the ceasefire by X" only
		}
	}
	return nil, 0
}

// wrongNounAt returns the index of a wrong's noun at k past at most
// wrongModReach lower-case modifiers and quotation marks, or -1.
func (d *doc) wrongNounAt(s *sent, k int) int {
	for q := k; q < s.b && q < k+wrongModReach+1; q++ {
		w := d.low[q]
		if wrongNouns[w] {
			return q
		}
		if wrongAdjectives[w] && q+1 < s.b && wrongableActs[d.low[q+1]] {
			return q + 1 // "Turkey's unlawful actions": the adjective makes the act a wrong
		}
		if !(scareQuote(w) || w == "-" || d.toks[q].word && !d.toks[q].upper && s.mentionAt(q) == nil && !wrongHeadStops[w]) {
			return -1
		}
	}
	return -1
}
