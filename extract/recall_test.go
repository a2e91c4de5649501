package extract

import (
	"context"
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestWillingnessFrames checks willingness and commitment frames as
// offers, in sentences written for this test: "prepared" and "committed"
// before "to" are adjectives, not passives, and lifting a measure offers
// it to the actor it bears on.
func TestWillingnessFrames(t *testing.T) {
	runCases(t, []extractCase{
		{"prepared to", "Kenya is prepared to meet Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"said he is prepared to", "Ghana's president said he is prepared to hold talks with Togo.", []string{"Ghana OFFERS Togo"}},
		{"committed to", "Kenya is committed to talks with Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"prepared by is passive", "The plan was prepared by Kenya.", nil},
		{"lift the ban on", "Kenya is ready to lift the ban on Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"ease sanctions against", "Kenya will ease sanctions against Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"impose a ban is no offer", "Kenya will impose a ban on Uganda.", nil},
		{"said it would be ready to", "Kenya said it would be ready to meet Uganda.", []string{"Kenya OFFERS Uganda"}},
		{"would be ready to, not reported", "Kenya would be ready to meet Uganda.", nil},
	})
}

// TestModalSubjectPhrase checks a demand in reported speech addressed to
// a subject phrase that holds actors among other words, in sentences
// written for this test.
func TestModalSubjectPhrase(t *testing.T) {
	runCases(t, []extractCase{
		{"actor and a region's rebels", "Britain said that Sudan and the rebels in Darfur must reach an agreement.", []string{"United Kingdom DEMANDS Sudan"}},
		{"actor and other nations", "Kenya said on Saturday that the US and other rich nations must give more money.", []string{"Kenya DEMANDS United States"}},
		{"a participle after other is an adjective", "Kenya said on Saturday that the US and other industrialised nations must give more money.", []string{"Kenya DEMANDS United States"}},
		{"a verb in the phrase", "Kenya said the report Uganda wrote must be withdrawn.", nil},
		{"a clause of its own", "Kenya said the talks that Uganda wanted must wait.", nil},
		{"the demanded act is not done", "Rwanda announced that Burundi and its army must agree to changes.", []string{"Rwanda DEMANDS Burundi"}},
		{"the demanded meeting is not held", "Kenya said Uganda must meet Sudan.", []string{"Kenya DEMANDS Uganda"}},
	})
}

// TestRefusalAndRoleOf checks a refused act followed by a comma clause and
// a role noun with "of" and an actor, in sentences written for this test.
func TestRefusalAndRoleOf(t *testing.T) {
	runCases(t, []extractCase{
		{"refused act then comma", "Kenya refused to allow Uganda to hold the talks, citing its laws.", []string{"Kenya REJECTS Uganda"}},
		{"refused commitment then comma", "Kenya refused to commit to any assistance to Uganda, citing its laws.", []string{"Kenya REJECTS Uganda"}},
		{"refused with no actor", "Kenya refused to comment, and Uganda said nothing.", nil},
		{"the president of X", "Ghana's president said he was ready to talk. Chile offered to negotiate with the president of Peru.", []string{"Chile OFFERS Peru"}},
		{"the president alone", "Ghana's president spoke on Monday. The president praised Chile.", []string{"Ghana SUPPORTS Chile"}},
	})
}

// TestIssuedDemandsAndSides checks a demand issued to its addressee and
// demonyms before "sides", in sentences written for this test.
func TestIssuedDemandsAndSides(t *testing.T) {
	runCases(t, []extractCase{
		{"issued a warning to X that", "The Kenyan president issued a stern warning to Uganda that it must withdraw its troops.", []string{"Kenya DEMANDS Uganda"}},
		{"sent an appeal to X to", "Kenya sent an appeal to Uganda to release the prisoners.", []string{"Kenya DEMANDS Uganda"}},
		{"time before to", "Kenya issued a warning Saturday to Uganda that it must cooperate.", []string{"Kenya DEMANDS Uganda"}},
		{"negated issue", "Kenya did not issue a warning to Uganda that it must leave.", nil},
		{"message about", "Kenya sent a message to Uganda about the talks.", nil},
		{"demonym pair sides", "The Kenyan and Ugandan sides have agreed to exchange prisoners.", []string{"Kenya OFFERS Uganda", "Uganda OFFERS Kenya"}},
	})
}

// TestTitledSurname checks a title and a surname as the dictionary's
// person in office at the document's date, in sentences written for this
// test.
func TestTitledSurname(t *testing.T) {
	in, out := stance.NewDate(2005, 1, 1), stance.NewDate(2022, 5, 10)
	for _, tc := range []struct {
		name, text string
		date       stance.Date
		want       []string
	}{
		{"title and surname in office", "Kenya praised Prime Minister Blair.", in, []string{"Kenya SUPPORTS United Kingdom"}},
		{"Mr. and surname", "Kenya praised Mr. Blair on Monday.", in, []string{"Kenya SUPPORTS United Kingdom"}},
		{"out of office", "Kenya praised Prime Minister Blair.", out, nil},
		{"no title", "Kenya praised Blair.", in, nil},
		{"a first name after the title", "Kenya praised President Blair Smith.", in, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := New(nil).Extract(context.Background(), tc.text, tc.date)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cs {
				got = append(got, c.Subject.Name+" "+c.Type+" "+c.Object.Name)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s (%s): got %q, want %q", tc.text, tc.date, got, tc.want)
			}
		})
	}
}

// TestFrontedLabel checks a label put before the object of a verb of
// disapproval, in sentences written for this test.
func TestFrontedLabel(t *testing.T) {
	runCases(t, []extractCase{
		{"denounced as a crime X's", "Kenya denounced as a crime Uganda's arrest of the journalists.", []string{"Kenya ACCUSES Uganda"}},
		{"adjective in the label", "Kenya denounced as an ugly crime Uganda's arrest of the journalists.", []string{"Kenya ACCUSES Uganda"}},
		{"a clause before any actor", "Kenya condemned as a crime the attack, which Uganda denied.", nil},
	})
}

// TestProtestIsDisapproval checks protesting as a complaint, never support
// of the actor protested to, in sentences written for this test.
func TestProtestIsDisapproval(t *testing.T) {
	runCases(t, []extractCase{
		// The state a protest is addressed to is its target unless what
		// it is over names another (protestTarget); a body addressed is not.
		{"protested to X over", "Kenya protested to Uganda over the arrests.", []string{"Kenya ACCUSES Uganda"}},
		{"protested to X over Y's act", "Kenya protested to the UN over Uganda's arrests of journalists.", []string{"Kenya ACCUSES Uganda"}},
		{"complained to a body", "Kenya complained to the Security Council about the arrests.", nil},
		{"complained about X's act", "Kenya complained about Uganda's arrests of journalists.", []string{"Kenya ACCUSES Uganda"}},
		{"protested over", "Kenya protested over the Ugandan decision.", []string{"Kenya ACCUSES Uganda"}},
		{"complained about a place", "Kenya complained about the weather in Uganda.", nil},
		{"protested X's act", "Kenya protested Uganda's decision.", []string{"Kenya ACCUSES Uganda"}},
		{"street protest", "Students protested in Nairobi.", nil},
	})
}

// TestJudgedProposal checks a proposal or offer judged in reported speech
// as a rejection of its author, in sentences written for this test.
func TestJudgedProposal(t *testing.T) {
	runCases(t, []extractCase{
		{"the X proposal unacceptable", "Kenya said the Ugandan proposal was unacceptable.", []string{"Kenya REJECTS Uganda"}},
		{"out of the question", "Kenya said the Ugandan proposal was out of the question.", []string{"Kenya REJECTS Uganda"}},
		{"X's offer out of the question", "Kenya said Uganda's offer was out of the question.", []string{"Kenya REJECTS Uganda"}},
		{"a friendly judgement", "Kenya said the Ugandan proposal was constructive.", []string{"Kenya SUPPORTS Uganda"}},
		{"an act judged is accused", "Kenya said the Ugandan decision was a mistake.", []string{"Kenya ACCUSES Uganda"}},
		{"negated", "Kenya said the Ugandan proposal was not unacceptable.", nil},
	})
}

// TestPassiveAgents checks passives whose agent stands past the verb's
// content or after an adverb, in sentences written for this test.
func TestPassiveAgents(t *testing.T) {
	runCases(t, []extractCase{
		{"adverb before the participle", "Kenya was sharply criticised by Uganda on Monday.", []string{"Uganda ACCUSES Kenya"}},
		{"agent after the content", "Kenya has been accused of smuggling arms into the region by Ugandan officials.", []string{"Uganda ACCUSES Kenya"}},
		{"agent after a purpose", "Kenya was praised for its help by the Ugandan government.", []string{"Uganda SUPPORTS Kenya"}},
		{"by of another clause", "Kenya was accused of smuggling arms, which were sold by Uganda.", nil},
		{"by of another participle", "Kenya was accused of selling arms captured by Uganda.", nil},
		{"by no actor", "Kenya was accused of smuggling arms by road.", nil},
	})
}

// TestPactWith checks the party of a pact as the addressee of a demand or
// offer of it, in sentences written for this test.
func TestPactWith(t *testing.T) {
	runCases(t, []extractCase{
		{"demanded a truce with", "Chad demanded a truce with Niger.", []string{"Chad DEMANDS Niger"}},
		{"called for a ceasefire with", "Chad called for an immediate ceasefire with Niger.", []string{"Chad DEMANDS Niger"}},
		{"proposed a peace deal with", "Chad proposed a peace deal with Niger.", []string{"Chad OFFERS Niger"}},
		{"with after no pact noun", "Chad demanded a vote with Niger.", nil},
	})
}

// TestAskedFor checks a request verb whose object is asked "for"
// something, in sentences written for this test.
func TestAskedFor(t *testing.T) {
	runCases(t, []extractCase{
		{"asked X for", "Chad asked Niger for grain.", []string{"Chad DEMANDS Niger"}},
		{"appealed to X for", "Chad appealed to Niger for doctors.", []string{"Chad DEMANDS Niger"}},
		{"warned X for is no demand", "Chad warned Niger for the second time.", nil},
	})
}

// TestAbandonedPacts checks abandoning a pact, a commitment or talks as a
// rejection of the other party, in sentences written for this test.
func TestAbandonedPacts(t *testing.T) {
	runCases(t, []extractCase{
		{"reneged on a commitment to", "Chad reneged on its commitment to Niger.", []string{"Chad REJECTS Niger"}},
		{"backed out of a deal with", "Chad backed out of the grain deal with Niger.", []string{"Chad REJECTS Niger"}},
		{"walked away from talks with", "Chad walked away from talks with Niger.", []string{"Chad REJECTS Niger"}},
		{"backed is still support", "Chad backed Niger.", []string{"Chad SUPPORTS Niger"}},
		{"talks that ended were held", "Chad ended three days of talks with Niger.", nil},
	})
}

// TestRefusedGerund checks an act of cooperation named by a gerund and
// said to be out of the question or unacceptable, in sentences written
// for this test.
func TestRefusedGerund(t *testing.T) {
	runCases(t, []extractCase{
		{"lifting a ban out of the question", "Chad said that lifting the ban on Niger was now out of the question.", []string{"Chad REJECTS Niger"}},
		{"meeting unacceptable", "Chad said that meeting Niger was unacceptable.", []string{"Chad REJECTS Niger"}},
		{"a hostile act judged takes the actor's side", "Chad said that imposing a ban on Niger was unacceptable.", nil},
		{"a modal is no refusal", "Chad said that meeting Niger would be out of the question.", nil},
	})
}

// TestDiplomaticRecognition checks establishing or restoring diplomatic
// relations as support (CAMEO 054), contacts still as engagement, in
// sentences written for this test.
func TestDiplomaticRecognition(t *testing.T) {
	runCases(t, []extractCase{
		{"established diplomatic relations", "Chad established diplomatic relations with Niger.", []string{"Chad SUPPORTS Niger"}},
		{"restored diplomatic ties", "Chad restored diplomatic ties with Niger.", []string{"Chad SUPPORTS Niger"}},
		{"established contacts", "Chad established contacts with Niger.", []string{"Chad ENGAGES Niger"}},
		{"kept diplomatic relations", "Chad kept diplomatic relations with Niger.", []string{"Chad ENGAGES Niger"}},
	})
}

// TestRalliedSupport checks a demand that others support an actor as the
// speaker's support of it, in sentences written for this test.
func TestRalliedSupport(t *testing.T) {
	runCases(t, []extractCase{
		{"urged X to support Y", "Chad urged Niger to support Mali.", []string{"Chad DEMANDS Niger", "Chad SUPPORTS Mali"}},
		{"called on X to recognise Y", "Chad called on Niger to recognise Mali.", []string{"Chad DEMANDS Niger", "Chad SUPPORTS Mali"}},
		{"urged X to sanction Y", "Chad urged Niger to sanction Mali.", []string{"Chad DEMANDS Niger"}},
	})
}

// TestHeldResponsible checks holding an actor responsible as an
// accusation, in sentences written for this test.
func TestHeldResponsible(t *testing.T) {
	runCases(t, []extractCase{
		{"holds X fully responsible", "Chad holds Niger fully responsible for the raid.", []string{"Chad ACCUSES Niger"}},
		{"held X accountable", "Chad held Niger accountable for the raid.", []string{"Chad ACCUSES Niger"}},
		{"held talks is still talks", "Chad held talks with Niger.", []string{"Chad ENGAGES Niger"}},
		{"negated", "Chad did not hold Niger responsible for the raid.", nil},
	})
}

// TestCondemnedAgentAndVenue checks the doer of a condemned act named
// after "by", and a capital after "the capital of" as a place, in
// sentences written for this test.
func TestCondemnedAgentAndVenue(t *testing.T) {
	runCases(t, []extractCase{
		{"condemned acts by", "Chad condemned the repeated border violations by Nigerien troops near the lake.", []string{"Chad ACCUSES Niger"}},
		{"condemned acts against is no agent", "Chad condemned the raids against Niger by bandits.", nil},
		{"the capital of a venue", "Chad and Niger met in the Malian capital of Bamako last week.", []string{"Chad ENGAGES Niger"}},
	})
}
