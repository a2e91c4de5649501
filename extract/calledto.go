package extract

// "Called X to VERB". A call to an actor followed by an infinitive asks
// the actor to act ("Trump called the Ukrainian leader, Zelensky, to
// support the Russian proposal"), as "called on X to" does; a call to
// discuss, inform or congratulate is contact instead, and states no
// demand. Either way the infinitive is what the caller asked or spoke of,
// not an act of X: read so, "to support the Russian proposal" made
// Ukraine support Russia.

// callVerbs place a call.
var callVerbs = set("called", "calls", "call", "phoned", "telephoned", "rang")

// callTalkVerbs make a call contact, not a request.
var callTalkVerbs = set("discuss", "talk", "inform", "brief", "congratulate", "thank", "express", "convey",
	"offer", "exchange", "review", "consult", "update", "share", "condole")

// calledTo handles "called X[, name,] to VERB" at i.
func (d *doc) calledTo(s *sent, i int) {
	if !callVerbs[d.low[i]] || i+1 >= s.b || d.low[i+1] == "on" || d.low[i+1] == "upon" || d.low[i+1] == "for" {
		return
	}
	objs, end, _, _ := d.objectNP(s, i+1, 4)
	if len(objs) == 0 {
		return
	}
	for lim := end + 4; end < s.b && end < lim && (officeModifiers[d.low[end]] || officeNouns[d.low[end]] || titleWords[d.low[end]]); end++ {
	}
	to := d.pastApposition(s, end)
	if to+1 >= s.b || d.low[to] != "to" || !d.toks[to+1].word || d.toks[to+1].upper || nounDets[d.low[to+1]] {
		return
	}
	d.markContent(s, to+1)
	if callTalkVerbs[d.low[to+1]] || d.low[i] != "called" && d.low[i] != "calls" {
		return
	}
	sub := d.subjectAt(s, i)
	if sub.neg || len(sub.ents) == 0 {
		return
	}
	c := &cueCall{i: i, after: to, end: to, def: &cueDef{words: d.low[i : i+1], typ: Demands, mode: mObjTo}, sub: sub, conf: 0.75, typ: Demands, objs: objs}
	d.emit(s, Demands, sub.ents, objs, c.conf, to)
	d.rallied(s, c)
}

// pastApposition returns the token after a name set off by commas at j
// (", Volodymyr Zelensky,"), or j.
func (d *doc) pastApposition(s *sent, j int) int {
	if j >= s.b || d.low[j] != "," {
		return j
	}
	if j+1 < s.b && d.low[j+1] == "to" {
		return j + 1 // the object's phrase took the name already
	}
	for k := j + 1; k < s.b && k <= j+5; k++ {
		if d.low[k] == "," {
			return k + 1
		}
		if !d.toks[k].word || !d.toks[k].upper {
			return j
		}
	}
	return j
}

// encourageVerbs urge an actor gently: "encouraged Fiji to join the
// talks" asks it of Fiji (CAMEO 100), as "urged" would. Encouraging an
// actor with no act of its own after it ("encouraged Fiji's efforts to
// restore peace") stays the dictionary's support, which frameCue leaves
// to this rule only where the act follows.
var encourageVerbs = set("encourage", "encourages", "encouraged", "encouraging")

// encouragedAct reads "encouraged X[, name,] to VERB" at i: X's actors and
// the "to"; ok is false for a passive ("was encouraged by X to").
func (d *doc) encouragedAct(s *sent, i int) (objs []int, to int, ok bool) {
	if !encourageVerbs[d.low[i]] || i+2 >= s.b || i > s.a && (beWords[d.low[i-1]] || d.low[i+1] == "by") {
		return nil, 0, false
	}
	objs, end, _, _ := d.objectNP(s, i+1, 4)
	if len(objs) == 0 || end > i+6 {
		return nil, 0, false
	}
	if end < s.b && (d.low[end] == "'s" || d.low[end] == "\u2019s") {
		end++ // "encouraged Uganda's president to"
	}
	for end < s.b && (officeModifiers[d.low[end]] || officeNouns[d.low[end]] || titleWords[d.low[end]]) {
		end++
	}
	to = d.pastApposition(s, end)
	if to+1 >= s.b || d.low[to] != "to" || !d.toks[to+1].word || d.toks[to+1].upper || nounDets[d.low[to+1]] {
		return nil, 0, false
	}
	return objs, to, true
}

// encouragedNear reports "encouraged X to VERB" at v or within the two
// words after it ("continue to encourage X to"), for an intent marker
// before v to leave to encouragedTo.
func (d *doc) encouragedNear(s *sent, v int) bool {
	for k := v; k < s.b && k <= v+2; k++ {
		if _, _, ok := d.encouragedAct(s, k); ok {
			return true
		}
	}
	return false
}

// encouragedTo handles "encouraged X to VERB" at i.
func (d *doc) encouragedTo(s *sent, i int) {
	objs, to, ok := d.encouragedAct(s, i)
	if !ok || s.isContent(i) {
		return
	}
	sub := d.subjectAt(s, i)
	if sub.neg || len(sub.ents) == 0 || overlaps(sub.ents, objs) {
		return
	}
	d.markContent(s, to+1)
	d.emit(s, Demands, sub.ents, objs, 0.75, to)
}
