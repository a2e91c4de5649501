package extract

import "strings"

// Meetings called off. An actor that cancels or calls off a meeting,
// talks or a visit with another refuses to deal with it (GUIDELINES.md:
// "refuses to deal with the object"): "X cancelled a planned meeting with
// Y", "X called off talks between its minister and Y's". A cancelled
// meeting is no engagement of its parties.

// cancelVerbs call off a meeting; "called" needs its "off".
var cancelVerbs = set("cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling", "scrap", "scraps", "scrapped",
	"scrapping", "called", "calls", "call", "calling")

// calledOffNouns are what may be called off with another party.
var calledOffNouns = union(talksNouns, set("visit", "visits", "trip"))

// cancelReach bounds the words between the verb and its meeting noun:
// "cancelled a proposed UN General Assembly meeting".
const cancelReach = 7

// cancelVerbAt returns the token after the verb group of a cancelling
// verb at i ("cancelled", "called off"), or -1.
func (d *doc) cancelVerbAt(s *sent, i int) int {
	w := d.low[i]
	if !cancelVerbs[w] {
		return -1
	}
	if strings.HasPrefix(w, "call") {
		if i+1 < s.b && d.low[i+1] == "off" {
			return i + 2
		}
		return -1
	}
	return i + 1
}

// cancelledMeeting emits REJECTS from the subject of a cancelling verb at
// i to the other parties of the meeting it calls off.
func (d *doc) cancelledMeeting(s *sent, i int) {
	j := d.cancelVerbAt(s, i)
	if j < 0 || s.isContent(i) {
		return
	}
	for q := j; q < s.b && q < j+cancelReach; q++ {
		if placeStops[d.low[q]] || !d.toks[q].word {
			return
		}
		if !calledOffNouns[d.low[q]] {
			continue
		}
		objs, end := d.meetingParties(s, q+1)
		if len(objs) == 0 {
			return
		}
		sub := d.subjectAt(s, i)
		others := make([]int, 0, len(objs))
		for _, o := range objs {
			if !contains(sub.ents, o) {
				others = append(others, o)
			}
		}
		if len(others) > 0 {
			d.subjectStance(s, i, Rejects, others, 0.7, end)
		}
		return
	}
}

// meetingParties returns the actors a meeting noun names as its parties
// from j, past a time: "with X", "between A's minister and B's".
func (d *doc) meetingParties(s *sent, j int) ([]int, int) {
	for j < s.b && (isWeekday(d.low[j]) || timeWords[d.low[j]] || timeNouns[d.low[j]]) {
		j++
	}
	if j+1 >= s.b {
		return nil, j
	}
	switch d.low[j] {
	case "with":
		ents, end, _, _ := d.objectNP(s, d.partiesFrom(s, j+1), 5)
		return ents, end
	case "between":
		ents, end, _, _ := d.objectNP(s, d.partiesFrom(s, j+1), 8)
		return ents, end
	}
	return nil, j
}

// cancelledBefore reports a cancelling verb shortly before the meeting
// noun of "between" at i, in its clause: "cancelled a planned meeting
// between" engages no one.
func (d *doc) cancelledBefore(s *sent, i int) bool {
	for k := i - 1; k >= s.a && k >= i-cancelReach-1; k-- {
		if placeStops[d.low[k]] {
			return false
		}
		if d.cancelVerbAt(s, k) > 0 {
			return true
		}
	}
	return false
}
