package export

import (
	"bufio"
	"context"
	"encoding/csv"

	"github.com/stancegraph/stancegraph/stance"
)

// csvHeader is the CSV export's columns: one row per stance, so rows count
// stances; evidence holds every quote as a JSON array of {document, quote,
// start, end} (pandas: df.evidence.map(json.loads), then explode for one
// row per quote).
var csvHeader = []string{"id", "subject", "type", "object", "topic", "date", "confidence", "evidence", "subject_id", "object_id"}

func writeCSV(ctx context.Context, store stance.Reader, w *bufio.Writer) error {
	actors, err := allActors(ctx, store)
	if err != nil {
		return err
	}
	nm := names(actors)
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	err = store.ForEachStance(ctx, nil, func(s stance.Stance) error {
		return cw.Write([]string{s.ID, nm[s.Subject], s.Type, nm[s.Object], s.Topic, s.Date.String(), ftoa(s.Confidence),
			jsonText(evidenceOf(s)), s.Subject, s.Object})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
