package extract

import "slices"

// A deal brokered engages the broker with its parties. "Kenya and Uganda
// agreed to restore ties in a deal brokered by Qatar" and "Kenya and
// Uganda signed a pact with Qatar, which brokered the agreement" tell of
// Qatar in contact with both, as a host or mediator of talks is
// (venues.go); the parties are the list that is the sentence's subject.
// A deal "between" parties named after it is the between rules' own.

// dealNouns name an agreement that parties reach.
var dealNouns = set("deal", "agreement", "accord", "truce", "ceasefire", "pact", "rapprochement")

// brokerVerbs bring parties to an agreement.
var brokerVerbs = set("brokered", "mediated", "facilitated")

// brokeredDeal emits the broker's engagement with each party of the deal
// at i: "a deal brokered by Z" or "Z brokered the deal".
func (d *doc) brokeredDeal(s *sent, i int) {
	if !brokerVerbs[d.low[i]] || i+2 >= s.b || i <= s.a || slices.Contains(d.low[i:s.b], "between") {
		return
	}
	var brokers []int
	end := i + 1
	switch {
	case dealNouns[d.low[i-1]] && d.low[i+1] == "by":
		brokers, end, _, _ = d.objectNP(s, i+2, 6)
	case (d.low[i+1] == "the" || d.low[i+1] == "this") && dealNouns[d.low[i+2]]:
		sub := d.subjectAt(s, i)
		if sub.neg {
			return
		}
		brokers, end = sub.ents, i+3
	}
	parties := d.subjectList(s, i)
	if len(brokers) == 0 || len(parties) < 2 || overlaps(brokers, parties) {
		return
	}
	for _, p := range parties {
		d.emit(s, Engages, brokers, []int{p}, 0.65, end)
	}
}

// subjectList returns the list of two or more actors that opens the
// sentence before token i, or nil.
func (d *doc) subjectList(s *sent, i int) []int {
	for k, m := range s.ms {
		if m.from >= i {
			return nil
		}
		if m.ent < 0 || m.place || d.inDateline(s, m) {
			continue
		}
		ents, _ := d.listAt(s, k)
		if len(ents) < 2 {
			return nil
		}
		return ents
	}
	return nil
}
