package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestBalkanLeaders checks the heads of state and government of the
// 1990s Balkans our additions date, and Yugoslavia as a state of its
// own, each speaking for its actor only while in office, in sentences
// written for this test.
func TestBalkanLeaders(t *testing.T) {
	ex := New(nil)
	for _, tc := range []struct {
		name string
		date stance.Date
		text string
		want string // "Subject TYPE Object", "; " between stances
	}{
		{"Milosevic for Serbia", stance.NewDate(1995, 3, 1), "Milosevic accused Croatia of aggression.", "Serbia ACCUSES Croatia"},
		{"Milosevic for Yugoslavia", stance.NewDate(1999, 4, 1), "Milosevic accused NATO of aggression.", "Yugoslavia ACCUSES NATO"},
		{"Milosevic out of office", stance.NewDate(2022, 5, 10), "Milosevic accused Croatia of aggression.", ""},
		{"Kostunica for Yugoslavia", stance.NewDate(2001, 6, 1), "Vojislav Kostunica urged Croatia to return the refugees.", "Yugoslavia DEMANDS Croatia"},
		{"Karadzic", stance.NewDate(1994, 7, 1), "Karadzic rejected the peace plan of the United Nations.", "Republika Srpska REJECTS United Nations"},
		{"Izetbegovic", stance.NewDate(1995, 3, 1), "Izetbegovic accused Serbia of aggression.", "Bosnia and Herzegovina ACCUSES Serbia"},
		{"Yugoslavia", stance.NewDate(1999, 4, 1), "Yugoslavia accused Croatia of aggression.", "Yugoslavia ACCUSES Croatia"},
		{"Yugoslav demonym", stance.NewDate(1999, 4, 1), "Yugoslav officials accused Albania of arming the rebels.", "Yugoslavia ACCUSES Albania"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := ex.Extract(t.Context(), tc.text, tc.date)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cs {
				got = append(got, c.Subject.Name+" "+c.Type+" "+c.Object.Name)
			}
			slices.Sort(got)
			if s := strings.Join(got, "; "); s != tc.want {
				t.Errorf("text: %s\n got: %q\nwant: %q", tc.text, s, tc.want)
			}
		})
	}
}
