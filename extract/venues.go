package extract

// Talks named with their venue or topic. A place or a topic may stand
// between a talks noun and its "between", as a time may: "talks in
// Geneva between X and Y", "a summit in the Spanish city of Granada
// between X and Y", "talks over a truce between X and Y". Their host,
// named after them ("talks between X and Y in Geneva, hosted by Z"), or
// a later facilitator of "the current negotiations", engages the parties.

// venueReach bounds the words of a venue phrase after its "in" or "at".
const venueReach = 7

// venueWords may stand in a venue phrase in lower case: "the capital
// of", "the Spanish city of".
var venueWords = set("the", "of", "city", "capital", "town", "resort", "port")

// talksHead returns the token before "between" at i past a time and a
// venue phrase: the noun of "talks on Monday in Geneva between".
func (d *doc) talksHead(s *sent, i int) int {
	k := d.pastTime(s, i)
	if t := d.pastTopic(s, k); t != k {
		return t
	}
	if k <= s.a || !d.toks[k].upper {
		return k
	}
	for q := k - 1; q > s.a && q >= k-venueReach; q-- {
		w := d.low[q]
		if w == "in" || w == "at" {
			return d.pastTime(s, q)
		}
		if !d.toks[q].upper && !venueWords[w] {
			break
		}
	}
	return k
}

// topicPreps open the topic of talks: "talks over a truce".
var topicPreps = set("over", "on", "about", "regarding")

// topicReach bounds the words of a topic phrase.
const topicReach = 5

// pastTopic returns the token before a topic phrase that ends at k ("over
// a humanitarian truce"), or k when none does. The phrase holds lower-case
// words only, so that "talks on Monday" stays a time.
func (d *doc) pastTopic(s *sent, k int) int {
	for q := k; q > s.a && q > k-topicReach; q-- {
		w := d.low[q]
		if topicPreps[w] && q < k {
			if talksNouns[d.low[q-1]] {
				return q - 1
			}
			return k
		}
		if !d.toks[q].word || d.toks[q].upper || s.mentionAt(q) != nil {
			return k
		}
	}
	return k
}

// hostParticiples name a host or mediator of talks after them.
var hostParticiples = set("hosted", "mediated", "facilitated", "brokered", "chaired", "convened")

// hostReach bounds how far before the participle the talks' "between"
// may stand: "talks between the X and Y foreign ministers in Geneva,
// hosted by Z".
const hostReach = 16

// hostedTalks emits the engagement of the host after ", hosted by" at i
// with each party of the talks "between" before it in the clause.
func (d *doc) hostedTalks(s *sent, i int) {
	if !hostParticiples[d.low[i]] || i-1 <= s.a || d.low[i-1] != "," || i+2 >= s.b || d.low[i+1] != "by" {
		return
	}
	for q := i - 2; q > s.a && q >= i-hostReach; q-- {
		w := d.low[q]
		if w == ";" || w == "\u2014" || w == "--" {
			return
		}
		if w != "between" || !talksNouns[d.low[d.talksHead(s, q)]] {
			continue
		}
		parties, _, _, _ := d.objectNP(s, d.partiesFrom(s, q+1), 8)
		hosts, end, _, _ := d.objectNP(s, i+2, 6)
		if len(parties) < 2 || len(hosts) == 0 || overlaps(hosts, parties) {
			return
		}
		for _, p := range parties {
			d.emit(s, Engages, hosts, []int{p}, 0.65, end)
		}
		return
	}
}
