package jsonl_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/jsonl"
)

// loadEventSample stores an event sample of events/testdata in s.
func loadEventSample(t *testing.T, s *graph.Store, name, format string) graph.Batch {
	t.Helper()
	f, err := events.Open("../events/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := events.NewReader(format, f)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := events.Convert(ctx, r, s, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEventStancesRoundTrip: references and measures go through export
// and load unchanged, and a converted batch written as JSON Lines loads
// as the batch itself (what load --url sends).
func TestEventStancesRoundTrip(t *testing.T) {
	for _, sample := range []struct{ name, format string }{
		{"gdelt2-20150218230000.export.CSV", events.FormatGDELT},
		{"icews-events.2018.sample.tab", events.FormatICEWS},
	} {
		t.Run(sample.format, func(t *testing.T) {
			direct, sent := newStore(t), newStore(t)
			b := loadEventSample(t, direct, sample.name, sample.format)
			if _, err := direct.Load(ctx, b); err != nil {
				t.Fatal(err)
			}
			var wire bytes.Buffer
			if err := jsonl.WriteBatch(&wire, b); err != nil {
				t.Fatal(err)
			}
			if _, err := jsonl.Load(ctx, sent, &wire, "batch.jsonl", nil); err != nil {
				t.Fatal(err)
			}
			first := export(t, direct)
			if !strings.Contains(first, `"references":[{"dataset":"`) || !strings.Contains(first, `"event":{"code":"`) {
				t.Fatalf("the export lacks references or measures:\n%.600s", first)
			}
			if got := export(t, sent); got != first {
				t.Errorf("the batch sent as JSON Lines stored another graph than the batch itself")
			}
			again := newStore(t)
			if _, err := jsonl.Load(ctx, again, strings.NewReader(first), "export.jsonl", nil); err != nil {
				t.Fatal(err)
			}
			if got := export(t, again); got != first {
				t.Errorf("export -> load -> export changed the bytes")
			}
			one, _ := direct.Stances(ctx, graph.StanceQuery{Dataset: sample.format, First: 1})
			back, _ := again.Stances(ctx, graph.StanceQuery{Dataset: sample.format, First: 1})
			if len(one.Stances) != 1 || len(back.Stances) != 1 || !reflect.DeepEqual(one.Stances[0].Event, back.Stances[0].Event) || !reflect.DeepEqual(one.Stances[0].References, back.Stances[0].References) {
				t.Errorf("measures or references differ after the round trip: %+v / %+v", one.Stances, back.Stances)
			}
		})
	}
}

func export(t *testing.T, s *graph.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := jsonl.Write(ctx, s, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestEventRecordErrors(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`{"record":"stance","subject":"A","type":"ENGAGES","object":"B","event":{"location":{"lat":1}}}`, "lat and long go together"},
		{`{"record":"stance","subject":"A","type":"ENGAGES","object":"B","event":{"quad":1}}`, `unknown field "quad"`},
		{`{"record":"stance","subject":"A","type":"ENGAGES","object":"B","references":[{"dataset":"GDELT","record":"1","sentence":"x"}]}`, "sentence"},
	} {
		_, err := jsonl.Read(strings.NewReader(tc.line), "f.jsonl", nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "f.jsonl:1") {
			t.Errorf("%s: %v, want an error at line 1 naming %q", tc.line, err, tc.want)
		}
	}
}
