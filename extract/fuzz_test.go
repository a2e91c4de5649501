package extract

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/stance"
)

// FuzzExtract feeds arbitrary bytes to the extractor: it must not panic,
// and every candidate must point at its quote. The seed corpus lives in
// testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	f.Add("The United States urged the Taliban to step up. The group rejected the offer.", int32(737000))
	f.Add("\"Pakistan must act,\" a spokesman said. Was it accused by India? He, it, both.", int32(0))
	f.Add("<p>Chad\xff accused Niger</p>", int32(1))
	f.Add("The Global Rivers Forum of the Kenyan sides of Darfur said Ethopia must go; Saudi businessmen, President Levy Mwanawasa and the Kenya Farmers Association were accused of it by Quatar.", int32(730000))
	ex := New(nil)
	f.Fuzz(func(t *testing.T, text string, day int32) {
		cs, err := ex.Extract(context.Background(), text, stance.Date(day%800000))
		if err != nil {
			t.Fatal(err)
		}
		n := utf8.RuneCountInString(text)
		for _, c := range cs {
			if c.Start < 0 || c.Start > c.End || c.End > n {
				t.Fatalf("offsets [%d,%d) outside %d code points", c.Start, c.End, n)
			}
			if !strings.Contains(text, c.Quote) {
				t.Fatalf("quote %q not in text", c.Quote)
			}
			if utf8.ValidString(text) && string([]rune(text)[c.Start:c.End]) != c.Quote {
				t.Fatalf("offsets [%d,%d) do not hold %q", c.Start, c.End, c.Quote)
			}
			if c.Confidence <= 0 || c.Confidence >= 1 {
				t.Fatalf("confidence %v", c.Confidence)
			}
			if c.Subject.ID == c.Object.ID {
				t.Fatalf("self stance %s", c.Subject.Name)
			}
		}
	})
}
