package graph

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestTableMappings: only the tables of the store's directory are taken
// from /proc/self/maps, deleted ones and other files left out.
func TestTableMappings(t *testing.T) {
	maps := strings.Join([]string{
		"7f0000000000-7f0000100000 r--s 00000000 fd:01 123 /data/g/000001.sst",
		"7f0000100000-7f0000200000 r--s 00000000 fd:01 124 /data/g/000002.sst (deleted)",
		"7f0000200000-7f0000300000 rw-s 00000000 fd:01 125 /data/g/00001.mem",
		"7f0000300000-7f0000400000 r--s 00000000 fd:01 126 /data/gx/000003.sst",
		"7f0000400000-7f0000500000 rw-p 00000000 00:00 0",
		"7f0000500000-7f0000600000 r--s 00000000 fd:01 127 /data/g/000004.sst",
	}, "\n")
	got := tableMappings(maps, "/data/g/")
	want := []mapping{{0x7f0000000000, 0x7f0000100000, 123}, {0x7f0000500000, 0x7f0000600000, 127}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("tableMappings = %x, want %x", got, want)
	}
}

// TestAdvicePolicy: random access only for tables beyond half the page
// cache's memory, sequential then while a scan runs, and the kernel's
// default when the memory is unknown.
func TestAdvicePolicy(t *testing.T) {
	tests := []struct {
		memory, tables int64
		scanning       bool
		want           access
	}{
		{2000 << 20, 4867 << 20, false, accessRandom},
		{2000 << 20, 4867 << 20, true, accessSequential},
		{2000 << 20, 1000 << 20, false, accessNormal},
		{2000 << 20, 1001 << 20, false, accessRandom},
		{24 << 30, 525 << 20, true, accessNormal},
		{0, 4867 << 20, false, accessNormal},
	}
	for _, tt := range tests {
		if got := (advicePolicy{memory: tt.memory, scanning: tt.scanning}).choose(tt.tables); got != tt.want {
			t.Errorf("memory %d MiB, tables %d MiB, scanning %v: %d, want %d", tt.memory>>20, tt.tables>>20, tt.scanning, got, tt.want)
		}
	}
}

// TestAdviseChanged: a tick advises only the tables that are new or whose
// advice changed, leaves new tables alone while the kernel's default is
// wanted, and tries again a table whose advice was refused.
func TestAdviseChanged(t *testing.T) {
	a := mapping{0x1000, 0x2000, 11}
	b := mapping{0x3000, 0x4000, 12}
	reused := mapping{0x1000, 0x2000, 13} // a new table mapped where a was
	type call struct {
		m mapping
		a access
	}
	steps := []struct {
		name   string
		ms     []mapping
		want   access
		refuse mapping // advise fails for this mapping
		calls  []call
	}{
		{"small store: nothing to do", []mapping{a}, accessNormal, mapping{}, nil},
		{"grown: every table", []mapping{a, b}, accessRandom, mapping{}, []call{{a, accessRandom}, {b, accessRandom}}},
		{"unchanged: no call", []mapping{a, b}, accessRandom, mapping{}, nil},
		{"a deleted, new table where it was", []mapping{reused, b}, accessRandom, mapping{}, []call{{reused, accessRandom}}},
		{"scan refused on b", []mapping{reused, b}, accessSequential, b, []call{{reused, accessSequential}, {b, accessSequential}}},
		{"refused table tried again", []mapping{reused, b}, accessSequential, mapping{}, []call{{b, accessSequential}}},
		{"scan over", []mapping{reused, b}, accessRandom, mapping{}, []call{{reused, accessRandom}, {b, accessRandom}}},
	}
	var had map[mapping]access
	for _, st := range steps {
		var got []call
		advise := func(m mapping, x access) error {
			got = append(got, call{m, x})
			if m == st.refuse {
				return errors.New("refused")
			}
			return nil
		}
		had = adviseChanged(st.ms, st.want, had, advise)
		if !slices.Equal(got, st.calls) {
			t.Errorf("%s: advised %v, want %v", st.name, got, st.calls)
		}
	}
}
