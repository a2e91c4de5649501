package extract

// Letters that state a stance. "Egypt sent a letter to Ethiopia rejecting
// its proposal" and "Ethiopia sent a letter to Egypt proposing a
// temporary agreement": the participle after the letter states the
// sender's stance, toward the actor its object names, else toward the
// addressee.

// letterVerbs send or write a letter: finite forms only, as "is
// considering sending a letter" sends none.
var letterVerbs = set("sent", "sends", "wrote", "writes", "delivered", "delivers", "handed")

// letterNouns are what is sent.
var letterNouns = set("letter", "letters", "message", "messages", "note", "notes")

// letterFill may stand between the verb and the noun.
var letterFill = set("a", "an", "the", "two", "three", "separate", "official", "formal", "written", "joint", "diplomatic", "strongly-worded")

// letterParticiples state the letter's stance.
var letterParticiples = map[string]string{
	"rejecting": Rejects, "proposing": Offers, "offering": Offers, "inviting": Offers, "urging": Demands,
	"demanding": Demands, "asking": Demands, "requesting": Demands, "accusing": Accuses, "protesting": Accuses,
}

// letterReach bounds the words between the addressee and the participle
// ("to Ethiopian Prime Minister Abiy Ahmed last week rejecting").
const letterReach = 8

// letterStance is the phrase rule at a verb of sending (i).
func (d *doc) letterStance(s *sent, i int) {
	if !letterVerbs[d.low[i]] {
		return
	}
	j := i + 1
	for j < s.b && j <= i+3 && letterFill[d.low[j]] {
		j++
	}
	if j < s.b && d.low[j] == "to" && (d.low[i] == "wrote" || d.low[i] == "writes") {
		j = i // "wrote to Niger rejecting its proposal"
	} else if j+2 >= s.b || !letterNouns[d.low[j]] || d.low[j+1] != "to" {
		return
	}
	to, end, _, _ := d.objectNP(s, j+2, 6)
	if len(to) == 0 {
		return
	}
	for k := end; k < s.b && k < end+letterReach; k++ {
		typ, ok := letterParticiples[d.low[k]]
		if !ok {
			if !d.letterTime(k) {
				return // "a letter to Niger about refugees protesting": another noun's
			}
			continue
		}
		sub := d.subjectAt(s, i)
		if len(sub.ents) == 0 || sub.neg {
			return
		}
		objs := to
		if other, _, _, _ := d.objectNP(s, k+1, 3); len(other) > 0 && !d.possessivePronounAt(k+1) {
			objs = other // "accusing Ethiopia of ..."
		} else if (typ == Accuses || typ == Rejects || j == i) && (k+1 >= s.b || !d.possessivePronounAt(k+1)) {
			// "rejecting the ceasefire proposal": whose, it does not say;
			// "wrote to X inviting talks" names no letter's addressee.
			return
		}
		if !overlaps(sub.ents, objs) {
			d.emit(s, typ, sub.ents, objs, 0.65, k+1)
			d.markContent(s, k) // the addressee does not accuse: the letter does
		}
		return
	}
}

// letterTimeWords may stand between the addressee and the participle.
var letterTimeWords = set("last", "week", "month", "year", "ago", "day", "days", "weeks", "months", "on", "earlier",
	"this", "recently", "yesterday", "today", "late", "early", ",")

// letterTime reports a word of the letter's time at k: "last week", "10
// days ago", "on Monday".
func (d *doc) letterTime(k int) bool {
	w := d.low[k]
	return letterTimeWords[w] || isWeekday(w) || atoiSmall(w) >= 0 || months[w] > 0
}

// possessivePronounAt reports "his", "its" or "their" at k, whose owner
// in a letter's phrase is its addressee ("rejecting his proposal").
func (d *doc) possessivePronounAt(k int) bool {
	return possessivePronouns[d.low[k]]
}
