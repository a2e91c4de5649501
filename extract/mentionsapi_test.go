package extract

import (
	"context"
	"fmt"
	"testing"
)

// TestMentions checks the actors Mentions reports for sentences written
// for this test: names, a reference resolved to its actor, a venue that
// is no actor, and the offsets of mentions and sentences.
func TestMentions(t *testing.T) {
	text := "Kenya's president met Ugandan officials in Geneva. The militants of al-Shabaab attacked. The group denied the report."
	ms, err := defaultExtractor().Mentions(context.Background(), text, testDate)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%s %q ref=%v sentence=%d", m.Actor.Name, string([]rune(text)[m.Start:m.End]), m.Ref, m.SentenceStart))
	}
	want := []string{
		`Kenya "Kenya" ref=false sentence=0`,
		`Uganda "Ugandan" ref=false sentence=0`,
		`al-Shabaab "al-Shabaab" ref=false sentence=51`,
		`al-Shabaab "The group" ref=true sentence=89`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Mentions:\n got %q\nwant %q", got, want)
	}
	for _, m := range ms {
		if m.SentenceStart > m.Start || m.End > m.SentenceEnd {
			t.Errorf("%s at %d-%d lies outside its sentence %d-%d", m.Actor.Name, m.Start, m.End, m.SentenceStart, m.SentenceEnd)
		}
	}
}

// TestExtractWithMentions checks that one reading gives what Extract and
// Mentions give apart, on sentences written for this test.
func TestExtractWithMentions(t *testing.T) {
	ex, ctx := defaultExtractor(), context.Background()
	text := "Chad urged Niger to reopen the border. The junta in Niamey rejected the call, and Niger's president met Mali."
	cs, ms, err := ex.ExtractWithMentions(ctx, text, testDate)
	if err != nil {
		t.Fatal(err)
	}
	wantCs, _ := ex.Extract(ctx, text, testDate)
	wantMs, _ := ex.Mentions(ctx, text, testDate)
	if len(cs) == 0 || len(ms) == 0 || fmt.Sprint(cs) != fmt.Sprint(wantCs) || fmt.Sprint(ms) != fmt.Sprint(wantMs) {
		t.Errorf("ExtractWithMentions:\n %v\n %v\nwant\n %v\n %v", cs, ms, wantCs, wantMs)
	}
}
