package extract

import (
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestRoleActorsAndPeoples checks the actors a country's name or demonym
// makes with a group noun, the plural demonym as the state, and the
// organizations of our additions, in sentences written for this test.
func TestRoleActorsAndPeoples(t *testing.T) {
	ex := New(nil)
	for _, tc := range []struct {
		name string
		date stance.Date
		text string
		want string // "Subject/SUBJECTCODE TYPE Object/OBJECTCODE", "; " between stances
	}{
		{"demonym rebels", stance.NewDate(1995, 3, 1), "Ugandan rebels demanded the withdrawal of Kenya from the border region.",
			"Ugandan rebels/UGAREB DEMANDS Kenya/KEN"},
		{"country name rebels", stance.NewDate(1995, 3, 1), "Angola rebels condemned a raid by Zambia.",
			"Angolan rebels/AGOREB ACCUSES Zambia/ZMB"},
		{"rebel leaders", stance.NewDate(1995, 3, 1), "Sudanese rebel leaders accused Chad of arming the militias.",
			"Sudanese rebels/SDNREB ACCUSES Chad/TCD"},
		{"rebels in the country", stance.NewDate(1995, 3, 1), "Rebels in the Ivory Coast rejected a peace plan from Ghana.",
			"Ivorian rebels/CIVREB REJECTS Ghana/GHA"},
		{"alias of the state", stance.NewDate(1995, 3, 1), "Ivory Coast rebels rejected a peace plan from Ghana.",
			"Ivorian rebels/CIVREB REJECTS Ghana/GHA"},
		{"opposition groups in", stance.NewDate(2005, 3, 1), "Opposition groups in Zimbabwe accused Zambia of meddling.",
			"Zimbabwean opposition/ZWEOPP ACCUSES Zambia/ZMB"},
		{"opposition is not the state", stance.NewDate(2005, 3, 1), "The Togolese opposition accused Ghana of meddling.",
			"Togolese opposition/TGOOPP ACCUSES Ghana/GHA"},
		{"dictionary side kept", stance.NewDate(2020, 3, 1), "Houthi rebels accused Saudi Arabia of bombing the port.",
			"Houthis/YEM ACCUSES Saudi Arabia/SAU"},
		{"plural demonym", stance.NewDate(1998, 3, 1), "The Palestinians accused Israel of breaking the truce.",
			"Palestine/PSE ACCUSES Israel/ISR"},
		{"plural demonym object", stance.NewDate(1998, 3, 1), "Jordan praised the Israelis for reopening the crossing.",
			"Jordan/JOR SUPPORTS Israel/ISR"},
		{"singular demonym alone is no actor", stance.NewDate(1998, 3, 1), "A Palestinian accused Israel of breaking the truce.", ""},
		{"organization added", stance.NewDate(1998, 3, 1), "APEC agreed to give aid to Laos.", "APEC/ OFFERS Laos/LAO"},
		{"community before its end", stance.NewDate(1991, 3, 1), "The European Community demanded that Serbia lift the blockade.",
			"European Community/ DEMANDS Serbia/SRB"},
		{"community after its end is the union", stance.NewDate(1995, 3, 1), "The European Community demanded that Serbia lift the blockade.",
			"European Union/IGOEUREEC DEMANDS Serbia/SRB"},
	} {
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

// TestPluralDemonym: regular plurals only; a plural equal to the singular
// or a compound demonym has none.
func TestPluralDemonym(t *testing.T) {
	for in, want := range map[string]string{"Israeli": "Israelis", "Afghan": "Afghans", "Palestinian": "Palestinians",
		"Chinese": "", "French": "", "Swiss": "", "Bosnian-Serb": "", "South African": ""} {
		if got := pluralDemonym(in); got != want {
			t.Errorf("pluralDemonym(%q) = %q, want %q", in, got, want)
		}
	}
}
