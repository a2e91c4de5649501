package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/stancegraph/stancegraph/stance"
)

// formKind says how a surface form names its actor.
type formKind uint8

const (
	formAlias   formKind = iota // names the actor anywhere
	formMetonym                 // a capital or seat: a place after "in", "at", ...
	formDemonym                 // names the actor only before an office noun
	formMember                  // a person speaking for the actor, within dates
	formRef                     // a description referring back to a named actor
	formGroup                   // a name standing for several actors: "the E3"
)

// heldAt reports whether the form names its actor at date: a member in
// office, a seat held. An undated text holds every form.
func (p *pattern) heldAt(date stance.Date) bool {
	return date.IsZero() || ((p.from.IsZero() || date >= p.from) && (p.to.IsZero() || date <= p.to))
}

// pattern is one compiled surface form.
type pattern struct {
	toks     []ptok // surface tokens as written in the dictionary
	entries  []int  // actor entries; refs may point at several
	kind     formKind
	from, to stance.Date
	gov      bool   // the form names a government ("Afghan government", a head of government)
	army     bool   // the form names an army
	code     string // CAMEO code of the form where the Phoenix table gives one ("AFGGOV")
	// fallback marks a form that names a side of a country ("ZMBELI"),
	// which yields to a form of the same words that speaks for the state
	// at the document's date.
	fallback bool
}

// lexicon is the compiled, read-only form of a Dictionary.
type lexicon struct {
	entries  []*entry
	next     []int                 // entry -> successor entry after its until date, or -1
	byFirst  map[string][]*pattern // lower-cased first token -> patterns, longest first
	surnames map[string][]*pattern // lower-cased last word of a person's name -> the person's patterns
	bare     map[string][]*pattern // the same, with the ranges a person is a side of the country (surnames.go)
	names    map[string]int        // normalized canonical name or alias -> entry
	acronyms map[string]int        // normalized acronym of a table organization ("unita") -> entry
	verbs    *verbTable            // CAMEO verb dictionary and our additions
	vocab    *stance.Vocabulary    // maps the verbs' CAMEO codes to stance types
	codes    []string              // entry -> CAMEO code the Phoenix table links to it
	agents   map[string]string     // Phoenix agent noun -> role code ("police" -> COP)
	// agentFirst holds the first words of the agent nouns, a cheap test
	// before a lookup of the phrases.
	agentFirst map[string]bool
	maxAgent   int            // words of the longest agent noun
	dictLen    int            // entries from the Dictionary; the Phoenix table's follow
	roleEnts   map[string]int // country code + role code -> the role actor ("SAUBUS")
	states     map[string]int // country code -> the state
}

var govWords = map[string]bool{"government": true, "administration": true, "authorities": true, "regime": true, "cabinet": true}
var armyWords = map[string]bool{"army": true, "military": true, "armed": true}

func compile(d *Dictionary) *lexicon {
	lx := &lexicon{byFirst: map[string][]*pattern{}, names: map[string]int{}, acronyms: map[string]int{}, verbs: defaultVerbs(), vocab: stance.DefaultVocabulary()}
	for _, e := range d.entries {
		lx.entries = append(lx.entries, e.clone())
	}
	// Canonical names first: an alias never takes over another actor's name.
	for i, e := range lx.entries {
		lx.names[stance.NormalizeName(e.actor.Name)] = i
	}
	lx.next = make([]int, len(lx.entries))
	for i, e := range lx.entries {
		lx.next[i] = -1
		if j, ok := lx.names[stance.NormalizeName(e.next)]; ok && e.next != "" && j != i {
			lx.next[i] = j
		}
	}
	for i, e := range lx.entries {
		for _, a := range e.actor.Aliases {
			if k := stance.NormalizeName(a); k != "" {
				if _, taken := lx.names[k]; !taken {
					lx.names[k] = i
				}
			}
		}
	}
	lx.addRoleActors()
	lx.indexRoleEnts()
	lx.addEntryForms()
	lx.addGroups(d.groups)
	lx.codes = make([]string, len(lx.entries))
	lx.addPhoenix(defaultPhoenix())
	lx.indexSurnames()
	for k, ps := range lx.byFirst {
		// Longest first so that the first full match is the longest.
		sortPatterns(ps)
		lx.byFirst[k] = ps
	}
	return lx
}

