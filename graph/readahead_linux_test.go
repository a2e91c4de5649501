package graph

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tableFlags returns the VmFlags the kernel reports for each mapping of
// dir's tables: "rr" is random access, "sr" sequential.
func tableFlags(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	prefix := absDir(dir) + "/"
	var out []string
	inTable := false
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":"):
			inTable = len(f) == 6 && strings.HasPrefix(f[5], prefix) && strings.HasSuffix(f[5], ".sst")
		case inTable && len(f) > 0 && f[0] == "VmFlags:":
			out = append(out, strings.Join(f[1:], " "))
		}
	}
	return out
}

// hasFlag reports whether every mapping carries flag (and there is one).
func hasFlag(flags []string, flag string) bool {
	for _, f := range flags {
		if !strings.Contains(" "+f+" ", " "+flag+" ") {
			return false
		}
	}
	return len(flags) > 0
}

// TestTablesAdvisedRandom: an on-disk store whose tables outgrow its
// share of memory marks them for random access, for sequential access
// while a whole-family scan runs; one that fits leaves them to the
// kernel, and so does Options.Readahead.
func TestTablesAdvisedRandom(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, layoutBatch()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // flushes the memtable into a table
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		readahead bool
		memory    int64  // the page cache's memory the store assumes; 0: the machine's
		want      string // VmFlags every table mapping carries, outside a scan and during one
		wantScan  string
	}{
		{"larger than memory", false, 4096, "rr", "sr"},
		{"fits in memory", false, 0, "", ""},
		{"readahead", true, 4096, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(dir, &Options{Readahead: tt.readahead})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if s.tables != nil && tt.memory > 0 {
				s.tables.mu.Lock()
				s.tables.memory = tt.memory
				s.tables.mu.Unlock()
				s.tables.mark()
			}
			check := func(when, want string) {
				t.Helper()
				flags := tableFlags(t, dir)
				if len(flags) == 0 {
					t.Fatalf("%s: no mapped table in %s", when, dir)
				}
				for _, f := range []string{"rr", "sr"} {
					if got := hasFlag(flags, f); got != (f == want) {
						t.Errorf("%s: flag %s on every table %v, want %v (VmFlags %q)", when, f, got, f == want, flags)
					}
				}
			}
			check("open", tt.want)
			done := s.tables.scanning()
			check("scanning", tt.wantScan)
			done()
			check("after the scan", tt.want)
		})
	}
}
