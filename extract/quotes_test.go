package extract

import "testing"

// TestQuotedSpeaker checks that a first-person subject inside a quotation
// is the speaker named around it, and "the statement" its issuer, in
// sentences written for this test.
func TestQuotedSpeaker(t *testing.T) {
	runCases(t, []extractCase{
		{"we, the ministry said", `"We reject the new demands of Serbia," the Croatian foreign ministry said on Monday.`,
			[]string{"Croatia REJECTS Serbia", "Serbia DEMANDS Croatia"}},
		{"we, said X", `"We condemn Chile for the border raid," said Peru.`, []string{"Peru ACCUSES Chile"}},
		{"I, the minister added", `"I urge Niger to reopen the border," the Chadian foreign minister added.`,
			[]string{"Chad DEMANDS Niger"}},
		{"the statement read", `Peru said the raid was unacceptable. "We condemn Chile for the border raid," the statement read.`,
			[]string{"Peru ACCUSES Chile"}},
		{"the statement called on", `"The raids must stop," the Peruvian foreign ministry said in a statement. The statement also called on Chile to withdraw its troops.`,
			[]string{"Peru DEMANDS Chile"}},
		{"issued a statement", `Chile said talks would resume. The foreign ministry of Peru issued a statement on Tuesday. "We condemn Chile for the border raid," the statement said.`,
			[]string{"Peru ACCUSES Chile"}},
		{"said: then the quote", `Peru said on Monday: "We condemn Chile for the border raid."`, []string{"Peru ACCUSES Chile"}},
		{"according to X", `According to the Peruvian foreign ministry, "we condemn Chile for the border raid."`, []string{"Peru ACCUSES Chile"}},
		{"quotation over two sentences", `"The talks failed. Now we demand that Chile withdraw its troops," Peru said.`, []string{"Peru DEMANDS Chile"}},
		{"said, calling (already handled on main)", `Chile offered talks to Peru. "The talks are a waste of time," Peru said, calling the offer a "provocation."`,
			[]string{"Chile OFFERS Peru", "Peru REJECTS Chile"}},
		{"no speaker named", `"We reject the new demands of Serbia," analysts said.`, nil},
		{"negated attribution", `"We reject the new demands of Serbia," Croatia did not say.`, nil},
		{"we outside the quote", `We reject the new demands of Serbia.`, nil},
	})
}
