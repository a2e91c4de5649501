package extract_test

import (
	"context"
	"fmt"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/stance"
)

func ExampleExtractor_Extract() {
	ex := extract.New(extract.DefaultDictionary())
	text := "Japan on Tuesday called on North Korea to halt its missile tests. " +
		"Pyongyang rejected the demand, and the South Korean government was urged by Washington to stay calm."
	cs, err := ex.Extract(context.Background(), text, stance.NewDate(2022, 10, 5))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cs {
		fmt.Printf("%s %s %s on %s [%d:%d]\n", c.Subject.Name, c.Type, c.Object.Name, c.Date, c.Start, c.End)
	}
	// Output:
	// Japan DEMANDS North Korea on 2022-10-04 [0:65]
	// North Korea REJECTS Japan on 2022-10-05 [66:166]
	// United States DEMANDS South Korea on 2022-10-05 [66:166]
}

// Mentions shows which actors the extractor recognised in each sentence,
// and so whether a stance it missed was missed for want of an actor.
func ExampleExtractor_Mentions() {
	ex := extract.New(extract.DefaultDictionary())
	text := "Pyongyang fired a missile on Tuesday. Tokyo said the launch was a grave threat to Japan."
	ms, err := ex.Mentions(context.Background(), text, stance.NewDate(2022, 10, 5))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range ms {
		fmt.Printf("%s (%s) [%d:%d] in sentence [%d:%d]\n", m.Actor.Name, m.Code, m.Start, m.End, m.SentenceStart, m.SentenceEnd)
	}
	// Output:
	// North Korea (PRK) [0:9] in sentence [0:37]
	// Japan (JPN) [38:43] in sentence [38:88]
	// Japan (JPN) [82:87] in sentence [38:88]
}
