package extract

// An official named by a state office without the state ("Foreign
// Secretary X said", "Deputy Foreign Minister X") in a text whose dateline
// names a state ("NEW DELHI:", "KABUL:") is that state's: the dateline's
// reporter writes the home government's titles bare, as "the foreign
// ministry" after a dateline is the dateline's (ministries.go). The name
// is learned, so "Mr X" later speaks for the state too. A title with a
// state of its own ("Pakistan's Foreign Secretary", "British Foreign
// Secretary X") is not bare and is read as before. The text must name
// the dateline's state besides the dateline, by then: a dateline may be a
// venue only ("VIENNA --" over a meeting of other states' ministers).

// bareHeads end a bare title of a state office.
var bareHeads = set("minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor")

// bareTitleMax bounds the words of a bare title.
const bareTitleMax = 5

// registerDatelineTitled learns the names after bare titles of state
// offices for the dateline's state.
func (d *doc) registerDatelineTitled(s *sent) bool {
	state, learned := -2, false
	for i := s.a; i < s.b; i++ {
		j, ok := d.bareTitle(s, i)
		if !ok {
			continue
		}
		n := d.nameAt(s, j)
		if n == 0 {
			continue
		}
		if state == -2 {
			state = d.datelineState()
			if state >= 0 && d.timesNamed(state) < 2 {
				state = -1
			}
		}
		if state < 0 {
			return learned
		}
		learned = d.learn(s, j, j+n, state) || learned
		i = j + n - 1
	}
	return learned
}

// bareTitle reports a capitalised title of a state office at i with no
// actor, possessive or other capital before it, and the token after it.
func (d *doc) bareTitle(s *sent, i int) (int, bool) {
	if !d.toks[i].upper || !(titleWords[d.low[i]] || officeModifiers[d.low[i]]) {
		return 0, false
	}
	if i > s.a && (s.at[i-1-s.a] >= 0 || isPossessive(d.low[i-1]) || d.toks[i-1].upper || d.low[i-1] == "of") {
		return 0, false
	}
	j, head := i, false
	for j < s.b && j < i+bareTitleMax && d.toks[j].upper && (titleWords[d.low[j]] || officeModifiers[d.low[j]]) {
		head = bareHeads[d.low[j]]
		j++
	}
	return j, head
}

// timesNamed counts the mentions of ent so far, the dateline's included.
func (d *doc) timesNamed(ent int) int {
	n := 0
	for _, r := range d.recent {
		if r.ent == ent {
			n++
		}
	}
	return n
}
