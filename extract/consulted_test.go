package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestConsultedWith checks, in sentences written for this test, that a
// consultation verb's partner is the actor after "with" past the verb's
// object, and never one across a clause's boundary.
func TestConsultedWith(t *testing.T) {
	runCases(t, []extractCase{
		{"object, then with", "Egypt discussed the crisis with Saudi Arabia.", []string{"Egypt ENGAGES Saudi Arabia"}},
		{"counterpart", "The Egyptian foreign minister discussed the crisis with his Saudi counterpart.", []string{"Egypt ENGAGES Saudi Arabia"}},
		{"manner and object", "Egypt's foreign minister discussed over the phone regional developments with the US secretary of state.",
			[]string{"Egypt ENGAGES United States"}},
		{"relative clause stops", "Egypt discussed the crisis, which began with the Saudi blockade, on Monday.", nil},
		{"partner right after", "Egypt consulted Saudi Arabia on the crisis.", []string{"Egypt ENGAGES Saudi Arabia"}},
		{"discussed together", "Greece and Turkey discussed bilateral relations.", []string{"Greece ENGAGES Turkey"}},
		{"their leaders discussed", "Kyriakos Mitsotakis and Recep Tayyip Erdogan discussed bilateral relations.", []string{"Greece ENGAGES Turkey"}},
		{"two consulted a third", "Greece and Cyprus consulted Turkey on the crisis.", []string{"Greece ENGAGES Turkey", "Cyprus ENGAGES Turkey"}},
		{"travel is not done together", "Argentina and Peru went further, calling the result a fraud.", nil},
		{"a language is no surname", "Japan imposed curbs, the ministry said in an English-language statement. The two countries normalized ties in 1965.", nil},
	})
}

// TestLibyaAndSudanActors checks the dictionary's rival Libyan
// authorities and Sudan's northern rebels at dates of their own, in
// sentences written for this test.
func TestLibyaAndSudanActors(t *testing.T) {
	in2019, in2023 := stance.NewDate(2019, 5, 8), stance.NewDate(2023, 3, 1)
	runDatedCases(t, []datedCase{
		{"Sarraj leads the GNA", in2019, "Fayez al-Sarraj accused France of supporting Khalifa Haftar.",
			[]string{"Government of National Accord ACCUSES France"}}, // the accused act is no stance of France's
		{"the GNA by name", in2019, "Egypt accused the Government of National Accord of hiring mercenaries.",
			[]string{"Egypt ACCUSES Government of National Accord"}},
		{"after the GNA, its name is Libya's", in2023, "Egypt accused the Government of National Accord of hiring mercenaries.",
			[]string{"Egypt ACCUSES Libya"}},
		{"a rival government's holder after the state's office", in2019, "Emmanuel Macron met Libya's Prime Minister Fayez al-Sarraj on Wednesday.",
			[]string{"France ENGAGES Government of National Accord"}},
		{"is to host", in2019, "Emmanuel Macron is to host Libya's Prime Minister Fayez al-Sarraj.",
			[]string{"France ENGAGES Government of National Accord"}},
		{"a demonym and an office", in2019, "Emmanuel Macron met Libyan Prime Minister Fayez al-Sarraj on Wednesday.",
			[]string{"France ENGAGES Government of National Accord"}},
		{"a possessive, a modifier and an office", in2019, "Egypt backed Libya's eastern commander Khalifa Haftar.",
			[]string{"Egypt SUPPORTS Libyan National Army"}},
		{"the state's own holder", in2023, "Emmanuel Macron met Ukraine's President Volodymyr Zelensky on Wednesday.", []string{"France ENGAGES Ukraine"}},
		{"Haftar's forces", in2023, "Russia has kept close ties with Haftar's forces.", []string{"Russia ENGAGES Libyan National Army"}},
		{"SPLM-N", stance.NewDate(2017, 2, 10), "The SPLM-N rejected the American proposal.",
			[]string{"SPLM-N REJECTS United States", "United States OFFERS SPLM-N"}},
	})
}

// TestInvitedEnvoysAndMarks checks, in sentences written for this test,
// that an envoy invited is summoned, and that accents and typographic
// apostrophes match the dictionaries' plain spellings.
func TestInvitedEnvoysAndMarks(t *testing.T) {
	runCases(t, []extractCase{
		{"invited an envoy", "Kazakhstan invited the charge d'affaires of Kyrgyzstan.", []string{"Kazakhstan ENGAGES Kyrgyzstan"}},
		{"invited an envoy to the ministry", "Kazakhstan invited Kyrgyzstan's ambassador to the ministry.", []string{"Kazakhstan ENGAGES Kyrgyzstan"}},
		{"summoned the ambassador of", "Kazakhstan summoned the ambassador of Kyrgyzstan.", []string{"Kazakhstan ENGAGES Kyrgyzstan"}},
		{"the holder's name after the title of a state", "Kazakhstan invited the charge d'affaires of Kyrgyzstan Kaynarbek Toktomushev.",
			[]string{"Kazakhstan ENGAGES Kyrgyzstan"}},
		{"invited a state", "Kazakhstan invited Kyrgyzstan to the summit.", []string{"Kazakhstan OFFERS Kyrgyzstan"}},
		{"accent", "Kazakhstan summoned the Chargé d'affaires of Kyrgyzstan.", []string{"Kazakhstan ENGAGES Kyrgyzstan"}},
		{"typographic apostrophe", "Kazakhstan summoned the charge d\u2019affaires of Kyrgyzstan.", []string{"Kazakhstan ENGAGES Kyrgyzstan"}},
		{"both in a name", "Mali accused C\u00f4te d\u2019Ivoire of harbouring rebels.", []string{"Mali ACCUSES Cote d'Ivoire"}},
	})
}
