package graph_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/graph"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2018-03-09", "2018-03-09T23:30:00-05:00", "", "0000-01-01", "9999-12-31", "2018-02-30", "yesterday"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := graph.ParseDate(s)
		if err != nil {
			return
		}
		if strings.TrimSpace(s) == "" {
			if !d.IsZero() {
				t.Fatalf("empty input gave %v", d)
			}
			return
		}
		back, err := graph.ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q -> %s -> %v, %v", s, d, back, err)
		}
	})
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"U.S.", "  United   States ", "al-Qaeda", "Côte d’Ivoire", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := graph.NormalizeName(s)
		if graph.NormalizeName(n) != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, graph.NormalizeName(n))
		}
		if !utf8.ValidString(n) || strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("%q normalized to %q", s, n)
		}
	})
}
