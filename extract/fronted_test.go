package extract

import "testing"

// TestFrontedSpeech checks that speech fronted without quote marks before
// its speaker and reporting verb ("X must leave, Y said on Monday.") is
// read as a quotation is, while a source placed in a state speaks for it
// not, and a fronted clause before "Y said X ..." stays no speech, in
// sentences written for this test.
func TestFrontedSpeech(t *testing.T) {
	runCases(t, []extractCase{
		{"must, said", "Chile must return the documents, Peru said.", []string{"Peru DEMANDS Chile"}},
		{"must, said on a day", "Chile must return the documents, Peru said on Monday.", []string{"Peru DEMANDS Chile"}},
		{"must, a titled speaker", "The United States must withdraw its troops, Taliban spokesman Ahmad Karimi said on Twitter.", []string{"Taliban DEMANDS United States"}},
		{"should, tweeted", "The United States should withdraw its troops, a Taliban spokesman tweeted.", []string{"Taliban DEMANDS United States"}},
		{"a wrong done", "The United States has violated the deal, a Taliban spokesman said.", []string{"Taliban ACCUSES United States"}},
		{"a subject's relative clause", "The Peruvian president, who met Bolivian officials last week, said Chile must return the documents.", []string{"Peru DEMANDS Chile", "Peru ENGAGES Bolivia"}},
		{"a source placed in a state", "Rebels must leave the town, aid officials in Kenya said.", nil},
		{"a source in a neighbouring state", "Chile must return the documents, diplomats in neighbouring Peru said.", nil},
		{"a clause before said that", "After the talks, Peru said that Chile must return the documents.", []string{"Peru DEMANDS Chile"}},
		{"told an actor", "The talks will go on, Peru told Chile.", nil},
	})
}
