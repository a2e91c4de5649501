package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestTitledForOtherState checks that a title and surname the text gives
// another state ("King X of Y", "Y's King X", a demonym before the title)
// are not the dictionary's person of that surname in another country,
// and that the surname with a title alone or with the person's own state
// still is, in sentences written for this test, dated when Iraq's
// president of that surname was in office.
func TestTitledForOtherState(t *testing.T) {
	date := stance.NewDate(1995, 6, 1)
	for _, tc := range []struct{ name, text, want string }{
		{"of another state", "King Hussein of Jordan urged Syria to open the border.", "Jordan DEMANDS Syria"},
		{"another state's", "Jordan's King Hussein urged Syria to open the border.", "Jordan DEMANDS Syria"},
		{"another demonym", "Jordanian King Hussein urged Syria to open the border.", "Jordan DEMANDS Syria"},
		{"the title alone", "President Hussein urged Syria to open the border.", "Iraq DEMANDS Syria"},
		{"of the person's own state", "President Hussein of Iraq urged Syria to open the border.", "Iraq DEMANDS Syria"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := defaultExtractor().Extract(t.Context(), tc.text, date)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cs {
				got = append(got, c.Subject.Name+" "+c.Type+" "+c.Object.Name)
			}
			slices.Sort(got)
			if strings.Join(got, "; ") != tc.want {
				t.Errorf("text: %s\n got: %q\nwant: %q", tc.text, got, tc.want)
			}
		})
	}
}
