package extract

// Relations restored are contact, not an offer. "Iran and Saudi Arabia
// agreed to re-establish diplomatic ties" and "Kenya and Uganda restored
// relations" tell of two states agreeing with each other to keep
// contacts again, which the guidelines type ENGAGES ("keeps contacts
// with the object"), both ways; read through the intent marker "agreed
// to" they were offers of each to the other. Readiness or an offer to
// restore them ("is ready to restore ties with X", "offered to") is still
// an offer: nothing was agreed.

// tiesVerbs restore or open relations; "re-establish" is "re", "-",
// "establish" as tokens.
var tiesVerbs = set("restore", "restores", "restored", "restoring",
	"establish", "establishes", "established", "reestablish", "reestablishes", "reestablished",
	"resume", "resumes", "resumed", "normalize", "normalizes", "normalized",
	"normalise", "normalises", "normalised", "renew", "renews", "renewed")

// tiesNouns are the relations restored.
var tiesNouns = set("ties", "relations", "relationship")

// tiesModifiers may stand between the verb and the noun.
var tiesModifiers = set("diplomatic", "full", "bilateral", "their", "its", "formal", "normal")

// consentMarkers agree to an act or state it as decided; readiness and
// promises are offers and stay so.
var consentMarkers = set("agreed", "agree", "agrees", "decided", "decides")

// tiesAt returns the tokens of a phrase restoring relations at v ("re -
// establish diplomatic ties"), or 0.
func (d *doc) tiesAt(s *sent, v int) int {
	j := v
	if j+2 < s.b && d.low[j] == "re" && d.low[j+1] == "-" {
		j += 2
	}
	if j >= s.b || !tiesVerbs[d.low[j]] {
		return 0
	}
	j++
	for k := 0; k < 2 && j < s.b && tiesModifiers[d.low[j]]; k++ {
		j++
	}
	if j >= s.b || !tiesNouns[d.low[j]] {
		return 0
	}
	return j + 1 - v
}

// consentedTies handles intent marker mk at i before the act at v: when
// the act restores relations and the marker is consent, the subject
// engages the object, or a list of subjects each other, and no offer is
// made. It reports whether it did so.
func (d *doc) consentedTies(s *sent, i, v int, mk intentMarker) bool {
	n := d.tiesAt(s, v)
	if n == 0 || len(mk.words) == 0 || !consentMarkers[mk.words[0]] {
		return false
	}
	d.cue(s, i, []cueDef{{words: d.low[i : v+n], typ: Engages, mode: mOffer, verb: true, recip: Engages, intent: true}})
	return true
}

// restoredTies is the phrase rule for relations restored without a
// marker: "Kenya and Uganda restored diplomatic relations" engages each
// with the other. Relations restored "with" an object are the verb cues'
// own (a recognition: SUPPORTS).
func (d *doc) restoredTies(s *sent, i int) {
	w := d.low[i]
	if w == "re" || !isPastForm(w) || i > s.a && d.low[i-1] == "-" {
		if !(w == "re" && i+2 < s.b && isPastForm(d.low[i+2])) {
			return
		}
	}
	n := d.tiesAt(s, i)
	if n == 0 || i+n < s.b && d.low[i+n] == "with" {
		return // "Chad restored ties with Niger": recognition, the cues' own
	}
	d.cue(s, i, []cueDef{{words: d.low[i : i+n], typ: Engages, mode: mOffer, verb: true, recip: Engages}})
}

// isPastForm reports a verb's past form, in -ed.
func isPastForm(w string) bool { return len(w) > 3 && w[len(w)-2:] == "ed" }