// addEntryForms adds the patterns of every entry's names: canonical name,
// aliases, metonyms, demonyms (and their plurals), members and the
// references that may mean several entries ("the rebels").
func (lx *lexicon) addEntryForms() {
	refIndex := map[string]*pattern{}
	for i, e := range lx.entries {
		isGov := e.actor.Kind == stance.KindGovernment
		lx.add(e.actor.Name, i, formAlias, 0, 0, isGov)
		for _, a := range e.actor.Aliases {
			lx.add(a, i, formAlias, 0, 0, isGov)
			for _, v := range spellingVariants(a) {
				lx.add(v, i, formAlias, 0, 0, isGov) // "Organisation" (spellings.go)
			}
		}
		for _, a := range e.metonyms {
			lx.add(a, i, formMetonym, 0, 0, isGov)
		}
		for _, st := range e.seats {
			lx.add(st.name, i, formMetonym, st.from, st.to, isGov)
		}
		for _, a := range e.demonyms {
			lx.add(a, i, formDemonym, 0, 0, false)
			if pl := pluralDemonym(a); pl != "" {
				lx.add(pl, i, formAlias, 0, 0, false)
			}
		}
		// People of a state or government lead a government; those of an
		// armed group or organization do not.
		memberGov := isGov || e.actor.Kind == stance.KindState
		for _, m := range e.members {
			lx.add(m.name, i, formMember, m.from, m.to, memberGov)
			for _, a := range m.aliases {
				lx.add(a, i, formMember, m.from, m.to, memberGov)
			}
		}
		for _, r := range e.refs {
			key := strings.ToLower(r)
			if p, ok := refIndex[key]; ok {
				p.entries = append(p.entries, i)
				continue
			}
			if p := lx.add(r, i, formRef, 0, 0, false); p != nil {
				refIndex[key] = p
			}
		}
	}
}

// addGroups adds the names of groups of two or more known entries ("the
// Quartet"): a mention of one is a mention of each member.
func (lx *lexicon) addGroups(groups []group) {
	for _, g := range groups {
		var ents []int
		for _, m := range g.members {
			if i, ok := lx.names[stance.NormalizeName(m)]; ok && !contains(ents, i) {
				ents = append(ents, i)
			}
		}
		if len(ents) < 2 {
			continue
		}
		for _, form := range append([]string{g.name}, g.aliases...) {
			if p := lx.add(form, ents[0], formGroup, 0, 0, false); p != nil {
				p.entries = ents
			}
		}
	}
}

// patternBefore orders the patterns of a first word: longer first, and
// of equal length a state's form before a fallback.
func patternBefore(a, b *pattern) bool {
	if len(a.toks) != len(b.toks) {
		return len(a.toks) > len(b.toks)
	}
	return !a.fallback && b.fallback
}

func sortPatterns(ps []*pattern) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && patternBefore(ps[j], ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func (lx *lexicon) add(form string, entry int, kind formKind, from, to stance.Date, gov bool) *pattern {
	toks := tokenize(form)
	var words []string
	for _, t := range toks {
		words = append(words, form[t.bs:t.be])
	}
	// A leading article is optional in text and never part of a match.
	if len(words) > 1 && strings.EqualFold(words[0], "the") && kind != formRef {
		words = words[1:]
	}
	if len(words) == 0 {
		return nil
	}
	p := &pattern{entries: []int{entry}, kind: kind, from: from, to: to, gov: gov}
	for _, w := range words {
		wt := mkWord(w, 0, len(w), 0, 0)
		caps := wt.caps && wt.word
		p.toks = append(p.toks, ptok{s: foldWord(w), caps: caps, upper: wt.upper, title: caps && len(words) == 1 && titleAcronym(w)})
		lw := strings.ToLower(w)
		if govWords[lw] {
			p.gov = true
		}
		if armyWords[lw] {
			p.army = true
		}
	}
	key := firstKey(words[0])
	lx.byFirst[key] = append(lx.byFirst[key], p)
	return p
}

// foldWord is a pattern token as matched: folded by foldMarks once, when
// the pattern is made, so that tokMatch folds only the text's side.
func foldWord(w string) string {
	if isASCII(w) {
		return w
	}
	return foldMarks(w)
}

// firstKey is the lexicon's key of a pattern's first word: the word as
// newDoc lowers it, so that "Côte" and "Cote" share their patterns.
func firstKey(w string) string {
	return foldWord(strings.ToLower(w))
}

// tokMatch compares a dictionary token with a text token. Acronyms must
// match exactly ("IS" is not "is"); capitalised words must be capitalised in
// the text; lower-case words match in any case.
func tokMatch(d ptok, text string, t token) bool {
	if d.caps {
		return d.s == text || d.title && t.upper && !t.caps && strings.EqualFold(d.s, text)
	}
	if d.upper && !t.upper {
		return false
	}
	return strings.EqualFold(d.s, text) || (isApos1(d.s) && isApos1(text)) ||
		!isASCII(text) && strings.EqualFold(d.s, foldMarks(text))
}

// foldMarks drops the accents of a word and writes its typographic
// apostrophe plain, as the dictionaries write names: "Chargé d’affaires"
// is their "charge d'affaires", "Côte d’Ivoire" their "Cote d'Ivoire".
func foldMarks(text string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\u2019':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ptok is a dictionary token with its case shape precomputed.
type ptok struct {
	s     string
	caps  bool
	upper bool
	// title lets an acronym of ours match written as a word too ("Nato",
	// "Ecowas"), as some newspapers write acronyms they pronounce.
	title bool
}

// titleAcronymMin is the fewest letters of an acronym matched in title
// case: shorter ones ("IS", "AU", "WHO") are words so written.
const titleAcronymMin = 4

// titleAcronym reports whether acronym w may match in title case: four or
// more letters, all of them letters.
func titleAcronym(w string) bool {
	if len(w) < titleAcronymMin {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func isApos1(s string) bool { return s == "'s" || s == "\u2019s" || s == "'" || s == "\u2019" }
