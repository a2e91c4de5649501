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
//     officials", "his Armenian and Azerbaijani counterparts"), an act of
//     their state ("the Russian strikes", "the Saudi outreach") or an
//     authorship participle ("a French-drafted resolution",
//     "Egyptian-Qatari effort"). People named with a title ("Chinese
//     Foreign Minister Wang Yi", "Foreign Minister Anna Wagner of
//     Austria") or an apposition ("Alice Wells, a U.S. official", "Anna
//     Wagner, Austria's foreign minister") are learned for the rest of the
//     document, with their surname; names learned from the text win over
//     dictionary names, and a titled person of no known actor blocks the
//     name ("Foreign Minister Anna Wagner" is not the Wagner Group).
//     Group names stand for every member: dictionary groups ("the E3",
//     "the three European powers") and groups the text defines ("the
//     Quartet (the UN, the US, the EU and Russia)", "..., known as the
//     Mediators"). An actor that ceased to exist names its successor after
//     its end date ("Kabul" after August 2021 is the Taliban).
//     The Phoenix actor table (actors.phoenix.txt, generated from
//     PETRARCH2's Phoenix dictionaries by internal/phoenixgen) adds
//     names of two or more words: office holders of a state's government
//     or military within their dates, organizations and armed groups the
//     dictionary lacks. Each mention carries a CAMEO code: its form's,
//     else its actor's, with the role of an agent noun after a country
//     ("Nigerian police" NGACOP). Every state with a demonym has its
//     rebels and opposition as actors of their own (roles.go: "Rwandan
//     rebels" RWAREB, "rebels in the Ivory Coast", "opposition groups in
//     Zimbabwe" ZWEOPP), and a plural demonym names the state ("the
//     Palestinians", "Israelis"). Actors without an entry of their own
//     (variants.go, agents.go, orgs.go): a state's name misspelt as the
//     Phoenix country file lists it ("Ethopia"); a town or region of
//     that file before an office or agent noun ("Darfur rebels"); a
//     demonym before any Phoenix agent noun, the state for its own roles
//     ("Kenyan judges") and a side of the country for the others ("a
//     Saudi businessman" SAUBUS); a Phoenix person outside the dates of
//     an office, of the country's elites unless the text titles him in
//     office; and an organization named by capitalised words ending in
//     a head noun ("the Kenya Farmers Association"), an actor of the
//     text alone, as is a body described by a demonym, lower-case words
//     and a noun of bodies ("an Israeli peace movement"). Names whose
//     words a hyphen joins ("Jean-Bertrand", "Dae-jung") match the
//     tables' spaced names (hyphened.go); a title and surname the text
//     gives another state ("King Hussein of Jordan") are not that
//     surname's person elsewhere. Peoples and faiths (ethnic.go) are actors of the text
//     too, of their country: a demonym before a people ("Iraqi Kurds",
//     "Bosnian Serbs"), a people before an agent noun ("Hausa
//     politicians"), a people's plural ("the Kurds"). A leader's surname
//     before "administration" or "regime" names the leader's state at any
//     date; a surname alone names the dictionaries' person where all
//     people of that surname are of one country ("Arafat"); one-word
//     Phoenix names of organizations and armed groups match in capitals
//     ("UNITA"); an acronym the text gives in parentheses ("the X Front
//     (XF)") names its actor for the rest of the text. People are also
//     learned from "Foreign Minister of X Name", an office form then a
//     name ("the US Secretary of State Name") and an apposition opening
//     with an office ("Name, head of the political bureau of X,"), and
//     an actor in parentheses after a title is its portfolio, no actor
//     (titled.go). A state's vessels and coast guard are the state's.
//     Every state has its junta too ("the Malian junta", "putschists",
//     "coup plotters"), and a gold file's "Mali junta" names it. A
//     group's name before words of its organs ("the Houthi Supreme
//     Political Council") is the group; a state's possessive, capitalised
//     words and the acronym of a body of its country ("Sudan's Armed
//     Forces (SAF)") that body; demonyms before "allies" after a
//     possessive ("its Ugandan and Tanzanian allies") their states; a state
//     before "warring parties" no actor (bodies.go, allies.go,
//     modifiers.go). The last word of a body's name in the people's
//     tables ("Assembly of Experts") is no surname. A list joined by
//     commas and closed by "and" ends there ("A, B and C, and D, who").
//  3. References. "The group", "the insurgents", "the alliance" resolve to
//     the last named actor that carries that description in the
//     dictionary; inside a quotation, "we" and "I" to its speaker
//     ('"We reject ...," the ministry said', 'X said: "We ..."',
//     'According to X, "We ..."', the sentence closing a quotation that
//     runs over several) and "the statement" to its issuer (who last
//     spoke, or "issued a statement"); "the government" to the last
//     government named; "the
//     delegation", "the spokesman" to whoever's delegation was named last;
//     he/she/it to the last subject of that kind (a name hyphened to
//     the next word, "NATO-member Norway", is none); "him" to the person
//     named last who is not the subject; "they" to a list of this sentence
//     or the last subject that was a list ("Egypt and Qatar ... They") or
//     a plural ("Israeli officials ... They"); "both", "the two sides",
//     "the three countries" to the last list of that size (a subject list
//     first; states only for "countries", "governments"; a subject only
//     for "the two mediators"); "the N leaders" to the last N actors named
//     through people, a region ("the Caribbean nation", "the European
//     leaders", regions.go) to its actors named last, "its neighbour" to
//     the last other state (leaders.go, neighbours.go). An
//     organization's description with modifiers ("the West African
//     bloc", refs.go) is its reference too, and a state's office named without its state ("the Foreign
//     Ministry", "a defense ministry spokesperson") speaks for the state
//     last the subject, not a dateline's (ministries.go), the dateline's
//     when no state was yet; "the Foreign Office", which names the
//     ministries of Britain, Pakistan and Germany, is the state the text
//     gives it (a possessive or demonym, an earlier mention, the
//     dateline's city, Pakistan or Germany named where Britain is not),
//     and Britain's only without any (offices.go). "The South" and "the
//     North" are one Korea where the other was named (counterparts.go).
//     "It"/"them"
//     accused of a deed or urged to act is the nearest other actor. An
//     unresolved reference drops the stance.
//  4. Cues. Each cue verb (in every inflection, with its particle: "called
//     on", "ruled out", "stood by") has a type and a rule for finding its
//     object: the first actor list of the object phrase, the actors of an
//     offer's complement ("offered to mediate between Baku and Yerevan"),
//     the owner of a rejected demand or welcomed proposal (its author:
//     "a proposal put forward by Egypt", "Tehran's position", "the E3
//     statement"; whoever last offered, demanded, announced a decision,
//     struck or spoke: "the initiative", "the decision", "the strikes",
//     "the statement"), the accuser of a denied accusation (never the
//     content of a denial, nor an accusation no actor made: "long accused
//     of ..., denies it" is nothing), the polarity of a label ("called X a
//     'puppet'", "what it called X's 'aggression'"; a hostile label on a
//     demand or proposal rejects it). A host or mediator engages the
//     parties ("talks hosted by Cuba", "held talks, mediated by Qatar",
//     "which hosted the first round" for the parties named last); contact
//     held, made or conducted ("conducted a telephone call with X", "made
//     contact with X") and reaching out to X engage X, as does a
//     delegation or envoy sent or dispatched to X; challenging X to act
//     demands, challenging X's claim or account rejects X; an
//     object "it"/"them" is what the verb before was about ("backed the
//     plan, and Nigeria also endorsed it"), never an actor. "Each side
//     accused the other" and "blamed each other" accuse both ways (the
//     sides are never the speakers of a reporting verb); ", as did X"
//     gives X the same stance; "the UN envoy for Libya" speaks for the UN.
//     A subject list with no object does an act of cooperation with each
//     other ("Kenya and Uganda agreed on a treaty"), and rejects each
//     other when it fails or refuses to ("failed to reach agreement").
//     Where no actor is the object, the country of a place is
//     (places.go): a visit's host ("arrived in Amman on a visit"), where
//     troops, aid or an embassy are sent or set up ("troops to a force in
//     Liberia"); a mediator engages the parties ("a mediation effort
//     between A and B"). A demand for measures against an actor accuses
//     it ("called for sanctions against X"); a demand noun its owner
//     repeats demands ("reiterated its demand that X ...", demands.go).
//     The parties of talks may be named through their people ("talks
//     between representatives of X and Y", parties.go); actors "along
//     with" a subject between dashes or commas share its stance and a
//     proposal's author may stand far after it (clauses.go); putting
//     actors on a list of wrongdoers (blacklist.go) and condemnation an
//     act drew from an actor (drawn.go) accuse; pressure put on an actor
//     to act demands of it (pressure.go). A meeting, talks or a visit
//     called off rejects the other party and engages no one
//     (cancelled.go); a venue or topic may stand between talks and
//     "between", and a host named after the talks ("talks between X and
//     Y in Geneva, hosted by Z") or a later facilitator of them engages
//     the parties (venues.go); an accusation by X that an actor rejects
//     or denies is X's accusation of it, and "a charge Z denies" after an
//     accusation rejects its accusers (denied.go); blame placed on X
//     accuses X, guarantees demanded that X act demand of X (placed.go).
//     An actor in a participle phrase after the subject noun ("the
//     coalition fighting X") is no subject (modifiers.go). A label whose
//     author follows "by" ("designated a terrorist group by X", "what S
//     termed L by Y") accuses (labelby.go); a proposal of Y judged
//     unworkable in a speaker's complement rejects Y (judged.go); talks
//     "involving" X and Y engage them, and guarantors, observers or
//     those represented at the talks named last, and those going to
//     talks involving mediators, engage the parties or mediators
//     (guarantors.go); a visit noun ("a visit to X by Y", "During a visit
//     to X, Y said") engages the visitor with the host (visits.go).
//     Relations agreed to be restored, or restored by two sides, engage
//     them (ties.go); a deal's broker, a bridge of differences and an
//     "X-mediated" talks' mediator engage the parties (brokered.go,
//     mediated.go); a complaint lodged accuses its target after
//     "against", "over" or "regarding", not the body it is lodged with
//     (complaint.go); "called X to VERB" demands of X (calledto.go);
//     demonyms joined before "parties" or "sides" name their states
//     (sides.go); a verb coordinated after reported speech is the
//     speaker's (speech.go).
//     The subject is the nearest actor list to the left within the clause,
//     skipping appositions and relative clauses; coordinated verbs ("and
//     urged") inherit it; relative pronouns take their antecedent. An
//     actor followed by its own verb after "and" starts a new clause and
//     is no object ("backed the sanctions and Nigeria endorsed them"); "A,
//     and B ..." is two clauses unless a comma list precedes. Words of an
//     actor's name are no cues ("Rapid Support Forces").
//     Passives ("was urged by", "has been rejected by", "stands accused
//     by") swap the roles; the agent may follow an aside set off by
//     commas ("was accused of X, much of it Y, by Z"), and criticism
//     faced or come under from X accuses as criticism drawn does.
//     Reported speech adds "X said Y must ..." (DEMANDS), "Y's offer was
//     the most forward-leaning proposal" (SUPPORTS), "Y was to blame"
//     (ACCUSES).
//  5. Dictionary frames. A verb the cue table lacks is coded with the
//     CAMEO verb dictionary (verbs.cameo.txt, generated from PETRARCH2's
//     CAMEO.2.0.txt by internal/cameogen; our additions in verbs.ours.txt
//     win, and a block of ours marked "b +" only adds patterns, leaving
//     the dictionary's block to code the verb where none fits): the longest phrase pattern of its block whose words stand
//     around it, else its own or its block's code. It counts only in
//     predicate position (an actor or pronoun, auxiliaries, the verb), its
//     object is an actor right after it, and its code becomes a type
//     through the vocabulary (TypeForCAMEO; an appeal, CAMEO 02, is a
//     demand, as PLOVER folds it into DEMAND); for an act of cooperation a
//     preposition may come first ("apologized to X"). An intent marker
//     ("will", "said it would", "agreed in principle to", "is ready to")
//     before a verb of cooperation (CAMEO 03-08) or a continued act
//     ("promised to continue aid") is an offer, CAMEO 03, unless a
//     condition follows ("... unless X") that is not its parties' own
//     act or case ("would meet X if he gave them a veto" offers on
//     terms); so are willingness named by a
//     noun ("expressed its readiness to", "its readiness for joint
//     cooperation with X"), "decided to", "ready for talks with X" and
//     another's reported "would" ("X said Y would", "said Sunday that Y
//     would"); disputing or questioning an actor's claim, or casting
//     doubt on it, rejects the actor (CAMEO 12 in verbs.ours.txt);
//     negated before an act of cooperation ("vowed never to negotiate
//     with X") it rejects; before a hostile act (CAMEO 13-20, "is ready
//     to fight X") it threatens and states no stance.
//     Stances named otherwise: asking others to rise against an actor
//     accuses it ("called on Arabs to unite against X", CAMEO 113);
//     acting despite, resisting or ignoring an actor's pressure rejects
//     it (resisted.go); a verb of expression and a noun of attitude
//     ("voiced anger at X", "expressed gratitude to X") states its
//     stance (nominal.go). A Phoenix agent before "in" or "of" and a
//     state's name is that state's side ("students in Nigeria"). A list
//     of demands or a note of protest handed to X demands of or accuses
//     X (delivered.go); an envoy summoned to a ministry engages its state
//     (summons.go), one recalled from X rejects X (recalled.go), and no
//     reason seen for talks with X refuses them (reasons.go). A seat may
//     name its actor between dates ("Sanaa", the dictionary's "seats"),
//     and a bare office title in a text dated from a state's city names
//     that state's official (datelined.go). Speaking of, pointing to or
//     underlining an actor's wrongs accuses it (spokeof.go); what the
//     accused said after "for saying" is its stance (accusedspeech.go);
//     talks held by three or more name their parties, unless held
//     between others or on an actor (multiparty.go). A deadline set for
//     an actor to act demands of it (deadline.go); an accusation named by
//     its noun with its owner and target ("X's accusation against Y")
//     accuses (namedcharge.go); a letter sent to X "rejecting",
//     "proposing" or "urging" states that stance toward X or the
//     participle's object (letters.go); a relation held "in" ("is in
//     consultation with X", "in full solidarity with X") engages or backs
//     X (standing.go). A state's envoy or mission to a body ("Kenya's UN
//     ambassador", "the US mission to ASEAN") speaks for the state, the
//     body being only its post (posted.go).
//  6. Filters. A cue's participle used as an adjective, after a
//     possessive ("its proposed purchase of") or hyphened to a name
//     ("Ugandan-backed"), and its form in -s ending a compound noun ("the
//     aid offers") state nothing (attributive.go); a name joined to a
//     backing word describes what follows and is no actor ("Iran-backed
//     militias", backers.go). Negation and
//     modality in the verb group ("did not reject",
//     "would reject", "stopped short of accusing"), questions, clauses
//     under if/whether/unless/"once", a text a modal leaves unadopted or a
//     veto quashed, "Asked whether ..." and the content of
//     another stance ("accused X of supporting Y" says nothing about X and
//     Y) state no stance; neither do statements whose speaker is no actor
//     ("analysts said"). A refusal of cooperation is a stance: a verb of
//     support, offer or engagement under a negation with a modal ("will
//     not meet X"), after a negated willingness ("is not ready to talk
//     with X") or a refusal ("refused to send troops to X") is REJECTS.
//
// Extraction is linear in the text: each token is looked up once in the
// dictionary and cue tables, and rules look at a bounded window.
//
// # Use
//
// New compiles a Dictionary into an Extractor, which is immutable and safe
// for concurrent use. Extract returns the candidates of one text, Mentions
// the actors it names or refers to sentence by sentence, and
// ExtractWithMentions both from one reading; ParseArticle splits a
// plain-text article into its header and body; WriteJSONL and
// WriteMentionsJSONL print candidates and mentions as JSON Lines;
// Canonical maps a name or alias to the dictionary's canonical name. Package extract/eval scores an
// Extractor against gold annotations, comparing actors through Canonical.
// Its testdata/general holds articles written for these rules (not the
// dev set) that its tests score.
package extract
