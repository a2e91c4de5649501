package extract

import (
	"context"
	"slices"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// Candidate is one stance found in a text.
type Candidate struct {
	Subject, Object stance.Actor // from the dictionary, ID = stance.ActorID(Name)
	// SubjectCode and ObjectCode are the CAMEO actor codes of the mentions
	// ("AFGGOV" for a minister in office, "USA" for the state), empty
	// where the dictionary gives none.
	SubjectCode, ObjectCode string
	Type                    string      // SUPPORTS REJECTS DEMANDS ACCUSES OFFERS ENGAGES
	Topic                   string      // a short phrase of what the stance is about
	Date                    stance.Date // from the text where stated ("on March 9"), else the document date
	Confidence              float64     // always below 1: text-derived stances are never curated
	Quote                   string      // the sentence stating it: an exact substring of the text
	Start, End              int         // code-point offsets of Quote in the text, end exclusive
}

// Extractor finds stance candidates in English news text with an actor
// dictionary and rules over cue verbs. It is immutable after New and safe
// for concurrent use.
type Extractor struct {
	lx *lexicon
}

// New returns an Extractor over a snapshot of d; later changes to d do not
// affect it. A nil d means DefaultDictionary().
func New(d *Dictionary) *Extractor {
	if d == nil {
		d = DefaultDictionary()
	}
	return &Extractor{lx: compile(d)}
}

// Canonical returns the canonical name of the dictionary actor that name
// denotes: its canonical name or one of its aliases, compared as
// stance.NormalizeName compares names ("ECOWAS", "DR Congo", "Houthi
// movement"), or the acronym of an organization of the actor table
// ("UNITA"), or else the one actor the whole name is a mention of as a
// text would name it ("Colombian government": Colombia). It reports false
// for a name that denotes no dictionary actor.
func (e *Extractor) Canonical(name string) (string, bool) {
	n := stance.NormalizeName(name)
	i, ok := e.lx.names[n]
	if !ok {
		i, ok = e.lx.acronyms[n]
	}
	if !ok {
		i, ok = e.lx.denoted(name)
	}
	if !ok {
		return "", false
	}
	return e.lx.entries[i].actor.Name, true
}

// denoted returns the entry a name outside the dictionary's names denotes
// as the text's own reading would take it: "Colombian government",
// "Government of Colombia" and "Myanmar junta" are Colombia and Myanmar.
// The whole name must be one mention of one actor.
func (lx *lexicon) denoted(name string) (int, bool) {
	d := newDoc(lx, name, 0)
	if len(d.toks) == 0 || len(d.toks) > 12 {
		return -1, false
	}
	s := d.newSent(0, len(d.toks))
	d.findMentions(s)
	if len(s.ms) != 1 {
		return -1, false
	}
	m := s.ms[0]
	first, last := 0, len(d.toks)
	for first < last && (!d.toks[first].word || d.low[first] == "the") {
		first++
	}
	for last > first && !d.toks[last-1].word {
		last--
	}
	for m.gov && m.to < last && rulerWords[d.low[m.to]] {
		m.to++ // "Colombian government": the demonym names the government
	}
	if m.ent < 0 || m.ent >= len(lx.entries) || m.place || len(m.group) > 0 || m.from > first || m.to < last {
		return -1, false
	}
	return m.ent, true
}

// Extract returns the stances text states, at most one candidate per
// (subject, type, object), in order of first statement. docDate dates the
// stances whose sentence states no date; it may be zero. Any input is
// accepted: text without actors or stances yields no candidates and no
// error. The only error is ctx's, checked between sentences.
func (e *Extractor) Extract(ctx context.Context, text string, docDate stance.Date) ([]Candidate, error) {
	d := newDoc(e.lx, text, docDate)
	if err := d.read(ctx); err != nil {
		return nil, err
	}
	return d.out, nil
}

// read reads the text sentence by sentence, checking ctx before the
// first and then every 128 sentences.
func (d *doc) read(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, s := range splitSentences(d.text, d.toks) {
		if i%128 == 127 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		d.sentence(s.from, s.to)
	}
	return nil
}

// doc is the state of one Extract call: tokens and the discourse model that
// resolves references across sentences.
type doc struct {
	lx    *lexicon
	text  string
	date  stance.Date
	toks  []token
	low   []string
	local map[string][]*pattern // people introduced by title or apposition

	recent     []recentRef      // named actors in order of mention
	roles      map[string]int   // "delegation" -> the actor whose delegation was last named
	owners     map[string][]int // event class -> actors who last made one
	accus      [][3]int         // accuser, accused, statement number in order
	lastPerson int              // last subject named through a person
	lastOther  int              // last subject named otherwise
	lastAny    int
	// lastNamed is the actor named last, as a place too ("no trust in
	// X"); namedBefore is its value as the current sentence began.
	lastNamed, namedBefore int
	quote                  quoteFrame // the current sentence's attributed quotation
	quoteCarry             bool       // a quotation is open from an earlier sentence
	lastPair               []int      // last list of two or more actors
	lastSubjs              []int      // the last subject when it was a list: what "they" means
	lastSubjList           []int      // the last subject that was a list, however long ago
	lists                  [][]int    // the last few lists of two or more actors named
	subjHist               []int      // the last few subjects, oldest first
	lastTalks              []int      // the last two parties said to hold talks with each other

	objPron *mention // the pronoun the last object phrase resolved, if any
	cueEnd  int      // first token after the cue being handled

	out  []Candidate
	seen map[string]int

	extra []stance.Actor // actors of this text alone (orgs.go), numbered after the lexicon's

	officeOwner int // the state "the Foreign Office" names in this text, or -1 (offices.go)

	// sink, when set, sees each sentence's resolved mentions as the
	// sentence ends (Mentions).
	sink func(s *sent)
}

type recentRef struct {
	ent               int
	gov, army, person bool
}

func newDoc(lx *lexicon, text string, date stance.Date) *doc {
	d := &doc{lx: lx, text: text, date: date, toks: tokenize(text), lastPerson: -1, lastOther: -1, lastAny: -1, lastNamed: -1, namedBefore: -1, cueEnd: -1, officeOwner: -1, quote: noQuote,
		roles: map[string]int{}, owners: map[string][]int{}, seen: map[string]int{}, local: map[string][]*pattern{}}
	d.low = make([]string, len(d.toks))
	for i, t := range d.toks {
		d.low[i] = strings.ToLower(text[t.bs:t.be])
		if t.word && !isASCII(d.low[i]) {
			d.low[i] = foldMarks(d.low[i]) // "Chargé d’affaires": the dictionaries' "charge d'affaires"
		}
	}
	return d
}

func (d *doc) tok(i int) string { return d.text[d.toks[i].bs:d.toks[i].be] }

// mention is an actor named in a sentence.
type mention struct {
	from, to int // tokens [from, to)
	ent      int
	kind     formKind
	place    bool // a location ("in Kabul"), not an actor
	person   bool // named through a person
	gov      bool // names a government
	army     bool
	ref      bool // resolved through a reference or pronoun
	pron     bool
	group    []int  // every actor a group name or plural reference stands for
	code     string // CAMEO code of the form matched, if the Phoenix table gives one
}

// sent is the working state of one sentence.
type sent struct {
	a, b      int // tokens [a, b)
	ms        []mention
	at        []int  // token -> mention index, -1 if none
	content   []bool // token lies in the content of another stance
	frontLoc  int    // actor of a fronted "In Kabul," or -1
	prevSubj  []int  // subject of the latest verb
	prevObjs  []int  // objects of the latest cue: what "them" means
	accusers  []int  // subjects of the latest accusation stated in it
	prevPers  bool
	subjFound bool
	quoteOpen int // token index of a sentence-initial quote, or -1
	paren     int // token index of the first "(", or b: no portfolio before it
}

// newSent returns the empty working state of tokens [a, b).
func (d *doc) newSent(a, b int) *sent {
	s := &sent{a: a, b: b, frontLoc: -1, quoteOpen: -1, paren: b, at: make([]int, b-a), content: make([]bool, b-a)}
	if k := slices.Index(d.low[a:b], "("); k >= 0 {
		s.paren = a + k
	}
	return s
}

func (s *sent) mentionAt(i int) *mention {
	if i < s.a || i >= s.b || s.at[i-s.a] < 0 {
		return nil
	}
	return &s.ms[s.at[i-s.a]]
}

func (d *doc) sentence(a, b int) {
	if b-a > 400 {
		// Run-on text (tables, lists, markup) is cut into windows so that
		// the cost stays linear.
		for x := a; x < b; x += 400 {
			d.sentence(x, min(x+400, b))
		}
		return
	}
	s := d.newSent(a, b)
	d.namedBefore = d.lastNamed
	d.findMentions(s)
	if d.registerPeople(s) {
		d.findMentions(s)
	}
	if d.attributeQuote(s) || d.quote.speaker >= 0 && slices.Contains(d.low[d.quote.from:d.quote.to], "they") {
		// "we" inside the quotation is now its speaker, "they" the other
		// side it named.
		d.findMentions(s)
	}
	d.registerRoles(s)
	if b-a == 0 {
		return
	}
	// Questions state nothing.
	last := b - 1
	for last > a && !d.toks[last].word && isClosing(d.tok(last)) {
		last--
	}
	if d.low[last] == "?" {
		d.endSentence(s)
		return
	}
	d.obligation(s)
	d.markHypothetical(s)
	d.frontLocation(s)
	if d.tok(a) == `"` || d.tok(a) == "\u201c" {
		s.quoteOpen = a
	}
	for i := a; i < b; i++ {
		if !d.toks[i].word {
			continue
		}
		if m := s.mentionAt(i); m != nil && m.ent >= 0 && m.to-m.from > 1 && (!m.pron || i > m.from) {
			// "Rapid Support Forces": a word of a name is no verb, nor the
			// noun of a reference ("the two Arab states accused ...").
			continue
		}
		if reportVerbs[d.low[i]] {
			d.reported(s, i)
		}
		if d.intent(s, i) {
			continue
		}
		if defs, ok := cueTable[d.low[i]]; ok && d.pickDef(s, i, defs) != nil {
			d.cue(s, i, defs)
		} else if !reportVerbs[d.low[i]] {
			d.frameCue(s, i)
		}
		if i > a && d.partiesWord(s, i) {
			d.between(s, i)
		}
		for _, rule := range phraseRules {
			rule(d, s, i)
		}
	}
	d.endSentence(s)
}

// phraseRules are the stances a phrase states wherever it stands, tried
// at every word after the verb cues; each checks its own anchor word.
var phraseRules = []func(*doc, *sent, int){
	(*doc).ownedDemand,
	(*doc).issuedDemand,
	(*doc).deliveredDemand,
	(*doc).summonedTo,
	(*doc).recalledEnvoy,
	(*doc).issuedStatement,
	(*doc).heldResponsible,
	(*doc).blacklisted,
	(*doc).drawnReaction,
	(*doc).pressedDemand,
	(*doc).despitePressure,
	(*doc).nominal,
	(*doc).cancelledMeeting,
	(*doc).deniedAccusation,
	(*doc).hostedTalks,
	(*doc).attendedHosted,
	(*doc).placedBlame,
	(*doc).demandedAssurance,
	(*doc).labelledBy,
	(*doc).judgedProposal,
	(*doc).involvedTalks,
	(*doc).guarantorsOfTalks,
	(*doc).representedAtTalks,
	(*doc).nounVisit,
	(*doc).invitedVisit,
	(*doc).restoredTies,
	(*doc).brokeredDeal,
	(*doc).calledTo,
	(*doc).encouragedTo,
	(*doc).signedAgreement,
	(*doc).mediatedBetween,
	(*doc).frontedMeeting,
	(*doc).meetingWith,
	(*doc).phoneCall,
	(*doc).spokeOfWrongs,
	(*doc).soughtHelp,
	(*doc).blockedBid,
	(*doc).receivedFrom,
	(*doc).deadlineSet,
	(*doc).namedCharge,
	(*doc).letterStance,
	(*doc).standingWith,
	(*doc).alongsideWith,
	(*doc).ownedTalks,
}

// frontLocation records the actor of a sentence's opening "In X," or
// "At X,": the side an unnamed official there speaks for.
func (d *doc) frontLocation(s *sent) {
	a := s.a
	if d.low[a] != "in" && d.low[a] != "at" {
		return
	}
	for i := a + 1; i < s.b && i < a+6; i++ {
		if d.low[i] == "," {
			if m := s.mentionAt(a + 1); m != nil && m.ent >= 0 {
				s.frontLoc = m.ent
			}
			return
		}
	}
}

func (d *doc) endSentence(s *sent) {
	if d.sink != nil {
		d.sink(s)
	}
	d.announcer(s)
	if !s.subjFound {
		for i, m := range s.ms {
			if m.ent >= 0 && !m.place && !d.inDateline(s, m) {
				ents, last := d.listAt(s, i)
				d.noteSubject(ents, listPerson(s, i, last))
				break
			}
		}
	}
}

func (d *doc) noteSubject(ents []int, person bool) {
	if len(ents) == 0 {
		return
	}
	d.lastAny = ents[0]
	for _, e := range ents {
		if n := len(d.subjHist); n == 0 || d.subjHist[n-1] != e {
			if n == 8 {
				d.subjHist = append(d.subjHist[:0], d.subjHist[1:]...)
			}
			d.subjHist = append(d.subjHist, e)
		}
	}
	if !(len(ents) == 1 && len(d.lastSubjs) == 1 && d.lastSubjs[0] == ents[0]) {
		d.lastSubjs = nil
	}
	if len(ents) >= 2 {
		d.lastSubjs, d.lastSubjList = ents, ents
	}
	if person {
		d.lastPerson = ents[0]
	} else {
		d.lastOther = ents[0]
	}
}

// markHypothetical marks the clause after if/unless/whether/"once" and an
// opening "Asked whether ...," as content that states no stance.
func (d *doc) markHypothetical(s *sent) {
	for i := s.a; i < s.b; i++ {
		w := d.low[i]
		if hypoWords[w] || (w == "asked" && i == s.a) || d.conditionalOnce(s, i) {
			for j := i; j < s.b; j++ {
				if j > i && (d.low[j] == "," || d.low[j] == ";") {
					break
				}
				s.content[j-s.a] = true
			}
		}
	}
}

func (d *doc) markContent(s *sent, from int) {
	for j := from; j < s.b; j++ {
		w := d.low[j]
		if w == "," || w == ";" || w == "--" || w == "but" || w == "while" || w == "\u2014" {
			break
		}
		if w == "and" && j+1 < s.b && reportVerbs[d.low[j+1]] {
			break // "dismissed the accusation and said ...": a new verb of the subject
		}
		s.content[j-s.a] = true
	}
}

func (s *sent) isContent(i int) bool { return i >= s.a && i < s.b && s.content[i-s.a] }
