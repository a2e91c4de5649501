package extract

import (
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// codedCase is a sentence with the stances it states, each written
// "Subject/SUBJECTCODE TYPE Object/OBJECTCODE".
type codedCase struct {
	name string
	date graph.Date
	text string
	want string // stances joined by "; ", "" for none
}

func runCodedCases(t *testing.T, cases []codedCase) {
	t.Helper()
	ex := New(nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := ex.Extract(t.Context(), tc.text, tc.date)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cs {
				got = append(got, c.Subject.Name+"/"+c.SubjectCode+" "+c.Type+" "+c.Object.Name+"/"+c.ObjectCode)
			}
			if strings.Join(got, "; ") != tc.want {
				t.Errorf("text: %s\n got: %q\nwant: %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestGenericAgents checks a demonym before a Phoenix agent noun, in
// sentences written for this test: the state's own roles speak for it,
// the other roles are sides of the country of their own.
func TestGenericAgents(t *testing.T) {
	d := graph.NewDate(2010, 1, 1)
	runCodedCases(t, []codedCase{
		{"business", d, "A Saudi businessman accused Kenya of fraud.", "Saudi business/SAUBUS ACCUSES Kenya/KEN"},
		{"farmers as object", d, "Uganda praised Kenyan farmers.", "Uganda/UGA SUPPORTS Kenyan farmers/KENAGR"},
		{"people", d, "The Ugandan people condemned the Kenyan raid.", "Ugandan people/UGAPPL ACCUSES Kenya/KEN"},
		{"modifier before the agent", d, "Senior Nigerian businessmen urged Ghana to open its border.", "Nigerian business/NGABUS DEMANDS Ghana/GHA"},
		{"judges speak for the state", d, "Kenyan judges criticised Uganda.", "Kenya/KENJUD ACCUSES Uganda/UGA"},
		{"lawmakers speak for the state", d, "Zambian lawmakers condemned Malawi.", "Zambia/ZMBLEG ACCUSES Malawi/MWI"},
		{"no agent, no actor", d, "Saudi oil accused Kenya of fraud.", ""},
		{"an agent noun of another sense", d, "Kenya urged Libyan actors to end the fighting.", ""},
	})
}

// TestPeopleOutOfOffice checks people of the Phoenix country table at
// dates outside their offices, in sentences written for this test: they
// are of their country's elites, and in office, or titled in office by
// the text, they speak for the state.
func TestPeopleOutOfOffice(t *testing.T) {
	runCodedCases(t, []codedCase{
		{"in office", graph.NewDate(2006, 1, 1), "Levy Mwanawasa accused Malawi of smuggling.", "Zambia/ZMBGOV ACCUSES Malawi/MWI"},
		{"coded elite before office", graph.NewDate(2000, 1, 1), "Levy Mwanawasa accused Malawi of smuggling.", "Zambian elites/ZMBELI ACCUSES Malawi/MWI"},
		{"only office ranges", graph.NewDate(2000, 1, 1), "Moody Awori accused Uganda of smuggling.", "Kenyan elites/KENELI ACCUSES Uganda/UGA"},
		{"as object", graph.NewDate(2000, 1, 1), "Malawi accused Levy Mwanawasa of smuggling.", "Malawi/MWI ACCUSES Zambian elites/ZMBELI"},
		{"titled by the state speaks for it", graph.NewDate(2000, 1, 1), "Bulgarian President Todor Zhivkov praised Kenya.", "Bulgaria/BGRGOV SUPPORTS Kenya/KEN"},
		{"former office holder", graph.NewDate(2000, 1, 1), "Former president Todor Zhivkov praised Kenya.", "Bulgarian elites/BGRELI SUPPORTS Kenya/KEN"},
		{"titled in office by the text", graph.NewDate(2000, 1, 1), "President Levy Mwanawasa accused Malawi of smuggling.", "Zambia/ZMBGOV ACCUSES Malawi/MWI"},
		{"vice-president titled in office", graph.NewDate(2000, 1, 1), "Vice-President Moody Awori urged Uganda to open the border.", "Kenya/KENGOV DEMANDS Uganda/UGA"},
		{"former title", graph.NewDate(2000, 1, 1), "Former President Levy Mwanawasa accused Malawi of smuggling.", "Zambian elites/ZMBELI ACCUSES Malawi/MWI"},
	})
}

// TestAgentsInStates checks an agent noun before "in" or "of" and a
// state's name as that state's side, or the state for its own roles, in
// sentences written for this test.
func TestAgentsInStates(t *testing.T) {
	runCases(t, []extractCase{
		{"police in a state", "Police in Kenya accused Uganda of smuggling.", []string{"Kenya ACCUSES Uganda"}},
		{"students in a state", "Students in Nigeria criticized Ghana.", []string{"Nigerian education sector ACCUSES Ghana"}},
		{"object, of", "Kenya accused the police of Uganda of torture.", []string{"Kenya ACCUSES Uganda"}},
		{"object, a side", "Kenya urged farmers in Uganda to stop burning fields.", []string{"Kenya DEMANDS Ugandan farmers"}},
		{"diplomats abroad", "Diplomats in Kenya criticized Uganda.", nil},
		{"troops abroad", "Troops in Somalia attacked Kenya.", nil},
		{"a town is no state", "Police in Mombasa criticized Uganda.", nil},
	})
}
