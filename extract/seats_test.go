package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

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
