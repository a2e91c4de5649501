package export_test

import (
	"context"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

var ctx = context.Background()

// The fixture's documents hold characters every format must escape:
// quotes, angle brackets, an ampersand, a newline, a tab and non-ASCII
// punctuation. Both documents say "urged the Taliban to talk", so a quote
// paired with the wrong document shows.
var fixtureDocs = []graph.Document{
	{Title: "Envoy <urges> talks", Source: "RFE/RL", URL: "https://example.org/a?x=1&y=2", Date: graph.NewDate(2018, 3, 9),
		Text: "Washington urged the Taliban to talk.\nThe Taliban rejected talks with Kabul & \"its\tpatrons\"."},
	{Title: "Second report", Source: "Reuters", Date: graph.NewDate(2018, 3, 12),
		Text: "Again, Washington urged the Taliban to talk. It asked for “direct negotiations”. The Taliban rejected the offer. Ghani offered the militants a role."},
}

// fixture is a small store with an actor with aliases, code and wikidata,
// a stance with three quotes from two documents, two stances of one type
// between the same actors, a bare stance and a retracted stance.
func fixture(t *testing.T) *graph.Store {
	t.Helper()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, a := range []graph.Actor{
		{Name: "United States", Kind: graph.KindState, Aliases: []string{"U.S.", "Washington"}, Country: "USA", Code: "USA", Wikidata: "Q30"},
		{Name: "Taliban", Kind: graph.KindArmedGroup, Aliases: []string{"the militants"}, Code: "AFGINS"},
		{Name: "Kabul government", Kind: graph.KindGovernment, Aliases: []string{"Ghani"}, Country: "AFG", Code: "AFGGOV"},
	} {
		if _, err := s.UpsertActor(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	for _, d := range fixtureDocs {
		got, _, err := s.PutDocument(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, got.ID)
	}
	ev := func(doc int, quote string) graph.EvidenceSpec {
		return graph.EvidenceSpec{Document: ids[doc], Quote: quote}
	}
	var retract string
	for i, sp := range []graph.StanceSpec{
		{Subject: "Washington", Type: "DEMANDS", Object: "Taliban", Topic: "peace talks", Evidence: []graph.EvidenceSpec{
			ev(0, "urged the Taliban to talk"), ev(1, "urged the Taliban to talk"), ev(1, "It asked for “direct negotiations”")}},
		{Subject: "Taliban", Type: "REJECTS", Object: "Kabul government", Evidence: []graph.EvidenceSpec{ev(0, "rejected talks with Kabul & \"its\tpatrons\"")}},
		{Subject: "Taliban", Type: "REJECTS", Object: "Kabul government", Date: graph.NewDate(2018, 3, 11), Evidence: []graph.EvidenceSpec{ev(1, "The Taliban rejected the offer")}},
		{Subject: "Ghani", Type: "OFFERS", Object: "Taliban", Evidence: []graph.EvidenceSpec{ev(1, "Ghani offered the militants a role")}},
		{Subject: "U.S.", Type: "SUPPORTS", Object: "Kabul government", Date: graph.NewDate(2018, 1, 2), Confidence: 0.8},
	} {
		st, _, err := s.AddStance(ctx, sp)
		if err != nil {
			t.Fatalf("stance %d: %v", i+1, err)
		}
		if sp.Type == "OFFERS" {
			retract = st.ID
		}
	}
	if _, err := s.RetractStance(ctx, retract, "the offer was \"Kabul's\" not Ghani's"); err != nil {
		t.Fatal(err)
	}
	return s
}
