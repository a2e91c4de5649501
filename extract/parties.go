package extract

// The parties of talks, of a meeting or of a list are often named through
// their people: "talks between representatives of X and Y", "the
// delegations of X and Y". The people's noun and its "of" stand before
// the actor the list names.

// partyNouns name the people through whom a party takes part.
var partyNouns = set("representatives", "representative", "delegations", "delegation", "delegates", "envoys", "envoy",
	"officials", "leaders", "negotiators", "emissaries", "teams", "team", "members", "remnants", "government",
	"commanders", "generals", "officers", "ministers", "diplomats", "ambassadors", "chiefs", "heads")

// rankWords may stand before a party's noun: "talks between Major
// Generals of X and Y".
var rankWords = set("major", "lieutenant", "brigadier", "corps", "army", "division", "level")

// partyLead is how far "the delegations of" may extend before its actor.
const partyLead = 4

// partiesFrom returns the token where the actors of a party list begin
// at j: after "the delegations of", "representatives of", "Foreign
// Minister of", else j.
func (d *doc) partiesFrom(s *sent, j int) int {
	k := j
	if k < s.b && determiners[d.low[k]] {
		k++
	}
	nouns := 0
	for ; k < s.b && k < j+partyLead; k++ {
		w := d.low[k]
		if partyNouns[w] || titleWords[w] {
			nouns++
		} else if !officeModifiers[w] && !rankWords[w] {
			break
		}
	}
	if nouns > 0 && k+1 < s.b && d.low[k] == "of" {
		return k + 1
	}
	return j
}

// talksNouns before "between" name an engagement of the parties after it.
var talksNouns = set("talks", "negotiations", "consultations", "summit", "summits", "meeting", "meetings", "dialogue")

// betweenReach widens an object window [from, from+lim) that holds
// "talks between": the parties after it belong to the phrase however far
// "the start of pre-negotiation talks" has put them ("welcomed the start
// of talks between representatives of X and Y").
func (d *doc) betweenReach(s *sent, from, lim int) int {
	for q := from + 1; q < s.b && q < from+lim; q++ {
		if d.low[q] == "between" && talksNouns[d.low[d.talksHead(s, q)]] {
			return max(lim, d.partiesFrom(s, q+1)+3-from)
		}
	}
	return lim
}
