package extract

import "strings"

// Meetings told as a circumstance of another act. "After meeting
// Lebanon's President Joseph Aoun, US envoy Tom Barrack said ..." and
// "Uganda decried the move in a phone call with Kenya" state a meeting
// or a call as the setting of what the subject says: the subject engages
// the actor met, as "met" would (CAMEO 04).

// frontedMeetWords open a fronted clause of meeting: "After meeting X,".
var frontedMeetWords = set("after", "following", "before", "while", "during", "upon")

// meetGerunds are the acts of meeting such a clause names; those with a
// particle take it before the actor ("talking with X").
var meetGerunds = map[string][]string{
	"meeting": nil, "hosting": nil, "visiting": nil, "phoning": nil,
	"talking": {"with"}, "speaking": {"with"}, "conferring": {"with"},
}

// encounterNouns head a meeting or call "with" an actor.
// A joint news conference with an actor is held together: "said at a
// joint press conference with X".
var encounterNouns = set("meeting", "meetings", "call", "calls", "talks", "conversation", "conversations", "discussions", "encounter", "summit",
	"conference")

// encounterModifiers may stand between the determiner and the noun.
var encounterModifiers = set("phone", "telephone", "video", "bilateral", "private", "closed-door", "separate", "recent",
	"lengthy", "brief", "first", "second", "virtual", "joint", "news", "press")

// encounterOpeners are the prepositions before such a noun.
var encounterOpeners = set("in", "during", "at", "after", "following", "through", "via")

// frontedMeeting is the phrase rule at a sentence's first token (i):
// "After meeting X, Y said", "During a call with X, Y urged".
func (d *doc) frontedMeeting(s *sent, i int) {
	if i != s.a || !frontedMeetWords[d.low[i]] {
		return
	}
	objs, end := d.encounterObject(s, i+1)
	if len(objs) == 0 {
		return
	}
	comma := end
	for comma < s.b && comma < end+8 && d.low[comma] != "," && d.settingWord(s, comma) {
		comma++
	}
	if comma >= s.b || d.low[comma] != "," {
		return // "After a meeting with X was cancelled, ...": no setting
	}
	for v := comma + 2; v < s.b && v < comma+12; v++ {
		if d.clauseVerb(v) {
			if sub := d.subjectAt(s, v); len(sub.ents) > 0 && !sub.neg && !overlaps(sub.ents, objs) {
				d.emit(s, Engages, sub.ents, objs, 0.6, end)
			}
			return
		}
	}
}

// alongsideWith reads "alongside X" at i after a verb of speech: a joint
// appearance ("told the press alongside Blinken", "speaking alongside
// his Kenyan counterpart") is a meeting with X.
func (d *doc) alongsideWith(s *sent, i int) {
	if d.low[i] != "alongside" || i == s.a || i+1 >= s.b {
		return
	}
	objs, end, _, _ := d.objectNP(s, i+1, 8)
	if len(objs) == 0 || end < s.b && d.toks[end].word && !d.toks[end].upper && !d.settingWord(s, end) && d.low[end] != "that" {
		return // "said alongside EU sanctions it would ...": no one stood by
	}
	for v := i - 1; v >= s.a && v > i-6; v-- {
		switch {
		case appearVerbs[d.low[v]]:
			d.subjectStance(s, v, Engages, objs, 0.6, end)
			return
		case !audienceWords[d.low[v]] && !d.settingWord(s, v):
			return // "said a state must be founded alongside X": no appearance
		}
	}
}

// audienceWords may stand between the verb and "alongside": whom the
// speaker told and when.
var audienceWords = set("reporters", "journalists", "press", "media", "international", "a", "news", "conference", "briefing")

// appearVerbs speak where they stand.
// "stood alongside X" backs X, and is no appearance.
var appearVerbs = set("told", "said", "says", "spoke", "speaking", "speaks", "addressed", "addresses", "appeared")

