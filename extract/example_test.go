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
