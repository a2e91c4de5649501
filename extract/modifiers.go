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
