package extract

import "testing"

// TestTalksParties checks that the parties of talks "between" may be
// named through their people ("representatives of X", "the foreign
// minister of X, Name"), and that welcoming such talks supports each
// party, in sentences written for this test.
func TestTalksParties(t *testing.T) {
	runCases(t, []extractCase{
		{"representatives of", "The talks between representatives of Peru and Chile opened in Lima on Monday.",
			[]string{"Peru ENGAGES Chile"}},
		{"delegations of", "The talks between the delegations of Kenya and Somalia ended late on Friday.",
			[]string{"Kenya ENGAGES Somalia"}},
		{"welcomed talks", "Norway welcomed the start of talks between representatives of Colombia and Venezuela.",
			[]string{"Colombia ENGAGES Venezuela", "Norway SUPPORTS Colombia", "Norway SUPPORTS Venezuela"}},
		{"welcome talks, plain", "Brazil and Chile welcome the talks between Peru and Bolivia.",
			[]string{"Brazil SUPPORTS Bolivia", "Brazil SUPPORTS Peru", "Chile SUPPORTS Bolivia", "Chile SUPPORTS Peru", "Peru ENGAGES Bolivia"}},
		{"praised pre-negotiation talks", "Norway and Chile praised the opening of pre-negotiation talks between envoys of the ELN and the FARC in Havana.",
			[]string{"ELN ENGAGES FARC", "Chile SUPPORTS ELN", "Chile SUPPORTS FARC", "Norway SUPPORTS ELN", "Norway SUPPORTS FARC"}},
		{"welcomed exploratory talks", "Norway welcomed the resumption of exploratory talks between delegates of the Colombian army and the ELN in Oslo.",
			[]string{"Colombia ENGAGES ELN", "Norway SUPPORTS Colombia", "Norway SUPPORTS ELN"}},
	})
}

// TestTitledPeople checks that a person named after a title is learned
// for the actor the title names however the title is put ("Foreign
// Minister of X Name", "the X Secretary of State Name", "Name, head of
// the X delegation"), so that the name joins lists and speaks later, in
// sentences written for this test.
func TestTitledPeople(t *testing.T) {
	runCases(t, []extractCase{
		{"title of X, then the name", "Foreign Minister of Peru Ana Ruiz met her Chilean counterpart Luis Soto in Lima on Monday.",
			[]string{"Peru ENGAGES Chile"}},
		{"office form, then the name", "The US Secretary of State Walter Brandt and Peru held talks on trade.",
			[]string{"United States ENGAGES Peru"}},
		{"office form, then the name, later the surname", "The US Secretary of State Walter Brandt arrived in Lima on Monday. Brandt accused Venezuela of rigging the vote.",
			[]string{"United States ACCUSES Venezuela"}},
		{"apposition with chief of", "Omar Farouk, chief of the foreign relations office of Hamas, spoke on Monday. Farouk accused Israel of stalling the talks.",
			[]string{"Hamas ACCUSES Israel"}},
		{"apposition with spokesman for", "Lin Wei, spokesman for the Chinese foreign ministry, spoke on Monday. Lin accused Japan of provocations.",
			[]string{"China ACCUSES Japan"}},
		{"apposition with no actor", "Omar Farouk, chief of the committee, spoke on Monday. Farouk accused Israel of stalling the talks.", nil},
	})
}

// TestAlongWith checks that actors joined to a subject by "along with"
// or "together with" between commas or dashes share its stance, and that
// an actor before a relation noun only describes the name after it
// ("its Andean neighbour Ecuador"), in sentences written for this test.
func TestAlongWith(t *testing.T) {
	runCases(t, []extractCase{
		{"dashes", "Peru – along with Chile and Bolivia – blamed Ecuador for arming the guerrillas.",
			[]string{"Bolivia ACCUSES Ecuador", "Chile ACCUSES Ecuador", "Peru ACCUSES Ecuador"}},
		{"commas", "Peru, together with Chile, accused Ecuador of arming the guerrillas.",
			[]string{"Chile ACCUSES Ecuador", "Peru ACCUSES Ecuador"}},
		{"denial answers all", "Peru – along with Chile – accused Ecuador of arming the guerrillas, but Quito flatly denied the accusation.",
			[]string{"Chile ACCUSES Ecuador", "Ecuador REJECTS Chile", "Ecuador REJECTS Peru", "Peru ACCUSES Ecuador"}},
		{"relation noun", "Thailand accused its ASEAN neighbour Cambodia of shelling the temple.",
			[]string{"Thailand ACCUSES Cambodia"}},
		{"along with as object", "Peru accused Ecuador, along with Chile, of arming the guerrillas.",
			[]string{"Peru ACCUSES Ecuador"}},
	})
}

