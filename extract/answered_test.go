package extract

import "testing"

// TestAnsweredOffers checks that an offer or demand answered is stated
// too, in sentences written for this test: its owner offers it to, or
// asks it of, the actor answering.
func TestAnsweredOffers(t *testing.T) {
	runCases(t, []extractCase{
		{"rejected a demonym's proposal", "Peru rejected a Chilean proposal.", []string{"Peru REJECTS Chile", "Chile OFFERS Peru"}},
		{"rejected what another proposed", "Peru rejected the truce proposed by Chile.", []string{"Peru REJECTS Chile", "Chile OFFERS Peru"}},
		{"rejected the demands made by", "Peru rejected the demands made by Chile.", []string{"Peru REJECTS Chile", "Chile DEMANDS Peru"}},
		{"welcomed an offer", "Peru welcomed Chile's offer of talks.", []string{"Peru SUPPORTS Chile", "Chile OFFERS Peru"}},
		{"welcomed a plan", "Peru welcomed Chile's plan.", []string{"Peru SUPPORTS Chile"}},
		{"welcomed a demand", "Peru welcomed Chile's demand.", []string{"Peru SUPPORTS Chile"}},
		{"rejected claims", "Peru rejected Chile's claims.", []string{"Peru REJECTS Chile"}},
		{"accepted an invitation", "Peru accepted Chile's invitation.", []string{"Peru SUPPORTS Chile", "Chile OFFERS Peru"}},
		{"a demand of another", "The European Union rejected Russia's demand that Ukraine cede territory.", []string{"European Union REJECTS Russia"}},
		{"a proposal to another", "Peru rejected the Chilean proposal to Bolivia.", []string{"Peru REJECTS Chile"}},
		{"reports of a proposal", "Peru rejected reports of a Chilean proposal.", []string{"Peru REJECTS Chile"}},
	})
}