// meetingWith is the phrase rule at a preposition (i) inside the
// sentence: "X said ... in a phone call with Y", "said X during the
// meeting with Y". The subject is that of the verb before it.
func (d *doc) meetingWith(s *sent, i int) {
	if i == s.a || !encounterOpeners[d.low[i]] || i+1 >= s.b {
		return
	}
	if (d.low[i] == "in" || d.low[i] == "at") && !determiners[d.low[i+1]] {
		return // "interested in talks with X" is no meeting held
	}
	objs, end := d.encounterObject(s, i+1)
	if len(objs) == 0 {
		return
	}
	if d.meetingUndone(s, end) {
		return // "... after the meeting with X was called off"
	}
	if d.deniedBefore(s, i) {
		return // "denied that its president spoke in a call with X"
	}
	actorBetween := false
	for v := i - 1; v >= s.a && v > i-16; v-- {
		if boundaryWords[d.low[v]] && d.low[v] != "that" || modalWords[d.low[v]] || d.low[v] == "to" {
			return // "said it would raise the issue at a meeting with X"
		}
		if m := s.mentionAt(v); m != nil && m.ent >= 0 && !m.place {
			actorBetween = true
		}
		if !d.clauseVerb(v) || v > s.a && determiners[d.low[v-1]] {
			continue // "the appeal was conveyed in a call with X": a noun
		}
		if actorBetween && !(reportVerbs[d.low[v]] && s.mentionAt(v+1) != nil) {
			return // "accused Uganda of lying in a meeting with X": whose meeting is unclear
		}
		sub := d.subjectAt(s, v)
		if len(sub.ents) == 0 && reportVerbs[d.low[v]] {
			// "said Maia Sandu during the meeting with ...": the speaker
			// stands after the verb.
			if m := s.mentionAt(v + 1); m != nil && m.ent >= 0 && !m.place {
				sub.ents = []int{m.ent}
			}
		}
		if len(sub.ents) > 0 && !sub.neg && !overlaps(sub.ents, objs) {
			d.emit(s, Engages, sub.ents, objs, 0.6, end)
		}
		return
	}
}

// encounterObject reads a meeting from token j: a gerund of meeting and
// its object, or a determiner, a noun of meeting and "with" and its
// object. It returns the actors met and the end of their phrase.
func (d *doc) encounterObject(s *sent, j int) ([]int, int) {
	if j >= s.b {
		return nil, 0
	}
	if particle, ok := meetGerunds[d.low[j]]; ok {
		k := j + 1
		for _, p := range particle {
			if k >= s.b || d.low[k] != p {
				return nil, 0
			}
			k++
		}
		ents, end, _, _ := d.objectNP(s, k, 8)
		return ents, end
	}
	if determiners[d.low[j]] || possessivePronouns[d.low[j]] {
		j++
	}
	for j < s.b && encounterModifiers[d.low[j]] {
		j++
	}
	if j+1 >= s.b || !encounterNouns[d.low[j]] || d.low[j] == "conference" && d.low[j-1] != "news" && d.low[j-1] != "press" {
		return nil, 0 // a conference "with" others is a meeting only as a news conference
	}
	w := d.pastVenue(s, j+1)
	if w >= s.b || d.low[w] != "with" {
		return nil, 0
	}
	ents, end, _, _ := d.objectNP(s, w+1, 8)
	if d.low[j] == "conference" && len(ents) > 0 && !d.actsAsActor(ents[0]) {
		return nil, 0 // "a press conference with Swedish journalists": an audience, no party
	}
	return ents, end
}

// pastVenue skips the place of a meeting between its noun and "with"
// ("talks in Moscow with X", "in the Omani capital on Sunday with X"):
// "in", a capitalised name and the words of a setting (settingWord) or a
// settlement ("the Omani capital"). It returns j itself where no such
// place leads to "with".
func (d *doc) pastVenue(s *sent, j int) int {
	if j+2 >= s.b || d.low[j] != "in" {
		return j
	}
	k, named := j+1, false
	for k < s.b && k < j+7 && (d.toks[k].word && d.toks[k].upper || settlementNouns[d.low[k]] || d.settingWord(s, k)) {
		named = named || d.toks[k].upper
		k++
	}
	if !named || k >= s.b || d.low[k] != "with" {
		return j
	}
	return k
}

// clauseVerb reports a verb that may head the clause at token v: a verb
// of speech or of a stance cue.
func (d *doc) clauseVerb(v int) bool {
	w := d.low[v]
	if reportVerbs[w] {
		return true
	}
	_, cue := cueTable[w]
	return cue && !d.toks[v].upper
}

// callEnds may follow the person called, where a label would follow a
// naming ("called Kenya's president a liar").
var callEnds = set(".", ",", "on", "late", "last", "earlier", "yesterday", "today", "after", "and", "over", "about",
	"this", "twice", "again", "by")