// TestBodiesAreNoSurnames checks that the noun heading a body's name is
// never read as the surname of a dictionary person, in a sentence
// written for this test.
func TestBodiesAreNoSurnames(t *testing.T) {
	runCases(t, []extractCase{
		{"General Assembly", "The U.N. General Assembly accused Chile of the raid.", []string{"United Nations ACCUSES Chile"}},
		{"Defence Ministry", "The Defence Ministry of Chile urged Bolivia to withdraw.", []string{"Chile DEMANDS Bolivia"}},
	})
}

// TestUnadoptedTexts checks that a text condemning or calling on an actor
// states nothing for the body voting on it while the text is not adopted
// (a modal) or was voted down, in sentences written for this test.
func TestUnadoptedTexts(t *testing.T) {
	runCases(t, []extractCase{
		{"would adopt", "Envoys in New York expect the United Nations would soon adopt a text condemning the raid by Chile.", nil},
		{"quashed", "Last week Chile quashed the United Nations draft condemning the raid.", nil},
		{"adopted", "The U.N. General Assembly adopted a resolution condemning the raid by Chile.", []string{"United Nations ACCUSES Chile"}},
	})
}

// TestBlacklisted checks that putting actors on a list of wrongdoers
// accuses them and that other lists state nothing, in sentences written
// for this test.
func TestBlacklisted(t *testing.T) {
	runCases(t, []extractCase{
		{"list of sponsors", "Canada added Peru and Chile to its list of state sponsors of terrorism on Monday.",
			[]string{"Canada ACCUSES Chile", "Canada ACCUSES Peru"}},
		{"list of states not", "Canada has included Peru, Chile and Bolivia in a yearly list of states it says are not cooperating on money laundering.",
			[]string{"Canada ACCUSES Bolivia", "Canada ACCUSES Chile", "Canada ACCUSES Peru"}},
		{"blacklist", "Canada placed Peru on a trade blacklist.", []string{"Canada ACCUSES Peru"}},
		{"list of partners", "Canada added Peru to its list of trade partners.", nil},
		{"negated", "Canada did not add Peru to its list of state sponsors of terrorism.", nil},
	})
}

// TestSwappedAccusations checks that swapping accusations is mutual, as
// trading them is, in sentences written for this test.
func TestSwappedAccusations(t *testing.T) {
	runCases(t, []extractCase{
		{"swap", "Peru and Chile swap accusations over the failed border talks.", []string{"Chile ACCUSES Peru", "Peru ACCUSES Chile"}},
		{"swapped", "Peru and the ELN swapped bitter accusations after the raid.", []string{"ELN ACCUSES Peru", "Peru ACCUSES ELN"}},
	})
}

// TestUnquotedLabels checks that a hostile word put without quotation
// marks on an accusation or a demand rejects its author wherever the
// sentence ends, in sentences written for this test.
func TestUnquotedLabels(t *testing.T) {
	runCases(t, []extractCase{
		{"accusations, sentence end", "Peru accused Chile of the raid. Santiago called the accusations baseless.",
			[]string{"Chile REJECTS Peru", "Peru ACCUSES Chile"}},
		{"demand, time after", "Peru demanded that Chile withdraw. Chile called the demand unacceptable on Monday.",
			[]string{"Chile REJECTS Peru", "Peru DEMANDS Chile"}},
		{"friendly word", "Peru demanded that Chile withdraw. Chile called the demand fair.", []string{"Peru DEMANDS Chile"}},
	})
}

// TestAgentPronouns checks that "it" or "them" accused of a deed or urged
// to act is the nearest other actor, and that a gerund after "after" is
// the act of its clause's subject, in sentences written for this test.
func TestAgentPronouns(t *testing.T) {
	runCases(t, []extractCase{
		{"accusing it of", "Peru complained on Friday that the Chilean navy had ignored its warnings, after accusing it of seizing two trawlers.",
			[]string{"Peru ACCUSES Chile"}},
		{"urged them to", "Peru raised the fishing dispute with Chilean officials and urged them to free the crews.",
			[]string{"Peru DEMANDS Chile"}},
		{"rejected it", "Peru took up the matter with Chile and rejected it.", nil},
		{"accused it, no other actor", "Peru accused it of ramming its boats.", nil},
	})
}

