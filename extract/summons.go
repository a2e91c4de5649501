package extract

// An envoy summoned in the passive names no agent after "by" but the
// ministry it was called to: "X's ambassador was summoned to the Y
// foreign ministry", "the ambassador of X was called into the Ministry
// of Foreign Affairs of Y". The ministry's state engages the envoy's (a
// summons is contact, CAMEO 040, as in the active "Y summoned X's
// ambassador"); a note of protest handed over in the same sentence
// ("where he was handed a note of protest") accuses the envoy's state.

// summonedEnvoys are the envoys a ministry summons.
var summonedEnvoys = set("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "affaires", "charge", "chargé",
	"d'affaires", "d\u2019affaires")

// summonPreps follow the verb of a summons to the ministry: "summoned
// to", "called in to", "called into".
var summonPreps = set("to", "into", "at")

// summonPlaces name the ministry an envoy is called to.
var summonPlaces = set("ministry", "office", "department")

// summonReach bounds the words from the envoy to the verb and from the
// preposition to the ministry's noun.
const summonReach = 8

// summonedTo handles a passive summons at i ("summoned", "called").
func (d *doc) summonedTo(s *sent, i int) {
	w := d.low[i]
	if (w != "summoned" && w != "called") || i-1 <= s.a || !beWords[d.low[i-1]] || s.isContent(i) {
		return
	}
	k := i + 1
	if w == "called" && k < s.b && d.low[k] == "in" {
		k++
	}
	if k >= s.b || !summonPreps[d.low[k]] || w == "called" && k == i+1 && d.low[k] != "into" {
		return
	}
	if !d.ministryWithin(s, k+1) {
		return
	}
	summoner, _, _, _ := d.objectNP(s, k+1, summonReach)
	envoy := d.envoyState(s, i-1)
	if len(summoner) == 0 || envoy < 0 || contains(summoner, envoy) {
		return
	}
	d.emit(s, Engages, summoner, []int{envoy}, 0.75, k+1)
	for j := k + 1; j < s.b; j++ {
		if typ, _ := d.deliveredThing(s, j); typ == Accuses {
			d.emit(s, Accuses, summoner, []int{envoy}, 0.75, j)
			return
		}
	}
}

// ministryWithin reports a ministry's noun within summonReach words
// from k.
func (d *doc) ministryWithin(s *sent, k int) bool {
	for j := k; j < s.b && j < k+summonReach; j++ {
		if summonPlaces[d.low[j]] {
			return true
		}
		if w := d.low[j]; w == "," || w == ";" || boundaryWords[w] {
			return false
		}
	}
	return false
}

// envoyState returns the state of the envoy whose phrase ends before the
// be-word at b: a demonym or possessive before the envoy's noun ("the
// Ghanaian ambassador", "Ghana's envoy") or the actor after "of" ("the
// ambassador of Ghana to Togo"); -1 if none.
func (d *doc) envoyState(s *sent, b int) int {
	for j := b - 1; j >= s.a && j >= b-summonReach; j-- {
		if !summonedEnvoys[d.low[j]] {
			continue
		}
		if j+2 < b && d.low[j+1] == "of" {
			if m := s.mentionAt(j + 2); m != nil && m.ent >= 0 && !m.place {
				return m.ent
			}
		}
		k := j - 1
		if k > s.a && isPossessive(d.low[k]) {
			k--
		}
		if m := s.mentionAt(k); m != nil && m.ent >= 0 && !m.place {
			return m.ent
		}
		return -1
	}
	return -1
}

// inviteForms invite; an envoy invited is summoned.
var inviteForms = set("invite", "invites", "invited", "inviting")

// invitedEnvoy makes an invitation of an actor's envoy ("invited the
// chargé d'affaires of X", "invited X's ambassador to the ministry") the
// summons it is, contact (CAMEO 040) and no offer.
func (d *doc) invitedEnvoy(s *sent, c *cueCall) {
	if c.typ == Offers && d.envoyObject(s, c) {
		c.typ = Engages
	}
}

// envoyObject reports an invitation whose object phrase names an envoy.
func (d *doc) envoyObject(s *sent, c *cueCall) bool {
	if !inviteForms[d.low[c.i]] || len(c.objs) == 0 {
		return false
	}
	for k := c.after; k < s.b && k < c.after+summonReach; k++ {
		if summonedEnvoys[d.low[k]] {
			return !d.invitedToAct(s, k+1)
		}
		if d.low[k] == "to" || d.low[k] == "," {
			return false
		}
	}
	return false
}

// comeVerbs after "invited the envoy to" make the invitation one to come:
// "to visit", "to attend"; "to explain the remarks" is a summons.
var comeVerbs = set("visit", "attend", "come", "observe", "join", "participate", "take", "travel", "address", "witness")

// invitedToAct reports "to" and a verb after the envoy ("invited the
// envoy to visit Islamabad"): an invitation to come, an offer; "to the
// ministry" is a summons.
func (d *doc) invitedToAct(s *sent, from int) bool {
	for k := from; k+1 < s.b && k < from+summonReach; k++ {
		if d.low[k] == "," || d.low[k] == ";" {
			return false
		}
		if d.low[k] == "to" {
			return comeVerbs[d.low[k+1]]
		}
	}
	return false
}
