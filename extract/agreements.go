package extract

// Agreements signed. Signing or reaching an agreement with an actor is
// contact with it (the parties met or negotiated to sign it), which the
// annotators of real news code as ENGAGES whatever the agreement says:
// "the SDF signed an agreement with Syrian President al-Shar'a", "a
// memorandum was signed between Ethiopia's prime minister and
// Somaliland's president". Reaching one stays an intent to cooperate as
// well (CAMEO 057, the dictionary's offer).

// signVerbs conclude an agreement.
var signVerbs = set("signed", "signs", "sign", "signing", "inked", "concluded", "reached", "reaches", "struck", "clinched")

// agreementNouns name what is signed.
var agreementNouns = set("agreement", "agreements", "deal", "deals", "accord", "accords", "pact", "pacts", "memorandum",
	"treaty", "treaties", "mou", "protocol", "protocols", "deal", "ceasefire", "truce", "compact", "declaration", "declarations",
	"roadmap", "framework", "lease", "convention")

// agreementReach bounds the words from the verb to the agreement's noun.
const agreementReach = 6

// signedAgreement is the phrase rule at a verb of signing (i): "X signed
// a deal with Y" engages X and Y; "A and B signed a pact" engages them
// with each other; "a deal was signed between A and B" as well.
func (d *doc) signedAgreement(s *sent, i int) {
	if !signVerbs[d.low[i]] || s.isContent(i) {
		return
	}
	if i > s.a && beWords[d.low[i-1]] {
		d.signedBetween(s, i)
		return
	}
	n := d.agreementAfter(s, i+1)
	if n < 0 {
		return
	}
	sub := d.subjectAt(s, i)
	if len(sub.ents) == 0 || sub.neg || sub.refuses || d.deniedBefore(s, i) {
		return // "denied reports that it had signed a deal with X"
	}
	if k := d.pastAgreementName(s, n+1); k+1 < s.b && d.low[k] == "with" {
		partners, end, _, _ := d.objectNP(s, k+1, 8)
		if len(partners) > 0 && !overlaps(partners, sub.ents) {
			d.emit(s, Engages, sub.ents, partners, 0.7, end)
		}
		return
	}
	if k := d.skipBeforeVerb(s, i); len(sub.ents) >= 2 && !sub.group && k >= s.a && !relWords[d.low[k]] {
		// "a row between it and Uganda, which signed a deal": the
		// relative's antecedent is the last actor, not the pair.
		d.reciprocal(s, Engages, sub.ents, 0.7, n+1)
	}
}

// signedBetween handles the passive at i: "was signed (on Monday)
// between A and B".
func (d *doc) signedBetween(s *sent, i int) {
	if i-2 < s.a || !d.agreementBefore(s, i-1) {
		return
	}
	for k := i + 1; k < s.b && k <= i+5; k++ {
		if d.low[k] == "between" {
			parties, _, _, _ := d.objectNP(s, d.partiesFrom(s, k+1), 12)
			if len(parties) >= 2 {
				d.reciprocal(s, Engages, parties, 0.7, k)
			}
			return
		}
		if boundaryWords[d.low[k]] || d.low[k] == "," {
			return
		}
	}
}

// agreementAfter returns the agreement's noun within reach after j, past
// determiners and modifiers, or -1.
func (d *doc) agreementAfter(s *sent, j int) int {
	for k := j; k < s.b && k < j+agreementReach; k++ {
		w := d.low[k]
		if agreementNouns[w] {
			return k
		}
		if boundaryWords[w] || w == "," || w == "with" || w == "to" || s.mentionAt(k) != nil && s.mentionAt(k).ent >= 0 {
			return -1
		}
	}
	return -1
}

// agreementBefore reports an agreement's noun among the few words that
// end at the be-word at b: "a memorandum of understanding was".
func (d *doc) agreementBefore(s *sent, b int) bool {
	for k := b - 1; k >= s.a && k >= b-5; k-- {
		if agreementNouns[d.low[k]] {
			return true
		}
	}
	return false
}

// pastAgreementName returns the token after "of understanding", a time
// or a place that may follow the agreement's noun: "a memorandum of
// understanding last month with X".
func (d *doc) pastAgreementName(s *sent, k int) int {
	if k+1 < s.b && d.low[k] == "of" && d.low[k+1] == "understanding" {
		k += 2
	}
	for k < s.b && (timeWords[d.low[k]] || isWeekday(d.low[k]) || timeNouns[d.low[k]]) {
		k++
	}
	if _, ok := months[d.low[k]]; ok && k < s.b {
		k++
	}
	return k
}