// TestProposalAuthorFar checks that the author of an approved or rejected
// proposal is found after a long description of it, in sentences written
// for this test.
func TestProposalAuthorFar(t *testing.T) {
	runCases(t, []extractCase{
		{"accepted", "Peru accepted on Sunday the draft truce for the long conflict in the Amazon drafted by mediators Chile and Bolivia.",
			[]string{"Peru SUPPORTS Bolivia", "Peru SUPPORTS Chile"}},
		{"rejected", "Peru rejected the plan for a new customs union with its southern neighbours drafted by Chile.",
			[]string{"Peru REJECTS Chile"}},
		{"no author", "Peru rejected the plan for a new customs union with its southern neighbours drafted in Lima.", nil},
	})
}

// TestModifiedReferences checks that an organization's description with
// modifiers refers back to it ("the West African bloc", "the 15-nation
// bloc") and that a state's demonym before such a head is no modifier,
// in sentences written for this test.
func TestModifiedReferences(t *testing.T) {
	runCases(t, []extractCase{
		{"regional modifiers", "ECOWAS met in Abuja on Monday. Chile said it supports the West African bloc in its push for new elections in Mali.",
			[]string{"Chile SUPPORTS ECOWAS"}},
		{"number modifier", "ECOWAS met in Abuja on Monday. Mali accused the 15-nation bloc of meddling in its affairs.",
			[]string{"Mali ACCUSES ECOWAS"}},
		{"no organization named", "Chile said it supports the West African bloc in its push for new elections in Mali.", nil},
	})
}

// TestUnqualifiedMinistries checks that a state's office named without
// its state speaks for the state last the subject, and that an office
// whose state is named is that state's, in sentences written for this
// test.
func TestUnqualifiedMinistries(t *testing.T) {
	runCases(t, []extractCase{
		{"the Foreign Ministry", "Peru on Monday imposed sanctions on Bolivia. The Foreign Ministry said Chile must pay for the damage.",
			[]string{"Peru DEMANDS Chile"}},
		{"the statement of a department", "Peru on Friday froze the assets of two Bolivian banks. The Finance Department said in a statement that the transfers broke the law. The statement calls on Chile to pay.",
			[]string{"Peru DEMANDS Chile"}},
		{"a ministry spokeswoman", "Peru opposes the border wall. A foreign ministry spokeswoman said Chile must pay for the damage.",
			[]string{"Peru DEMANDS Chile"}},
		{"Ministry of X", "Peru on Monday imposed sanctions on Bolivia. The Ministry of Public Security urged Chile to withdraw.",
			[]string{"Peru DEMANDS Chile"}},
		{"state named after", "Peru on Monday imposed sanctions on Bolivia. The Ministry of Foreign Affairs of Chile urged Bolivia to withdraw.",
			[]string{"Chile DEMANDS Bolivia"}},
		{"no state subject yet", "The Foreign Ministry said Chile must pay for the damage.", nil},
		{"a dateline is no subject", "LIMA, Peru \u2014 Chile on Monday imposed new tariffs on Bolivia. The Economy Department said Bolivia must pay.",
			[]string{"Chile DEMANDS Bolivia"}},
		{"a State Department spokesperson", "Chile on Monday imposed new tariffs on Bolivia. A State Department spokesperson said Bolivia must pay.",
			[]string{"United States DEMANDS Bolivia"}},
	})
}

// TestJudgedIntentions checks that a hostile judgement of an actor's
// intention or plans rejects them, as one of its proposal does, in
// sentences written for this test.
func TestJudgedIntentions(t *testing.T) {
	runCases(t, []extractCase{
		{"intention", "Chile called Peru's intentions in the strait \"a provocation\".",
			[]string{"Chile REJECTS Peru"}},
		{"plans", "Chile said Peru's plans to build the dam were unacceptable.", []string{"Chile REJECTS Peru"}},
	})
}

// TestPortfolios checks that an actor named in parentheses after a title
// is the office's portfolio, not its holder's actor, in sentences written
// for this test.
func TestPortfolios(t *testing.T) {
	runCases(t, []extractCase{
		{"portfolio", "In its note the ministry said its Director General (Americas and OAS) Luis Vega had condemned the raid by Chile.", nil},
		{"acronym after a name", "The Organization of American States (OAS) condemned the raid by Chile.", []string{"Organization of American States ACCUSES Chile"}},
	})
}

