package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// Single words of the country file. The Phoenix country file lists,
// beside a state's names, the misspellings news wires print
// ("Afganistan", "Ethopia", "Quatar"), its demonyms and its cities and
// regions ("Khartoum", "Darfur"), all as single words. Single words of
// people and organizations are not forms (addPhoenixForm), because a
// surname is too often someone else's; but a word a letter or two away
// from one of the state's own names can only be that name misspelt. A
// place one state alone lists may be a capital or any town, which the
// table does not tell apart, so it names the state only as a demonym
// does, before an office or agent noun: "Darfur rebels" are Sudan's
// rebels, "Kandahar police" Afghanistan's police (formDemonym).

// variantMinLen is the shortest word taken as a variant: below it one
// edit turns too many names into others ("Iran", "Iraq").
const variantMinLen = 5

// variantEdits is how many edits a variant may be from a name of n
// letters: one, two from nine letters on.
func variantEdits(n int) int {
	if n >= 9 {
		return 2
	}
	return 1
}

// demonymEndings end the demonyms the dictionary may lack ("Argentinean",
// "Bhutani", "Luxembourger"): a word ending so is a variant only of a
// name that ends so too ("Afganistan").
var demonymEndings = []string{"an", "ian", "ean", "ese", "i", "er", "ish", "ic", "en"}

// addVariants adds, for each state of the table's country records, the
// single-word phrases that are near misspellings of one of its names and
// name nothing else: no actor's name or alias, and no demonym
// ("Kenyan" is one letter from "Kenya").
func (lx *lexicon) addVariants(t *phoenixTable, states map[string]int) {
	demonyms, places := lx.allDemonyms(), countryWords(t)
	for _, r := range t.records {
		if r.kind != 'c' || len(r.codes) == 0 || r.codes[0].ranged || len(r.codes[0].code) != 3 {
			continue
		}
		ent, ok := states[r.codes[0].code]
		if !ok {
			continue
		}
		names := lx.stateNames(ent)
		for _, p := range r.phrases {
			switch {
			case lx.isVariant(p, names, demonyms):
				lx.addCountryWord(p, ent, formAlias, r.codes[0].code)
			case places[p.norm] == 1 && lx.isPlaceWord(p, demonyms):
				lx.addCountryWord(p, ent, formDemonym, r.codes[0].code)
			}
		}
	}
}

// addCountryWord adds a single word of a country record as a form of
// state ent, matched only capitalised.
func (lx *lexicon) addCountryWord(p phoenixPhrase, ent int, kind formKind, code string) {
	pt := &pattern{entries: []int{ent}, kind: kind, code: code, toks: []ptok{{s: p.words[0], upper: true}}}
	lx.byFirst[p.words[0]] = append(lx.byFirst[p.words[0]], pt)
	if kind == formAlias {
		lx.names[p.norm] = ent
	}
}

// isPlaceWord reports whether single-word phrase p of a country record
// is a place of that country to name it by: a word of four letters or
// more that names no actor and is no demonym.
func (lx *lexicon) isPlaceWord(p phoenixPhrase, demonyms map[string]bool) bool {
	if len(p.words) != 1 || len(p.norm) < 4 || demonyms[p.norm] || strings.ContainsAny(p.norm, " -'") {
		return false
	}
	_, taken := lx.names[p.norm]
	return !taken && len(lx.byFirst[p.norm]) == 0
}

// countryWords counts, for each single word of the country records, the
// states that list it: a word two states list ("Punjab") names neither.
func countryWords(t *phoenixTable) map[string]int {
	seen := map[string]map[string]bool{}
	for _, r := range t.records {
		if r.kind != 'c' || len(r.codes) == 0 || r.codes[0].ranged || len(r.codes[0].code) != 3 {
			continue
		}
		for _, p := range r.phrases {
			if len(p.words) == 1 {
				if seen[p.norm] == nil {
					seen[p.norm] = map[string]bool{}
				}
				seen[p.norm][r.codes[0].code] = true
			}
		}
	}
	out := make(map[string]int, len(seen))
	for w, cs := range seen {
		out[w] = len(cs)
	}
	return out
}

// isVariant reports whether phrase p is a misspelling of one of names.
func (lx *lexicon) isVariant(p phoenixPhrase, names []string, demonyms map[string]bool) bool {
	if len(p.words) != 1 || len(p.norm) < variantMinLen || demonyms[p.norm] {
		return false
	}
	if _, taken := lx.names[p.norm]; taken {
		return false
	}
	for _, n := range names {
		if p.norm[0] == n[0] && !demonymLike(p.norm, n) && editDistance(p.norm, n, variantEdits(len(n))) <= variantEdits(len(n)) {
			return true
		}
	}
	return false
}

// demonymLike reports whether w ends as a demonym and name does not.
func demonymLike(w, name string) bool {
	for _, e := range demonymEndings {
		if strings.HasSuffix(w, e) && !strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// stateNames are the normalized single-word names of actor ent.
func (lx *lexicon) stateNames(ent int) []string {
	a := lx.entries[ent].actor
	var out []string
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if k := stance.NormalizeName(n); k != "" && !strings.Contains(k, " ") && len(k) >= variantMinLen {
			out = append(out, k)
		}
	}
	return out
}

// allDemonyms is the set of every entry's demonyms, normalized.
func (lx *lexicon) allDemonyms() map[string]bool {
	out := map[string]bool{}
	for _, e := range lx.entries {
		for _, d := range e.demonyms {
			out[stance.NormalizeName(d)] = true
			out[stance.NormalizeName(pluralDemonym(d))] = true
		}
	}
	return out
}

// editDistance is the Levenshtein distance of a and b (bytes), or any
// value above limit once it is certain to exceed it.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
