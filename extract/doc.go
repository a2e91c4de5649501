// Package extract turns English news text into stance candidates: who
// SUPPORTS, REJECTS, DEMANDS, ACCUSES, OFFERS or ENGAGES whom, with the
// sentence that says so, its code-point offsets, a topic phrase, a date and
// a confidence below 1.
//
// # Approach
//
// Extraction is rule-based and deliberately conservative: a stance is
// emitted only when an actor from the dictionary is the subject of a cue
// and another is its object; anything uncertain is dropped, because a
// wrong edge in the graph costs more than a missing one.
//
//  1. Tokens and sentences. The text is split into words and punctuation
//     with byte and code-point offsets; hyphens and possessive 's are
//     tokens of their own; abbreviations (U.S., Gen., Sept.) keep their
//     period. Sentences end at . ! ? and at blank lines.
//  2. Actors. A Dictionary (DefaultDictionary ships every UN member state,
//     major organizations and armed groups, and office holders with dates)
//     is compiled into a token trie. Acronyms match case-sensitively ("IS"
//     is not "is"), capitalised names only capitalised, and the longest
//     match wins. Capitals are actors except after a locative preposition
//     ("in Kabul"); demonyms only before an office noun ("Afghan
//     officials", "his Armenian and Azerbaijani counterparts"). People
//     named with a title ("Chinese Foreign Minister Wang Yi") or an
//     apposition ("Alice Wells, a U.S. official") are learned for the rest
//     of the document, with their surname.
//  3. References. "The group", "the insurgents", "the alliance" resolve to
//     the last named actor that carries that description in the
//     dictionary; "the government" to the last government named; "the
//     delegation", "the spokesman" to whoever's delegation was named last;
//     he/she/it to the last subject of that kind; "both", "the two sides"
//     to the last pair named. An unresolved reference drops the stance.
//  4. Cues. Each cue verb (in every inflection, with its particle: "called
//     on", "ruled out", "stood by") has a type and a rule for finding its
//     object: the first actor list of the object phrase, the actors of an
//     offer's complement ("offered to mediate between Baku and Yerevan"),
//     the owner of a rejected demand or welcomed proposal, the accuser of a
//     denied accusation, the polarity of a label ("called X a 'puppet'").
//     The subject is the nearest actor list to the left within the clause,
//     skipping appositions and relative clauses; coordinated verbs ("and
//     urged") inherit it; relative pronouns take their antecedent.
//     Passives ("was urged by", "has been rejected by") swap the roles.
//     Reported speech adds "X said Y must ..." (DEMANDS), "Y's offer was
//     the most forward-leaning proposal" (SUPPORTS), "Y was to blame"
//     (ACCUSES).
//  5. Filters. Negation and modality in the verb group ("did not reject",
//     "would reject", "stopped short of accusing"), questions, clauses
//     under if/whether/unless, "Asked whether ..." and the content of
//     another stance ("accused X of supporting Y" says nothing about X and
//     Y) state no stance; neither do statements whose speaker is no actor
//     ("analysts said").
//
// Extraction is linear in the text: each token is looked up once in the
// dictionary and cue tables, and rules look at a bounded window.
//
// # Use
//
// New compiles a Dictionary into an Extractor, which is immutable and safe
// for concurrent use. Extract returns the candidates of one text;
// ParseArticle splits a plain-text article into its header and body;
// WriteJSONL prints candidates as JSON Lines. Package extract/eval scores
// an Extractor against gold annotations.
package extract
