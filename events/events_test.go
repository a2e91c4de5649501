package events_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/graph"
)

var ctx = context.Background()

func memStore(t *testing.T) *graph.Store {
	t.Helper()
	s, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// loadFile detects, reads, converts and loads one file.
func loadFile(t *testing.T, s *graph.Store, name string, opts events.Options) (events.Summary, graph.LoadResult) {
	t.Helper()
	f, err := events.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	format, err := events.Detect(f.Head())
	if err != nil {
		t.Fatal(err)
	}
	r, err := events.NewReader(format, f)
	if err != nil {
		t.Fatal(err)
	}
	b, sum, err := events.Convert(ctx, r, s, opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Load(ctx, b)
	if err != nil {
		t.Fatalf("%s: load: %v", name, err)
	}
	return sum, res
}

func TestSamples(t *testing.T) {
	tests := []struct {
		file    string
		format  string
		rows    int
		stances int
		skipped map[string]int
	}{
		// 71 of the 300 rows have two actors; 35 of those are coded
		// outside the default vocabulary's roots (03, 04, 05, 10, 11, 12).
		{"gdelt2-20150218230000.export.CSV", events.FormatGDELT, 300, 36, map[string]int{events.SkipOneActor: 229, events.SkipNoType: 35}},
		// 100 rows of 58 columns and 51 of 57, mixed in one file.
		{"gdelt1-events.tsv", events.FormatGDELT, 151, 56, map[string]int{events.SkipOneActor: 45, events.SkipNoType: 50}},
		{"icews-events.2018.sample.tab", events.FormatICEWS, 300, 166, map[string]int{events.SkipNoType: 134}},
		// Compound actors give one stance per source and target pair.
		{"plover-gsr.jsonl", events.FormatPLOVER, 60, 52, map[string]int{events.SkipNotEvent: 1, events.SkipOneActor: 16, events.SkipSelf: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := memStore(t)
			name := "testdata/" + tt.file
			if got := detectFile(t, name); got != tt.format {
				t.Errorf("Detect = %q, want %q", got, tt.format)
			}
			sum, res := loadFile(t, s, name, events.Options{})
			if sum.Rows != tt.rows || sum.Stances != tt.stances || res.Stances != tt.stances || !reflect.DeepEqual(sum.Skipped, tt.skipped) {
				t.Errorf("rows %d, stances %d (stored %d), skipped %v; want %d, %d, %v", sum.Rows, sum.Stances, res.Stances, sum.Skipped, tt.rows, tt.stances, tt.skipped)
			}
			before, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			// Loading the same file again adds and changes nothing.
			_, again := loadFile(t, s, name, events.Options{})
			after, _ := s.Stats(ctx)
			if again.Actors != 0 || again.Stances != 0 || again.Changed != 0 || after != before {
				t.Errorf("second load: %+v, stats %+v then %+v", again, before, after)
			}
			rep, err := s.Check(ctx)
			if err != nil || len(rep.Violations) > 0 {
				t.Errorf("check: %v %v", err, rep.Violations)
			}
		})
	}
}

func detectFile(t *testing.T, name string) string {
	t.Helper()
	f, err := events.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	format, err := events.Detect(f.Head())
	if err != nil {
		t.Fatal(err)
	}
	return format
}