// phoneCall is the phrase rule at a verb of calling (i) whose object is a
// person of an actor and nothing after it makes it a naming or a demand:
// "Somalia's president called his Egyptian counterpart on Tuesday".
func (d *doc) phoneCall(s *sent, i int) {
	if !callVerbs[d.low[i]] || d.low[i] == "phoned" || d.low[i] == "telephoned" || i+2 >= s.b || !(possessivePronouns[d.low[i+1]] || determiners[d.low[i+1]]) {
		return
	}
	objs, end, _, _ := d.objectNP(s, i+1, 6)
	person := len(objs) > 0 && d.personAt(s, end-1)
	for end < s.b && (titleWords[d.low[end]] || personTitles[d.low[end]] || officeNouns[d.low[end]] || officeModifiers[d.low[end]] || d.toks[end].upper && d.toks[end].word) {
		// "the Ugandan foreign minister Sam Kutesa": the person's office and name
		person = person || titleWords[d.low[end]] || personTitles[d.low[end]]
		end++
	}
	if !person {
		return
	}
	end = d.pastApposition(s, end)
	if end < s.b && d.low[end] == "to" {
		// "called X to discuss" is contact; "called X to support" asks (calledto.go)
		if end+1 >= s.b || !callTalkVerbs[d.low[end+1]] {
			return
		}
	} else if end < s.b && !callEnds[d.low[end]] && !isWeekday(d.low[end]) {
		return
	}
	if sub := d.subjectAt(s, i); len(sub.ents) > 0 && !sub.neg && !overlaps(sub.ents, objs) {
		d.emit(s, Engages, sub.ents, objs, 0.6, end)
	}
}

// personAt reports a word at j that names one person of an actor: a
// title or a counterpart, or a name a mention holds as a person.
func (d *doc) personAt(s *sent, j int) bool {
	if j < s.a {
		return false
	}
	if m := s.mentionAt(j); m != nil && m.person {
		return true
	}
	w := d.low[j]
	return titleWords[w] || personTitles[w]
}

// deniedBefore reports a word of denial before token i: what follows it
// is denied, not told.
func (d *doc) deniedBefore(s *sent, i int) bool {
	for k := s.a; k < i; k++ {
		if w := d.low[k]; strings.HasPrefix(w, "deni") || strings.HasPrefix(w, "deny") {
			return true
		}
	}
	return false
}

// settingWord reports a word that may stand between a fronted meeting's
// actor and its comma: the person's office and name, a time or a place
// ("Kenya's president on Monday in Geneva").
func (d *doc) settingWord(s *sent, k int) bool {
	w := d.low[k]
	if m := s.mentionAt(k); m != nil {
		return m.place || m.person
	}
	if w == "'s" || w == "\u2019s" || titleWords[w] || officeNouns[w] || officeModifiers[w] || d.toks[k].upper {
		return true
	}
	_, month := months[w]
	return timeWords[w] || timeNouns[w] || isWeekday(w) || month || w == "in" || w == "at" || w == "the" || w != "" && w[0] >= '0' && w[0] <= '9'
}

// undoneWords call a meeting off.
var undoneWords = set("cancelled", "canceled", "postponed", "scrapped", "called", "delayed", "suspended", "collapsed")

// meetingUndone reports a meeting called off in the words after its
// actor at j: "the meeting with X was cancelled".
func (d *doc) meetingUndone(s *sent, j int) bool {
	for k := j; k < s.b && k < j+4; k++ {
		if undoneWords[d.low[k]] && (d.low[k] != "called" || k+1 < s.b && d.low[k+1] == "off") {
			return true
		}
	}
	return false
}

// receiveForms receive a call or a letter.
var receiveForms = set("received", "receives", "receive", "receiving", "took", "takes")

// messageNouns are what one receives "from" an actor in contact with it.
var messageNouns = set("call", "calls", "letter", "letters", "message", "messages")

// receivedFrom is the phrase rule at "from" (i): "received a phone call
// from X", "received a letter from X" engage the receiver with X.
func (d *doc) receivedFrom(s *sent, i int) {
	if d.low[i] != "from" || i < s.a+2 || !messageNouns[d.low[i-1]] {
		return
	}
	v := i - 2
	for v > s.a && v > i-5 && !receiveForms[d.low[v]] {
		v--
	}
	if !receiveForms[d.low[v]] || s.isContent(v) {
		return
	}
	objs, end, _, _ := d.objectNP(s, i+1, 4)
	if len(objs) > 0 {
		d.subjectStance(s, v, Engages, objs, 0.65, end)
	}
}
