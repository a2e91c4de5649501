package extract

// A demand or a protest can be a thing handed over: "delivered a list of
// demands to X", "handed X a note of protest", "presented the demands to
// X through Y". The list of demands asks them of X (CAMEO 10); a note of
// protest is a formal complaint to X (CAMEO 114, ACCUSES). The addressee
// follows "to" after the thing, or stands between the verb and the thing
// ("handed the X ambassador a note of protest").

// deliverVerbs hand a thing to its addressee.
var deliverVerbs = set("delivered", "delivers", "deliver", "delivering", "handed", "hands", "hand", "handing",
	"presented", "presents", "present", "presenting", "submitted", "submits", "submit", "sent", "sends", "send", "gave", "gives")

// protestCarriers carry a protest: "a note of protest", "a protest note".
var protestCarriers = set("note", "notes", "letter", "letters")

// deliveredReach bounds the words between the verb and the thing's noun,
// an indirect object among them ("handed Turkish ambassador X Y a ...").
const deliveredReach = 14

// deliveredThing returns the stance type of a thing handed over whose
// head noun is at i and the token after its phrase: "demands" (a list of
// them, not one demand that a clause follows), "note of protest" or
// "protest note".
func (d *doc) deliveredThing(s *sent, i int) (string, int) {
	switch w := d.low[i]; {
	case w == "demands":
		return Demands, i + 1
	case w == "protest" && i-2 >= s.a && d.low[i-1] == "of" && protestCarriers[d.low[i-2]]:
		return Accuses, i + 1
	case w == "protest" && i+1 < s.b && protestCarriers[d.low[i+1]]:
		return Accuses, i + 2
	}
	return "", 0
}

// deliveredDemand handles the head noun of a thing handed over at i.
func (d *doc) deliveredDemand(s *sent, i int) {
	typ, end := d.deliveredThing(s, i)
	if typ == "" || s.isContent(i) {
		return
	}
	v := d.deliverVerbBefore(s, i)
	if v < 0 || v > s.a && beWords[d.low[v-1]] {
		return // none, or passive: "was handed a note of protest"
	}
	var objs []int
	j := d.skipTime(s, end)
	if j+1 < s.b && d.low[j] == "to" {
		objs, end, _, _ = d.objectNP(s, j+1, 4)
	}
	if len(objs) == 0 {
		// "handed Ghana's envoy a note of protest": the indirect object.
		objs, _, _, _ = d.objectNP(s, v+1, 4)
	}
	sub := d.subjectAt(s, v)
	if len(objs) == 0 || len(sub.ents) == 0 || sub.neg || overlaps(objs, sub.ents) {
		return
	}
	d.emit(s, typ, sub.ents, objs, 0.75, end)
	d.urgedInThing(s, sub.ents, end)
}

// urgingWords open a participle phrase of demand after the thing handed
// over: "a note of protest urging X to ..." (calling takes "on").
var urgingWords = set("urging", "asking", "calling", "demanding", "pressing")

// urgedInThing reads a participle of demand at k, after a closing quote,
// as the deliverer's demand of the actor after it when "to" follows:
// "handed X's envoy a note of protest urging its neighbour to stop". The
// participle's own subject would be the envoy, the nearest actor.
func (d *doc) urgedInThing(s *sent, subs []int, k int) {
	k = d.pastQuote(s, k)
	if k+1 >= s.b || !urgingWords[d.low[k]] {
		return
	}
	k++
	if d.low[k-1] == "calling" {
		if d.low[k] != "on" && d.low[k] != "upon" {
			return
		}
		k++
	}
	objs, end, _, _ := d.objectNP(s, k, 4)
	if len(objs) == 0 || end >= s.b || d.low[d.pastQuote(s, end)] != "to" || overlaps(objs, subs) {
		return
	}
	d.emit(s, Demands, subs, objs, 0.75, end)
	d.markContent(s, end)
}

// deliverVerbBefore returns the verb of handing over before the thing's
// noun at i, within deliveredReach words of no clause boundary, or -1.
func (d *doc) deliverVerbBefore(s *sent, i int) int {
	for v := i - 1; v >= s.a && v >= i-deliveredReach; v-- {
		w := d.low[v]
		if deliverVerbs[w] {
			return v
		}
		if w == "," || w == ";" || w == "that" || w == "which" || w == "to" || w == "and" || boundaryWords[w] {
			return -1 // "sent troops to X to press its demands": another act
		}
	}
	return -1
}
