package extract

// A complaint lodged names its target after "against", "over",
// "regarding" or "in response to"; the body it is lodged with or sent to is only its
// addressee. "Ghana filed a complaint with the UN over Togo's raid" and
// "Ghana decided to submit a complaint to the Security Council regarding
// Togo's attack" accuse Togo, neither accusing the UN nor offering it
// anything. Without a target ("lodged a protest with X") the frame rules
// read the addressee as before: a protest to X is most often about X; so
// do they where the target names no actor ("with X over the arrests").

// lodgeVerbs lodge a complaint.
var lodgeVerbs = set("lodge", "lodges", "lodged", "lodging", "file", "files", "filed", "filing",
	"submit", "submits", "submitted", "submitting", "send", "sends", "sent", "sending",
	"register", "registers", "registered", "registering", "make", "makes", "made", "making")

// complaintNouns are what is lodged.
var complaintNouns = set("complaint", "complaints", "protest", "protests", "grievance", "grievances")

// complaintFill may stand between the verb and the noun.
var complaintFill = set("a", "an", "the", "its", "their", "formal", "official", "strong", "diplomatic", "strongly-worded", "written",
	"new", "fresh", "another", "second", "latest")

// complaintTargets open the complaint's target.
var complaintTargets = set("against", "over", "regarding", "about", "concerning")

// complaintReach bounds the addressee's words between the noun and the
// target's preposition: "with the UN Security Council (UNSC)".
const complaintReach = 10

// lodgedComplaint handles a complaint lodged by the verb at v, whose cue
// starts at i (the verb, or an intent marker before it: "decided to
// submit"): the subject accuses the target. It reports whether the verb
// lodges a complaint with a target, so that no other rule reads it.
func (d *doc) lodgedComplaint(s *sent, i, v int) bool {
	if v >= s.b || !lodgeVerbs[d.low[v]] {
		return false
	}
	j := v + 1
	for j < s.b && j <= v+3 && complaintFill[d.low[j]] {
		j++
	}
	if j >= s.b || !complaintNouns[d.low[j]] {
		return false
	}
	for k := j + 1; k < s.b && k <= j+complaintReach; k++ {
		w := d.low[k]
		if w == "in" && k+2 < s.b && d.low[k+1] == "response" && d.low[k+2] == "to" {
			k, w = k+2, "to" // "filed a protest in response to X's actions"
		}
		if complaintTargets[w] || w == "to" && d.low[k-1] == "response" {
			if objs, _, _, _ := d.objectNP(s, k+1, 6); len(objs) == 0 {
				return false // "over the arrests": the addressee is the target
			}
			d.cue(s, i, []cueDef{{words: d.low[i : k+1], typ: Accuses, mode: mObj, verb: true}})
			return true
		}
		if w == ";" || w == "." || d.toks[k].word && reportVerbs[w] {
			break
		}
	}
	return false
}
