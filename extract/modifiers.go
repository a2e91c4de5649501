package extract

// An actor inside a participle phrase is no subject. In "X and the
// coalition fighting Y accuse them of ...", Y is the object of
// "fighting", a phrase that describes the coalition; the subject is the
// noun phrase it hangs on.

// phraseParticiples open a phrase that describes the noun before them.
var phraseParticiples = set("fighting", "battling", "backing", "supporting", "opposing", "representing", "targeting",
	"besieging", "confronting")

// participleBefore returns the participle of such a phrase just before
// the mention m ("fighting the Houthis"), or -1. The word before it must
// be a plain noun: "are fighting X" is a verb, not a description.
func (d *doc) participleBefore(s *sent, m *mention) int {
	p := m.from - 1
	if p > s.a && determiners[d.low[p]] {
		p--
	}
	if p <= s.a || !phraseParticiples[d.low[p]] {
		return -1
	}
	n := p - 1
	if w := d.low[n]; !d.toks[n].word || auxWords[w] || beWords[w] || negWords[w] || s.mentionAt(n) != nil && s.mentionAt(n).ent >= 0 && !officeNouns[w] {
		return -1
	}
	return p
}

// warringWords and sideNouns name the parties to a country's war:
// "Sudan's warring parties" are its factions, not the state.
var (
	warringWords = set("warring", "rival", "feuding", "fighting")
	sideNouns    = set("parties", "sides", "groups", "factions", "generals", "armed", "forces", "camps")
)

// warringSides reports a state's mention m before "warring parties" or
// the like: the phrase names the parties at war inside it.
func (d *doc) warringSides(s *sent, m *mention) bool {
	j := m.to
	if j < s.b && (d.low[j] == "'s" || d.low[j] == "\u2019s") {
		j++
	}
	return j+1 < s.b && warringWords[d.low[j]] && sideNouns[d.low[j+1]]
}