// TestOnceConditions checks that a clause opened by "once" is a condition
// that states nothing, and that "once again" still asserts, in sentences
// written for this test.
func TestOnceConditions(t *testing.T) {
	runCases(t, []extractCase{
		{"once after the main clause", "Bolivia said that trade would resume once Peru signs a pact with Chile.", nil},
		{"sentence-initial once", "Once Peru signs a trade pact with Chile, the border will reopen.", nil},
		{"once again", "Peru once again accused Chile of the raid.", []string{"Peru ACCUSES Chile"}},
		{"was once", "Peru was once an ally of Chile and accused Bolivia of the raid.", []string{"Peru ACCUSES Bolivia"}},
	})
}

// TestJudgedConduct checks that a speaker's hostile judgement of how an
// actor acted accuses it, and that a friendly or modal one does not, in
// sentences written for this test.
func TestJudgedConduct(t *testing.T) {
	runCases(t, []extractCase{
		{"behaved in a way", `Peru said the Chilean navy had behaved in a "reckless and hostile" way near the islands.`, []string{"Peru ACCUSES Chile"}},
		{"behaved", "Peru said Chile behaved in a reckless way during the talks.", []string{"Peru ACCUSES Chile"}},
		{"coast guard", "Peru said the Chilean coast guard acted in a threatening and reckless fashion.", []string{"Peru ACCUSES Chile"}},
		{"friendly", "Peru said Chile acted in a constructive manner.", nil},
		{"modal", "Peru said Chile might act in a reckless manner.", nil},
	})
}

// TestLabelledPronouns checks that "it" labelled after a verb about an
// actor is that actor, and that "viewing" and "regarding" label only
// with "as", in sentences written for this test.
func TestLabelledPronouns(t *testing.T) {
	runCases(t, []extractCase{
		{"describing it as", "Peru broke off relations with Chile, describing it as a rogue state.",
			[]string{"Peru ACCUSES Chile", "Peru REJECTS Chile"}},
		{"regarding it as", "Peru broke off relations with Chile, regarding it as a rogue state.",
			[]string{"Peru ACCUSES Chile", "Peru REJECTS Chile"}},
		{"views X as", "Peru views the Chilean government as a puppet.", []string{"Peru ACCUSES Chile"}},
		{"viewing without as", "Peru is viewing the Chilean parade with suspicion.", nil},
	})
}

// TestDrawnReactions checks that condemnation drawn from an actor is its
// accusation of the subject, in sentences written for this test.
func TestDrawnReactions(t *testing.T) {
	runCases(t, []extractCase{
		{"drew condemnation", "Chile's naval raids drew swift condemnation from its neighbour, Peru.", []string{"Peru ACCUSES Chile"}},
		{"sparked criticism", "The Chilean navy's exercise sparked sharp criticism from Bolivia and Peru.", []string{"Bolivia ACCUSES Chile", "Peru ACCUSES Chile"}},
		{"no from", "Chile's raids have drawn condemnation.", nil},
		{"praise", "Chile's reforms have drawn praise from Peru.", nil},
	})
}

// TestStateVessels checks that a state's vessels, named by its demonym,
// stand for the state, in sentences written for this test.
func TestStateVessels(t *testing.T) {
	runCases(t, []extractCase{
		{"research vessel", "Peru accused a Chilean research vessel of mapping the seabed inside its waters.", []string{"Peru ACCUSES Chile"}},
		{"ships", "Peru accused Chilean patrol ships of violating its waters.", []string{"Peru ACCUSES Chile"}},
	})
}

// TestPressedDemands checks that pressure put on an actor to act demands
// of it, and that pressure with no act named does not, in sentences
// written for this test.
func TestPressedDemands(t *testing.T) {
	runCases(t, []extractCase{
		{"putting pressure on X to", "Peru and two neighbours have been putting heavy pressure on Chile to accept the border terms.",
			[]string{"Peru DEMANDS Chile"}},
		{"stepped up pressure", "Peru stepped up the pressure on Bolivia to release the fishermen.", []string{"Peru DEMANDS Bolivia"}},
		{"no act", "Peru has put pressure on Chile.", nil},
		{"content of an accusation", "Peru accused Chile of putting pressure on Bolivia to close the port.", []string{"Peru ACCUSES Chile"}},
	})
}
