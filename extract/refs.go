package extract

// An organization is often referred back to by its description with
// modifiers the dictionary's reference lacks: "the West African bloc",
// "the 15-nation bloc", "the regional alliance" for "the bloc", "the
// alliance" of the organization named last.

// modifiedRefHeads are the heads of organizations' descriptions that
// modifiers may precede.
var modifiedRefHeads = set("bloc", "alliance", "union", "organisation", "organization", "community", "grouping")

// orgHeadSynonyms name an organization alike: "the 22-nation regional
// organization" is the bloc whose reference is "the bloc".
var orgHeadSynonyms = set("bloc", "organisation", "organization", "grouping")

// refModifiers are the lower-case words such a description may hold.
var refModifiers = set("regional", "continental", "economic", "political", "military", "trade", "-", "nation", "member",
	"western", "african", "asian", "european", "american", "arab", "gulf")

// refModMax bounds the modifiers.
const refModMax = 4

// modifiedRef matches "the" at i, modifiers and a head whose bare
// reference ("the bloc") the dictionary gives an organization named
// earlier in the text.
func (d *doc) modifiedRef(s *sent, i int) (mention, bool) {
	none := mention{ent: -1}
	if d.low[i] != "the" {
		return none, false
	}
	j := i + 1
	for j < s.b && j <= i+refModMax && d.refModifier(s, j) {
		j++
	}
	if j == i+1 || j >= s.b || !modifiedRefHeads[d.low[j]] {
		return none, false
	}
	for _, p := range d.lx.byFirst["the"] {
		if p.kind == formRef && len(p.toks) == 2 && (p.toks[1].s == d.low[j] || orgHeadSynonyms[p.toks[1].s] && orgHeadSynonyms[d.low[j]]) {
			if e := d.resolveRef(p.entries); e >= 0 {
				return mention{from: i, to: j + 1, ent: e, kind: formRef, ref: true}, true
			}
		}
	}
	return none, false
}

// refModifier reports a word at j that may modify an organization's
// description: a number, a word of refModifiers, or a capitalised word
// that starts no actor's name here ("West", not "Russian").
func (d *doc) refModifier(s *sent, j int) bool {
	w := d.low[j]
	switch {
	case refModifiers[w]:
		return true
	case w != "" && w[0] >= '0' && w[0] <= '9':
		return true
	case d.toks[j].word && d.toks[j].upper:
		_, n := d.longestMatch(s, j, d.lx.byFirst[w], mention{ent: -1}, 0)
		return n == 0 && !d.isDemonym(s, j)
	}
	return false
}
