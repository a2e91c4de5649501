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
			if !d.letterTime(s, k) {
				return // "a letter to Niger about refugees protesting": another noun's
			}
			continue
		}
		sub := d.subjectAt(s, i)
		if len(sub.ents) == 0 || sub.neg {
			return
		}
		objs, ok := d.letterObject(s, k, to, typ, j == i)
		if !ok {
			return
		}
		if !overlaps(sub.ents, objs) {
			d.emit(s, typ, sub.ents, objs, 0.65, k+1)
			d.markContent(s, k) // the addressee does not accuse: the letter does
		}
		return
	}
}

// letterObject returns whom the participle at k states its stance
// toward: the actor it names ("accusing Ethiopia of ..."), else the
// addressee (to) where a pronoun points back to it ("rejecting his
// offer", "urging him to"), where an offer or demand needs no object
// ("proposing a joint commission"), or where a protest to a state is of
// its act ("protesting the detention of soldiers"). A rejection of no
// one's proposal, a protest of someone else's act ("by X") and a
// participle after "wrote to" with nothing pointing back state none.
func (d *doc) letterObject(s *sent, k int, to []int, typ string, wrote bool) ([]int, bool) {
	back := k+1 < s.b && (possessivePronouns[d.low[k+1]] || addresseePronouns[d.low[k+1]])
	if other, _, _, _ := d.objectNP(s, k+1, 3); len(other) > 0 && !back {
		return other, true
	}
	switch {
	case back:
		return to, true
	case wrote || typ == Rejects:
		return nil, false
	case typ == Accuses:
		if d.low[k] != "protesting" || !d.isStateLike(to[0]) || d.wordWithin(s, k+1, 8, "by") {
			return nil, false
		}
	}
	return to, true
}

// letterGapWords may stand between the addressee and the participle
// besides a setting's words (settingWord): "10 days ago", "to the head
// of Niger's junta", "to his counterpart".
var letterGapWords = union(rulerWords, set("ago", "day", "days", "weeks", "months", "recently", "late", "early", ",", "of", "his", "her"))

// letterTime reports a word of the addressee's office or of the letter's
// time at k: "to Niger's foreign minister last week".
func (d *doc) letterTime(s *sent, k int) bool {
	return d.settingWord(s, k) || letterGapWords[d.low[k]]
}
