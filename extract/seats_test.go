package extract

import (
	"context"
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// datedCase is an extraction case for a text of a given date.
type datedCase struct {
	name string
	date stance.Date
	text string
	want []string
}

func runDatedCases(t *testing.T, cases []datedCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := defaultExtractor().Extract(context.Background(), tc.text, tc.date)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			var got []string
			for _, c := range cs {
				got = append(got, c.Subject.Name+" "+c.Type+" "+c.Object.Name)
			}
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("text: %s\n got: %q\nwant: %q", tc.text, got, want)
			}
		})
	}
}

// TestDatedSeats checks a seat whose holder changed while both went on,
// in sentences written for this test: Sanaa is Yemen's government before
// the Houthis took the city in September 2014 and the Houthis' after,
// as a name and after "the government in"; a seat's dateline names a
// ministry only while a state or government holds it.
func TestDatedSeats(t *testing.T) {
	before, after := stance.NewDate(2010, 3, 1), stance.NewDate(2019, 3, 1)
	runDatedCases(t, []datedCase{
		{"Sanaa before the takeover", before, "Riyadh held talks with Sanaa on the border.", []string{"Saudi Arabia ENGAGES Yemen"}},
		{"Sanaa after the takeover", after, "Riyadh held talks with Sanaa on the border.", []string{"Saudi Arabia ENGAGES Houthis"}},
		{"spelled with an apostrophe", after, "Sana'a accused Riyadh of bombing a market.", []string{"Houthis ACCUSES Saudi Arabia"}},
		{"the government in Sanaa", after, "Oman urged the government in Sanaa to free the sailors.", []string{"Oman DEMANDS Houthis"}},
		{"the government in Sanaa before", before, "Oman urged the government in Sanaa to free the sailors.", []string{"Oman DEMANDS Yemen"}},
		{"a place after in", after, "Oman and Iran met in Sanaa.", []string{"Oman ENGAGES Iran"}},
		{"dateline after the takeover", after, "SANAA: The foreign ministry accused Riyadh of bombing a market.", nil},
		{"dateline before the takeover", before, "SANAA: The foreign ministry accused Riyadh of bombing a market.", []string{"Yemen ACCUSES Saudi Arabia"}},
	})
}
